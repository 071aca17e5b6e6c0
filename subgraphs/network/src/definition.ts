import { AuditEventEntity, buildFederatedSchema } from "@cae/shared";
import type { GraphQLSchema } from "graphql";
import { networkPolicy } from "./access";
import { CharterAdherenceEntity } from "./charter/charter.entity";
import { CharterResolver, CooperativeCharterResolver } from "./charter/charter.resolver";
import { migrations } from "./migrations";
import { Cooperative } from "./registry/cooperative.type";
import { NetworkAuditTrailResolver } from "./registry/audit.resolver";
import { RegisteredCooperativeEntity } from "./registry/registry.entity";
import { CooperativeRegistrationResolver, RegistryResolver, resolveCooperativeReference } from "./registry/registry.resolver";

/** The network's own subgraph: its registry, charter, partners, funding agreements and committees, on its own database. */
export const network = {
  entities: [RegisteredCooperativeEntity, CharterAdherenceEntity, AuditEventEntity],
  migrations,
  buildSchema(): Promise<GraphQLSchema> {
    schema ??= buildFederatedSchema({
      resolvers: [
        RegistryResolver,
        CooperativeRegistrationResolver,
        CharterResolver,
        CooperativeCharterResolver,
        NetworkAuditTrailResolver,
      ],
      // Reached by the gateway's `_entities` only: no root field of this subgraph returns it.
      orphanedTypes: [Cooperative],
      policy: networkPolicy,
      referenceResolvers: { Cooperative: { __resolveReference: resolveCooperativeReference } },
    });
    return schema;
  },
};

/** Built once per process. */
let schema: Promise<GraphQLSchema> | undefined;
