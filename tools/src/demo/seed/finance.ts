import type { DataSource, EntityManager } from "typeorm";
import { seedDemoPersonPaths } from "./sibling-facts";
import { generateFinanceDemo } from "./finance-books";
import { demoProfile } from "..";
import { ActivityAccountEntity, postSources } from "@cae/finance";

type Value = string | number | bigint | null;

/** The trade registry (greffe) of the registered office's department, for the demo's RCS mention (issue 18). */
const GREFFE: Record<string, string> = { "38": "Grenoble", "35": "Rennes", "31": "Toulouse", "75": "Paris" };

/** Multi-row INSERTs, as few as PostgreSQL's 65,535 parameters allow: the demo seeds in a handful of statements. */
async function bulkInsert(manager: EntityManager, table: string, columns: string[], rows: Value[][]): Promise<void> {
  const perStatement = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const placeholders = chunk.map((_, i) => `(${columns.map((__, j) => `$${i * columns.length + j + 1}`).join(", ")})`).join(", ");
    await manager.query(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${placeholders}`,
      chunk.flat().map((value) => (typeof value === "bigint" ? value.toString() : value)),
    );
  }
}

/** Writes the cooperative's demo accounts and a year of their books, once: a restart finds them and writes nothing. */
export async function seedFinanceDemo(db: DataSource, cooperativeId: string): Promise<void> {
  await db.transaction(async (manager) => {
    const accounts = manager.getRepository(ActivityAccountEntity);
    if ((await accounts.count()) > 0) return;
    const demo = generateFinanceDemo(cooperativeId);
    await accounts.insert(demo.accounts.map((account) => ({ ...account })));
    await seedDemoPersonPaths(manager, cooperativeId);
    const s = demo.settings;
    await bulkInsert(
      manager,
      "finance_settings",
      [
        "id",
        "effective_from",
        "legal_name",
        "siret",
        "vat_number",
        "address",
        "contribution_basis",
        "contribution_brackets",
        "invoice_prefix",
        "credit_note_prefix",
        "payment_terms_days",
        "late_penalty_rate",
        "recovery_fee_cents",
        "vat_exemption_mention",
        "employer_charge_rate",
        "employee_charge_rate",
        "legal_form",
        "rcs_number",
        "rcs_city",
        "legal_interest_rate",
        "quote_prefix",
        "decennial_insurer",
        "decennial_policy",
        "decennial_coverage",
      ],
      [
        [
          s.id,
          s.effectiveFrom,
          s.legalName,
          s.siret,
          s.vatNumber,
          s.address,
          s.contributionBasis,
          JSON.stringify(s.contributionBrackets),
          s.invoicePrefix,
          s.creditNotePrefix,
          s.paymentTermsDays,
          s.latePenaltyRate,
          4000n,
          "Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)",
          s.employerChargeRate,
          s.employeeChargeRate,
          "SCOP SARL à capital variable",
          s.siret.slice(0, 9),
          GREFFE[demoProfile(cooperativeId).departments[0]] ?? "Paris",
          // The legal interest rate for professional creditors, second half of 2025: the penalties (12 %) are above three times it.
          "2.76",
          "D",
          "SMABTP",
          `DEC-${s.siret.slice(0, 9)}`,
          "France métropolitaine",
        ],
      ],
    );
    await bulkInsert(
      manager,
      "customers",
      ["id", "account_id", "name", "kind", "siret", "address", "email"],
      demo.customers.map((c) => [c.id, c.accountId, c.name, c.kind, c.siret, c.address, c.email]),
    );
    // Issued invoices come with their lines at once: the trigger that freezes issued invoices' lines waits for the end of the seed.
    await manager.query("ALTER TABLE invoice_lines DISABLE TRIGGER invoice_lines_issued_frozen");
    await bulkInsert(
      manager,
      "invoices",
      [
        "id",
        "account_id",
        "customer_id",
        "status",
        "number",
        "issued_on",
        "due_on",
        "payment_terms_days",
        "settings_id",
        "net_cents",
        "vat_cents",
        "total_cents",
        "paid_cents",
        "credited_cents",
      ],
      demo.invoices.map((i) => [
        i.id,
        i.accountId,
        i.customerId,
        i.status,
        i.number,
        i.issuedOn,
        i.dueOn,
        i.paymentTermsDays,
        s.id,
        i.netCents,
        i.vatCents,
        i.totalCents,
        i.paidCents,
        i.creditedCents,
      ]),
    );
    const lineColumns = ["position", "description", "quantity", "unit_price_cents", "vat_rate", "net_cents", "supply", "vat_exemption"];
    // The demo's exempt lines are training (docs/finance.md, "Demo data").
    const ground = (vatRate: string) => (vatRate === "EXEMPT" ? "TRAINING" : null);
    await bulkInsert(
      manager,
      "invoice_lines",
      ["invoice_id", ...lineColumns],
      demo.lines.map((l) => [
        l.invoiceId,
        l.position,
        l.description,
        l.quantity,
        l.unitPriceCents,
        l.vatRate,
        l.netCents,
        l.supply,
        ground(l.vatRate),
      ]),
    );
    await manager.query("ALTER TABLE invoice_lines ENABLE TRIGGER invoice_lines_issued_frozen");
    await bulkInsert(
      manager,
      "credit_notes",
      ["id", "invoice_id", "account_id", "number", "issued_on", "reason", "settings_id", "net_cents", "vat_cents", "total_cents"],
      demo.creditNotes.map((c) => [
        c.id,
        c.invoiceId,
        c.accountId,
        c.number,
        c.issuedOn,
        c.reason,
        s.id,
        c.netCents,
        c.vatCents,
        c.totalCents,
      ]),
    );
    await bulkInsert(
      manager,
      "credit_note_lines",
      ["credit_note_id", ...lineColumns],
      demo.creditNoteLines.map((l) => [
        l.creditNoteId,
        l.position,
        l.description,
        l.quantity,
        l.unitPriceCents,
        l.vatRate,
        l.netCents,
        l.supply,
        ground(l.vatRate),
      ]),
    );
    await bulkInsert(
      manager,
      "payments",
      ["id", "invoice_id", "received_on", "amount_cents", "method", "reference"],
      demo.payments.map((p) => [p.id, p.invoiceId, p.receivedOn, p.amountCents, p.method, p.reference]),
    );
    await bulkInsert(
      manager,
      "expenses",
      ["id", "account_id", "spent_on", "category", "description", "net_cents", "vat_cents", "receipt_reference"],
      demo.expenses.map((e) => [e.id, e.accountId, e.spentOn, e.category, e.description, e.netCents, e.vatCents, e.receiptReference]),
    );
    await bulkInsert(
      manager,
      "contribution_entries",
      [
        "id",
        "account_id",
        "month",
        "basis",
        "basis_cents",
        "year_basis_before_cents",
        "rate_source",
        "parts",
        "amount_cents",
        "settings_id",
      ],
      demo.contributions.map((c) => [
        c.id,
        c.accountId,
        c.month,
        c.basis,
        c.basisCents,
        c.yearBasisBeforeCents,
        "COOPERATIVE",
        JSON.stringify(c.parts),
        c.amountCents,
        s.id,
      ]),
    );
    await bulkInsert(
      manager,
      "salary_costs",
      ["id", "account_id", "month", "amount_cents"],
      demo.salaryCosts.map((c) => [c.id, c.accountId, c.month, c.amountCents]),
    );
    await bulkInsert(
      manager,
      "invoice_series",
      ["kind", "year", "last_number", "last_issued_on"],
      demo.series.map((c) => [c.kind, c.year, c.lastNumber, c.lastIssuedOn]),
    );
    // The year's journal, as if each entry had been posted on its day.
    await postSources(manager, { validatedOn: "ENTRY_DATE" });
  });
}
