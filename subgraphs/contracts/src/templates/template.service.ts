import { badUserInput, conflict, plannedDate, recordAudit, requireOwnCooperative, todayInFrance, type ContractKind } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { ChangeContext } from "../contracts/contract.service";
import type { PublishContractTemplateInput } from "./template.type";
import { ContractTemplateEntity, versionInForce } from "./template.entity";
import { checkTemplateBody } from "./placeholders";

/** The version of a kind's template in force on a day (version 1 is in force from 1990 on). */
export async function templateInForce(manager: EntityManager, kind: ContractKind, day: string): Promise<ContractTemplateEntity> {
  const versions = await manager.getRepository(ContractTemplateEntity).find({ where: { kind } });
  const found = versionInForce(versions, day);
  if (!found) throw new Error(`No ${kind} contract template is in force on ${day}: the migration ships version 1 from 1990-01-01`);
  return found;
}

/**
 * Publishes a new version of a kind's wording (COOP_ADMIN). It applies to signatures from its date,
 * which lies today or later and after the kind's latest version: a version already in force, and
 * the contracts signed with it, are never reworded.
 */
export async function publishContractTemplate(change: ChangeContext, input: PublishContractTemplateInput): Promise<ContractTemplateEntity> {
  requireOwnCooperative(input.cooperativeId, change.cooperativeId);
  const today = change.today ?? todayInFrance();
  plannedDate(input.effectiveFrom, "input.effectiveFrom", today);
  if (input.effectiveFrom < today) {
    throw badUserInput(
      `A new wording applies from today (${today}) or later: the contracts already signed keep the version they were signed with`,
      "input.effectiveFrom",
    );
  }
  const body = checkTemplateBody(input.kind, input.body);
  return change.db.transaction(async (manager) => {
    // Two administrators publishing at once get consecutive versions, never the same number.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`contract-templates:${input.kind}`]);
    const repository = manager.getRepository(ContractTemplateEntity);
    const latest = await repository.findOne({ where: { kind: input.kind }, order: { version: "DESC" } });
    if (latest && input.effectiveFrom <= latest.effectiveFrom) {
      throw conflict(
        `Version ${latest.version} of the ${input.kind} template applies from ${latest.effectiveFrom}: a new version applies after it`,
        "input.effectiveFrom",
      );
    }
    const saved = await repository.save(
      repository.create({ kind: input.kind, version: (latest?.version ?? 0) + 1, effectiveFrom: input.effectiveFrom, body }),
    );
    await recordAudit(manager, change.actor, {
      action: "publishContractTemplate",
      entityType: "ContractTemplate",
      entityId: `${change.cooperativeId}:${saved.id}`,
      details: { kind: saved.kind, version: saved.version, effectiveFrom: saved.effectiveFrom, body },
    });
    return saved;
  });
}
