import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { existsSync, mkdirSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Client } from "pg";
import { DataSource, type EntitySchema, type Logger, type MixedList } from "typeorm";
import { endStatementSpan, startStatementSpan } from "./observability/tracing";
import { EventsCommittedSubscriber } from "./events/outbox";

/**
 * Where a subgraph keeps its data: an embedded PostgreSQL (PGlite) on disk or in memory, or a
 * PostgreSQL server reached by URL. Each cooperative and subgraph has a database of its own.
 */
export type DatabaseConfig =
  /** `template`: a dump (`snapshot`) to start a new data directory or memory database from, instead of running initdb. */
  { kind: "embedded"; dataDir: string; template?: string } | { kind: "memory"; template?: string } | { kind: "server"; url: string };

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
  /**
   * Writes an embedded database's whole cluster to `file`, as a template for others (a memory or
   * new on-disk database starts from it in a fraction of the time initdb and the migrations take).
   */
  snapshot(file: string): Promise<void>;
  close(): Promise<void>;
}

/** The longest a statement may run on a PostgreSQL server (PGlite runs in the process and cannot be interrupted). */
export const STATEMENT_TIMEOUT_MS = 30_000;

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

/**
 * pg's client with a span per SQL statement sent within a traced request (see `startStatementSpan`):
 * the pool `openDatabase` makes gives its connections this class (pg-pool's `Client` option), so
 * both backends (PGlite through its socket server, and a PostgreSQL server) are traced alike and
 * pg's module itself is left as it is. A span covers the statement from its call to its result,
 * its wait for the connection's queue included; a streamed query (a `Submittable`) is not traced.
 */
export class TracedClient extends Client {}
const untracedQuery = Client.prototype.query;
TracedClient.prototype.query = function query(this: Client, ...args: unknown[]): unknown {
  const [config] = args;
  const text = typeof config === "string" ? config : (config as { text?: unknown } | undefined)?.text;
  const submittable = typeof (config as { submit?: unknown } | undefined)?.submit === "function";
  const span = typeof text === "string" && !submittable ? startStatementSpan(text) : undefined;
  const run = () => (untracedQuery as (...args: unknown[]) => unknown).apply(this, args);
  if (!span) return run();
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (error: unknown, result: unknown) => {
      endStatementSpan(span, error);
      (callback as (error: unknown, result: unknown) => void)(error, result);
    };
  }
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    endStatementSpan(span, error);
    throw error;
  }
  if (typeof callback === "function") return result;
  return (result as Promise<unknown>).then(
    (rows) => (endStatementSpan(span), rows),
    (error: unknown) => {
      endStatementSpan(span, error);
      throw error;
    },
  );
} as Client["query"];

/**
 * initdb costs seconds of CPU in WebAssembly (3.5 s on the reference machine); unpacking a dump
 * costs a fraction (0.8 s). A dump written by `snapshot` is a plain tar, one by
 * `writeEmbeddedTemplate` a gzipped one: PGlite reads the kind from the Blob's type.
 */
async function fromTemplate(template: string | undefined): Promise<{ loadDataDir: Blob } | undefined> {
  if (!template || !existsSync(template)) return undefined;
  const bytes = await readFile(template);
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return { loadDataDir: new DumpBlob(bytes, gzipped ? "application/x-gzip" : "application/x-tar") };
}

/**
 * A dump as the Blob PGlite asks for, handing over the bytes already read. PGlite only calls
 * `arrayBuffer()` (the Blob's own content is empty), and Node 20's Blob gives a large one back by
 * copying it in chunks: a quarter of the CPU of opening a database from a 42 MB dump went there
 * (1.24 s of CPU, median of six, against 0.94 s with the bytes handed over).
 */
class DumpBlob extends Blob {
  constructor(
    private readonly dump: Buffer,
    type: string,
  ) {
    super([], { type });
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.dump;
    // A file read whole has a buffer of its own; a small one may sit in Node's shared pool.
    return Promise.resolve(
      byteOffset === 0 && byteLength === buffer.byteLength
        ? (buffer as ArrayBuffer)
        : (buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer),
    );
  }
}

/**
 * A database in memory has its files in memory already: PostgreSQL's buffer cache over them is a
 * second copy, and at its default size (128 MB), set up at start, it was more than half of what
 * opening one from a dump cost (0.94 s of CPU against 0.42 s with 16 MB). Tests open hundreds; a
 * page that is not in the smaller cache is a copy away.
 */
const IN_MEMORY_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

async function openEmbedded(config: Extract<DatabaseConfig, { kind: "embedded" | "memory" }>): Promise<PGlite> {
  if (config.kind === "memory") return new PGlite({ ...(await fromTemplate(config.template)), startParams: IN_MEMORY_START_PARAMS });
  const fresh = !existsSync(join(config.dataDir, "PG_VERSION"));
  mkdirSync(config.dataDir, { recursive: true });
  return new PGlite(config.dataDir, fresh ? await fromTemplate(config.template) : undefined);
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
    const pglite = await openEmbedded(config);
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
    // Wakes the events dispatcher when a transaction that wrote events commits.
    subscribers: [EventsCommittedSubscriber],
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
    // On a server, no statement outlives the longest wait a caller may have (the gateway's deadline
    // is 5 s by default): a runaway query stops there rather than holding a connection for nobody.
    // Either way, connections are `TracedClient`s: a request's statements show in its trace.
    extra: embedded
      ? { max: 1, idleTimeoutMillis: 0, Client: TracedClient }
      : { max: 10, statement_timeout: STATEMENT_TIMEOUT_MS, Client: TracedClient },
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
    async snapshot(file) {
      if (!embedded) throw new Error("Only an embedded database can be snapshot: a PostgreSQL server has pg_dump");
      const dump = await embedded.pglite.dumpDataDir("none");
      const temporary = `${file}.${process.pid}.partial`;
      await writeFile(temporary, Buffer.from(await dump.arrayBuffer()));
      // Renamed into place whole, so a reader never sees half a template.
      await rename(temporary, file);
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

/**
 * The unique index a failed write ran into, when that is why it failed (two writers racing for
 * the same name or day): its name, "" when the driver does not say; undefined for any other error.
 */
export function violatedUniqueIndex(error: unknown): string | undefined {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === "23505" ? (driverError.constraint ?? "") : undefined;
}

/** The rows an `UPDATE ... RETURNING` gave: TypeORM's `query` answers an UPDATE or DELETE with `[rows, count]`. */
export const updatedRows = <Row>(result: unknown): Row[] => (result as [Row[], number])[0];
