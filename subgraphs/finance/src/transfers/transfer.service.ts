import {
  badUserInput,
  conflict,
  encodeId,
  notFound,
  ownLocalId,
  pastDate,
  plannedDate,
  plausibleCents,
  recordAudit,
  requireOwnCooperative,
  todayInFrance,
  type Caller,
} from "@cae/shared";
import { postSources } from "../books/posting";
import { In, type DataSource, type EntityManager } from "typeorm";
import { ActivityAccountEntity } from "../accounts/activity-account.entity";
import { conflictOn } from "../errors";
import { ExpenseReportEntity } from "../expense-reports/expense-report.entity";
import { optionalBic, sepaIban } from "../suppliers/bank-details";
import { SupplierEntity } from "../suppliers/supplier.entity";
import { settledSupplierStatus, SupplierInvoiceEntity } from "../supplier-invoices/supplier-invoice.entity";
import { frenchDateTime } from "./pain001";
import { sepaText } from "./sepa-text";
import { TransferAccountEntity, TransferBatchEntity, TransferItemEntity } from "./transfer.entity";
import type { CreateTransferBatchInput, MarkTransferBatchExecutedInput, SetTransferAccountInput } from "./transfer.type";

/** Sets the cooperative's own account (administrators): the debtor of the batches prepared from now on. */
export async function setTransferAccount(db: DataSource, cooperativeId: string, actor: Caller, input: SetTransferAccountInput) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const iban = sepaIban(input.iban, "input.iban");
  const bic = optionalBic(input.bic, "input.bic");
  if (!bic) throw badUserInput("input.bic must not be empty: the cooperative's bank is named in every file", "input.bic");
  return db.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO transfer_account (singleton, iban, bic) VALUES (true, $1, $2)
       ON CONFLICT (singleton) DO UPDATE SET iban = EXCLUDED.iban, bic = EXCLUDED.bic, updated_at = now()`,
      [iban, bic],
    );
    await recordAudit(manager, actor, {
      action: "setTransferAccount",
      entityType: "Cooperative",
      entityId: cooperativeId,
      details: { ...input },
    });
    return manager.getRepository(TransferAccountEntity).findOneByOrFail({ singleton: true });
  });
}

interface PlannedItem {
  supplierInvoiceId: string | null;
  expenseReportId: string | null;
  accountId: string;
  amountCents: bigint;
  creditorName: string;
  creditorIban: string;
  creditorBic: string | null;
  remittance: string;
}

/** What prepared batches already schedule of each invoice: it is not owed twice. */
async function scheduled(manager: EntityManager, column: "supplier_invoice_id" | "expense_report_id", ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, bigint>();
  const rows: { id: string; cents: string }[] = await manager.query(
    `SELECT i.${column} AS id, sum(i.amount_cents)::text AS cents FROM transfer_items i JOIN transfer_batches b ON b.id = i.batch_id
      WHERE b.status = 'PREPARED' AND i.${column} = ANY($1::uuid[]) GROUP BY i.${column}`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, BigInt(row.cents)]));
}

/**
 * Prepares a batch of transfers (staff): supplier invoices (in full or in part, never beyond what
 * is owed and not yet scheduled) and approved expense reports (in full). The debtor (the
 * cooperative's name in its settings, its account) and each creditor's bank details are copied
 * onto the batch, so its file stays the same whatever changes later.
 */
export async function createTransferBatch(db: DataSource, cooperativeId: string, actor: Caller, input: CreateTransferBatchInput) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const today = todayInFrance();
  plannedDate(input.requestedOn, "input.requestedOn");
  if (input.requestedOn < today)
    throw badUserInput(`input.requestedOn ${input.requestedOn} is past: a bank executes from today (${today})`, "input.requestedOn");
  const invoiceIds = input.supplierInvoices.map((invoice, i) => ownLocalId(invoice.id, cooperativeId, `input.supplierInvoices.${i}.id`));
  const reportIds = input.expenseReportIds.map((id, i) => ownLocalId(id, cooperativeId, `input.expenseReportIds.${i}`));
  if (invoiceIds.length + reportIds.length === 0)
    throw badUserInput("A batch pays one invoice or report at least", "input.supplierInvoices");
  if (invoiceIds.length + reportIds.length > 1000)
    throw badUserInput("A batch pays 1000 invoices and reports at most", "input.supplierInvoices");
  invoiceIds.forEach((id, i) => {
    if (invoiceIds.indexOf(id) !== i) throw badUserInput(`input.supplierInvoices.${i}.id is given twice`, `input.supplierInvoices.${i}.id`);
  });
  reportIds.forEach((id, i) => {
    if (reportIds.indexOf(id) !== i) throw badUserInput(`input.expenseReportIds.${i} is given twice`, `input.expenseReportIds.${i}`);
  });
  input.supplierInvoices.forEach((invoice, i) => {
    if (invoice.amountCents !== null && invoice.amountCents !== undefined) {
      if (invoice.amountCents <= 0n)
        throw badUserInput(`input.supplierInvoices.${i}.amountCents must be above 0`, `input.supplierInvoices.${i}.amountCents`);
      plausibleCents(invoice.amountCents, `input.supplierInvoices.${i}.amountCents`);
    }
  });

  return db.transaction(async (manager) => {
    const account = await manager.getRepository(TransferAccountEntity).findOneBy({ singleton: true });
    if (!account) throw conflictOn("The cooperative's own account is not set (setTransferAccount)", "input.cooperativeId");
    const [settings]: { legal_name: string }[] = await manager.query(
      `SELECT legal_name FROM finance_settings ORDER BY (effective_from <= $1) DESC, effective_from DESC LIMIT 1`,
      [today],
    );
    if (!settings) throw conflictOn("The cooperative's finance settings are not recorded: its name is the debtor's", "input.cooperativeId");

    // Locked in a fixed order: two batches paying the same invoice queue, and the second sees the first.
    const invoices = invoiceIds.length
      ? await manager
          .getRepository(SupplierInvoiceEntity)
          .find({ where: { id: In(invoiceIds) }, order: { id: "ASC" }, lock: { mode: "pessimistic_write" } })
      : [];
    const reports = reportIds.length
      ? await manager
          .getRepository(ExpenseReportEntity)
          .find({ where: { id: In(reportIds) }, order: { id: "ASC" }, lock: { mode: "pessimistic_write" } })
      : [];
    const suppliers = new Map(
      (await manager.getRepository(SupplierEntity).findBy({ id: In([...new Set(invoices.map((invoice) => invoice.supplierId))]) })).map(
        (s) => [s.id, s],
      ),
    );
    const accounts = new Map(
      (await manager.getRepository(ActivityAccountEntity).findBy({ id: In([...new Set(reports.map((report) => report.accountId))]) })).map(
        (a) => [a.id, a],
      ),
    );
    const invoiceScheduled = await scheduled(manager, "supplier_invoice_id", invoiceIds);
    const reportScheduled = await scheduled(manager, "expense_report_id", reportIds);

    const items: PlannedItem[] = [];
    input.supplierInvoices.forEach((wanted, i) => {
      const field = `input.supplierInvoices.${i}`;
      const invoice = invoices.find((candidate) => candidate.id === invoiceIds[i]);
      if (!invoice) throw notFound(`No supplier invoice ${wanted.id}`, `${field}.id`);
      const supplier = suppliers.get(invoice.supplierId) as SupplierEntity;
      const open = invoice.totalCents - invoice.paidCents - (invoiceScheduled.get(invoice.id) ?? 0n);
      if (open <= 0n) throw conflictOn(`Invoice ${invoice.number} of ${supplier.name} is paid or scheduled in full already`, `${field}.id`);
      const amountCents = wanted.amountCents ?? open;
      if (amountCents > open) {
        throw badUserInput(
          `${field}.amountCents ${amountCents} exceeds what is owed and not yet scheduled on invoice ${invoice.number} (${open})`,
          `${field}.amountCents`,
        );
      }
      items.push({
        supplierInvoiceId: invoice.id,
        expenseReportId: null,
        accountId: invoice.accountId,
        amountCents,
        creditorName: supplier.name,
        creditorIban: supplier.iban,
        creditorBic: supplier.bic,
        remittance: sepaText(`Facture ${invoice.number}`, 140),
      });
    });
    input.expenseReportIds.forEach((id, i) => {
      const field = `input.expenseReportIds.${i}`;
      const report = reports.find((candidate) => candidate.id === reportIds[i]);
      if (!report) throw notFound(`No expense report ${id}`, field);
      if (report.status !== "APPROVED") throw conflictOn(`The expense report is ${report.status}: only an approved one is paid`, field);
      if (reportScheduled.has(report.id)) throw conflictOn("The expense report is in a prepared batch already", field);
      const activity = accounts.get(report.accountId) as ActivityAccountEntity;
      items.push({
        supplierInvoiceId: null,
        expenseReportId: report.id,
        accountId: report.accountId,
        amountCents: report.totalCents - report.paidCents,
        creditorName: report.payeeName,
        creditorIban: report.payeeIban,
        creditorBic: report.payeeBic,
        remittance: sepaText(`Note de frais ${activity.analyticCode} ${report.month}`, 140),
      });
    });
    const totalCents = items.reduce((sum, item) => sum + item.amountCents, 0n);

    const [{ seq }]: { seq: string }[] = await manager.query(
      `SELECT nextval(pg_get_serial_sequence('transfer_batches', 'seq'))::text AS seq`,
    );
    const number = `VIR-${seq.padStart(6, "0")}`;
    const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO transfer_batches (seq, number, status, requested_on, created_at, debtor_name, debtor_iban, debtor_bic, total_cents)
       OVERRIDING SYSTEM VALUE VALUES ($1, $2, 'PREPARED', $3, $4, $5, $6, $7, $8) RETURNING id`,
      [seq, number, input.requestedOn, createdAt, settings.legal_name, account.iban, account.bic, totalCents.toString()],
    );
    await manager
      .getRepository(TransferItemEntity)
      .insert(items.map((item, i) => ({ ...item, batchId: id, position: i + 1, endToEndId: `${number}-${i + 1}` })));
    await recordAudit(manager, actor, {
      action: "createTransferBatch",
      entityType: "TransferBatch",
      entityId: encodeId(cooperativeId, id),
      details: { ...input, number, totalCents: totalCents.toString() },
    });
    return manager.getRepository(TransferBatchEntity).findOneByOrFail({ id });
  });
}

async function lockBatch(manager: EntityManager, cooperativeId: string, globalId: string) {
  const id = ownLocalId(globalId, cooperativeId, "input.id");
  const batch = await manager.getRepository(TransferBatchEntity).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!batch) throw notFound(`No transfer batch ${globalId}`, "input.id");
  if (batch.status !== "PREPARED") throw conflictOn(`Batch ${batch.number} is ${batch.status}`, "input.id");
  return batch;
}

/**
 * Records that the bank executed a batch (staff): each transfer pays its invoice or report, whose
 * paid amount and status follow, and each is booked in the bank journal, in one transaction.
 */
export async function markTransferBatchExecuted(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: MarkTransferBatchExecutedInput,
) {
  pastDate(input.executedOn, "input.executedOn");
  return db.transaction(async (manager) => {
    const batch = await lockBatch(manager, cooperativeId, input.id);
    const prepared = frenchDateTime(batch.createdAt).slice(0, 10);
    if (input.executedOn < prepared)
      throw badUserInput(`input.executedOn is before the batch was prepared (${prepared})`, "input.executedOn");
    const items = await manager.getRepository(TransferItemEntity).find({ where: { batchId: batch.id }, order: { position: "ASC" } });
    const invoiceItems = items.filter((item) => item.supplierInvoiceId !== null);
    const reportItems = items.filter((item) => item.expenseReportId !== null);
    if (invoiceItems.length > 0) {
      const invoices = await manager.getRepository(SupplierInvoiceEntity).find({
        where: { id: In(invoiceItems.map((item) => item.supplierInvoiceId as string)) },
        lock: { mode: "pessimistic_write" },
      });
      for (const invoice of invoices) {
        const paid =
          invoice.paidCents +
          invoiceItems.filter((item) => item.supplierInvoiceId === invoice.id).reduce((sum, item) => sum + item.amountCents, 0n);
        if (paid > invoice.totalCents) throw conflict(`Invoice ${invoice.number} would be paid beyond its total`, "input.id");
        await manager
          .getRepository(SupplierInvoiceEntity)
          .update({ id: invoice.id }, { paidCents: paid, status: settledSupplierStatus(invoice.totalCents, paid), updatedAt: new Date() });
      }
    }
    if (reportItems.length > 0) {
      await manager.query(
        `UPDATE expense_reports r SET paid_cents = r.total_cents, status = 'PAID', updated_at = now()
          WHERE r.id = ANY($1::uuid[])`,
        [reportItems.map((item) => item.expenseReportId)],
      );
    }
    await manager.getRepository(TransferBatchEntity).update({ id: batch.id }, { status: "EXECUTED", executedOn: input.executedOn });
    await postSources(manager, { only: { PURCHASE_PAYMENT: items.map((item) => item.id) } });
    await recordAudit(manager, actor, {
      action: "markTransferBatchExecuted",
      entityType: "TransferBatch",
      entityId: input.id,
      details: { ...input },
    });
    return manager.getRepository(TransferBatchEntity).findOneByOrFail({ id: batch.id });
  });
}

/** Cancels a prepared batch that was not sent (staff): what it scheduled may be paid by another. */
export async function cancelTransferBatch(db: DataSource, cooperativeId: string, actor: Caller, id: string) {
  return db.transaction(async (manager) => {
    const batch = await lockBatch(manager, cooperativeId, id);
    await manager.getRepository(TransferBatchEntity).update({ id: batch.id }, { status: "CANCELLED", cancelledAt: new Date() });
    await recordAudit(manager, actor, { action: "cancelTransferBatch", entityType: "TransferBatch", entityId: id, details: { id } });
    return manager.getRepository(TransferBatchEntity).findOneByOrFail({ id: batch.id });
  });
}
