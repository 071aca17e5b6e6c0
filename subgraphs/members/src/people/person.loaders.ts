import { In, type DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { PersonEntity } from "./person.entity";

export function createPeopleLoaders(db: DataSource) {
  return {
    personById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(PersonEntity).findBy({ id: In([...ids]) }),
      (person) => person.id,
    ),
  };
}
