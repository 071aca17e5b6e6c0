// Benchmark of the network's indicators (not a test): starts 1, 10 and 30 cooperatives' subgraphs
// on the local PostgreSQL server (throwaway databases, seeded with the demo generator) and the real
// gateway, then asks for the network's indicators with a cold cache and a warm one, and with one
// cooperative made 5 s slow. Prints p50/p95 latencies and the ratio to one cooperative.
//
//   npm run bench:indicators              # 1, 10, 30 cooperatives
//   npm run bench:indicators -- --quick   # 1 and 3 cooperatives, fewer rounds (CI)
//
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where the
// databases are created and dropped.
/* global process, URL, setTimeout, fetch, Buffer, performance, console */
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { availableParallelism, cpus } from "node:os";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const { startSubgraph, SUBGRAPH_NAMES } = require("@cae/shared");
const { members } = require("@cae/members");
const { contracts } = require("@cae/contracts");
const { finance } = require("@cae/finance");
const { startGateway, DEFAULT_SUPERGRAPH_FILE } = require("@cae/gateway");
const { DEFAULT_QUERY_LIMITS } = require("../gateway/dist/limits/limits.js");
const { createTestAuth } = require("../gateway/dist/testing/auth.js");
const { Client } = require("pg");
const { readFileSync } = require("node:fs");

// Every subgraph adds its own signal handlers: 90 of them are expected here.
process.setMaxListeners(0);
const quick = process.argv.includes("--quick");
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : quick ? [1, 3] : [1, 10, 30];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 5 : 15));
const SLOW_MS = 5000;
const TIMEOUT_MS = 2000;
/** A cooperative's own server is across a network: each call to its subgraphs pays this much more. */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 30);
const REGIONS = ["Auvergne-Rhône-Alpes", "Bretagne", "Occitanie", "Île-de-France", "Normandie"];
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PREFIX = `cae_bench_${process.pid}`;
const DEFINITIONS = { members, contracts, finance };

const QUERY = `query ($from: Date!, $to: Date!) { network { indicators(from: $from, to: $to) {
  generatedAt ageSeconds complete missingCooperatives { id reason }
  totals { people { value suppressed } peopleByStage { key value suppressed } receptions { value suppressed } exits { value suppressed }
    ageBrackets { key value } womenShare { value } revenueExcludingVat { value suppressed } contractsSigned { value } fullTimeEquivalent { value } }
  byCooperative { id indicators { people { value suppressed } peopleByStage { key value suppressed } receptions { value } revenueExcludingVat { value } } }
  byRegion { region indicators { people { value } receptions { value } } }
  monthly { month receptions { value suppressed } exits { value } contractsSigned { value } }
} } }`;
const VARIABLES = { from: "2026-01-01", to: "2026-10-31" };

const admin = new Client({ connectionString: ADMIN_URL });
const databases = [];
const running = [];

function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function startCooperative(index, auth) {
  const id = `bench-coop-${String(index + 1).padStart(2, "0")}`;
  const subgraphs = {};
  for (const name of SUBGRAPH_NAMES) {
    const database = `${PREFIX}_${index + 1}_${name}`;
    await admin.query(`CREATE DATABASE ${database}`);
    databases.push(database);
    const subgraph = await startSubgraph(DEFINITIONS[name], {
      cooperativeId: id,
      port: 0,
      host: "127.0.0.1",
      database: { kind: "server", url: databaseUrl(database) },
      seedDemo: true,
      production: true,
      auth,
    });
    // 90 subgraphs share one PostgreSQL server (max_connections 100, other users too): one
    // connection each here, where each cooperative would have its own server.
    const pool = subgraph.database.dataSource.driver.master;
    if (pool?.options) pool.options.max = 1;
    running.push(subgraph);
    subgraphs[name] = subgraph.url;
  }
  return { id, name: `Bench ${index + 1}`, region: REGIONS[index % REGIONS.length], subgraphs };
}

/** A proxy that holds every request `delayMs` before passing it on: a slow cooperative. */
async function slowProxy(target, delayMs) {
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      const response = await fetch(target, {
        method: req.method,
        headers: req.headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      if (!res.headersSent) res.writeHead(502).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function gatewayFor(registry, auth, cacheSeconds) {
  return startGateway({
    registry: { cooperatives: registry },
    supergraphSdl: readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8"),
    port: 0,
    host: "127.0.0.1",
    cooperativeTimeoutMs: TIMEOUT_MS,
    production: true,
    auth,
    limits: DEFAULT_QUERY_LIMITS,
    maxBodyBytes: 1_000_000,
    indicators: { cacheSeconds },
  });
}

async function ask(gateway, token) {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: VARIABLES }),
  });
  const body = await response.json();
  const ms = performance.now() - started;
  const indicators = body.data?.network?.indicators;
  if (!indicators) throw new Error(`No indicators: ${JSON.stringify(body.errors)}`);
  return { ms, indicators };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function measure(gateway, token, rounds) {
  const times = [];
  let last;
  for (let i = 0; i < rounds; i++) {
    last = await ask(gateway, token);
    times.push(last.ms);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), last: last.indicators };
}

async function main() {
  const started = Date.now();
  await admin.connect();
  const { auth, token: sign, remove } = await createTestAuth();
  const token = await sign({ sub: "bench", role: "NETWORK_ANALYST" });
  const largest = Math.max(...SIZES);
  const cooperatives = [];
  try {
    process.stderr.write(
      `Starting ${largest} cooperatives (${largest * 3} subgraphs, seeded) on ${ADMIN_URL.replace(/\/[^/]*$/, "")} ...\n`,
    );
    for (let i = 0; i < largest; i++) {
      cooperatives.push(await startCooperative(i, auth));
      process.stderr.write(`  ${i + 1}/${largest}\r`);
    }
    process.stderr.write(`\nReady in ${((Date.now() - started) / 1000).toFixed(0)} s; measuring (${ROUNDS} rounds each) ...\n`);
    const rows = [];
    for (const size of SIZES) {
      const registry = cooperatives.slice(0, size);
      const cold = await gatewayFor(registry, auth, 0);
      await ask(cold, token); // the query plan and connections, once
      const coldStats = await measure(cold, token, ROUNDS);
      await cold.stop();
      const warm = await gatewayFor(registry, auth, 300);
      await ask(warm, token);
      const warmStats = await measure(warm, token, ROUNDS);
      await warm.stop();
      if (!coldStats.last.complete)
        throw new Error(`Incomplete answer with ${size} cooperatives: ${JSON.stringify(coldStats.last.missingCooperatives)}`);
      // The same, each subgraph behind a proxy adding the latency of a network between the gateway and the cooperative.
      const proxies = [];
      const remote = [];
      for (const cooperative of registry) {
        const subgraphs = {};
        for (const name of SUBGRAPH_NAMES) {
          const proxy = await slowProxy(cooperative.subgraphs[name], LATENCY_MS);
          proxies.push(proxy);
          subgraphs[name] = proxy.url;
        }
        remote.push({ ...cooperative, subgraphs });
      }
      const far = await gatewayFor(remote, auth, 0);
      await ask(far, token);
      const farStats = await measure(far, token, ROUNDS);
      await far.stop();
      proxies.forEach((proxy) => proxy.close());
      rows.push({ size, cold: coldStats, warm: warmStats, far: farStats, people: coldStats.last.totals.people.value });
    }
    // One cooperative made 5 s slow: the answer must come at the deadline, naming it.
    const size = quick ? 3 : 10;
    const slow = await slowProxy(cooperatives[0].subgraphs.members, SLOW_MS);
    const registry = [
      { ...cooperatives[0], subgraphs: { ...cooperatives[0].subgraphs, members: slow.url } },
      ...cooperatives.slice(1, size),
    ];
    const gateway = await gatewayFor(registry, auth, 0);
    const slowStats = await measure(gateway, token, quick ? 2 : 5);
    await gateway.stop();
    slow.close();

    const base = rows[0].cold.p50;
    const f = (ms) => `${ms.toFixed(0)} ms`;
    const cpu = `${availableParallelism()} × ${cpus()[0]?.model ?? "cpu"}`;
    console.log(
      `\nNetwork indicators, ${VARIABLES.from} to ${VARIABLES.to}, analyst token (disclosure control on), ${ROUNDS} rounds, ${cpu}, PostgreSQL ${ADMIN_URL.replace(/^.*@/, "").replace(/\/.*$/, "")}\n`,
    );
    const farBase = rows[0].far.p50;
    console.log(
      `| cooperatives | people | cold p50 | cold p95 | cold p50 / 1 cooperative | warm p50 | warm p95 | cold p50, +${LATENCY_MS} ms per call | its ratio to 1 |`,
    );
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const row of rows) {
      console.log(
        `| ${row.size} | ${row.people ?? "secret"} | ${f(row.cold.p50)} | ${f(row.cold.p95)} | ${(row.cold.p50 / base).toFixed(2)}× | ${f(row.warm.p50)} | ${f(row.warm.p95)} | ${f(row.far.p50)} | ${(row.far.p50 / farBase).toFixed(2)}× |`,
      );
    }
    const missing = slowStats.last.missingCooperatives.map((m) => `${m.id} (${m.reason})`).join(", ");
    console.log(
      `\nOne cooperative of ${size} made ${SLOW_MS / 1000} s slow, deadline ${TIMEOUT_MS} ms: p50 ${f(slowStats.p50)}, p95 ${f(slowStats.p95)}; complete: ${slowStats.last.complete}; missing: ${missing}`,
    );
    const target = rows.at(-1).cold.p50 <= 3 * base;
    const farTarget = rows.at(-1).far.p50 <= 3 * farBase;
    console.log(
      `Target ${rows.at(-1).size} cooperatives cold within 3× one: ${target ? "met" : "NOT met"} (everything on this machine), ${farTarget ? "met" : "NOT met"} (+${LATENCY_MS} ms per call); slow cooperative within its deadline: ${slowStats.p95 < TIMEOUT_MS + 1000 ? "met" : "NOT met"}.`,
    );
    console.log(`Total run: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await Promise.allSettled(running.map((subgraph) => subgraph.stop()));
    for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
    await admin.end();
    remove();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
