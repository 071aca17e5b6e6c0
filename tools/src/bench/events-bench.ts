import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  encodeId,
  publishEvent,
  recordAudit,
  startSubgraph,
  type DatabaseConfig,
  type RunningSubgraph,
  type SubgraphName,
} from "@cae/shared";
import { SUBGRAPHS } from "../subgraphs";
import { ensureTemplate } from "../dev/template";
import { createTestAuth } from "../testing/auth";

/**
 * `npm run bench:events`: what the events between a cooperative's subgraphs cost and how fast
 * they arrive (docs/benchmarks.md, "Events"). The members subgraph and its two siblings run in
 * this process, on embedded databases on disk (as `npm start` runs them) or on the PostgreSQL
 * server of BENCH_DATABASE_URL's databases (`--server`), over real HTTP.
 *
 *   npm run bench:events -- [--events 300] [--server]
 *
 * 1. The outbox's cost to a mutation: a transaction that writes one audit row, against the same
 *    transaction writing its event too (one outbox row per sibling), run alternately.
 * 2. The delay from a change's commit to its effect in the sibling (the event applied there),
 *    events committed one at a time, 20 ms apart: p50, p99, max.
 * 3. A burst: the same number of events committed at once, and the time until both siblings have
 *    applied them all.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const EVENTS = option("events", 300);
const ON_SERVER = args.includes("--server");
const COOP = "bench-events";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const ms = (value: number) => `${value.toFixed(2)} ms`;
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

async function main(): Promise<void> {
  const template = await ensureTemplate();
  const auth = await createTestAuth();
  const dir = mkdtempSync(join(tmpdir(), "cae-bench-events-"));
  const running = new Map<SubgraphName, RunningSubgraph<unknown>>();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const databases: string[] = [];
  const { Client } = await import("pg");
  const admin = ON_SERVER ? new Client({ connectionString: serverUrl }) : undefined;
  await admin?.connect();
  try {
    for (const name of ["members", "contracts", "finance"] as const) {
      let database: DatabaseConfig = { kind: "embedded", dataDir: join(dir, name), template };
      if (admin) {
        const db = `bench_events_${name}_${process.pid}`;
        await admin.query(`CREATE DATABASE ${db}`);
        databases.push(db);
        const url = new URL(serverUrl);
        url.pathname = `/${db}`;
        database = { kind: "server", url: url.toString() };
      }
      running.set(
        name,
        await startSubgraph(SUBGRAPHS[name], {
          cooperativeId: COOP,
          port: 0,
          host: "127.0.0.1",
          database,
          production: false,
          auth: auth.auth,
          logLevel: "silent",
        }),
      );
    }
    const urls = Object.fromEntries([...running].map(([name, server]) => [name, server.url]));
    for (const server of running.values()) server.events.setSiblings(urls);
    const members = running.get("members")!;
    const db = members.database.dataSource;
    const actor = { subject: "bench", role: "COOP_ADMIN" as const, cooperativeId: COOP };
    const snapshot = { person: { welcomeStage: "ADMITTED" as const, exitedOn: null, erased: false } };
    const drained = async () => {
      for (;;) {
        const report = await members.events.report();
        if (Object.values(report).every((part) => part.backlog === 0)) return;
        await sleep(5);
      }
    };

    // 1. The outbox's cost to a transaction.
    const plain: number[] = [];
    const withEvent: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const person = encodeId(COOP, randomUUID());
      for (const [times, publish] of [
        [plain, false],
        [withEvent, true],
      ] as const) {
        const started = performance.now();
        await db.transaction(async (manager) => {
          await recordAudit(manager, actor, { action: "bench", entityType: "Person", entityId: person, details: {} });
          if (publish) await publishEvent(manager, "person.admitted", person, snapshot);
        });
        times.push(performance.now() - started);
      }
      // The deliveries the events start are not part of the measure.
      await drained();
    }
    plain.sort((a, b) => a - b);
    withEvent.sort((a, b) => a - b);

    // 2. The delay from commit to the sibling's applying it.
    const committedAt = new Map<string, number>();
    for (let i = 0; i < EVENTS; i++) {
      let id = "";
      await db.transaction(async (manager) => {
        id = await publishEvent(manager, "person.admitted", encodeId(COOP, randomUUID()), snapshot);
      });
      committedAt.set(id, Date.now());
      await sleep(20);
    }
    await drained();
    const delays: number[] = [];
    for (const sibling of ["contracts", "finance"] as const) {
      const rows = await running
        .get(sibling)!
        .database.dataSource.query<{ id: string; received_ms: string }[]>(
          "SELECT id, EXTRACT(EPOCH FROM received_at) * 1000 AS received_ms FROM inbox_events WHERE id = ANY($1::uuid[])",
          [[...committedAt.keys()]],
        );
      for (const row of rows) delays.push(Number(row.received_ms) - committedAt.get(row.id)!);
    }
    delays.sort((a, b) => a - b);

    // 3. A burst.
    const burstStarted = performance.now();
    await Promise.all(
      Array.from({ length: EVENTS }, () =>
        db.transaction((manager) => publishEvent(manager, "person.admitted", encodeId(COOP, randomUUID()), snapshot)),
      ),
    );
    const committed = performance.now() - burstStarted;
    await drained();
    const burst = performance.now() - burstStarted;

    const backend = ON_SERVER ? "PostgreSQL server" : "embedded (PGlite, on disk)";
    console.log(`\nEvents between subgraphs: ${EVENTS} events, ${backend}, two siblings\n`);
    console.log("| measure | p50 | p99 | max |");
    console.log("| --- | --- | --- | --- |");
    const row = (label: string, values: number[]) =>
      console.log(`| ${label} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 99))} | ${ms(values[values.length - 1])} |`);
    row("transaction, one audit row", plain);
    row("the same, with its event (outbox rows for two siblings)", withEvent);
    row("delay from commit to applied in the sibling", delays);
    console.log(
      `\nburst: ${EVENTS} events committed in ${ms(committed)}, applied by both siblings ${ms(burst)} after the first commit (${Math.round((2 * EVENTS) / (burst / 1000))} deliveries/s)\n`,
    );
  } finally {
    for (const server of running.values()) await server.stop();
    for (const db of databases) await admin!.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin?.end();
    auth.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
