import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { roleChecker } from "./auth/access";
import { enforceAccessPolicy, type AccessPolicy } from "./auth/policy";
import { enforceDeadline } from "./deadline";
import { CentsScalar } from "./money";

/**
 * Apollo's resolver map, as the public `buildSubgraphSchema` takes it: the package's entry point
 * does not export its type (`GraphQLResolverMap`).
 */
type SubgraphModule = Exclude<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], DocumentNode>;
type GraphQLResolverMap = NonNullable<SubgraphModule["resolvers"]>;

/** The federation features every subgraph of the network may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type for resolver classes
  resolvers: NonEmptyArray<Function>;
  /** Entities this subgraph extends but never returns from a root field (type-graphql drops them otherwise). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type for classes
  orphanedTypes?: Function[];
  /** `__resolveReference` of each entity this subgraph can resolve, by type name. */
  referenceResolvers?: GraphQLResolverMap;
  /** Who may read what: every object type of the schema must have its rule (auth/policy.ts). */
  policy: AccessPolicy;
}

/**
 * Builds a federated subgraph schema from type-graphql classes: type-graphql builds the types,
 * the SDL is printed with its directives and prefixed with the federation @link, and
 * `buildSubgraphSchema` adds `_service` and `_entities`; then the access policy guards every field,
 * and no field starts once the caller's deadline has passed.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: BigInt, scalar: CentsScalar }],
    skipCheck: true,
    authChecker: roleChecker,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference } as GraphQLResolverMap[string];
  }
  return enforceDeadline(enforceAccessPolicy(buildSubgraphSchema({ typeDefs, resolvers }), options.policy));
}
