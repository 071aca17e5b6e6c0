import {
  encodeId,
  eraseAuditDetails,
  ERASED_TEXT,
  publishEvent,
  scrubIdentity,
  updatedRows,
  type ErasedIdentity,
  type ErasurePart,
} from "@cae/shared";
import type { EntityManager } from "typeorm";
import { ContractEntity } from "../contracts/contract.entity";
import type { LegalTerms } from "../contracts/legal-terms";

/**
 * The legal clauses with the mentions of the person scrubbed; the reasons the person gave for
 * working part time are theirs, and go whole.
 */
function scrubLegalTerms(terms: LegalTerms | null, scrub: (text: string) => string): LegalTerms | null {
  if (terms === null) return null;
  const scrubbed = Object.fromEntries(
    Object.entries(terms).map(([key, value]) => [
      key,
      key === "kind"
        ? value
        : typeof value === "string"
          ? scrub(value)
          : Array.isArray(value)
            ? value.map((item: string) => scrub(item))
            : value,
    ]),
  ) as unknown as LegalTerms;
  if (scrubbed.kind === "EMPLOYMENT") {
    if (scrubbed.partTimeRequest) scrubbed.partTimeRequest = { ...scrubbed.partTimeRequest, reason: ERASED_TEXT };
    if (scrubbed.fixedTermGround)
      scrubbed.fixedTermGround = { ...scrubbed.fixedTermGround, detail: scrub(scrubbed.fixedTermGround.detail) };
  }
  return scrubbed;
}

/**
 * The contracts subgraph's part of erasing a person (docs/access.md, "Erasure"): the free texts
 * written about them go; the contracts themselves stay, as employment and support records the
 * law keeps, with nothing in them that names the person. Tells the members subgraph what was done.
 */
export async function eraseFromContracts(
  manager: EntityManager,
  cooperativeId: string,
  localPersonId: string,
  identity: ErasedIdentity,
): Promise<void> {
  const contracts = await manager.getRepository(ContractEntity).findBy({ personId: localPersonId });
  const ids = contracts.map((contract) => contract.id);
  const scrub = (text: string | null) => (text === null ? null : scrubIdentity(text, identity));
  // Notes and reasons are the counselor's words about the person: gone whole, in one statement.
  await manager.query(
    `UPDATE contracts SET end_note = CASE WHEN end_note IS NULL THEN NULL ELSE $2 END,
            cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE $2 END,
            direct_hire_reason = CASE WHEN direct_hire_reason IS NULL THEN NULL ELSE $2 END
      WHERE person_id = $1`,
    [localPersonId, ERASED_TEXT],
  );
  // The clauses (support given, variable pay) are the contract's terms: only a mention of the
  // person goes, written only where there is one.
  for (const contract of contracts) {
    const supportGiven = scrub(contract.supportGiven);
    const variablePay = scrub(contract.variablePay);
    const legalTerms = scrubLegalTerms(contract.legalTerms, (text) => scrubIdentity(text, identity));
    if (
      supportGiven === contract.supportGiven &&
      variablePay === contract.variablePay &&
      JSON.stringify(legalTerms, (_, value) => (typeof value === "bigint" ? value.toString() : value)) ===
        JSON.stringify(contract.legalTerms, (_, value) => (typeof value === "bigint" ? value.toString() : value))
    )
      continue;
    await manager.getRepository(ContractEntity).update({ id: contract.id }, { supportGiven, variablePay, legalTerms });
  }
  let commitments = 0;
  if (ids.length > 0) {
    const rows = updatedRows(
      await manager.query(`UPDATE objective_commitments SET description = $2 WHERE contract_id = ANY($1::uuid[]) RETURNING 1`, [
        ids,
        ERASED_TEXT,
      ]),
    );
    commitments = rows.length;
    await manager.query(`UPDATE contract_amendments SET reason = $2 WHERE contract_id = ANY($1::uuid[])`, [ids, ERASED_TEXT]);
  }
  const auditRows = await eraseAuditDetails(manager, [
    encodeId(cooperativeId, localPersonId),
    ...ids.map((id) => encodeId(cooperativeId, id)),
  ]);
  const part: ErasurePart = {
    subgraph: "contracts",
    appliedAt: new Date().toISOString(),
    erased: [
      `notes and reasons of ${contracts.length} contract(s): end notes, cancellation and direct-hire reasons, amendment reasons`,
      `${commitments} commitment description(s) of objective contracts`,
      "mentions of the person in contract clauses (support given, variable pay, the legal clauses), and the reasons of a part-time request",
      `the inputs recorded in ${auditRows} audit row(s)`,
    ],
    kept:
      contracts.length === 0
        ? []
        : [
            {
              what: `${contracts.length} contract(s): kinds, dates, hours and pay, without the person's name`,
              why: "Employment and support records are kept five years after the contract ends (Code du travail R1221-26; Code civil art. 2224).",
            },
          ],
  };
  await publishEvent(manager, "erasure.applied", encodeId(cooperativeId, localPersonId), { part });
}
