import { In, type DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { FinanceSettingsEntity } from "./settings.entity";

/** Settings versions by ID (those documents were issued under): one statement for a whole page or batch. */
export function createSettingsLoaders(db: DataSource) {
  return {
    settingsById: loaderByKey(
      (keys: readonly string[]) => db.getRepository(FinanceSettingsEntity).findBy({ id: In([...keys]) }),
      (row) => row.id,
    ),
  };
}
