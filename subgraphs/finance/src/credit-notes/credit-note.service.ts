import { badUserInput, encodeId, pastDate, requiredText, todayInFrance, type Caller, recordAudit } from "@cae/shared";
import type { DataSource } from "typeorm";
import { assertMonthOpen } from "../contributions/closed-month";
import { conflictOn } from "../errors";
import { InvoiceLineEntity, settledStatus, InvoiceEntity } from "../invoices/invoice.entity";
import { insertLines, lockInvoice } from "../invoices/invoice.service";
import { priceLines, quantityOf, type LineRow } from "../invoices/lines";
import { takeNextNumber } from "../invoices/numbering";
import { postSources } from "../books/posting";
import { documentTotals } from "../money/arithmetic";
import { requireSettingsOn } from "../settings/settings.service";
import { CreditNoteEntity } from "./credit-note.entity";
import type { IssueCreditNoteInput } from "./credit-note.input";

export async function issueCreditNote(db: DataSource, cooperativeId: string, actor: Caller, input: IssueCreditNoteInput) {
  const issuedOn = pastDate(input.issuedOn, "input.issuedOn") ?? todayInFrance();
  const reason = requiredText(input.reason, "input.reason", 500);
  const partial = input.lines ? priceLines(input.lines, "input.lines") : null;
  return db.transaction(async (manager) => {
    const invoice = await lockInvoice(manager, cooperativeId, input.invoiceId, "input.invoiceId");
    if (invoice.status === "DRAFT") throw conflictOn("A draft is not credited: edit or delete it", "input.invoiceId");
    if (invoice.status === "CANCELLED") throw conflictOn(`Invoice ${invoice.number} is already cancelled in full`, "input.invoiceId");
    if (invoice.issuedOn && issuedOn < invoice.issuedOn) {
      throw conflictOn(`A credit note cannot be dated before its invoice (${invoice.issuedOn})`, "input.issuedOn");
    }
    const invoiceLines = await manager
      .getRepository(InvoiceLineEntity)
      .find({ where: { invoiceId: invoice.id }, order: { position: "ASC" } });
    const remaining = invoice.totalCents - invoice.creditedCents - invoice.paidCents;
    let rows: LineRow[];
    let totals: { netCents: bigint; vatCents: bigint; totalCents: bigint; vat: { vatRate: string; netCents: bigint }[] };
    if (!partial) {
      if (invoice.creditedCents > 0n || invoice.paidCents > 0n) {
        throw conflictOn(`Invoice ${invoice.number} is partly paid or credited: give the lines to credit`, "input.lines");
      }
      rows = invoiceLines.map(({ position, description, quantity, unitPriceCents, vatRate, supply, netCents, vatExemption }) => ({
        position,
        description,
        quantity,
        unitPriceCents,
        vatRate,
        supply,
        netCents,
        vatExemption,
      }));
      totals = documentTotals(
        rows.map((row) => ({ quantityThousandths: quantityOf(row), unitPriceCents: row.unitPriceCents, vatRate: row.vatRate })),
      );
    } else {
      ({ rows, totals } = partial);
      if (totals.totalCents > remaining) {
        throw badUserInput(
          `The credit (${totals.totalCents} cents) exceeds what remains unpaid and uncredited on the invoice (${remaining} cents)`,
          "input.lines",
        );
      }
      // Rate by rate, never more than the invoice's net at that rate minus what earlier credit notes took.
      const invoiced = documentTotals(
        invoiceLines.map((row) => ({ quantityThousandths: quantityOf(row), unitPriceCents: row.unitPriceCents, vatRate: row.vatRate })),
      );
      const credited: { vat_rate: string; net: string }[] = await manager.query(
        `SELECT l.vat_rate, sum(l.net_cents) AS net FROM credit_note_lines l JOIN credit_notes c ON c.id = l.credit_note_id WHERE c.invoice_id = $1 GROUP BY l.vat_rate`,
        [invoice.id],
      );
      for (const share of totals.vat) {
        const available =
          (invoiced.vat.find((v) => v.vatRate === share.vatRate)?.netCents ?? 0n) -
          BigInt(credited.find((c) => c.vat_rate === share.vatRate)?.net ?? 0);
        if (share.netCents > available) {
          throw badUserInput(
            `The credit at ${share.vatRate} (${share.netCents} cents excl. VAT) exceeds what the invoice has left at that rate (${available})`,
            "input.lines",
          );
        }
      }
    }
    const settings = await requireSettingsOn(manager, issuedOn);
    await assertMonthOpen(manager, invoice.accountId, issuedOn, "input.issuedOn");
    const number = await takeNextNumber(manager, "CREDIT_NOTE", issuedOn, settings.creditNotePrefix);
    const repository = manager.getRepository(CreditNoteEntity);
    const creditNote = await repository.save(
      repository.create({
        invoiceId: invoice.id,
        accountId: invoice.accountId,
        number,
        issuedOn,
        reason,
        settingsId: settings.id,
        netCents: totals.netCents,
        vatCents: totals.vatCents,
        totalCents: totals.totalCents,
      }),
    );
    await insertLines(manager, "creditNote", creditNote.id, rows);
    invoice.creditedCents += totals.totalCents;
    invoice.status = settledStatus(invoice);
    await manager
      .getRepository(InvoiceEntity)
      .update({ id: invoice.id }, { creditedCents: invoice.creditedCents, status: invoice.status, updatedAt: new Date() });
    await postSources(manager, { only: { CREDIT_NOTE: [creditNote.id] } });
    await recordAudit(manager, actor, {
      action: "issueCreditNote",
      entityType: "CreditNote",
      entityId: encodeId(cooperativeId, creditNote.id),
      details: { ...input, issuedOn, number, totalCents: totals.totalCents.toString() },
    });
    return creditNote;
  });
}
