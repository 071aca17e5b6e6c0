import type { RequestContext } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createActivityAccountLoaders } from "./accounts/activity-account.loaders";

export function createLoaders(db: DataSource) {
  return { ...createActivityAccountLoaders(db) };
}

export type FinanceLoaders = ReturnType<typeof createLoaders>;
export type FinanceContext = RequestContext<FinanceLoaders>;
