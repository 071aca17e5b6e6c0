import { ArgsType, Field, ObjectType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";
import { VatRate } from "../invoices/line.type";
import type { VatRate as VatRateValue } from "../money/arithmetic";

@ObjectType({ description: "A party of a received e-invoice, as its XML names it." })
export class ReceivedParty {
  @Field(() => String, { nullable: true, description: "Name (BT-27 / BT-44)." })
  name: string | null;

  @Field(() => String, { nullable: true, description: "SIREN: the legal registration (scheme 0002), or a SIRET's first nine digits." })
  siren: string | null;

  @Field(() => String, { nullable: true, description: "SIRET, when the registration given is one (scheme 0009)." })
  siret: string | null;

  @Field(() => String, { nullable: true, description: "VAT number (BT-31 / BT-48)." })
  vatNumber: string | null;

  @Field(() => String, { nullable: true, description: "Country code of its address." })
  country: string | null;
}

@ObjectType({ description: "One line of a received e-invoice's VAT breakdown (BG-23)." })
export class ReceivedVatAmount {
  @Field(() => VatRate, { nullable: true, description: "The French rate it is; null for a rate France does not have." })
  vatRate: VatRateValue | null;

  @Field(() => String, { description: "EN 16931 VAT category (S, E, AE, K, G, O, Z…)." })
  category: string;

  @Field(() => String, { description: 'The rate as written, percent ("20", "5.5").' })
  ratePercent: string;

  @Field(() => CentsScalar, { description: "Taxable amount (BT-116)." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "VAT (BT-117)." })
  vatCents: bigint;

  @Field(() => String, { nullable: true, description: "Exemption reason (BT-120)." })
  exemptionReason: string | null;
}

@ObjectType({
  description:
    "What a received e-invoice (Factur-X / ZUGFeRD CII, or UBL) says: the fields a supplier invoice is recorded from. Nothing is recorded by reading it.",
})
export class ReceivedInvoice {
  @Field(() => String, { description: "CII or UBL." })
  format: string;

  @Field(() => String, { description: "INVOICE or CREDIT_NOTE." })
  documentKind: string;

  @Field(() => String, { description: "Document type code (380 invoice, 381 credit note…)." })
  typeCode: string;

  @Field(() => String, { description: "The supplier's invoice number (BT-1)." })
  number: string;

  @Field(() => LocalDateScalar, { description: "Issue date (BT-2)." })
  issuedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Due date (BT-9)." })
  dueOn: string | null;

  @Field(() => String, { description: 'Currency (BT-5), "EUR" for most.' })
  currency: string;

  @Field(() => ReceivedParty, { description: "The seller: the supplier." })
  seller: ReceivedParty;

  @Field(() => ReceivedParty, { description: "The buyer: the cooperative, if the invoice is for it." })
  buyer: ReceivedParty;

  @Field(() => CentsScalar, { description: "Total excl. VAT (BT-109)." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Total VAT (BT-110)." })
  vatCents: bigint;

  @Field(() => CentsScalar, { description: "Total incl. VAT (BT-112)." })
  totalCents: bigint;

  @Field(() => CentsScalar, { description: "Amount due for payment (BT-115)." })
  payableCents: bigint;

  @Field(() => [ReceivedVatAmount], { description: "Net and VAT by category and rate." })
  amounts: ReceivedVatAmount[];
}

@ArgsType()
export class ReadReceivedInvoiceArgs {
  @Field(() => String, { description: "The file, base64: an XML e-invoice (CII or UBL) or a Factur-X / ZUGFeRD PDF; at most 10 MB." })
  file: string;
}
