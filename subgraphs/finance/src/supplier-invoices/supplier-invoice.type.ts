import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, LocalDateScalar } from "@cae/shared";
import type { ExpenseCategory as ExpenseCategoryValue } from "../expenses/expense.entity";
import { ExpenseCategory } from "../expenses/expense.type";
import { VatRate } from "../invoices/line.type";
import type { VatRate as VatRateValue } from "../money/arithmetic";
import { Supplier } from "../suppliers/supplier.type";
import type { SupplierInvoiceStatus as SupplierInvoiceStatusValue } from "./supplier-invoice.entity";
import { PurchaseFile, PurchaseFileInput } from "./purchase-file";

export const SupplierInvoiceStatus = { RECEIVED: "RECEIVED", PARTLY_PAID: "PARTLY_PAID", PAID: "PAID" } as const;
registerEnumType(SupplierInvoiceStatus, {
  name: "SupplierInvoiceStatus",
  description: "Where a supplier's invoice stands: RECEIVED (recorded, owed), PARTLY_PAID, PAID (by executed transfers).",
});

@ObjectType({ description: "The net and VAT of one rate on a purchase, as the supplier's invoice or the receipt states them." })
export class PurchaseVatAmount {
  @Field(() => VatRate, { description: "The rate." })
  vatRate: VatRateValue;

  @Field(() => CentsScalar, { description: "Net excl. VAT at this rate." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "VAT at this rate, as the supplier charged it (within a cent of net × rate)." })
  vatCents: bigint;
}

@ObjectType({
  description: "A supplier's invoice to an activity (facture fournisseur), booked in the purchases journal and paid by transfer.",
})
export class SupplierInvoice {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: "The supplier's invoice number, unique per supplier." })
  number: string;

  @Field(() => Supplier, { description: "The supplier." })
  supplier: Supplier;

  @Field(() => LocalDateScalar, { description: "Issue date on the invoice." })
  issuedOn: string;

  @Field(() => LocalDateScalar, { description: "Due date." })
  dueOn: string;

  @Field(() => ExpenseCategory, { description: "Category: which expense account it is booked to." })
  category: ExpenseCategoryValue;

  @Field(() => String, { description: "What was bought." })
  description: string;

  @Field(() => [PurchaseVatAmount], { description: "Net and VAT by rate." })
  amounts: PurchaseVatAmount[];

  @Field(() => CentsScalar, { description: "Net excl. VAT." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Deductible VAT." })
  vatCents: bigint;

  @Field(() => CentsScalar, { description: "Total incl. VAT, what is owed the supplier." })
  totalCents: bigint;

  @Field(() => CentsScalar, { description: "Paid by executed transfers." })
  paidCents: bigint;

  @Field(() => CentsScalar, { description: "Still owed: total − paid." })
  balanceCents: bigint;

  @Field(() => SupplierInvoiceStatus, { description: "Status." })
  status: SupplierInvoiceStatusValue;

  /** The activity account (local ID): whose it is, for the access policy. */
  accountId: string;
  supplierId: string;
  fileId: string;
}

export const SupplierInvoiceConnection = connectionType(SupplierInvoice, "SupplierInvoice", "supplier invoice");

@InputType({ description: "The net and VAT of one rate of a purchase." })
export class PurchaseVatAmountInput {
  @Field(() => VatRate, { description: "The rate; each rate once." })
  vatRate: VatRateValue;

  @Field(() => CentsScalar, { description: "Net excl. VAT, above 0." })
  netCents: bigint;

  @Field(() => CentsScalar, {
    nullable: true,
    description: "VAT as the document states it, within a cent of net × rate; computed (rounded half up) when not given; 0 when exempt.",
  })
  vatCents?: bigint | null;
}

@InputType({ description: "A supplier's invoice received for an activity." })
export class RecordSupplierInvoiceInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => ID, { description: "The supplier." })
  supplierId: string;

  @Field(() => String, { description: "The supplier's invoice number, 1 to 60 characters; unique per supplier (CONFLICT)." })
  number: string;

  @Field(() => LocalDateScalar, { description: "Issue date, not in the future." })
  issuedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Due date, not before the issue date; the issue date when not given." })
  dueOn?: string | null;

  @Field(() => ExpenseCategory, { description: "Category: which expense account it is booked to." })
  category: ExpenseCategoryValue;

  @Field(() => String, { description: "What was bought, 1 to 500 characters." })
  description: string;

  @Field(() => [PurchaseVatAmountInput], { description: "Net and VAT by rate, one rate at least." })
  amounts: PurchaseVatAmountInput[];

  @Field(() => PurchaseFileInput, { description: "The invoice itself (PDF or image)." })
  file: PurchaseFileInput;
}

export { PurchaseFile };

@InputType({ description: "A supplier's e-invoice received for an activity: its figures are read from the file itself." })
export class RecordReceivedSupplierInvoiceInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => ID, { description: "The supplier; when the file names the seller's SIREN or VAT number, they must be the supplier's." })
  supplierId: string;

  @Field(() => ExpenseCategory, { description: "Category: which expense account it is booked to." })
  category: ExpenseCategoryValue;

  @Field(() => String, { nullable: true, description: "What was bought; the seller's name and the invoice number by default." })
  description?: string | null;

  @Field(() => PurchaseFileInput, {
    description:
      "The e-invoice: a Factur-X (or ZUGFeRD) PDF, or a CII or UBL XML file (application/xml). It is kept as the invoice's file.",
  })
  file: PurchaseFileInput;
}
