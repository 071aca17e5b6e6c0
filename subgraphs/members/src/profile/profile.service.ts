import { badUserInput, isValidSiret, recordAudit, requiredText, requireOwnCooperative, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { CooperativeProfileEntity } from "./profile.entity";
import type { UpdateCooperativeProfileInput } from "./profile.type";

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
