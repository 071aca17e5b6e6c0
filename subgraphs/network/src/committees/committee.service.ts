import { badUserInput, conflict, notFound, optionalText, recordAudit, requiredText, violatedUniqueIndex, type Caller } from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { FundingAgreementEntity } from "../funding/funding.entity";
import { networkId, networkLocalId } from "../ids";
import { CommitteeEntity, type CommitteeKindValue } from "./committee.entity";
import { CommitteeKind, type Committee, type CreateCommitteeInput, type UpdateCommitteeInput } from "./committee.type";

/** A committee as its field resolvers receive it: its local ID kept to load what belongs to it. */
export type CommitteeRoot = Committee & { localId: string };

export const toCommittee = (entity: CommitteeEntity): CommitteeRoot => ({
  id: networkId(entity.id),
  localId: entity.id,
  kind: entity.kind,
  name: entity.name,
  fundingAgreementId: entity.fundingAgreementId ? networkId(entity.fundingAgreementId) : null,
  territory: entity.territory,
  createdAt: entity.createdAt,
});

const audited = ({ localId: _localId, createdAt: _createdAt, ...committee }: CommitteeRoot) => committee;

const nameTaken = (name: string) => conflict(`The network already has a committee named "${name}" (whatever its case)`, "input.name");

const KINDS: readonly string[] = Object.values(CommitteeKind);
function kindOf(value: string, field: string): CommitteeKindValue {
  // GraphQL checks the enum; this guards the service when it is called from elsewhere (a script).
  if (!KINDS.includes(value)) throw badUserInput(`${field} "${value}" is not a kind of committee`, field);
  return value as CommitteeKindValue;
}

/** The funding agreement's local ID from its global one (`agreementExists` then checks the network has it). */
const fundingAgreementOf = (value: string | null | undefined, field: string): string | null =>
  value === null || value === undefined || value.trim() === "" ? null : networkLocalId(value.trim(), field);

/** A committee follows one of the network's agreements, or none. */
async function agreementExists(manager: EntityManager, localId: string | null | undefined, field: string): Promise<void> {
  if (!localId) return;
  if (!(await manager.getRepository(FundingAgreementEntity).existsBy({ id: localId }))) {
    throw notFound(`The network has no funding agreement "${networkId(localId)}"`, field);
  }
}

/** A committee given by its global ID, or NOT_FOUND naming `field`; `lock` holds it until the transaction ends. */
export async function committeeOrFail(manager: EntityManager, committeeId: string, field: string, lock = false): Promise<CommitteeEntity> {
  const id = networkLocalId(committeeId, field);
  const committee = await manager
    .getRepository(CommitteeEntity)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  if (!committee) throw notFound(`The network has no committee "${committeeId}"`, field);
  return committee;
}

async function refuseTakenName(manager: EntityManager, name: string, exceptId?: string): Promise<void> {
  const query = manager.getRepository(CommitteeEntity).createQueryBuilder("c").where("lower(c.name) = lower(:name)", { name });
  if (exceptId) query.andWhere("c.id <> :exceptId", { exceptId });
  if (await query.getExists()) throw nameTaken(name);
}

export async function createCommittee(db: DataSource, actor: Caller, input: CreateCommitteeInput): Promise<CommitteeRoot> {
  const values = {
    kind: kindOf(input.kind, "input.kind"),
    name: requiredText(input.name, "input.name"),
    fundingAgreementId: fundingAgreementOf(input.fundingAgreementId, "input.fundingAgreementId"),
    territory: optionalText(input.territory, "input.territory", 500),
  };
  return db
    .transaction(async (manager) => {
      await refuseTakenName(manager, values.name);
      await agreementExists(manager, values.fundingAgreementId, "input.fundingAgreementId");
      const repository = manager.getRepository(CommitteeEntity);
      const saved = toCommittee(await repository.save(repository.create(values)));
      await recordAudit(manager, actor, {
        action: "createCommittee",
        entityType: "Committee",
        entityId: saved.id,
        details: audited(saved),
      });
      return saved;
    })
    .catch((error: unknown) => {
      // Two admins creating the same committee at once: the index decides, the second is told why.
      if (violatedUniqueIndex(error) === "committees_name_key") throw nameTaken(values.name);
      throw error;
    });
}

export async function updateCommittee(db: DataSource, actor: Caller, input: UpdateCommitteeInput): Promise<CommitteeRoot> {
  const changes: Partial<CommitteeEntity> = {};
  if (input.kind != null) changes.kind = kindOf(input.kind, "input.kind");
  if (input.name != null) changes.name = requiredText(input.name, "input.name");
  if (input.fundingAgreementId !== undefined)
    changes.fundingAgreementId = fundingAgreementOf(input.fundingAgreementId, "input.fundingAgreementId");
  if (input.territory !== undefined) changes.territory = optionalText(input.territory, "input.territory", 500);
  if (Object.keys(changes).length === 0) throw badUserInput("Nothing to change: give at least one field", "input");
  return db
    .transaction(async (manager) => {
      const committee = await committeeOrFail(manager, input.committeeId, "input.committeeId", true);
      await agreementExists(manager, changes.fundingAgreementId, "input.fundingAgreementId");
      if (changes.name !== undefined) await refuseTakenName(manager, changes.name, committee.id);
      await manager.getRepository(CommitteeEntity).update({ id: committee.id }, changes);
      const saved = toCommittee(await committeeOrFail(manager, input.committeeId, "input.committeeId"));
      await recordAudit(manager, actor, {
        action: "updateCommittee",
        entityType: "Committee",
        entityId: saved.id,
        details: { before: audited(toCommittee(committee)), after: audited(saved) },
      });
      return saved;
    })
    .catch((error: unknown) => {
      if (violatedUniqueIndex(error) === "committees_name_key") throw nameTaken(changes.name!);
      throw error;
    });
}
