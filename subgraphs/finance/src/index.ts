import { AuditEventEntity, auditTrailResolver, buildFederatedSchema, ownCooperativeReference, type SubgraphDefinition } from "@cae/shared";
import { ActivityAccountEntity } from "./accounts/activity-account.entity";
import { resolveActivityAccountReference, resolvePersonReference } from "./accounts/activity-account.reference";
import { ActivityAccountResolver, PersonActivityAccountsResolver } from "./accounts/activity-account.resolver";
import { Cooperative } from "./accounts/activity-account.type";
import { createLoaders, type FinanceLoaders } from "./context";
import { migrations } from "./migrations";
import { seedDemo } from "./seed";

export type { FinanceContext } from "./context";

/** The finance subgraph: activity accounts (and, to come, invoices, payments and the contribution). */
export const finance: SubgraphDefinition<FinanceLoaders> = {
  name: "finance",
  entities: [ActivityAccountEntity, AuditEventEntity],
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [ActivityAccountResolver, PersonActivityAccountsResolver, auditTrailResolver(Cooperative, "finance")],
      // Only extended here (its audit trail): type-graphql leaves it out unless listed.
      orphanedTypes: [Cooperative],
      referenceResolvers: {
        ActivityAccount: { __resolveReference: resolveActivityAccountReference },
        Person: { __resolveReference: resolvePersonReference },
        Cooperative: { __resolveReference: ownCooperativeReference },
      },
    }),
  createLoaders,
  seedDemo,
};
