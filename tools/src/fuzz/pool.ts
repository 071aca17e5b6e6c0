import { addIds, type IdPool } from "./arbitraries";

/** Runs a statement on one database (a subgraph's, in the host process) and gives its rows. */
export type Query = <Row>(sql: string) => Promise<Row[]>;

/**
 * Fills the pool with the IDs of a database's records (the seeded demo data): every table with a
 * uuid `id`, a few dozen rows each, as the global IDs of the cooperative.
 */
export async function addDatabaseIds(pool: IdPool, query: Query, perTable = 60): Promise<void> {
  const tables: { name: string }[] = await query(
    `SELECT table_name AS name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`,
  );
  const references: { table: string; column: string }[] = await query(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type = 'uuid' AND column_name LIKE '%\\_id' ORDER BY column_name`,
  );
  const global = (id: string) => `${pool.cooperativeId}:${id}`;
  for (const { name } of tables) {
    const columns = references.filter((reference) => reference.table === name).map((reference) => reference.column);
    const rows: Record<string, string | null>[] = await query(
      `SELECT ${["id", ...columns].map((column) => `"${column}"`).join(", ")} FROM "${name}" ORDER BY id LIMIT ${perTable}`,
    );
    addIds(
      pool,
      name,
      rows.map((row) => global(row.id!)),
    );
    // The rows with their references, to give an input records that belong together.
    const withReferences = rows.map((row) =>
      Object.fromEntries(Object.entries(row).flatMap(([column, value]) => (value ? [[column, global(value)]] : []))),
    );
    pool.rows.set(name, [...(pool.rows.get(name) ?? []), ...withReferences]);
  }
}

/**
 * Fills the pool with the network's own records (its database, the network subgraph's): the
 * `network:<uuid>` IDs of its tables as above (partners, agreements, committees, members,
 * meetings, decisions, charter signatures), and the slugs of its registry, which an argument
 * naming a cooperative is drawn from. The pool's `cooperativeId` is the network's (`network`).
 */
export async function addNetworkIds(pool: IdPool, query: Query, perTable = 60): Promise<void> {
  await addDatabaseIds(pool, query, perTable);
  const slugs: { id: string }[] = await query(`SELECT id FROM cooperatives ORDER BY id`);
  pool.cooperatives = [...new Set([...(pool.cooperatives ?? []), ...slugs.map((row) => row.id)])];
}
