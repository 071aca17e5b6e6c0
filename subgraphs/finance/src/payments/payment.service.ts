import {
  badUserInput,
  encodeId,
  notFound,
  optionalText,
  ownLocalId,
  pastDate,
  plausibleCents,
  requiredText,
  type Caller,
  recordAudit,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { requireActiveActivity } from "../accounts/account-access";
import { ActivityAccountEntity } from "../accounts/activity-account.entity";
import { adjustmentMonth } from "../contributions/closed-month";
import { conflictOn } from "../errors";
import { InvoiceEntity, settledStatus } from "../invoices/invoice.entity";
import { lockInvoice } from "../invoices/invoice.service";
import { PaymentEntity } from "./payment.entity";
import type { CancelPaymentInput, RecordPaymentInput } from "./payment.type";
import { postSources } from "../books/posting";

/** A closed account takes no payment nor reversal (its books are settled); one whose entrepreneur left still does. */
async function requireOpenAccountOf(manager: EntityManager, cooperativeId: string, invoice: InvoiceEntity, field: string) {
  const account = await manager.getRepository(ActivityAccountEntity).findOneByOrFail({ id: invoice.accountId });
  await requireActiveActivity(manager, cooperativeId, account, field, "booking");
  return account;
}

async function saveSettlement(manager: EntityManager, invoice: InvoiceEntity, paidCents: bigint) {
  invoice.paidCents = paidCents;
  invoice.status = settledStatus(invoice);
  await manager
    .getRepository(InvoiceEntity)
    .update({ id: invoice.id }, { paidCents: invoice.paidCents, status: invoice.status, updatedAt: new Date() });
}

/** Records a payment of an issued invoice: never more than what is still due on it; the status follows. */
export async function recordPayment(db: DataSource, cooperativeId: string, actor: Caller, input: RecordPaymentInput) {
  if (input.amountCents <= 0n) throw badUserInput("amountCents must be above 0", "input.amountCents");
  plausibleCents(input.amountCents, "input.amountCents");
  pastDate(input.receivedOn, "input.receivedOn");
  const reference = optionalText(input.reference, "input.reference", 200);
  return db.transaction(async (manager) => {
    const invoice = await lockInvoice(manager, cooperativeId, input.invoiceId, "input.invoiceId");
    await requireOpenAccountOf(manager, cooperativeId, invoice, "input.invoiceId");
    if (invoice.status === "DRAFT") throw conflictOn("A draft invoice is not paid: issue it first", "input.invoiceId");
    if (invoice.status === "CANCELLED") throw conflictOn(`Invoice ${invoice.number} is cancelled by credit notes`, "input.invoiceId");
    const due = invoice.totalCents - invoice.creditedCents - invoice.paidCents;
    if (input.amountCents > due) {
      throw badUserInput(
        `The payment (${input.amountCents} cents) exceeds what is due on invoice ${invoice.number} (${due} cents)`,
        "input.amountCents",
      );
    }
    if (invoice.issuedOn && input.receivedOn < invoice.issuedOn) {
      throw badUserInput(`A payment cannot be received before its invoice is issued (${invoice.issuedOn})`, "input.receivedOn");
    }
    const repository = manager.getRepository(PaymentEntity);
    const payment = await repository.save(
      repository.create({
        invoiceId: invoice.id,
        receivedOn: input.receivedOn,
        amountCents: input.amountCents,
        method: input.method,
        reference,
        reversalOf: null,
        reason: null,
        bookedOn: null,
      }),
    );
    await saveSettlement(manager, invoice, invoice.paidCents + input.amountCents);
    await postSources(manager, { only: { PAYMENT: [payment.id] } });
    await recordAudit(manager, actor, {
      action: "recordPayment",
      entityType: "Payment",
      entityId: encodeId(cooperativeId, payment.id),
      details: { ...input, amountCents: input.amountCents.toString() },
    });
    return { payment, invoice };
  });
}

/**
 * Cancels a payment (a bounced cheque, a payment recorded on the wrong invoice) by a reversing
 * entry, never by a delete: the payment stays as it was recorded, and a reversal with the
 * opposite amount points at it, so the invoice's history and the statements already given still
 * show what happened. The invoice's paid amount goes back down and its status follows. Dated in
 * a month whose contribution is recorded, the reversal is booked in the first open month after it.
 */
export async function cancelPayment(db: DataSource, cooperativeId: string, actor: Caller, input: CancelPaymentInput) {
  const id = ownLocalId(input.id, cooperativeId, "input.id");
  pastDate(input.cancelledOn, "input.cancelledOn");
  const reason = requiredText(input.reason, "input.reason", 500);
  return db.transaction(async (manager) => {
    const repository = manager.getRepository(PaymentEntity);
    const payment = await repository.findOneBy({ id });
    if (!payment) throw notFound(`No payment ${input.id}`, "input.id");
    // Every change to an invoice's payments queues on the invoice's lock: a second cancellation waits and sees the first.
    const invoice = await lockInvoice(manager, cooperativeId, encodeId(cooperativeId, payment.invoiceId), "input.id");
    if (payment.reversalOf !== null) {
      throw conflictOn("This entry is a reversal: it is not cancelled; record the payment again if it was received after all", "input.id");
    }
    const reversed = await repository.findOneBy({ reversalOf: payment.id });
    if (reversed) throw conflictOn(`This payment was already cancelled on ${reversed.receivedOn}`, "input.id");
    if (input.cancelledOn < payment.receivedOn) {
      throw badUserInput(`A payment cannot be cancelled before it was received (${payment.receivedOn})`, "input.cancelledOn");
    }
    const account = await requireOpenAccountOf(manager, cooperativeId, invoice, "input.id");
    const bookedOn = await adjustmentMonth(manager, account.id, input.cancelledOn);
    const reversal = await repository.save(
      repository.create({
        invoiceId: invoice.id,
        receivedOn: input.cancelledOn,
        amountCents: -payment.amountCents,
        method: payment.method,
        reference: payment.reference,
        reversalOf: payment.id,
        reason,
        bookedOn,
      }),
    );
    await saveSettlement(manager, invoice, invoice.paidCents - payment.amountCents);
    await postSources(manager, { only: { PAYMENT: [reversal.id] } });
    await recordAudit(manager, actor, {
      action: "cancelPayment",
      entityType: "Payment",
      entityId: input.id,
      details: { ...input, reason, reversalId: encodeId(cooperativeId, reversal.id), bookedOn },
    });
    return { reversal, invoice };
  });
}
