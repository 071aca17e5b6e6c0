import {
  badUserInput,
  conflict,
  isCooperativeSlug,
  isDepartementCode,
  isHttpUrl,
  NETWORK_SLUG,
  notFound,
  optionalText,
  pastDate,
  recordAudit,
  requiredText,
  todayInFrance,
  type AuditActor,
  type Caller,
} from "@cae/shared";
import { DataSource, type EntityManager } from "typeorm";

import { RegisteredCooperativeEntity } from "./registry.entity";
import type {
  CooperativeEndpointsInput,
  CooperativeRegistration,
  RegisterCooperativeInput,
  UpdateCooperativeRegistrationInput,
  WithdrawCooperativeInput,
} from "./registry.type";

export const toRegistration = (entity: RegisteredCooperativeEntity): CooperativeRegistration => ({
  cooperativeId: entity.id,
  name: entity.name,
  region: entity.region,
  departement: entity.departement,
  endpoints: { members: entity.membersUrl, contracts: entity.contractsUrl, finance: entity.financeUrl },
  joinedOn: entity.joinedOn,
  withdrawnOn: entity.withdrawnOn,
  withdrawalReason: entity.withdrawalReason,
});

/** The cooperatives the gateway routes to: every one that has not left, by slug. */
export function currentRegistry(db: DataSource): Promise<RegisteredCooperativeEntity[]> {
  return db.getRepository(RegisteredCooperativeEntity).createQueryBuilder("c").where("c.withdrawnOn IS NULL").orderBy("c.id").getMany();
}

function endpointsOf(input: CooperativeEndpointsInput, field: string) {
  const urls = { membersUrl: input.members, contractsUrl: input.contracts, financeUrl: input.finance };
  for (const [name, url] of [
    ["members", input.members],
    ["contracts", input.contracts],
    ["finance", input.finance],
  ] as const) {
    if (!isHttpUrl(url)) throw badUserInput(`${field}.${name} must be an http(s) URL, got "${url}"`, `${field}.${name}`);
  }
  return urls;
}

function departementOf(value: string | null | undefined, field: string): string | null {
  const code = optionalText(value, field, 3);
  if (code !== null && !isDepartementCode(code))
    throw badUserInput(`"${code}" is not an INSEE département code ("38", "2A", "971")`, field);
  return code;
}

/** A cooperative's entry, or NOT_FOUND naming `field`; `lock` holds it until the transaction ends (two changes one after the other). */
export async function registeredOrFail(
  manager: EntityManager,
  cooperativeId: string,
  field: string,
  lock?: "pessimistic_write" | "pessimistic_read",
): Promise<RegisteredCooperativeEntity> {
  const entity = await manager
    .getRepository(RegisteredCooperativeEntity)
    .findOne({ where: { id: cooperativeId }, ...(lock && { lock: { mode: lock } }) });
  if (!entity) throw notFound(`No cooperative "${cooperativeId}" in the network's registry`, field);
  return entity;
}

/** Adds a cooperative to the registry; `db` may be a transaction's manager, whose transaction it then joins (the file's seeding). */
export async function registerCooperative(
  db: DataSource | EntityManager,
  actor: AuditActor,
  input: RegisterCooperativeInput,
  action = "registerCooperative",
) {
  const manager = db instanceof DataSource ? db.manager : db;
  const id = input.cooperativeId;
  if (!isCooperativeSlug(id)) {
    throw badUserInput(`"${id}" is not a cooperative slug (lowercase letters, digits and dashes)`, "input.cooperativeId");
  }
  if (id === NETWORK_SLUG) throw badUserInput(`"${NETWORK_SLUG}" is reserved for the network's own records`, "input.cooperativeId");
  const entity = manager.getRepository(RegisteredCooperativeEntity).create({
    id,
    name: requiredText(input.name, "input.name"),
    region: requiredText(input.region, "input.region", 100),
    departement: departementOf(input.departement, "input.departement"),
    ...endpointsOf(input.endpoints, "input.endpoints"),
    joinedOn: pastDate(input.joinedOn ?? todayInFrance(), "input.joinedOn"),
    withdrawnOn: null,
    withdrawalReason: null,
  });
  return manager.transaction(async (manager) => {
    // One statement decides, so that two admins registering the same slug cannot both succeed.
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(RegisteredCooperativeEntity)
      .values(entity)
      .orIgnore()
      .returning("id")
      .execute();
    if (inserted.raw.length === 0) throw conflict(`A cooperative "${id}" is already in the network's registry`, "input.cooperativeId");
    const saved = await registeredOrFail(manager, id, "input.cooperativeId");
    await recordAudit(manager, actor, { action, entityType: "Cooperative", entityId: id, details: { ...toRegistration(saved) } });
    return toRegistration(saved);
  });
}

export async function updateCooperativeRegistration(db: DataSource, actor: Caller, input: UpdateCooperativeRegistrationInput) {
  return db.transaction(async (manager) => {
    const entity = await registeredOrFail(manager, input.cooperativeId, "input.cooperativeId", "pessimistic_write");
    if (entity.withdrawnOn)
      throw conflict(`Cooperative "${entity.id}" left the network on ${entity.withdrawnOn}: its entry is history`, "input.cooperativeId");
    const changes: Partial<RegisteredCooperativeEntity> = {};
    if (input.name != null) changes.name = requiredText(input.name, "input.name");
    if (input.region != null) changes.region = requiredText(input.region, "input.region", 100);
    if (input.departement !== undefined) changes.departement = departementOf(input.departement, "input.departement");
    if (input.endpoints) Object.assign(changes, endpointsOf(input.endpoints, "input.endpoints"));
    if (Object.keys(changes).length === 0) throw badUserInput("Nothing to change: give at least one field", "input");
    await manager.getRepository(RegisteredCooperativeEntity).update({ id: entity.id }, changes);
    const saved = await registeredOrFail(manager, entity.id, "input.cooperativeId");
    await recordAudit(manager, actor, {
      action: "updateCooperativeRegistration",
      entityType: "Cooperative",
      entityId: entity.id,
      details: { before: toRegistration(entity), after: toRegistration(saved) },
    });
    return toRegistration(saved);
  });
}

export async function withdrawCooperative(db: DataSource, actor: Caller, input: WithdrawCooperativeInput) {
  return db.transaction(async (manager) => {
    const entity = await registeredOrFail(manager, input.cooperativeId, "input.cooperativeId", "pessimistic_write");
    if (entity.withdrawnOn)
      throw conflict(`Cooperative "${entity.id}" already left the network on ${entity.withdrawnOn}`, "input.cooperativeId");
    const withdrawnOn = pastDate(input.withdrawnOn, "input.withdrawnOn");
    if (withdrawnOn < entity.joinedOn) {
      throw badUserInput(`input.withdrawnOn (${withdrawnOn}) is before the cooperative joined (${entity.joinedOn})`, "input.withdrawnOn");
    }
    const withdrawalReason = requiredText(input.reason, "input.reason", 1000);
    await manager.getRepository(RegisteredCooperativeEntity).update({ id: entity.id }, { withdrawnOn, withdrawalReason });
    const saved = await registeredOrFail(manager, entity.id, "input.cooperativeId");
    await recordAudit(manager, actor, {
      action: "withdrawCooperative",
      entityType: "Cooperative",
      entityId: entity.id,
      details: { withdrawnOn, reason: withdrawalReason },
    });
    return toRegistration(saved);
  });
}
