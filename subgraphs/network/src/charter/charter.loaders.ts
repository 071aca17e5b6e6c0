import { loaderOfLists } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { CharterAdherenceEntity } from "./charter.entity";

export function createCharterLoaders(db: DataSource) {
  return {
    /** Each cooperative's signatures, latest first: one statement for a page of cooperatives. */
    charterAdherences: loaderOfLists(
      (cooperativeIds: readonly string[]) =>
        db.getRepository(CharterAdherenceEntity).find({
          where: { cooperativeId: In([...cooperativeIds]) },
          order: { signedOn: "DESC", recordedAt: "DESC" },
        }),
      (row) => row.cooperativeId,
    ),
  };
}
