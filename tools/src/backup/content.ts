/** What a database holds, read the same way from PGlite and from a PostgreSQL server. */

export type Rows = Record<string, unknown>[];
/** One SQL statement without parameters, its rows. */
export type Query = (sql: string) => Promise<Rows>;

/** A row of TypeORM's `migrations` table: the migrations the database has run, oldest first. */
export interface MigrationRecord {
  timestamp: number;
  name: string;
}

export interface DatabaseContent {
  /** `server_version`: an embedded cluster only opens with the PostgreSQL major of the PGlite that wrote it. */
  postgres: string;
  migrations: MigrationRecord[];
  /** Rows per table, by name (schema-qualified outside `public`). */
  tables: Record<string, number>;
}

/** TypeORM's bookkeeping, not data: a database with its tables and nothing else in them holds no data. */
const MIGRATIONS_TABLE = "migrations";

export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The tables of every schema but the system's. */
const TABLES = `
  SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
  ORDER BY 1, 2`;

export async function inspect(query: Query): Promise<DatabaseContent> {
  const [{ server_version: postgres }] = await query("SHOW server_version");
  const tables = (await query(TABLES)) as { schema: string; name: string }[];
  const counts: Record<string, number> = {};
  if (tables.length > 0) {
    const select = tables
      .map(({ schema, name }, i) => `SELECT ${i} AS i, count(*)::text AS n FROM ${quoteIdentifier(schema)}.${quoteIdentifier(name)}`)
      .join(" UNION ALL ");
    for (const row of await query(select)) {
      const { schema, name } = tables[Number(row.i)];
      counts[schema === "public" ? name : `${schema}.${name}`] = Number(row.n);
    }
  }
  const migrations =
    MIGRATIONS_TABLE in counts
      ? (await query(`SELECT "timestamp"::text AS timestamp, name FROM public.${MIGRATIONS_TABLE} ORDER BY id`)).map((row) => ({
          timestamp: Number(row.timestamp),
          name: String(row.name),
        }))
      : [];
  return { postgres: String(postgres), migrations, tables: counts };
}

/** The tables that hold rows (TypeORM's `migrations` left out): what a restore would overwrite. */
export function tablesWithData(content: DatabaseContent): string[] {
  return Object.entries(content.tables)
    .filter(([name, rows]) => name !== MIGRATIONS_TABLE && rows > 0)
    .map(([name]) => name);
}

export const totalRows = (content: Pick<DatabaseContent, "tables">): number => Object.values(content.tables).reduce((sum, n) => sum + n, 0);

/** What differs between what a backup recorded and what a restore brought back; empty when they agree. */
export function differences(expected: Pick<DatabaseContent, "tables" | "migrations">, actual: DatabaseContent): string[] {
  const found: string[] = [];
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    if (expected.tables[name] !== actual.tables[name])
      found.push(`table ${name}: ${expected.tables[name] ?? "absent"} rows in the backup, ${actual.tables[name] ?? "absent"} restored`);
  }
  const names = (list: MigrationRecord[]) => list.map((m) => m.name).join(", ");
  if (names(expected.migrations) !== names(actual.migrations))
    found.push(`migrations: [${names(expected.migrations)}] in the backup, [${names(actual.migrations)}] restored`);
  return found;
}
