import { GraphQLScalarType, Kind } from "graphql";
import type { ValueTransformer } from "typeorm";

/**
 * Money is held as integer cents in a `bigint` everywhere (database `bigint`, TypeScript
 * `bigint`), so that no float ever touches an amount and network totals cannot overflow.
 */
const CENTS = /^-?\d{1,18}$/;

function parseCents(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && CENTS.test(value)) return BigInt(value);
  throw new TypeError(`Cents must be an integer number of cents given as a string of digits, got ${JSON.stringify(value)}`);
}

export const CentsScalar = new GraphQLScalarType<bigint, string>({
  name: "Cents",
  description:
    'An exact amount of money in euro cents, as a string of digits with an optional minus sign ("-1250" is -12.50 EUR). ' +
    "A string, not an Int, because network totals exceed GraphQL's 32-bit Int.",
  serialize: (value) => parseCents(value).toString(),
  parseValue: parseCents,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseCents(ast.value);
    throw new TypeError("Cents must be given as a string of digits");
  },
});

/** Maps a PostgreSQL `bigint` column (which `pg` returns as a string) to a `bigint`. */
export const centsColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
