import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { statementsOf } from "./statement.service";
import type { ActivityStatement } from "./statement.type";

/** Statements of the request's accounts, one batch per period asked: a page of accounts costs one statement. */
export function createStatementLoaders(db: DataSource) {
  const byPeriod = new Map<string, DataLoader<string, ActivityStatement>>();
  return {
    statementFor(from: string, to: string): DataLoader<string, ActivityStatement> {
      const key = `${from}/${to}`;
      let loader = byPeriod.get(key);
      if (!loader) byPeriod.set(key, (loader = new DataLoader((accountIds: readonly string[]) => statementsOf(db, accountIds, from, to))));
      return loader;
    },
  };
}
