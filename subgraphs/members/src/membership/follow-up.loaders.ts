import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { ExitFollowUpEntity } from "./follow-up.entity";

export function createExitFollowUpLoaders(db: DataSource) {
  return {
    exitFollowUpsByPerson: loaderOfLists(
      (personIds: readonly string[]) =>
        db.getRepository(ExitFollowUpEntity).find({ where: { personId: In([...personIds]) }, order: { months: "ASC" } }),
      (followUp) => followUp.personId,
    ),
  };
}
