import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { ContributionEntryEntity } from "./contribution.entity";

/** The contribution entries under each activity account, latest month first: one statement for every account of a request. */
export function createContributionLoaders(db: DataSource) {
  return {
    contributionsByAccount: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(ContributionEntryEntity).find({ where: { accountId: In([...keys]) }, order: { month: "DESC" } }),
      (row) => row.accountId,
    ),
  };
}
