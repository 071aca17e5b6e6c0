import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { bankEntriesByIds, suggestionsOfLines, type SuggestionRow } from "./bank-entries";
import { BankMatchEntity } from "./bank.entity";

/**
 * Matches, entries and suggestions of the statement lines a request reads: one statement each for
 * all of them (a page of a statement's lines costs the same for 5 lines as for 100).
 */
export function createBankLoaders(db: DataSource) {
  return {
    bankMatchByLine: loaderByKey(
      (keys: readonly string[]) => db.getRepository(BankMatchEntity).findBy({ statementLineId: In([...keys]) }),
      (row) => row.statementLineId,
    ),
    bankEntryById: loaderByKey(
      (keys: readonly string[]) => bankEntriesByIds(db.manager, keys),
      (row) => row.id,
    ),
    bankSuggestionsByLine: new DataLoader<string, SuggestionRow[]>(async (keys) => {
      const groups = new Map<string, SuggestionRow[]>(keys.map((key) => [key, []]));
      for (const row of await suggestionsOfLines(db.manager, keys)) groups.get(row.line_id)?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    }),
  };
}
