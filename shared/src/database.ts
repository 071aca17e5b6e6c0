import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { existsSync, mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DataSource, type EntitySchema, type Logger, type MixedList } from "typeorm";

/**
 * Where a subgraph keeps its data: an embedded PostgreSQL (PGlite) on disk or in memory, or a
 * PostgreSQL server reached by URL. Each cooperative and subgraph has a database of its own.
 */
export type DatabaseConfig =
  /** `template`: a dump of an empty cluster to start a new data directory from, instead of running initdb. */
  { kind: "embedded"; dataDir: string; template?: string } | { kind: "memory" } | { kind: "server"; url: string };

export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: MixedList<Function | string>;
}

export interface Database {
  dataSource: DataSource;
  /** SQL statements sent since start: tests bound it per request to catch N+1 queries. */
  readonly statementCount: number;
  close(): Promise<void>;
}

class StatementCounter implements Logger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

async function openEmbedded(dataDir: string, template: string | undefined): Promise<PGlite> {
  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  mkdirSync(dataDir, { recursive: true });
  // initdb costs seconds of CPU in WebAssembly; unpacking a dump of an empty cluster costs a fraction.
  if (fresh && template && existsSync(template)) {
    return new PGlite(dataDir, { loadDataDir: new Blob([await readFile(template)], { type: "application/x-gzip" }) });
  }
  return new PGlite(dataDir);
}

/** A gzipped dump of an empty embedded cluster, for `template` above: made once, shared by every new database. */
export async function writeEmbeddedTemplate(file: string): Promise<void> {
  const pglite = new PGlite();
  try {
    await pglite.waitReady;
    const dump = await pglite.dumpDataDir("gzip");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/** Opens the database, runs pending migrations (never `synchronize`) and returns it. */
export async function openDatabase(config: DatabaseConfig, options: DatabaseOptions): Promise<Database> {
  let embedded: { pglite: PGlite; server: PGLiteSocketServer } | undefined;
  let url: string;
  if (config.kind === "server") {
    url = config.url;
  } else {
    const pglite = config.kind === "embedded" ? await openEmbedded(config.dataDir, config.template) : new PGlite();
    const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0 });
    await server.start();
    embedded = { pglite, server };
    url = `postgres://postgres@${server.getServerConn()}/postgres`;
  }

  const counter = new StatementCounter();
  const dataSource = new DataSource({
    type: "postgres",
    url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: true,
    migrationsTransactionMode: "each",
    synchronize: false,
    // PGlite has no uuid-ossp; pgcrypto's gen_random_uuid() is built into PostgreSQL 13+.
    uuidExtension: "pgcrypto",
    logging: ["query"],
    logger: counter,
    // PGlite serves one session: a single connection serializes transactions safely. It is kept
    // open for good: pg closes idle clients after 10 s by default, and the reconnection could reach
    // the socket server before it has let the old session go, which it refuses (one connection at
    // a time): "Connection terminated unexpectedly" on the next query after a pause.
    extra: embedded ? { max: 1, idleTimeoutMillis: 0 } : { max: 10 },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.server.stop();
    await embedded?.pglite.close();
    throw error;
  }

  return {
    dataSource,
    get statementCount() {
      return counter.count;
    },
    async close() {
      await dataSource.destroy();
      if (embedded) {
        await embedded.server.stop();
        await embedded.pglite.close();
      }
    },
  };
}
