import { badUserInput, encodeId, optionalText, pastDate, plausibleCents, type Caller, recordAudit } from "@cae/shared";
import type { DataSource } from "typeorm";
import { conflictOn } from "../errors";
import { InvoiceEntity, settledStatus } from "../invoices/invoice.entity";
import { lockInvoice } from "../invoices/invoice.service";
import { PaymentEntity } from "./payment.entity";
import type { RecordPaymentInput } from "./payment.type";

/** Records a payment of an issued invoice: never more than what is still due on it; the status follows. */
export async function recordPayment(db: DataSource, cooperativeId: string, actor: Caller, input: RecordPaymentInput) {
  if (input.amountCents <= 0n) throw badUserInput("amountCents must be above 0", "input.amountCents");
  plausibleCents(input.amountCents, "input.amountCents");
  pastDate(input.receivedOn, "input.receivedOn");
  const reference = optionalText(input.reference, "input.reference", 200);
  return db.transaction(async (manager) => {
    const invoice = await lockInvoice(manager, cooperativeId, input.invoiceId, "input.invoiceId");
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
      }),
    );
    invoice.paidCents += input.amountCents;
    invoice.status = settledStatus(invoice);
    await manager
      .getRepository(InvoiceEntity)
      .update({ id: invoice.id }, { paidCents: invoice.paidCents, status: invoice.status, updatedAt: new Date() });
    await recordAudit(manager, actor, {
      action: "recordPayment",
      entityType: "Payment",
      entityId: encodeId(cooperativeId, payment.id),
      details: { ...input, amountCents: input.amountCents.toString() },
    });
    return { payment, invoice };
  });
}
