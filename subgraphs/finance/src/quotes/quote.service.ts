import { badUserInput, encodeId, notFound, ownLocalId, pastDate, plannedDate, todayInFrance, type Caller, recordAudit } from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { assertMayDraftFor, requireAccount, requireActiveActivity } from "../accounts/account-access";
import { requireCustomerOf } from "../customers/customer.service";
import { conflictOn } from "../errors";
import { insertLines, saveDraft } from "../invoices/invoice.service";
import { priceLines } from "../invoices/lines";
import { QuoteEntity, QuoteLineEntity } from "./quote.entity";
import { takeNextNumber } from "../invoices/numbering";
import { insuranceProblem, vatCaseProblem } from "../invoices/vat-case";
import { DEFAULT_QUOTE_PREFIX, requireSettingsOn } from "../settings/settings.service";
import type { CreateQuoteInput, DecideQuoteInput } from "./quote.type";

export async function createQuote(db: DataSource, cooperativeId: string, actor: Caller, input: CreateQuoteInput) {
  const { rows, totals } = priceLines(input.lines, "input.lines");
  pastDate(input.issuedOn, "input.issuedOn");
  plannedDate(input.validUntil, "input.validUntil");
  if (input.validUntil < input.issuedOn) throw badUserInput("validUntil must not be before issuedOn", "input.validUntil");
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.accountId, "input.accountId");
    assertMayDraftFor(actor, cooperativeId, account);
    await requireActiveActivity(manager, cooperativeId, account, "input.accountId");
    const customer = await requireCustomerOf(manager, cooperativeId, account.id, input.customerId, "input.customerId");
    // A quote is printed with the identity and mentions in force on its day, and numbered in its own series (docs/finance.md, "Quotes").
    const settings = await requireSettingsOn(manager, input.issuedOn);
    const problem =
      vatCaseProblem({ reverseCharge: null, lines: rows, linesField: "input.lines" }, customer, account.sector, settings) ??
      insuranceProblem(settings, account.sector);
    if (problem) throw badUserInput(problem.message, problem.field);
    const number = await takeNextNumber(manager, "QUOTE", input.issuedOn, settings.quotePrefix ?? DEFAULT_QUOTE_PREFIX);
    const repository = manager.getRepository(QuoteEntity);
    const quote = await repository.save(
      repository.create({
        number,
        settingsId: settings.id,
        accountId: account.id,
        customerId: customer.id,
        status: "PENDING",
        issuedOn: input.issuedOn,
        validUntil: input.validUntil,
        decidedOn: null,
        netCents: totals.netCents,
        vatCents: totals.vatCents,
        totalCents: totals.totalCents,
      }),
    );
    await insertLines(manager, "quote", quote.id, rows);
    await recordAudit(manager, actor, {
      action: "createQuote",
      entityType: "Quote",
      entityId: encodeId(cooperativeId, quote.id),
      details: { ...input, number },
    });
    return quote;
  });
}

async function lockPending(manager: EntityManager, cooperativeId: string, globalId: string, decidedOn: string) {
  const quote = await manager
    .getRepository(QuoteEntity)
    .createQueryBuilder("quote")
    .setLock("pessimistic_write")
    .where("quote.id = :id", { id: ownLocalId(globalId, cooperativeId, "input.id") })
    .getOne();
  if (!quote) throw notFound(`No quote ${globalId}`);
  if (quote.status !== "PENDING") throw conflictOn(`The quote is already ${quote.status.toLowerCase()}`, "input.id");
  if (decidedOn < quote.issuedOn) throw badUserInput(`The answer cannot come before the quote (${quote.issuedOn})`, "input.decidedOn");
  return quote;
}

/** Accepts a pending quote within its validity: it becomes a draft invoice with the same customer and lines. */
export async function acceptQuote(db: DataSource, cooperativeId: string, actor: Caller, input: DecideQuoteInput) {
  const decidedOn = pastDate(input.decidedOn, "input.decidedOn") ?? todayInFrance();
  return db.transaction(async (manager) => {
    const quote = await lockPending(manager, cooperativeId, input.id, decidedOn);
    if (decidedOn > quote.validUntil) throw conflictOn(`The quote expired on ${quote.validUntil}`, "input.decidedOn");
    const lines = await manager.getRepository(QuoteLineEntity).find({ where: { quoteId: quote.id }, order: { position: "ASC" } });
    const invoice = await saveDraft(
      manager,
      { accountId: quote.accountId, customerId: quote.customerId, quoteId: quote.id, paymentTermsDays: null },
      lines,
      quote,
    );
    await manager.getRepository(QuoteEntity).update({ id: quote.id }, { status: "ACCEPTED", decidedOn });
    await recordAudit(manager, actor, {
      action: "acceptQuote",
      entityType: "Quote",
      entityId: input.id,
      details: { ...input, decidedOn, invoiceId: encodeId(cooperativeId, invoice.id) },
    });
    return { ...quote, status: "ACCEPTED" as const, decidedOn };
  });
}

export async function refuseQuote(db: DataSource, cooperativeId: string, actor: Caller, input: DecideQuoteInput) {
  const decidedOn = pastDate(input.decidedOn, "input.decidedOn") ?? todayInFrance();
  return db.transaction(async (manager) => {
    const quote = await lockPending(manager, cooperativeId, input.id, decidedOn);
    await manager.getRepository(QuoteEntity).update({ id: quote.id }, { status: "REFUSED", decidedOn });
    await recordAudit(manager, actor, { action: "refuseQuote", entityType: "Quote", entityId: input.id, details: { ...input, decidedOn } });
    return { ...quote, status: "REFUSED" as const, decidedOn };
  });
}
