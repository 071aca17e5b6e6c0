import { loaderByKey } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { RegisteredCooperativeEntity } from "./registry.entity";

export function createRegistryLoaders(db: DataSource) {
  return {
    /** Registry entries by slug (withdrawn ones too): one statement for a page of cooperatives. */
    registration: loaderByKey(
      (ids: readonly string[]) => db.getRepository(RegisteredCooperativeEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}
