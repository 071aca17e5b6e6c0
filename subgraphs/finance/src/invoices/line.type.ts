import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, DecimalScalar } from "@cae/shared";
import type { VatRate as VatRateValue } from "../money/arithmetic";

export const VatRate = {
  STANDARD_20: "STANDARD_20",
  INTERMEDIATE_10: "INTERMEDIATE_10",
  REDUCED_5_5: "REDUCED_5_5",
  SUPER_REDUCED_2_1: "SUPER_REDUCED_2_1",
  EXEMPT: "EXEMPT",
} as const;
registerEnumType(VatRate, {
  name: "VatRate",
  description: "A French VAT rate (taux de TVA, CGI art. 278 and following).",
  valuesConfig: {
    STANDARD_20: { description: "20 %, the standard rate (taux normal)." },
    INTERMEDIATE_10: { description: "10 %, the intermediate rate (taux intermédiaire)." },
    REDUCED_5_5: { description: "5.5 %, the reduced rate (taux réduit)." },
    SUPER_REDUCED_2_1: { description: "2.1 %, the super-reduced rate (taux particulier)." },
    EXEMPT: { description: "Exempt (exonéré): the document carries the exemption mention of the settings." },
  },
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

  @Field(() => CentsScalar, { description: "Net excluding VAT (montant HT) = quantity × unit price, rounded half up to the cent." })
  netCents: bigint;
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
}
