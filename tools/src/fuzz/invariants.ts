/**
 * What the network promises whatever it is sent (docs/architecture.md, "Errors"), as checks on
 * one answer: every error has a code and none is INTERNAL_SERVER_ERROR; a live cooperative is
 * never reported unavailable; every BAD_USER_INPUT names the offending argument; a refused
 * mutation writes nothing (its tables and its audit trail are as they were).
 */
import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLFormattedError,
  type GraphQLInputType,
} from "graphql";
import type { DataSource } from "typeorm";
import type { Target } from "./operations";

/** One broken promise: which, the error code and message that show it. */
export interface Violation {
  invariant: string;
  code: string;
  message: string;
}

export interface Answer {
  status?: number;
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * Whether `field` (`input.lines.0.quantity`, `input.lines[0].quantity`, `after`) is a path into
 * the arguments: its first part an argument's name, each next part a field of the input object
 * there or an index into the list there.
 */
export function isArgumentPath(field: string, args: readonly GraphQLArgument[]): boolean {
  const [root, ...rest] = field.split(/[.[\]]+/).filter(Boolean);
  const arg = args.find((candidate) => candidate.name === root);
  if (!arg) return false;
  let type: GraphQLInputType = getNullableType(arg.type);
  for (const part of rest) {
    // Inside a JSON scalar (a representation, `_Any`), any path is the value's own.
    if (isScalarType(type) && type.name === "_Any") return true;
    if (isListType(type)) {
      if (!/^\d+$/.test(part)) return false;
      type = getNullableType(type.ofType);
      continue;
    }
    if (!isInputObjectType(type)) return false;
    const next = type.getFields()[part];
    if (!next) return false;
    type = getNullableType(next.type);
  }
  return true;
}

/**
 * The checks that hold for any answer, query or mutation. `causeOf` gives what the service's log
 * says of an INTERNAL_SERVER_ERROR by its `errorId` (the client is told nothing of it, the report is).
 */
export function checkAnswer(
  target: Target,
  answer: Answer,
  options: { gateway: boolean; causeOf?: (errorId: unknown) => string | undefined },
): Violation[] {
  const violations: Violation[] = [];
  if (answer.status !== undefined && answer.status >= 500) {
    violations.push({ invariant: "HTTP status 5xx", code: String(answer.status), message: answer.errors?.[0]?.message ?? "" });
  }
  if (!answer.errors && answer.data === undefined) {
    violations.push({ invariant: "an answer with neither data nor errors", code: "-", message: JSON.stringify(answer).slice(0, 200) });
  }
  // The arguments an error may name: the fuzzed field's, and those of the fields on the way to it.
  const args = [...target.field.args, ...target.path.flatMap((step) => step.field.args)];
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string") {
      violations.push({ invariant: "an error without a code", code: "(none)", message: error.message });
      continue;
    }
    if (code === "INTERNAL_SERVER_ERROR") {
      const cause = options.causeOf?.(error.extensions?.errorId);
      violations.push({ invariant: "never INTERNAL_SERVER_ERROR", code, message: cause ? `${cause} (logged)` : error.message });
    }
    if (options.gateway && code === "COOPERATIVE_UNAVAILABLE") {
      violations.push({ invariant: "never COOPERATIVE_UNAVAILABLE from a live cooperative", code, message: error.message });
    }
    if (code === "BAD_USER_INPUT") {
      const field = error.extensions?.field;
      if (typeof field === "string") {
        // At a subgraph, `_entities`' representations are arguments too.
        const representation = target.entity !== undefined && /^representations(\.|$)/.test(field);
        if (!representation && !isArgumentPath(field, args)) {
          violations.push({
            invariant: "BAD_USER_INPUT names a path into the arguments",
            code,
            message: `field "${field}": ${error.message}`,
          });
        }
      } else if (!/Variable "\$[_A-Za-z][_0-9A-Za-z]*"/.test(error.message)) {
        // GraphQL's own coercion of a variable names the variable in its message instead.
        violations.push({ invariant: "BAD_USER_INPUT names the field", code, message: error.message });
      }
    }
  }
  return violations;
}

/**
 * Whether a mutation was refused: no result for the mutation's field, and an error of the request
 * or of the field itself. An error deeper in the result's selection (a field the caller may not
 * read) may null the result too, after the mutation was done: that is not a refusal.
 */
export function wasRefused(target: Target, answer: Answer): boolean {
  if (target.kind !== "mutation" || !answer.errors?.length) return false;
  const result = answer.data?.[target.field.name];
  return (result === null || result === undefined) && answer.errors.some((error) => (error.path?.length ?? 0) <= 1);
}

/**
 * What a database holds, cheaply: for each table its row count and the sum of its rows' `xmin`
 * (the transaction that wrote each row version). An insert or a delete changes the count, an
 * update the sum: two reads of it around a refused mutation tell whether it wrote anything.
 */
export type Fingerprint = Map<string, string>;

const fingerprintQueries = new WeakMap<DataSource, Promise<string>>();

export async function fingerprint(dataSource: DataSource): Promise<Fingerprint> {
  let query = fingerprintQueries.get(dataSource);
  if (!query) {
    query = dataSource
      .query(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           -- The events dispatcher renews its lease whenever it delivers: its own bookkeeping, not a write of a mutation.
           AND table_name <> 'event_dispatch_leases'
         ORDER BY table_name`,
      )
      .then((rows: { name: string }[]) =>
        rows
          .map(
            ({ name }) =>
              `SELECT '${name}' AS name, count(*)::text || '/' || coalesce(sum((xmin::text)::bigint), 0)::text AS state FROM "${name}"`,
          )
          .join(" UNION ALL "),
      );
    fingerprintQueries.set(dataSource, query);
  }
  const rows: { name: string; state: string }[] = await dataSource.query(await query);
  return new Map(rows.map((row) => [row.name, row.state]));
}

/** The tables whose rows changed between two fingerprints, with how: `audit_events +1`, `invoices updated`. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [table, state] of after) {
    const previous = before.get(table);
    if (previous === state) continue;
    const [countBefore] = (previous ?? "0/0").split("/").map(Number);
    const [countAfter] = state.split("/").map(Number);
    const delta = countAfter - countBefore;
    changed.push(delta === 0 ? `${table} updated` : `${table} ${delta > 0 ? "+" : ""}${delta}`);
  }
  return changed.sort();
}

/** A refused mutation must leave its database (its tables and its audit trail) as it was. */
export function checkNothingWritten(answer: Answer, changed: string[]): Violation[] {
  if (changed.length === 0) return [];
  const first = answer.errors?.[0];
  return [
    {
      invariant: changed.some((table) => table.includes("audit_events"))
        ? "a refused mutation writes nothing (audit trail changed)"
        : "a refused mutation writes nothing",
      code: String(first?.extensions?.code ?? "(none)"),
      message: `${changed.join(", ")} after: ${first?.message ?? ""}`,
    },
  ];
}
