import type { RequestContext } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createPeopleLoaders } from "./people/person.loaders";

export function createLoaders(db: DataSource) {
  return { ...createPeopleLoaders(db) };
}

export type MembersLoaders = ReturnType<typeof createLoaders>;
export type MembersContext = RequestContext<MembersLoaders>;
