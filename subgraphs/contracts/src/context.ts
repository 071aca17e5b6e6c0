import type { RequestContext } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createContractLoaders } from "./contracts/contract.loaders";

export function createLoaders(db: DataSource) {
  return { ...createContractLoaders(db) };
}

export type ContractsLoaders = ReturnType<typeof createLoaders>;
export type ContractsContext = RequestContext<ContractsLoaders>;
