import { loaderByKey } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { CommitteeEntity } from "./committee.entity";

export function createCommitteeLoaders(db: DataSource) {
  return {
    /** Committees by local ID: one statement for the committees of a page of meetings. */
    committeeById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(CommitteeEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}
