import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, InputType, ObjectType, registerEnumType, ID } from "type-graphql";
import { badUserInput, isValidSiret, recordAudit, requiredText, requireOwnCooperative, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";

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

/** The cooperative's identity, table `cooperative_profile` (one row). */
@Entity({ name: "cooperative_profile" })
export class CooperativeProfileEntity {
  @PrimaryColumn({ type: "boolean", default: true })
  singleton: boolean;

  @Column({ name: "legal_name", type: "text" })
  legalName: string;

  @Column({ name: "legal_form", type: "text" })
  legalForm: LegalForm;

  @Column({ type: "text" })
  siret: string;

  @Column({ type: "text" })
  address: string;

  @Column({ type: "text" })
  region: string;
}

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

export async function updateCooperativeProfile(db: DataSource, cooperativeId: string, actor: Caller, input: UpdateCooperativeProfileInput) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const siret = input.siret.replace(/\s/g, "");
  if (!isValidSiret(siret)) throw badUserInput(`"${input.siret}" is not a valid SIRET (14 digits with a valid check key)`, "input.siret");
  const profile: CooperativeProfileEntity = {
    singleton: true,
    legalName: requiredText(input.legalName, "input.legalName", 200),
    legalForm: input.legalForm,
    siret,
    address: requiredText(input.address, "input.address", 500),
    region: requiredText(input.region, "input.region", 100),
  };
  return db.transaction(async (manager) => {
    await manager.getRepository(CooperativeProfileEntity).save(profile);
    await recordAudit(manager, actor, {
      action: "updateCooperativeProfile",
      entityType: "Cooperative",
      entityId: cooperativeId,
      details: { ...profile },
    });
    return profile;
  });
}
