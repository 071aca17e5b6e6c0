import { isScalarType, type GraphQLScalarType, type GraphQLSchema } from "graphql";
import { CentsScalar, DateTimeScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";

/** The network's own scalars, as every subgraph reads them. */
const NETWORK_SCALARS: readonly GraphQLScalarType[] = [LocalDateScalar, DecimalScalar, DateTimeScalar, CentsScalar];

/**
 * Gives the supergraph's custom scalars the subgraphs' own input rules. A supergraph knows a
 * custom scalar by name only and lets any value through, so a date that does not exist went to
 * the cooperative and came back as a transport error; checked here, before planning, it is
 * refused as the input error it is (a variable: `BAD_USER_INPUT`; a literal: at validation), and
 * no cooperative is asked. Output values are left as the subgraphs wrote them.
 */
export function adoptNetworkScalars(schema: GraphQLSchema): void {
  for (const own of NETWORK_SCALARS) {
    const type = schema.getType(own.name);
    if (!isScalarType(type)) continue;
    // The schema's scalar objects are the gateway's own (built from the supergraph's text): these
    // fields are what graphql-js calls when it coerces a variable or checks a literal.
    Object.assign(type, { parseValue: own.parseValue, parseLiteral: own.parseLiteral });
  }
}
