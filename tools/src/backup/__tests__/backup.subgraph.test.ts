import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { openDatabase, SUBGRAPH_NAMES, type DatabaseConfig, type SubgraphName } from "@cae/shared";
import { SUBGRAPHS } from "../../subgraphs";
import { createTestDatabase, databaseBackends, type TestDatabase } from "../../testing/database";
import { extractTar, sha256File } from "../archive";
import { BackupRefusal, databaseUrlVariable, locateDatabases, MANIFEST_FILE, type DatabaseLocation, type Manifest } from "../backup";
import type { Query } from "../content";
import { withEmbedded } from "../embedded";
import { withClient } from "../server";
import { run } from "../main";

const COOPERATIVE = "alpes-entreprendre";

/**
 * What a database holds, compared whole: every table's rows (as PostgreSQL writes them out, in
 * text, sorted), every sequence's value, and the schema (columns, constraints, indexes, triggers,
 * functions), read with the same session settings on both sides.
 */
async function everything(query: Query) {
  for (const setting of ["TimeZone TO 'UTC'", "DateStyle TO 'ISO, YMD'", "IntervalStyle TO 'postgres'", "extra_float_digits TO 3"])
    await query(`SET ${setting}`);
  const tables = await query(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1`);
  const rows: Record<string, string[]> = {};
  for (const { name } of tables)
    rows[String(name)] = (await query(`SELECT t::text AS row FROM ${name} t`)).map((row) => String(row.row)).sort();
  return {
    rows,
    sequences: await query(`
      SELECT format('%I.%I', schemaname, sequencename) AS name, data_type::text, start_value::text, increment_by::text, last_value::text
      FROM pg_sequences ORDER BY 1`),
    columns: await query(`
      SELECT table_schema, table_name, column_name, data_type, column_default, is_nullable, is_identity, identity_generation
      FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3`),
    constraints: await query(`
      SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    indexes: await query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    triggers: await query(
      `SELECT tgrelid::regclass::text AS "table", tgname, pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
    ),
    functions: await query(
      `SELECT p.oid::regprocedure::text AS signature, md5(p.prosrc) AS body FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1`,
    ),
  };
}

const withDatabase = <T>(location: DatabaseLocation, work: (query: Query) => Promise<T>): Promise<T> =>
  location.kind === "embedded" ? withEmbedded(location.dataDir, work) : withClient(location.url, (_client, query) => work(query));

/** A row written after the demo data, and a sequence number consumed without a row: only the sequence remembers it. */
const audit = (subgraph: SubgraphName) => [
  `INSERT INTO audit_events (actor_subject, actor_role, action, entity_type, entity_id, details)
   VALUES ('backup-test', 'ADMIN', 'BACKUP_ROUND_TRIP', '${subgraph}', 'été-2025', '{"note": "« avant » la sauvegarde", "big": 12345678901234567890.5}')`,
  `SELECT nextval(pg_get_serial_sequence('audit_events', 'seq'))`,
];
const CHANGES: Record<SubgraphName, string[]> = {
  members: [...audit("members"), `UPDATE people SET first_name = 'Zoé-Anaïs' WHERE id = (SELECT min(id::text)::uuid FROM people)`],
  contracts: audit("contracts"),
  finance: [
    ...audit("finance"),
    `INSERT INTO expenses (account_id, spent_on, category, description, net_cents, vat_cents, receipt_reference)
     SELECT id, '2025-03-01', 'TRAVEL', 'Billet Paris–Lyon', 12345, 2469, 'R-BACKUP-1' FROM activity_accounts ORDER BY id LIMIT 1`,
    `SELECT nextval(pg_get_serial_sequence('invoices', 'seq'))`,
  ],
};

describe.each(databaseBackends())("npm run backup and restore on %s PostgreSQL", (backend) => {
  let dir: string;
  const dropped: TestDatabase[] = [];
  let sourceEnv: NodeJS.ProcessEnv;
  let targetEnv: NodeJS.ProcessEnv;
  const expected = {} as Record<SubgraphName, Awaited<ReturnType<typeof everything>>>;
  let out: string;
  const log: string[] = [];
  const cli = (...argv: string[]) => run(argv, argv[0] === "backup" ? sourceEnv : targetEnv, (line) => log.push(line));
  const locations = (env: NodeJS.ProcessEnv) => locateDatabases(COOPERATIVE, env);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cae-backup-test-"));
    sourceEnv = { DATA_DIR: join(dir, "source") };
    targetEnv = { DATA_DIR: join(dir, "target") };
    for (const subgraph of SUBGRAPH_NAMES) {
      // The cooperative's demo data, then a change of its own.
      const demo = await createTestDatabase(backend, { subgraph, demoOf: COOPERATIVE });
      dropped.push(demo);
      let config: DatabaseConfig = demo.config;
      if (demo.config.kind === "memory")
        config = { kind: "embedded", dataDir: join(dir, "source", COOPERATIVE, subgraph), template: demo.config.template };
      else if (demo.config.kind === "server") {
        sourceEnv[databaseUrlVariable(subgraph)] = demo.config.url;
        const empty = await createTestDatabase(backend);
        dropped.push(empty);
        if (empty.config.kind === "server") targetEnv[databaseUrlVariable(subgraph)] = empty.config.url;
      }
      const database = await openDatabase(config, SUBGRAPHS[subgraph]);
      const runner = database.dataSource.createQueryRunner();
      try {
        for (const sql of CHANGES[subgraph]) await runner.query(sql);
        expected[subgraph] = await everything((sql) => runner.query(sql));
      } finally {
        await runner.release();
        await database.close();
      }
    }
    out = join(dir, backend === "embedded" ? "backup.tar" : "backup");
  });

  afterAll(async () => {
    for (const database of dropped) await database.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("writes one backup of the three databases with a manifest and their checksums", async () => {
    await cli("backup", COOPERATIVE, "--out", out);
    const unpacked = out.endsWith(".tar") ? join(dir, "unpacked") : out;
    if (out.endsWith(".tar"))
      expect((await extractTar(out, unpacked)).sort()).toEqual([MANIFEST_FILE, ...SUBGRAPH_NAMES.map((s) => `${s}.tar.gz`)].sort());
    const manifest = JSON.parse(readFileSync(join(unpacked, MANIFEST_FILE), "utf8")) as Manifest;
    expect(manifest).toMatchObject({ format: "cae-network-backup/1", cooperative: COOPERATIVE });
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(600_000);
    for (const subgraph of SUBGRAPH_NAMES) {
      const entry = manifest.subgraphs[subgraph];
      expect(entry.backend).toBe(backend);
      expect(entry.format).toBe(backend === "embedded" ? "pglite-data-dir" : "pg_dump-custom");
      expect(entry.sha256).toBe(await sha256File(join(unpacked, entry.file)));
      expect(entry.migrations.map((m) => m.name)).toEqual(
        Object.values(SUBGRAPHS[subgraph].migrations).map((m) => (m as { name: string }).name),
      );
      for (const [table, rows] of Object.entries(expected[subgraph].rows))
        expect([table, entry.tables[table.replace(/^public\./, "")]]).toEqual([table, rows.length]);
    }
    expect(log.at(-1)).toMatch(/^Backup written: /);
  });

  it("refuses a backup of another cooperative, and a damaged one, before touching any database", async () => {
    await expect(cli("restore", "bretagne-cooperer", "--from", out)).rejects.toThrow(
      new BackupRefusal(
        `${out} is a backup of ${COOPERATIVE}, not of bretagne-cooperer: a cooperative's data never goes into another's databases`,
      ),
    );
    const damaged = join(dir, "damaged");
    if (out.endsWith(".tar")) await extractTar(out, damaged);
    else cpSync(out, damaged, { recursive: true });
    const file = join(damaged, backend === "embedded" ? "finance.tar.gz" : "finance.pgdump");
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(file, bytes);
    await expect(cli("restore", COOPERATIVE, "--from", damaged)).rejects.toThrow(
      /is damaged: finance\.(tar\.gz|pgdump) does not match its checksum/,
    );
    if (backend === "embedded") expect(existsSync(join(dir, "target"))).toBe(false);
    else
      for (const location of Object.values(locations(targetEnv)))
        expect(await withDatabase(location, (query) => query("SELECT 1 FROM pg_class WHERE relname = 'migrations'"))).toEqual([]);
  });

  it("refuses while a subgraph has its database open", async () => {
    if (backend === "embedded") {
      // A running subgraph holds its embedded database: even a backup waits for it to stop.
      const members = locations(sourceEnv).members as Extract<DatabaseLocation, { kind: "embedded" }>;
      await expect(withEmbedded(members.dataDir, () => cli("backup", COOPERATIVE, "--out", join(dir, "while-open.tar")))).rejects.toThrow(
        /members: the embedded database .* is open in another process/,
      );
      expect(existsSync(join(dir, "while-open.tar"))).toBe(false);
    } else {
      const members = locations(targetEnv).members as Extract<DatabaseLocation, { kind: "server" }>;
      const session = new Client({ connectionString: members.url, application_name: "members-subgraph" });
      await session.connect();
      try {
        await expect(cli("restore", COOPERATIVE, "--from", out)).rejects.toThrow(/members: 1 other session\(s\) use .*"members-subgraph"/);
      } finally {
        await session.end();
      }
    }
  });

  it("restores into empty databases every table, row and sequence as they were", async () => {
    log.length = 0;
    await cli("restore", COOPERATIVE, "--from", out);
    expect(log.filter((line) => / as in the backup/.test(line)).map((line) => line.trim().split(" ")[0])).toEqual([...SUBGRAPH_NAMES]);
    for (const subgraph of SUBGRAPH_NAMES) {
      await withDatabase(locations(targetEnv)[subgraph], async (query) => {
        expect(await everything(query)).toEqual(expected[subgraph]);
        // Changed after the restore, so that a forced restore below has something to replace.
        await query(`DELETE FROM audit_events WHERE action = 'BACKUP_ROUND_TRIP'`);
      });
    }
  });

  it("refuses to overwrite databases that hold data, and replaces them with --force", async () => {
    await expect(cli("restore", COOPERATIVE, "--from", out)).rejects.toThrow(/members: .* holds data .*restore with --force/);
    log.length = 0;
    await cli("restore", COOPERATIVE, "--from", out, "--force");
    // The restore reads each database back against the manifest's rows per table: the audit row deleted above is back.
    expect(log.filter((line) => / as in the backup/.test(line))).toHaveLength(3);
    const members = await withDatabase(locations(targetEnv).members, everything);
    expect(members).toEqual(expected.members);
    // An embedded database replaced is moved aside, not deleted.
    if (backend === "embedded")
      expect(readdirSync(join(dir, "target", COOPERATIVE)).filter((name) => name.includes(".replaced-"))).toHaveLength(3);
  });
});
