import { Field, ID, InputType, ObjectType } from "type-graphql";
import { connectionType } from "@cae/shared";

@ObjectType({
  description: "A supplier of the cooperative (fournisseur): its activities' purchases are invoiced by it and paid by SEPA transfer.",
})
export class Supplier {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'Its auxiliary account in the books ("F00012"), given when it is recorded.' })
  code: string;

  @Field(() => String, { description: "Name (raison sociale)." })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: "SIRET (14 digits) or SIREN (9 digits), checked by its key; null when unknown (a foreign supplier).",
  })
  siret: string | null;

  @Field(() => String, { nullable: true, description: "Intra-community VAT number." })
  vatNumber: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address: string | null;

  @Field(() => String, { description: "IBAN it is paid to (electronic form, checked by its mod-97 key)." })
  iban: string;

  @Field(() => String, {
    nullable: true,
    description: "BIC of its bank; null when not given (an IBAN alone reaches a bank of the SEPA area).",
  })
  bic: string | null;
}

export const SupplierConnection = connectionType(Supplier, "Supplier", "supplier");

@InputType({ description: "A supplier to record." })
export class CreateSupplierInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => String, { description: "Name, 1 to 200 characters." })
  name: string;

  @Field(() => String, { nullable: true, description: "SIRET or SIREN, checked by its key." })
  siret?: string | null;

  @Field(() => String, { nullable: true, description: "Intra-community VAT number; a French one must carry its SIREN's key." })
  vatNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => String, { description: "IBAN, spaces allowed; checked by its key, of a country of the SEPA scheme." })
  iban: string;

  @Field(() => String, { nullable: true, description: "BIC (8 or 11 characters)." })
  bic?: string | null;
}

@InputType({ description: "A supplier's record, replaced whole (a change of IBAN is in the audit trail)." })
export class UpdateSupplierInput {
  @Field(() => ID, { description: "The supplier." })
  id: string;

  @Field(() => String, { description: "Name." })
  name: string;

  @Field(() => String, { nullable: true, description: "SIRET or SIREN." })
  siret?: string | null;

  @Field(() => String, { nullable: true, description: "Intra-community VAT number." })
  vatNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => String, { description: "IBAN." })
  iban: string;

  @Field(() => String, { nullable: true, description: "BIC." })
  bic?: string | null;
}
