import type { ApolloServer, BaseContext } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { createSubgraphServer, type Caller, type Role, type SubgraphDefinition, type SubgraphServer } from "@cae/shared";
import { createTestDatabase } from "./database";

export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** A verified caller for tests: staff of the cooperative unless said otherwise. */
export function testCaller(role: Role, cooperativeId?: string, personId?: string): Caller {
  return { subject: `test-${role.toLowerCase()}`, role, cooperativeId, personId } as Caller;
}

/** A subgraph's Apollo server and how it makes a request's context: a cooperative's, or the network's own. */
export interface ExecutableServer<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  contextFor(caller: Caller): Context;
  /** The cooperative it holds; none for the network's own subgraph. */
  cooperativeId?: string;
}

/** Runs one operation through a subgraph's Apollo server, with a fresh request context (a counselor of its cooperative by default). */
export async function execute<Context extends BaseContext>(
  server: ExecutableServer<Context>,
  query: string,
  variables?: Record<string, unknown>,
  caller: Caller = testCaller("COUNSELOR", server.cooperativeId),
): Promise<OperationResult> {
  const response = await server.apollo.executeOperation({ query, variables }, { contextValue: server.contextFor(caller) });
  if (response.body.kind !== "single") throw new Error("Expected a single result");
  return response.body.singleResult as OperationResult;
}

export const ENTITIES_QUERY = (selection: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;

/**
 * A subgraph server on a throwaway database, for one `describe` block of subgraph tests: seeded with
 * the cooperative's demo data, or with its tables only (`seeded: false`) for a test that writes its own population.
 */
export async function startTestSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  cooperativeId: string,
  backend: "embedded" | "server",
  options: { production?: boolean; seeded?: boolean } = {},
): Promise<SubgraphServer<Loaders> & { stop(): Promise<void> }> {
  const seeded = options.seeded ?? true;
  const database = await createTestDatabase(backend, { subgraph: definition.name, ...(seeded && { demoOf: cooperativeId }) });
  const server = await createSubgraphServer(definition, cooperativeId, database.config, options);
  return {
    ...server,
    async stop() {
      await server.events.stop();
      await server.apollo.stop();
      await server.database.close();
      await database.drop();
    },
  };
}
