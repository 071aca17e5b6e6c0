import {
  addDays,
  badUserInput,
  encodeId,
  notFound,
  ownLocalId,
  pastDate,
  plannedDate,
  todayInFrance,
  type Caller,
  recordAudit,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { assertMayDraftFor, requireAccount, requireActiveActivity } from "../accounts/account-access";
import { ActivityAccountEntity } from "../accounts/activity-account.entity";
import { assertMonthOpen } from "../contributions/closed-month";
import { requireCustomerOf } from "../customers/customer.service";
import { conflictOn } from "../errors";
import { requireSettingsOn, settingsOn } from "../settings/settings.service";
import { CustomerEntity } from "../customers/customer.entity";
import { insuranceProblem, sirenProblem, vatCaseProblem } from "./vat-case";
import type { ReverseCharge } from "./vat-rules";
import { InvoiceEntity, InvoiceLineEntity } from "./invoice.entity";
import type {
  CreateInvoiceDraftInput,
  DeleteInvoiceDraftInput,
  InvoicePeriodInput,
  IssueInvoiceInput,
  UpdateInvoiceDraftInput,
} from "./invoice.input";
import { priceLines, type LineRow } from "./lines";
import { takeNextNumber } from "./numbering";
import { postSources } from "../books/posting";

function checkTerms(days: number | null | undefined, field: string): number | null {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < 0 || days > 60)
    throw badUserInput("payment terms are 0 to 60 days (Code de commerce L441-10)", field);
  return days;
}

/** The delivery date and period of a draft, checked: plausible days, a period in order. */
function checkDelivery(deliveredOn: string | null | undefined, period: InvoicePeriodInput | null | undefined) {
  const checked = {
    deliveredOn: plannedDate(deliveredOn, "input.deliveredOn") ?? null,
    periodFrom: plannedDate(period?.from, "input.period.from") ?? null,
    periodTo: plannedDate(period?.to, "input.period.to") ?? null,
  };
  if (checked.periodFrom && checked.periodTo && checked.periodTo < checked.periodFrom) {
    throw badUserInput("the period ends before it begins", "input.period.to");
  }
  return checked;
}

/**
 * A draft's VAT case checked when it is made or changed, against the settings in force today when
 * there are some (issuing checks again with those of the issue date): BAD_USER_INPUT on the field.
 */
async function checkDraftVat(
  manager: EntityManager,
  draft: { reverseCharge: ReverseCharge | null; lines: readonly LineRow[] },
  customer: CustomerEntity,
  sector: ActivityAccountEntity["sector"],
) {
  const settings = await settingsOn(manager, todayInFrance());
  const problem = vatCaseProblem({ ...draft, linesField: "input.lines" }, customer, sector, settings);
  if (problem) throw badUserInput(problem.message, problem.field);
}

/** Locks an invoice row for the transaction: concurrent changes to one invoice queue. */
export async function lockInvoice(manager: EntityManager, cooperativeId: string, globalId: string, field: string): Promise<InvoiceEntity> {
  const invoice = await manager
    .getRepository(InvoiceEntity)
    .createQueryBuilder("invoice")
    .setLock("pessimistic_write")
    .where("invoice.id = :id", { id: ownLocalId(globalId, cooperativeId, field) })
    .getOne();
  if (!invoice) throw notFound(`No invoice ${globalId}`);
  return invoice;
}

async function lockDraft(
  manager: EntityManager,
  cooperativeId: string,
  globalId: string,
  field: string,
  actor: Caller,
): Promise<InvoiceEntity> {
  const invoice = await lockInvoice(manager, cooperativeId, globalId, field);
  const account = await manager.getRepository(ActivityAccountEntity).findOneByOrFail({ id: invoice.accountId });
  assertMayDraftFor(actor, cooperativeId, account);
  if (invoice.status !== "DRAFT") {
    throw conflictOn(
      `Invoice ${invoice.number} is issued: an issued invoice is never edited nor deleted; cancel it with a credit note`,
      field,
    );
  }
  return invoice;
}

export async function insertLines(manager: EntityManager, entity: "invoice" | "quote" | "creditNote", ownerId: string, rows: LineRow[]) {
  const table = { invoice: "invoice_lines", quote: "quote_lines", creditNote: "credit_note_lines" }[entity];
  const owner = { invoice: "invoice_id", quote: "quote_id", creditNote: "credit_note_id" }[entity];
  const values = rows.flatMap((row) => [
    ownerId,
    row.position,
    row.description,
    row.quantity,
    row.unitPriceCents.toString(),
    row.vatRate,
    row.netCents.toString(),
    row.supply,
    row.vatExemption ?? null,
  ]);
  const placeholders = rows.map((_, i) => `(${Array.from({ length: 9 }, (__, j) => `$${i * 9 + j + 1}`).join(", ")})`).join(", ");
  await manager.query(
    `INSERT INTO ${table} (${owner}, position, description, quantity, unit_price_cents, vat_rate, net_cents, supply, vat_exemption) VALUES ${placeholders}`,
    values,
  );
}

export async function createInvoiceDraft(db: DataSource, cooperativeId: string, actor: Caller, input: CreateInvoiceDraftInput) {
  const { rows, totals } = priceLines(input.lines, "input.lines");
  const paymentTermsDays = checkTerms(input.paymentTermsDays, "input.paymentTermsDays");
  const delivery = checkDelivery(input.deliveredOn, input.period);
  const reverseCharge = input.reverseCharge ?? null;
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.accountId, "input.accountId");
    assertMayDraftFor(actor, cooperativeId, account);
    await requireActiveActivity(manager, cooperativeId, account, "input.accountId");
    const customer = await requireCustomerOf(manager, cooperativeId, account.id, input.customerId, "input.customerId");
    await checkDraftVat(manager, { reverseCharge, lines: rows }, customer, account.sector);
    const invoice = await saveDraft(
      manager,
      { accountId: account.id, customerId: customer.id, quoteId: null, paymentTermsDays, reverseCharge, ...delivery },
      rows,
      totals,
    );
    await recordAudit(manager, actor, {
      action: "createInvoiceDraft",
      entityType: "Invoice",
      entityId: encodeId(cooperativeId, invoice.id),
      details: { ...input },
    });
    return invoice;
  });
}

export async function saveDraft(
  manager: EntityManager,
  values: Pick<InvoiceEntity, "accountId" | "customerId" | "quoteId" | "paymentTermsDays"> &
    Partial<Pick<InvoiceEntity, "deliveredOn" | "periodFrom" | "periodTo" | "reverseCharge">>,
  rows: LineRow[],
  totals: { netCents: bigint; vatCents: bigint; totalCents: bigint },
): Promise<InvoiceEntity> {
  const repository = manager.getRepository(InvoiceEntity);
  const invoice = await repository.save(
    repository.create({
      ...values,
      status: "DRAFT",
      netCents: totals.netCents,
      vatCents: totals.vatCents,
      totalCents: totals.totalCents,
      paidCents: 0n,
      creditedCents: 0n,
    }),
  );
  await insertLines(manager, "invoice", invoice.id, rows);
  return invoice;
}

export async function updateInvoiceDraft(db: DataSource, cooperativeId: string, actor: Caller, input: UpdateInvoiceDraftInput) {
  const priced = input.lines ? priceLines(input.lines, "input.lines") : null;
  const paymentTermsDays = checkTerms(input.paymentTermsDays, "input.paymentTermsDays");
  const delivery = checkDelivery(input.deliveredOn, input.period);
  return db.transaction(async (manager) => {
    const invoice = await lockDraft(manager, cooperativeId, input.id, "input.id", actor);
    const customerId = input.customerId
      ? (await requireCustomerOf(manager, cooperativeId, invoice.accountId, input.customerId, "input.customerId")).id
      : invoice.customerId;
    invoice.customerId = customerId;
    if (paymentTermsDays !== null) invoice.paymentTermsDays = paymentTermsDays;
    if (input.clearMentions) Object.assign(invoice, { deliveredOn: null, periodFrom: null, periodTo: null, reverseCharge: null });
    if (delivery.deliveredOn) invoice.deliveredOn = delivery.deliveredOn;
    if (delivery.periodFrom) Object.assign(invoice, { periodFrom: delivery.periodFrom, periodTo: delivery.periodTo });
    if (input.reverseCharge) invoice.reverseCharge = input.reverseCharge;
    // One after the other: a transaction is one connection.
    const customer = await manager.getRepository(CustomerEntity).findOneByOrFail({ id: customerId });
    const account = await manager.getRepository(ActivityAccountEntity).findOneByOrFail({ id: invoice.accountId });
    const lines = priced
      ? priced.rows
      : await manager.getRepository(InvoiceLineEntity).find({ where: { invoiceId: invoice.id }, order: { position: "ASC" } });
    await checkDraftVat(manager, { reverseCharge: invoice.reverseCharge, lines }, customer, account.sector);
    if (priced) {
      await manager.getRepository(InvoiceLineEntity).delete({ invoiceId: invoice.id });
      await insertLines(manager, "invoice", invoice.id, priced.rows);
      Object.assign(invoice, { netCents: priced.totals.netCents, vatCents: priced.totals.vatCents, totalCents: priced.totals.totalCents });
    }
    invoice.updatedAt = new Date();
    await manager.getRepository(InvoiceEntity).save(invoice);
    await recordAudit(manager, actor, { action: "updateInvoiceDraft", entityType: "Invoice", entityId: input.id, details: { ...input } });
    return invoice;
  });
}

export async function deleteInvoiceDraft(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: DeleteInvoiceDraftInput,
): Promise<string> {
  return db.transaction(async (manager) => {
    const invoice = await lockDraft(manager, cooperativeId, input.id, "input.id", actor);
    await manager.getRepository(InvoiceEntity).delete({ id: invoice.id });
    await recordAudit(manager, actor, { action: "deleteInvoiceDraft", entityType: "Invoice", entityId: input.id, details: { ...input } });
    return input.id;
  });
}

/**
 * Issues a draft: the invoice row and the series' counter are locked and changed in one
 * transaction, so a failure anywhere leaves neither a gap in the numbers nor a half-issued invoice.
 */
export async function issueInvoice(db: DataSource, cooperativeId: string, actor: Caller, input: IssueInvoiceInput) {
  // Never in the future: numbers follow the issue dates, so one far ahead would stop the series for good.
  const issuedOn = pastDate(input.issuedOn, "input.issuedOn") ?? todayInFrance();
  return db.transaction(async (manager) => {
    const invoice = await lockDraft(manager, cooperativeId, input.id, "input.id", actor);
    const settings = await requireSettingsOn(manager, issuedOn);
    await assertMonthOpen(manager, invoice.accountId, issuedOn, "input.issuedOn");
    // One after the other: a transaction is one connection.
    const customer = await manager.getRepository(CustomerEntity).findOneByOrFail({ id: invoice.customerId });
    const account = await manager.getRepository(ActivityAccountEntity).findOneByOrFail({ id: invoice.accountId });
    const lines = await manager.getRepository(InvoiceLineEntity).find({ where: { invoiceId: invoice.id }, order: { position: "ASC" } });
    // The settings of the issue date decide: the draft was checked against today's, which may differ.
    const problem =
      vatCaseProblem({ reverseCharge: invoice.reverseCharge, lines, linesField: "lines" }, customer, account.sector, settings) ??
      sirenProblem(customer, issuedOn) ??
      insuranceProblem(settings, account.sector);
    if (problem) throw conflictOn(`The draft cannot be issued: ${problem.message} (${problem.field}); correct the draft first`, "input.id");
    const number = await takeNextNumber(manager, "INVOICE", issuedOn, settings.invoicePrefix);
    const paymentTermsDays = invoice.paymentTermsDays ?? settings.paymentTermsDays;
    Object.assign(invoice, {
      status: "ISSUED",
      number,
      issuedOn,
      dueOn: addDays(issuedOn, paymentTermsDays),
      paymentTermsDays,
      settingsId: settings.id,
      updatedAt: new Date(),
    });
    await manager.getRepository(InvoiceEntity).save(invoice);
    await postSources(manager, { only: { INVOICE: [invoice.id] } });
    await recordAudit(manager, actor, {
      action: "issueInvoice",
      entityType: "Invoice",
      entityId: input.id,
      details: { ...input, issuedOn, number },
    });
    return invoice;
  });
}
