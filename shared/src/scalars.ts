import { GraphQLScalarType, Kind } from "graphql";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^-?\d{1,12}(\.\d{1,4})?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Every date in and out of every subgraph goes through here: plain arithmetic, no Date object.
function parseLocalDate(value: unknown): string {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    // Year 0000 is not a year PostgreSQL (or the Gregorian calendar) has: 0001-01-01 is the first day.
    if (year >= 1 && days !== undefined && day >= 1 && day <= days) return value as string;
  }
  throw new TypeError(`Date must be a calendar date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
}

/** A calendar date without time or zone: contracts and steps of a path happen on days, not instants. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: 'A calendar date, ISO 8601 without time zone ("2026-03-14").',
  serialize: parseLocalDate,
  parseValue: parseLocalDate,
  parseLiteral: (ast) => parseLocalDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDecimal(value: unknown): string {
  if (typeof value === "string" && DECIMAL.test(value)) return value;
  throw new TypeError(`Decimal must be a decimal number written as a string ("86.67"), got ${JSON.stringify(value)}`);
}

/** Hours and rates are exact decimals; they travel as strings so that no float rounds them. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: "Decimal",
  description: 'An exact decimal number as a string ("86.67"), for hours and rates.',
  serialize: parseDecimal,
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** An instant, for when something happened (an audit event): ISO 8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: 'An instant, ISO 8601 in UTC ("2026-11-29T09:30:00.000Z").',
  serialize: (value) => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new TypeError(`DateTime must be a Date, got ${JSON.stringify(value)}`);
  },
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) return date;
    throw new TypeError(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`);
  },
});
