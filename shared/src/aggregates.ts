import type { DataSource } from "typeorm";

/**
 * The aggregates the network's indicators ask each cooperative for, read in one statement per
 * subgraph: every result set is a column of JSON, so a question costs one round trip to the
 * database, and the statement is prepared once per connection, so PostgreSQL parses it once.
 */

/** The rows of `sql` as one JSON array (`[]` when there are none). */
export const jsonRows = (sql: string): string => `(SELECT coalesce(json_agg(row_to_json(r)), '[]') FROM (${sql}) AS r)`;

/** The single row of `sql` as a JSON object. */
export const jsonRow = (sql: string): string => `(SELECT row_to_json(r) FROM (${sql}) AS r)`;

/** A column of `jsonRows` or `jsonRow` as the driver gave it: parsed already, or text. */
export const fromJson = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/**
 * Runs `text` as the named prepared statement `name`: PostgreSQL keeps it per connection, so the
 * statement is parsed once, and after a few runs planned once. TypeORM has no word for it, but
 * passes the query on to `pg`, which takes a `{ name, text }` query: the counter of statements
 * (tests) still counts it.
 */
export async function queryPrepared<Row>(db: DataSource, name: string, text: string, parameters: unknown[]): Promise<Row[]> {
  return (await db.query({ name, text } as unknown as string, parameters)) as Row[];
}
