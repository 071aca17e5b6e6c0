import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { cashOf, type AccountCash } from "./cash.service";

/** The cash of the request's accounts, one batch per day asked: a page of accounts costs two statements. */
export function createCashLoaders(db: DataSource) {
  const byDay = new Map<string, DataLoader<string, AccountCash>>();
  return {
    cashOn(on: string): DataLoader<string, AccountCash> {
      let loader = byDay.get(on);
      if (!loader) byDay.set(on, (loader = new DataLoader((accountIds: readonly string[]) => cashOf(db, accountIds, on))));
      return loader;
    },
  };
}
