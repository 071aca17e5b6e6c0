import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { ActivityAccountEntity } from "./activity-account.entity";

export function createActivityAccountLoaders(db: DataSource) {
  const accounts = db.getRepository(ActivityAccountEntity);
  return {
    activityAccountById: loaderByKey(
      (ids: readonly string[]) => accounts.findBy({ id: In([...ids]) }),
      (account) => account.id,
    ),
    activityAccountsByPerson: loaderOfLists(
      (personIds: readonly string[]) => accounts.find({ where: { personId: In([...personIds]) }, order: { analyticCode: "ASC" } }),
      (account) => account.personId,
    ),
  };
}
