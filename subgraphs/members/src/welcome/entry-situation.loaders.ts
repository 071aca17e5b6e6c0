import { In, type DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { EntrySituationEntity } from "./entry-situation.entity";

export function createEntrySituationLoaders(db: DataSource) {
  return {
    entrySituationByPerson: loaderByKey(
      (personIds: readonly string[]) => db.getRepository(EntrySituationEntity).findBy({ personId: In([...personIds]) }),
      (situation) => situation.personId,
    ),
  };
}
