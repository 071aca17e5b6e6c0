import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { createAttendanceSheetLoaders } from "./attendance-sheet.loaders";
import { CounselorEntity } from "./support.entity";
import type { SessionKind, SessionTopic } from "./support.type";

export interface SessionOfPerson {
  id: string;
  personId: string;
  counselorId: string;
  heldOn: string;
  durationMinutes: number;
  topic: SessionTopic;
  kind: SessionKind;
  notes: string | null;
}

export function createSupportLoaders(db: DataSource) {
  return {
    ...createAttendanceSheetLoaders(db),
    /** The people of each session, in one statement for every session of the request. */
    peopleBySession: loaderOfLists(
      (sessionIds: readonly string[]): Promise<{ sessionId: string; personId: string }[]> =>
        db.query(
          `SELECT session_id AS "sessionId", person_id AS "personId" FROM support_session_people
            WHERE session_id = ANY($1::uuid[]) ORDER BY person_id`,
          [[...sessionIds]],
        ),
      (row) => row.sessionId,
    ),
    counselorById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(CounselorEntity).findBy({ id: In([...ids]) }),
      (counselor) => counselor.id,
    ),
    /** Each person's sessions, newest first: one statement for every person of the request (a workshop appears under each of its people). */
    sessionsByPerson: loaderOfLists(
      (personIds: readonly string[]): Promise<SessionOfPerson[]> =>
        db.query(
          `SELECT s.id, p.person_id AS "personId", s.counselor_id AS "counselorId", s.held_on::text AS "heldOn",
                  s.duration_minutes AS "durationMinutes", s.topic, s.kind, s.notes
             FROM support_sessions s JOIN support_session_people p ON p.session_id = s.id
            WHERE p.person_id = ANY($1::uuid[])
            ORDER BY s.held_on DESC, s.id DESC`,
          [[...personIds]],
        ),
      (session) => session.personId,
    ),
  };
}
