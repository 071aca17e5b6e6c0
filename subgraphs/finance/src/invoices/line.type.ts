import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, DecimalScalar } from "@cae/shared";
import type { VatRate as VatRateValue } from "../money/arithmetic";
import { VAT_EXEMPTION_GROUNDS, type VatExemptionGround as VatExemptionGroundValue } from "./vat-rules";

export const VatRate = {
  STANDARD_20: "STANDARD_20",
  INTERMEDIATE_10: "INTERMEDIATE_10",
  REDUCED_5_5: "REDUCED_5_5",
  SUPER_REDUCED_2_1: "SUPER_REDUCED_2_1",
  OVERSEAS_8_5: "OVERSEAS_8_5",
  EXEMPT: "EXEMPT",
} as const;
registerEnumType(VatRate, {
  name: "VatRate",
  description: "A French VAT rate (taux de TVA, CGI art. 278 and following).",
  valuesConfig: {
    STANDARD_20: { description: "20 %, the standard rate (taux normal)." },
    INTERMEDIATE_10: { description: "10 %, the intermediate rate (taux intermédiaire)." },
    REDUCED_5_5: { description: "5.5 %, the reduced rate (taux réduit)." },
    SUPER_REDUCED_2_1: {
      description: "2.1 %, the super-reduced rate (taux particulier) in mainland France, the reduced rate overseas (CGI art. 296).",
    },
    OVERSEAS_8_5: {
      description: "8.5 %, the normal rate in Guadeloupe, Martinique and La Réunion (CGI art. 296): for cooperatives there only.",
    },
    EXEMPT: {
      description:
        "No VAT charged: exempt (with the line's ground, or the settings' default mention), not applicable, or paid by the customer under reverse charge.",
    },
  },
});

export const Supply = {
  SERVICES: "SERVICES",
  GOODS: "GOODS",
} as const;
export type SupplyValue = keyof typeof Supply;
registerEnumType(Supply, {
  name: "Supply",
  description: "What a line sells, which decides when its VAT is due (CGI art. 269-2) and the revenue account it is posted to.",
  valuesConfig: {
    SERVICES: {
      description: "A service (prestation de services): VAT due on receipt of the payment, unless the cooperative opted for VAT on debits.",
    },
    GOODS: { description: "Goods (livraison de biens): VAT due on delivery, posted with the invoice." },
  },
});

export const VatExemptionGround = Object.fromEntries(Object.keys(VAT_EXEMPTION_GROUNDS).map((key) => [key, key])) as {
  [K in VatExemptionGroundValue]: K;
};
registerEnumType(VatExemptionGround, {
  name: "VatExemptionGround",
  description: "Why an EXEMPT line carries no VAT; its legal mention is printed on the document (CGI art. 242 nonies A, I-9°).",
  valuesConfig: Object.fromEntries(Object.entries(VAT_EXEMPTION_GROUNDS).map(([key, ground]) => [key, { description: ground.label }])),
});

@ObjectType({ description: "A line of an invoice, quote or credit note (ligne)." })
export class DocumentLine {
  @Field(() => Int, { description: "Position on the document, from 1." })
  position: number;

  @Field(() => String, { description: "What is sold (désignation)." })
  description: string;

  @Field(() => DecimalScalar, { description: 'Quantity, an exact decimal with up to 3 decimals ("2.5").' })
  quantity: string;

  @Field(() => CentsScalar, { description: "Unit price excluding VAT (prix unitaire HT), in cents." })
  unitPriceCents: bigint;

  @Field(() => VatRate, { description: "VAT rate of the line." })
  vatRate: VatRateValue;

  @Field(() => Supply, { description: "Whether the line sells a service or goods." })
  supply: SupplyValue;

  @Field(() => CentsScalar, { description: "Net excluding VAT (montant HT) = quantity × unit price, rounded half up to the cent." })
  netCents: bigint;

  @Field(() => VatExemptionGround, {
    nullable: true,
    description: "Why an EXEMPT line is exempt; null on taxed lines and on exempt lines under the settings' default mention.",
  })
  vatExemption: VatExemptionGroundValue | null;
}

@ObjectType({ description: "The VAT of one rate on a document (ventilation de la TVA)." })
export class VatAmount {
  @Field(() => VatRate, { description: "The rate." })
  vatRate: VatRateValue;

  @Field(() => CentsScalar, { description: "Sum of the nets of the lines at this rate." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "VAT = that sum × the rate, rounded half up to the cent (once per rate, not per line)." })
  vatCents: bigint;
}

@InputType({ description: "A line to put on an invoice, quote or credit note." })
export class DocumentLineInput {
  @Field(() => String, { description: "What is sold." })
  description: string;

  @Field(() => DecimalScalar, { description: "Quantity: above 0, up to 3 decimals." })
  quantity: string;

  @Field(() => CentsScalar, { description: "Unit price excluding VAT, in cents, 0 or more." })
  unitPriceCents: bigint;

  @Field(() => VatRate, { description: "VAT rate." })
  vatRate: VatRateValue;

  @Field(() => Supply, { nullable: true, description: "A service (the default) or goods." })
  supply?: SupplyValue | null;

  @Field(() => VatExemptionGround, {
    nullable: true,
    description:
      "Why the line is exempt, for an EXEMPT line only; absent, the settings' default exemption mention is printed. Not on an invoice under reverse charge.",
  })
  vatExemption?: VatExemptionGroundValue | null;
}
