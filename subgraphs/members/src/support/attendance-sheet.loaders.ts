import type { DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { CooperativeProfileEntity } from "../profile/profile.entity";
import type { SignedAttendanceSheet } from "./attendance-sheet.type";

export function createAttendanceSheetLoaders(db: DataSource) {
  return {
    /**
     * Each workshop's signed sheet, without its bytes (a list of sessions shows what is kept, not the
     * files): one statement for every session of the request. The size is read from the value's header.
     */
    signedSheetBySession: loaderByKey(
      (sessionIds: readonly string[]): Promise<SignedAttendanceSheet[]> =>
        db.query(
          `SELECT session_id AS "sessionId", file_name AS "fileName", media_type AS "mediaType", octet_length(content) AS "sizeBytes",
                  sha256, received_on::text AS "receivedOn"
             FROM workshop_signature_sheets WHERE session_id = ANY($1::uuid[])`,
          [[...sessionIds]],
        ),
      (sheet) => sheet.sessionId,
    ),
    /** The bytes of the sheets asked for, in one statement. */
    signedSheetContentBySession: loaderByKey(
      (sessionIds: readonly string[]): Promise<{ sessionId: string; content: Buffer }[]> =>
        db.query(`SELECT session_id AS "sessionId", content FROM workshop_signature_sheets WHERE session_id = ANY($1::uuid[])`, [
          [...sessionIds],
        ]),
      (row) => row.sessionId,
    ),
    /** The cooperative's identity, read once however many sheets a request prints. */
    cooperativeProfile: loaderByKey(
      (_keys: readonly true[]) => db.getRepository(CooperativeProfileEntity).findBy({ singleton: true }),
      (profile) => profile.singleton as true,
    ),
  };
}
