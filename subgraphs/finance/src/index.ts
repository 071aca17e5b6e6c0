import { buildFederatedSchema, type SubgraphDefinition } from "@cae/shared";
import { ActivityAccountEntity } from "./accounts/activity-account.entity";
import { resolveActivityAccountReference, resolvePersonReference } from "./accounts/activity-account.reference";
import { ActivityAccountResolver, PersonActivityAccountsResolver } from "./accounts/activity-account.resolver";
import { createLoaders, type FinanceLoaders } from "./context";
import { migrations } from "./migrations";
import { seedDemo } from "./seed";

export type { FinanceContext } from "./context";

/** The finance subgraph: activity accounts (and, to come, invoices, payments and the contribution). */
export const finance: SubgraphDefinition<FinanceLoaders> = {
  name: "finance",
  entities: [ActivityAccountEntity],
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [ActivityAccountResolver, PersonActivityAccountsResolver],
      referenceResolvers: {
        ActivityAccount: { __resolveReference: resolveActivityAccountReference },
        Person: { __resolveReference: resolvePersonReference },
      },
    }),
  createLoaders,
  seedDemo,
};
