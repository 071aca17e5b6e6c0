import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, LocalDateScalar, PageArgs } from "@cae/shared";
import type { InvoiceStatus as InvoiceStatusValue } from "./invoice.entity";
import { REVERSE_CHARGES, type ReverseCharge as ReverseChargeValue } from "./vat-rules";

export const ReverseCharge = Object.fromEntries(Object.keys(REVERSE_CHARGES).map((key) => [key, key])) as {
  [K in ReverseChargeValue]: K;
};
registerEnumType(ReverseCharge, {
  name: "ReverseCharge",
  description:
    "Why the customer, not the cooperative, pays the VAT of an invoice (autoliquidation): the invoice carries none, and says so.",
  valuesConfig: Object.fromEntries(Object.entries(REVERSE_CHARGES).map(([key, charge]) => [key, { description: charge.label }])),
});

export const InvoiceStatus = {
  DRAFT: "DRAFT",
  ISSUED: "ISSUED",
  PARTLY_PAID: "PARTLY_PAID",
  PAID: "PAID",
  CANCELLED: "CANCELLED",
} as const;
registerEnumType(InvoiceStatus, {
  name: "InvoiceStatus",
  description: "Where an invoice stands.",
  valuesConfig: {
    DRAFT: { description: "Draft (brouillon): no number yet, editable, deletable." },
    ISSUED: { description: "Issued (émise): numbered and frozen, nothing paid yet." },
    PARTLY_PAID: { description: "Partly paid (partiellement réglée)." },
    PAID: { description: "Paid in full (réglée), credit notes deducted." },
    CANCELLED: { description: "Cancelled in full by credit notes (annulée par avoir)." },
  },
});

@ObjectType({
  description:
    "The mandatory mentions of an issued invoice or credit note (mentions obligatoires, CGI art. 242 nonies A, Code de commerce L441-9), from the settings in force on its issue date.",
})
export class DocumentMentions {
  @Field(() => String, { description: "The cooperative's legal name: it invoices for every activity." })
  sellerLegalName: string;

  @Field(() => String, { description: "The cooperative's SIRET." })
  sellerSiret: string;

  @Field(() => String, { description: "The cooperative's intra-community VAT number." })
  sellerVatNumber: string;

  @Field(() => String, { description: "The cooperative's address." })
  sellerAddress: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Legal form and capital ("SCOP SARL à capital variable", Code de commerce R123-237); null for a document issued under settings that predate it.',
  })
  sellerLegalForm: string | null;

  @Field(() => String, { nullable: true, description: 'Registration at the trade registry ("RCS Toulouse 732 829 320", R123-237).' })
  sellerRegistration: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The customer's SIREN, for a French business (mandatory from the e-invoicing reform).",
  })
  customerSiren: string | null;

  @Field(() => String, { nullable: true, description: "The customer's intra-community VAT number, for a business of the European Union." })
  customerVatNumber: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The date of the delivery or service, or the period invoiced, when it differs from the issue date (CGI art. 242 nonies A).",
  })
  deliveryDate: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What the document sells: services, goods, or both (nature de l'opération, mandatory from the e-invoicing reform).",
  })
  operationNature: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reverse-charge mention ("Autoliquidation …"), when the customer pays the VAT (CGI art. 283-2, 283-2 nonies).',
  })
  reverseCharge: string | null;

  @Field(() => [String], { description: "The exemption mentions of the exempt lines, one per ground (CGI art. 242 nonies A, I-9°)." })
  vatExemptions: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "The decennial insurance (insurer, policy, coverage) of a building activity (Code des assurances L243-2); null for other sectors.",
  })
  decennialInsurance: string | null;

  @Field(() => String, { description: 'Payment terms ("Paiement à 30 jours, au plus tard le 2026-04-13").' })
  paymentTerms: string;

  @Field(() => String, { description: "Late-payment penalties (pénalités de retard)." })
  latePenalties: string;

  @Field(() => String, {
    nullable: true,
    description: "The fixed recovery fee of 40 EUR, for a business customer (L441-10, D441-5); null for a private customer.",
  })
  recoveryFee: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The VAT exemption mentions, when a line is exempt, joined by "; ".',
    deprecationReason: "Several grounds may apply: use vatExemptions.",
  })
  vatExemption: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The option for VAT on debits, printed when the cooperative took it and the document sells taxed services (CGI art. 242 nonies A, I-13°).",
  })
  vatOnDebits: string | null;
}

@ObjectType({
  description:
    "An invoice of an activity, in the cooperative's name (facture). Amounts in cents; each line's net = quantity × unit price rounded half up to the cent, the VAT of each rate = the sum of that rate's nets × the rate rounded half up, the total = nets + VATs. Issued, it is never edited nor deleted.",
})
export class Invoice {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Number in the cooperative\'s series ("F2026-000123"); null for a draft.' })
  number: string | null;

  @Field(() => InvoiceStatus, { description: "Where the invoice stands." })
  status: InvoiceStatusValue;

  @Field(() => LocalDateScalar, { nullable: true, description: "Issue date (date d'émission); null for a draft." })
  issuedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Due date (date d'échéance); null for a draft." })
  dueOn: string | null;

  @Field(() => Int, { nullable: true, description: "Payment terms in days; null on a draft that takes the settings' default." })
  paymentTermsDays: number | null;

  @Field(() => CentsScalar, { description: "Total excluding VAT (total HT)." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Total VAT (total TVA)." })
  vatCents: bigint;

  @Field(() => CentsScalar, { description: "Total including VAT (total TTC)." })
  totalCents: bigint;

  @Field(() => CentsScalar, { description: "Paid so far, VAT included." })
  paidCents: bigint;

  @Field(() => CentsScalar, { description: "Cancelled by credit notes so far, VAT included." })
  creditedCents: bigint;

  @Field(() => CentsScalar, { description: "Still due (reste dû) = total - credited - paid." })
  balanceCents: bigint;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Day of the delivery or of the completion of the service, when not the issue date.",
  })
  deliveredOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "First day of the period invoiced." })
  periodFrom: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day of the period invoiced." })
  periodTo: string | null;

  @Field(() => ReverseCharge, { nullable: true, description: "The reverse-charge case, when the customer pays the VAT." })
  reverseCharge: ReverseChargeValue | null;

  localId: string;
  accountId: string;
  customerId: string;
  settingsId: string | null;
}

export const InvoiceConnection = connectionType(Invoice, "Invoice", "invoice");

@ArgsType()
export class InvoiceFilterArgs extends PageArgs {
  @Field(() => InvoiceStatus, { nullable: true, description: "Only the invoices with this status." })
  status?: InvoiceStatusValue | null;

  @Field(() => ID, { nullable: true, description: "Only the invoices of this activity account." })
  accountId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only the invoices issued on or after this day." })
  issuedFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only the invoices issued on or before this day." })
  issuedTo?: string | null;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;
}
