import {
  badUserInput,
  conflict,
  isValidSiret,
  notFound,
  optionalEmail,
  optionalText,
  recordAudit,
  requiredText,
  type Caller,
  violatedUniqueIndex,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { networkId, networkLocalId } from "../ids";
import { NetworkPartnerEntity } from "./partner.entity";
import {
  NETWORK_PARTNER_KINDS,
  type CreateNetworkPartnerInput,
  type NetworkPartner,
  type NetworkPartnerKind,
  type UpdateNetworkPartnerInput,
} from "./partner.type";

export const toNetworkPartner = (entity: NetworkPartnerEntity): NetworkPartner => ({
  id: networkId(entity.id),
  name: entity.name,
  kind: entity.kind,
  siret: entity.siret,
  contactEmail: entity.contactEmail,
  createdAt: entity.createdAt,
});

const audited = ({ createdAt: _createdAt, ...partner }: NetworkPartner) => partner;

const nameTaken = (name: string) => conflict(`The network already has a partner named "${name}" (whatever its case)`, "input.name");

/** A SIRET as typed ("123 456 789 00012"): its 14 digits, refused when its key is wrong. */
function siretOf(value: string | null | undefined, field: string): string | null {
  const siret = optionalText(value, field, 40)?.replace(/\s/g, "") ?? null;
  if (siret !== null && !isValidSiret(siret))
    throw badUserInput(`${field} "${siret}" is not a SIRET number (14 digits with a valid key)`, field);
  return siret;
}

function kindOf(value: string, field: string): NetworkPartnerKind {
  // GraphQL checks the enum; this guards the service when it is called from elsewhere (a seed).
  if (!(NETWORK_PARTNER_KINDS as readonly string[]).includes(value))
    throw badUserInput(`${field} "${value}" is not a kind of partner`, field);
  return value as NetworkPartnerKind;
}

/** A partner given by its global ID, or NOT_FOUND naming `field`. */
export async function partnerOrFail(manager: EntityManager, partnerId: string, field: string, lock = false): Promise<NetworkPartnerEntity> {
  const id = networkLocalId(partnerId, field);
  const partner = await manager
    .getRepository(NetworkPartnerEntity)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  if (!partner) throw notFound(`The network has no partner "${partnerId}"`, field);
  return partner;
}

export async function createNetworkPartner(db: DataSource, actor: Caller, input: CreateNetworkPartnerInput): Promise<NetworkPartner> {
  const values = {
    name: requiredText(input.name, "input.name"),
    kind: kindOf(input.kind, "input.kind"),
    siret: siretOf(input.siret, "input.siret"),
    contactEmail: optionalEmail(input.contactEmail, "input.contactEmail"),
  };
  return db.transaction(async (manager) => {
    // One statement decides (the unique index on lower(name)), so that two admins adding the same partner cannot both succeed.
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(NetworkPartnerEntity)
      .values(values)
      .orIgnore()
      .returning("id")
      .execute();
    if (inserted.raw.length === 0) throw nameTaken(values.name);
    const saved = await manager.getRepository(NetworkPartnerEntity).findOneByOrFail({ id: (inserted.raw as { id: string }[])[0].id });
    const partner = toNetworkPartner(saved);
    await recordAudit(manager, actor, {
      action: "createPartner",
      entityType: "NetworkPartner",
      entityId: partner.id,
      details: audited(partner),
    });
    return partner;
  });
}

export async function updateNetworkPartner(db: DataSource, actor: Caller, input: UpdateNetworkPartnerInput): Promise<NetworkPartner> {
  const changes: Partial<Pick<NetworkPartnerEntity, "name" | "kind" | "siret" | "contactEmail">> = {};
  if (input.name != null) changes.name = requiredText(input.name, "input.name");
  if (input.kind != null) changes.kind = kindOf(input.kind, "input.kind");
  if (input.siret !== undefined) changes.siret = siretOf(input.siret, "input.siret");
  if (input.contactEmail !== undefined) changes.contactEmail = optionalEmail(input.contactEmail, "input.contactEmail");
  if (Object.keys(changes).length === 0) throw badUserInput("Nothing to change: give at least one field", "input");
  networkLocalId(input.partnerId, "input.partnerId");
  return db.transaction(async (manager) => {
    const before = toNetworkPartner(await partnerOrFail(manager, input.partnerId, "input.partnerId", true));
    const repository = manager.getRepository(NetworkPartnerEntity);
    const id = networkLocalId(input.partnerId, "input.partnerId");
    if (
      changes.name !== undefined &&
      (await repository
        .createQueryBuilder("p")
        .where("lower(p.name) = lower(:name) AND p.id <> :id", { name: changes.name, id })
        .getExists())
    ) {
      throw nameTaken(changes.name);
    }
    try {
      await repository.update({ id }, changes);
    } catch (error) {
      // Another admin gave that name meanwhile: the unique index decides.
      if (violatedUniqueIndex(error) !== undefined) throw nameTaken(changes.name ?? before.name);
      throw error;
    }
    const after = toNetworkPartner(await repository.findOneByOrFail({ id }));
    await recordAudit(manager, actor, {
      action: "updatePartner",
      entityType: "NetworkPartner",
      entityId: after.id,
      details: { before: audited(before), after: audited(after) },
    });
    return after;
  });
}
