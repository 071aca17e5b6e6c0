import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { ActivityEntity } from "./activity.entity";

export function createActivityLoaders(db: DataSource) {
  return {
    activitiesByPerson: loaderOfLists(
      (personIds: readonly string[]) =>
        db.getRepository(ActivityEntity).find({ where: { personId: In([...personIds]) }, order: { startedOn: "ASC", id: "ASC" } }),
      (activity) => activity.personId,
    ),
  };
}
