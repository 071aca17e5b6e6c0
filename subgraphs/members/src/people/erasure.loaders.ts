import type { DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";

export interface ErasurePartRow {
  person_id: string;
  subgraph: string;
  applied_at: Date;
  erased: string[];
  kept: { what: string; why: string }[];
}

export function createErasureLoaders(db: DataSource) {
  return {
    /** The parts of each person's erasure reported so far, in one statement per request. */
    erasurePartsByPerson: loaderOfLists(
      (ids: readonly string[]) => db.query<ErasurePartRow[]>("SELECT * FROM erasure_parts WHERE person_id = ANY($1::uuid[])", [[...ids]]),
      (row) => row.person_id,
    ),
  };
}
