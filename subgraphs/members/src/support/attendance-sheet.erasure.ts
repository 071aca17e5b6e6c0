import { scrubIdentity, type ErasedIdentity } from "@cae/shared";
import type { EntityManager } from "typeorm";

/**
 * An erased person's part of the workshops' signed attendance sheets (docs/members.md, "Workshops'
 * signed attendance sheets"): the sheets stay, bytes and SHA-256 untouched, as evidence the funders
 * may ask for; only mentions of the person in their file names go. Returns how many sheets name
 * the person among their participants, for the erasure's report.
 */
export async function eraseFromSignedSheets(manager: EntityManager, personId: string, identity: ErasedIdentity): Promise<number> {
  const sheets = await manager.query<{ session_id: string; file_name: string }[]>(
    `SELECT w.session_id, w.file_name FROM workshop_signature_sheets w
       JOIN support_session_people p ON p.session_id = w.session_id
      WHERE p.person_id = $1`,
    [personId],
  );
  for (const sheet of sheets) {
    const fileName = scrubIdentity(sheet.file_name, identity);
    if (fileName !== sheet.file_name) {
      await manager.query("UPDATE workshop_signature_sheets SET file_name = $2 WHERE session_id = $1", [sheet.session_id, fileName]);
    }
  }
  return sheets.length;
}

/** What the erasure keeps of them, and why: the funders' control of the support they paid for. */
export const keptSignedSheets = (count: number) => ({
  what: `${count} signed attendance sheet(s) of workshops the person took part in (feuilles d'émargement), as signed: their name and signature are on the file; mentions in the file names were erased`,
  why: "Evidence of the support the funders paid for: the supporting documents of an operation co-financed by the European funds are kept five years from 31 December of the year of the last payment to the beneficiary (Règlement (UE) 2021/1060, art. 82), and other funders' agreements ask the same. A legal obligation, so the erasure does not reach them (GDPR art. 17(3)(b)); the cooperative's staff alone read them.",
});
