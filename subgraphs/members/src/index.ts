import { buildFederatedSchema, type SubgraphDefinition } from "@cae/shared";
import { createLoaders, type MembersLoaders } from "./context";
import { migrations } from "./migrations";
import { PersonEntity } from "./people/person.entity";
import { resolveCooperativeReference, resolvePersonReference } from "./people/person.reference";
import { CooperativePeopleResolver, PersonResolver } from "./people/person.resolver";
import { seedDemo } from "./seed";

export type { MembersContext } from "./context";

/** The members subgraph: the people a cooperative welcomes and supports. */
export const members: SubgraphDefinition<MembersLoaders> = {
  name: "members",
  entities: [PersonEntity],
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [PersonResolver, CooperativePeopleResolver],
      referenceResolvers: {
        Person: { __resolveReference: resolvePersonReference },
        Cooperative: { __resolveReference: resolveCooperativeReference },
      },
    }),
  createLoaders,
  seedDemo,
};
