import type { GraphQLFormattedError } from "graphql";
import type { SubgraphServer } from "./subgraph";

export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs one operation through a subgraph's Apollo server, with a fresh request context. */
export async function execute<Loaders>(
  server: SubgraphServer<Loaders>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<OperationResult> {
  const response = await server.apollo.executeOperation({ query, variables }, { contextValue: await server.contextFor() });
  if (response.body.kind !== "single") throw new Error("Expected a single result");
  return response.body.singleResult as OperationResult;
}

export const ENTITIES_QUERY = (selection: string) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
