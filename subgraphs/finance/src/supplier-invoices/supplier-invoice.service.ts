import { badUserInput, encodeId, notFound, ownLocalId, pastDate, plannedDate, recordAudit, requiredText, type Caller } from "@cae/shared";
import { postSources } from "../books/posting";
import type { DataSource } from "typeorm";
import { requireAccount, requireActiveActivity } from "../accounts/account-access";
import { adjustmentMonth } from "../contributions/closed-month";
import { conflictOn } from "../errors";
import { SupplierEntity } from "../suppliers/supplier.entity";
import { checkedAmounts } from "./purchase-amounts";
import { checkedFile, storeFiles } from "./purchase-file";
import { SupplierInvoiceAmountEntity, SupplierInvoiceEntity } from "./supplier-invoice.entity";
import type { RecordSupplierInvoiceInput } from "./supplier-invoice.type";

export const SUPPLIER_INVOICE_NUMBER_MAX = 60;

/**
 * Records a supplier's invoice for an activity (staff: the cooperative owes the supplier) with the
 * invoice's file, and posts it to the purchases journal in the same transaction. Everything is
 * checked before anything is written, so a refused input leaves nothing behind.
 */
export async function recordSupplierInvoice(db: DataSource, cooperativeId: string, actor: Caller, input: RecordSupplierInvoiceInput) {
  const supplierId = ownLocalId(input.supplierId, cooperativeId, "input.supplierId");
  const number = requiredText(input.number, "input.number", SUPPLIER_INVOICE_NUMBER_MAX);
  pastDate(input.issuedOn, "input.issuedOn");
  const dueOn = plannedDate(input.dueOn ?? input.issuedOn, "input.dueOn");
  if (dueOn < input.issuedOn) throw badUserInput(`input.dueOn ${dueOn} is before the issue date ${input.issuedOn}`, "input.dueOn");
  const description = requiredText(input.description, "input.description", 500);
  const totals = checkedAmounts(input.amounts, "input.amounts");
  const file = checkedFile(input.file, "input.file");
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.accountId, "input.accountId");
    await requireActiveActivity(manager, cooperativeId, account, "input.accountId", "booking");
    // Its net counts in the activity's expenses (statement, gross-margin basis). An invoice that comes in
    // late, dated in a month whose contribution is recorded, is not refused: it counts as an adjustment
    // in the first open month after it, as a late expense does, and that month's figures never move.
    const bookedOn = await adjustmentMonth(manager, account.id, input.issuedOn);
    // Locked: two recordings of the same number queue here, and the second sees the first.
    const supplier = await manager
      .getRepository(SupplierEntity)
      .findOne({ where: { id: supplierId }, lock: { mode: "pessimistic_write" } });
    if (!supplier) throw notFound(`No supplier ${input.supplierId}`, "input.supplierId");
    const repository = manager.getRepository(SupplierInvoiceEntity);
    const existing = await repository.findOneBy({ supplierId, number });
    if (existing) {
      throw conflictOn(`Invoice ${number} of supplier ${supplier.name} is recorded already (on ${existing.issuedOn})`, "input.number");
    }
    const [fileId] = await storeFiles(manager, [file]);
    const invoice = await repository.save(
      repository.create({
        accountId: account.id,
        supplierId,
        number,
        issuedOn: input.issuedOn,
        bookedOn,
        dueOn,
        category: input.category,
        description,
        netCents: totals.netCents,
        vatCents: totals.vatCents,
        totalCents: totals.totalCents,
        paidCents: 0n,
        status: "RECEIVED",
        fileId,
      }),
    );
    const amounts = manager.getRepository(SupplierInvoiceAmountEntity);
    await amounts.insert(totals.amounts.map((amount) => amounts.create({ ...amount, invoiceId: invoice.id })));
    await postSources(manager, { only: { SUPPLIER_INVOICE: [invoice.id] } });
    await recordAudit(manager, actor, {
      action: "recordSupplierInvoice",
      entityType: "SupplierInvoice",
      entityId: encodeId(cooperativeId, invoice.id),
      // The file's bytes are in purchase_files; the audit keeps what identifies them.
      details: {
        ...input,
        amounts: totals.amounts.map((a) => ({ vatRate: a.vatRate, netCents: a.netCents.toString(), vatCents: a.vatCents.toString() })),
        file: { fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 },
      },
    });
    return { invoice: await repository.findOneByOrFail({ id: invoice.id }), supplier, amounts: totals.amounts };
  });
}
