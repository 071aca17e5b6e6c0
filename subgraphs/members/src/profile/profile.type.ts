import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export const LegalForm = {
  SCOP_SA: "SCOP_SA",
  SCOP_SARL: "SCOP_SARL",
  SCOP_SAS: "SCOP_SAS",
  SCIC_SA: "SCIC_SA",
  SCIC_SARL: "SCIC_SARL",
  SCIC_SAS: "SCIC_SAS",
  OTHER: "OTHER",
} as const;
export type LegalForm = (typeof LegalForm)[keyof typeof LegalForm];
registerEnumType(LegalForm, {
  name: "LegalForm",
  description:
    "Legal form of the cooperative (forme juridique): a SCOP (société coopérative et participative) or a SCIC (société coopérative d'intérêt collectif), as SA, SARL or SAS.",
});

@ObjectType({ description: "The cooperative's identity as it appears on its contracts and invoices." })
export class CooperativeProfile {
  @Field(() => String, { description: "Legal name (raison sociale)." })
  legalName: string;

  @Field(() => LegalForm, { description: "Legal form (forme juridique)." })
  legalForm: LegalForm;

  @Field(() => String, { description: "SIRET number of the establishment (14 digits)." })
  siret: string;

  @Field(() => String, { description: "Postal address of the registered office (siège)." })
  address: string;

  @Field(() => String, { description: "Administrative region (région)." })
  region: string;
}

@InputType({ description: "The cooperative's identity, as its admin sets it." })
export class UpdateCooperativeProfileInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => String, { description: "Legal name (raison sociale)." })
  legalName: string;

  @Field(() => LegalForm, { description: "Legal form." })
  legalForm: LegalForm;

  @Field(() => String, { description: "SIRET: 14 digits, spaces allowed, checked by its key." })
  siret: string;

  @Field(() => String, { description: "Postal address." })
  address: string;

  @Field(() => String, { description: "Administrative region." })
  region: string;
}
