import {
  encodeId,
  eraseAuditDetails,
  eraseAuditMentions,
  ERASED_TEXT,
  mentions,
  publishEvent,
  scrubIdentity,
  type ErasedIdentity,
  type ErasurePart,
} from "@cae/shared";
import type { EntityManager } from "typeorm";
import { ActivityAccountEntity } from "../accounts/activity-account.entity";
import { CustomerEntity } from "../customers/customer.entity";
import { ExpenseEntity } from "../expenses/expense.entity";

/**
 * The finance subgraph's part of erasing a person (docs/access.md, "Erasure"): mentions of them in
 * activity names, expense descriptions and customer records go; what the law keeps (issued
 * invoices and credit notes, and the customers they name, ten years) stays as issued. Tells the
 * members subgraph what was done.
 */
export async function eraseFromFinance(
  manager: EntityManager,
  cooperativeId: string,
  localPersonId: string,
  identity: ErasedIdentity,
): Promise<void> {
  const accounts = await manager.getRepository(ActivityAccountEntity).findBy({ personId: localPersonId });
  const accountIds = accounts.map((account) => account.id);
  for (const account of accounts) {
    const label = scrubIdentity(account.label, identity);
    if (label !== account.label) await manager.getRepository(ActivityAccountEntity).update({ id: account.id }, { label });
  }
  let expenses = 0;
  let payments = 0;
  let customersErased = 0;
  let customersKept = 0;
  const customerIds: string[] = [];
  if (accountIds.length > 0) {
    const expenseRows = await manager.query<{ id: string; description: string }[]>(
      "SELECT id, description FROM expenses WHERE account_id = ANY($1::uuid[])",
      [accountIds],
    );
    for (const row of expenseRows) {
      const description = scrubIdentity(row.description, identity);
      if (description === row.description) continue;
      await manager.getRepository(ExpenseEntity).update({ id: row.id }, { description });
      expenses++;
    }
    // Payments' references and cancellation reasons are free texts too; their amounts and dates stay.
    const paymentRows = await manager.query<{ id: string; reference: string | null; reason: string | null }[]>(
      `SELECT p.id, p.reference, p.reason FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = ANY($1::uuid[])`,
      [accountIds],
    );
    for (const row of paymentRows) {
      const reference = row.reference === null ? null : scrubIdentity(row.reference, identity);
      const reason = row.reason === null ? null : scrubIdentity(row.reason, identity);
      if (reference === row.reference && reason === row.reason) continue;
      await manager.query("UPDATE payments SET reference = $2, reason = $3 WHERE id = $1", [row.id, reference, reason]);
      payments++;
    }
    // A customer who is the person (their name or email): a record of theirs, unless an issued
    // invoice or credit note names it, which the law keeps as issued.
    const customers = await manager.query<{ id: string; name: string; email: string | null; address: string; issued: boolean }[]>(
      `SELECT c.id, c.name, c.email, c.address,
              EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id AND i.issued_on IS NOT NULL) AS issued
         FROM customers c WHERE c.account_id = ANY($1::uuid[])`,
      [accountIds],
    );
    for (const customer of customers) {
      customerIds.push(customer.id);
      if (!mentions(`${customer.name} ${customer.email ?? ""}`, identity)) continue;
      if (customer.issued) {
        customersKept++;
        continue;
      }
      await manager
        .getRepository(CustomerEntity)
        .update({ id: customer.id }, { name: ERASED_TEXT, email: null, address: ERASED_TEXT, siret: null });
      customersErased++;
    }
  }
  // The account's documents and money: their audit rows keep their history, less what names the person.
  const records =
    accountIds.length === 0
      ? []
      : await manager.query<{ id: string }[]>(
          `SELECT id FROM invoices WHERE account_id = ANY($1::uuid[])
           UNION ALL SELECT p.id FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = ANY($1::uuid[])
           UNION ALL SELECT id FROM credit_notes WHERE account_id = ANY($1::uuid[])
           UNION ALL SELECT id FROM quotes WHERE account_id = ANY($1::uuid[])
           UNION ALL SELECT id FROM expenses WHERE account_id = ANY($1::uuid[])`,
          [accountIds],
        );
  const mentioningRows = await eraseAuditMentions(
    manager,
    records.map((record) => encodeId(cooperativeId, record.id)),
    identity,
  );
  const auditRows =
    mentioningRows +
    (await eraseAuditDetails(manager, [
      encodeId(cooperativeId, localPersonId),
      ...accountIds.map((id) => encodeId(cooperativeId, id)),
      ...customerIds.map((id) => encodeId(cooperativeId, id)),
    ]));
  const part: ErasurePart = {
    subgraph: "finance",
    appliedAt: new Date().toISOString(),
    erased: [
      `mentions of the person in the names of ${accounts.length} activity account(s)`,
      `mentions of the person in ${expenses} expense description(s) and ${payments} payment reference(s) or reason(s)`,
      `${customersErased} customer record(s) that were the person`,
      `the inputs recorded in ${auditRows} audit row(s)`,
    ],
    kept: [
      ...(accounts.length === 0
        ? []
        : [
            {
              what: `${accounts.length} activity account(s) with their analytic code, invoices, credit notes, payments, expenses, supplier invoices, expense reports (with the payee's name and IBAN the transfer went to), payroll results, and the journal entries and bank statement lines that name them`,
              why: "Accounting records and their vouchers are kept ten years (Code de commerce L123-22; Livre des procédures fiscales L102 B).",
            },
          ]),
      ...(customersKept === 0
        ? []
        : [
            {
              what: `${customersKept} customer record(s) that are the person, named on issued invoices`,
              why: "An issued invoice is kept as issued, with its customer's name and address, ten years (Code de commerce L123-22; CGI art. 242 nonies A).",
            },
          ]),
    ],
  };
  await publishEvent(manager, "erasure.applied", encodeId(cooperativeId, localPersonId), { part });
}
