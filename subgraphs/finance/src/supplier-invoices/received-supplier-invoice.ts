import { badUserInput, conflict, ownLocalId, type Caller } from "@cae/shared";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { readReceivedFile, type ReceivedInvoice } from "../facturx/received";
import { SupplierEntity } from "../suppliers/supplier.entity";
import { recordSupplierInvoice } from "./supplier-invoice.service";
import type { RecordReceivedSupplierInvoiceInput } from "./supplier-invoice.type";

const FILE = "input.file.contentBase64";

/** The reader names the file it was given; here the file is a field of the input. */
async function read(contentBase64: string): Promise<ReceivedInvoice> {
  try {
    return await readReceivedFile(contentBase64);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "BAD_USER_INPUT") throw badUserInput(error.message, FILE);
    throw error;
  }
}

/**
 * Records a supplier's e-invoice (Factur-X, CII or UBL) as a supplier invoice: its number, dates
 * and amounts by rate are the file's, never typed again, and the file is kept as the invoice's.
 * Refused: a credit note, another currency than the euro, a rate France does not have, and a file
 * whose seller is another company than the supplier named.
 */
export async function recordReceivedSupplierInvoice(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RecordReceivedSupplierInvoiceInput,
) {
  const received = await read(input.file.contentBase64);
  if (received.documentKind !== "INVOICE") throw badUserInput("The file is a credit note: it is not recorded as a supplier invoice", FILE);
  if (received.currency !== "EUR")
    throw badUserInput(`The invoice is in ${received.currency}: supplier invoices are recorded in euros`, FILE);
  const amounts = received.amounts.map((amount) => {
    if (!amount.vatRate) throw badUserInput(`The invoice charges VAT at ${amount.ratePercent} %, which is not a French rate`, FILE);
    return { vatRate: amount.vatRate, netCents: amount.netCents, vatCents: amount.vatCents };
  });
  const supplier = await db
    .getRepository(SupplierEntity)
    .findOneBy({ id: ownLocalId(input.supplierId, cooperativeId, "input.supplierId") });
  if (supplier) {
    const seller = received.seller;
    const sirenOf = (siret: string | null) => siret?.slice(0, 9) ?? null;
    const sellerSiren = seller.siren ?? sirenOf(seller.siret);
    const supplierSiren = sirenOf(supplier.siret);
    if (
      (sellerSiren && supplierSiren && sellerSiren !== supplierSiren) ||
      (seller.vatNumber && supplier.vatNumber && seller.vatNumber !== supplier.vatNumber)
    ) {
      throw conflict(
        `The invoice was issued by ${seller.name ?? "another company"}, not by the supplier ${supplier.name}`,
        "input.supplierId",
      );
    }
  }
  return recordSupplierInvoice(db, cooperativeId, actor, {
    accountId: input.accountId,
    supplierId: input.supplierId,
    number: received.number,
    issuedOn: received.issuedOn,
    dueOn: received.dueOn,
    category: input.category,
    description: input.description?.trim() || `${received.seller.name ?? "Facture"} ${received.number}`,
    amounts,
    file: input.file,
  });
}
