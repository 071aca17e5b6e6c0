import { badUserInput, conflict, pastDate, plannedDate, recordAudit, requiredText, todayInFrance, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { networkId } from "../ids";
import { registeredOrFail } from "../registry/registry.service";
import { CharterAdherenceEntity } from "./charter.entity";
import type { CharterAdherence, RecordCharterAdherenceInput } from "./charter.type";

/**
 * A signature holds from its day to its `validUntil` (when set), until the cooperative signs again:
 * `signatures` are one cooperative's, latest first.
 */
export function toCharterAdherences(signatures: readonly CharterAdherenceEntity[], today = todayInFrance()): CharterAdherence[] {
  const current = signatures.find((signature) => signature.signedOn <= today);
  return signatures.map((signature) => ({
    id: networkId(signature.id),
    cooperativeId: signature.cooperativeId,
    charterVersion: signature.charterVersion,
    signedOn: signature.signedOn,
    validUntil: signature.validUntil,
    signatory: signature.signatory,
    inForce: signature === current && (signature.validUntil === null || signature.validUntil >= today),
  }));
}

export async function recordCharterAdherence(db: DataSource, actor: Caller, input: RecordCharterAdherenceInput): Promise<CharterAdherence> {
  const signedOn = pastDate(input.signedOn, "input.signedOn");
  const validUntil = plannedDate(input.validUntil ?? null, "input.validUntil");
  if (validUntil !== null && validUntil <= signedOn) {
    throw badUserInput(`input.validUntil (${validUntil}) must be after input.signedOn (${signedOn})`, "input.validUntil");
  }
  const charterVersion = requiredText(input.charterVersion, "input.charterVersion", 50);
  const signatory = requiredText(input.signatory, "input.signatory", 200);
  return db.transaction(async (manager) => {
    // Locked: a withdrawal, or the same signature recorded twice at once, waits for this one.
    const cooperative = await registeredOrFail(manager, input.cooperativeId, "input.cooperativeId", "pessimistic_write");
    if (cooperative.withdrawnOn) {
      throw conflict(`Cooperative "${cooperative.id}" left the network on ${cooperative.withdrawnOn}`, "input.cooperativeId");
    }
    const repository = manager.getRepository(CharterAdherenceEntity);
    if (await repository.existsBy({ cooperativeId: cooperative.id, charterVersion })) {
      throw conflict(
        `Cooperative "${cooperative.id}" has already signed version "${charterVersion}" of the charter`,
        "input.charterVersion",
      );
    }
    const saved = await repository.save(
      repository.create({ cooperativeId: cooperative.id, charterVersion, signedOn, validUntil, signatory }),
    );
    await recordAudit(manager, actor, {
      action: "recordCharterAdherence",
      entityType: "CharterAdherence",
      entityId: networkId(saved.id),
      details: { cooperativeId: cooperative.id, charterVersion, signedOn, validUntil, signatory },
    });
    const signatures = await repository.find({ where: { cooperativeId: cooperative.id }, order: { signedOn: "DESC", recordedAt: "DESC" } });
    return toCharterAdherences(signatures).find((adherence) => adherence.id === networkId(saved.id))!;
  });
}
