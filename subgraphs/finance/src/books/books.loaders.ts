import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { JournalLineEntity } from "./journal.entity";

/** The lines of each journal entry of a page: one statement for the page. */
export function createBooksLoaders(db: DataSource) {
  return {
    journalLinesByEntry: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(JournalLineEntity).find({ where: { entryId: In([...keys]) }, order: { entryId: "ASC", position: "ASC" } }),
      (row) => row.entryId,
    ),
  };
}
