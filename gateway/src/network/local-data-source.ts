import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { execute, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from "graphql";
import { KeptByText } from "../kept-by-text";

/**
 * The gateway's own subgraph, executed in the gateway's process. Apollo's LocalGraphQLDataSource
 * parses and validates the subgraph operation on every call; the query planner sends the same few
 * operations again and again, so each is parsed and validated once, kept by its text.
 */
export class CachedLocalDataSource<Context extends object> implements GraphQLDataSource<Context & Record<string, unknown>> {
  private readonly documents = new KeptByText<DocumentNode | readonly GraphQLError[]>();

  constructor(private readonly schema: GraphQLSchema) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<Context & Record<string, unknown>>): Promise<GatewayGraphQLResponse> {
    const query = request.query ?? "";
    const document = this.documents.get(query, () => {
      const parsed = parse(query);
      const errors = validate(this.schema, parsed);
      return errors.length > 0 ? errors : parsed;
    });
    if (!("kind" in document)) return { errors: document.map((error) => error.toJSON()) };
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    });
    return result as GatewayGraphQLResponse;
  }
}
