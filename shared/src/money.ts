import { GraphQLScalarType, Kind } from "graphql";
import type { ValueTransformer } from "typeorm";
import { badUserInput } from "./errors";

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

/**
 * The largest amount of money any input, any line and any document may carry: 1e11 cents, one
 * billion euros (docs/finance.md, "Plausible dates and amounts"). Far above any real figure (a
 * whole cooperative turns over a few million euros a year), it is what keeps every figure computed
 * from inputs far from the limits downstream: a line's quantity × unit price and a document's
 * total are refused beyond it, so no column overflows PostgreSQL's bigint (9.2e18, ninety million
 * such amounts summed); an amount × a rate (at most 1e6 ten-thousandths of a percent) stays below
 * 1e17; and the indicators the gateway turns into JavaScript numbers stay exact (2^53 is about
 * 9e15: ninety thousand maximal amounts summed).
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000n;

/**
 * An amount of an input: from `min` (0 unless said; amounts of the network's inputs are never
 * negative) to MAX_AMOUNT_CENTS; `field` names it in the error.
 */
export function plausibleCents(value: bigint, field: string, min = 0n): bigint {
  if (value < min) throw badUserInput(min === 0n ? `${field} must not be negative` : `${field} must be at least ${min}`, field);
  if (value > MAX_AMOUNT_CENTS) {
    throw badUserInput(`${field} must be at most ${MAX_AMOUNT_CENTS} cents (one billion euros), got ${value}`, field);
  }
  return value;
}
