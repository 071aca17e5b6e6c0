// Benchmark of the network's indicators (not a test): starts 1, 10 and 30 cooperatives, each in a
// process of its own with its three subgraphs on the local PostgreSQL server (throwaway databases,
// seeded with the demo generator), and the real gateway in this process; then asks for the
// network's indicators with a cold cache and a warm one, with 30 ms of network added to every call
// to a cooperative, and with one cooperative made 5 s slow. Prints p50/p95 latencies, the ratio to
// one cooperative, and the CPU spent per question by the gateway and by the whole machine.
//
//   npm run bench:indicators              # 1, 10, 30 cooperatives
//   npm run bench:indicators -- --quick   # 1 and 3 cooperatives, fewer rounds (CI)
//   npm run bench:indicators -- --profile <dir>   # CPU and allocation profiles of the gateway, cold rounds
//
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where the
// databases are created and dropped.
/* global process, URL, fetch, performance, console, setTimeout, clearTimeout */
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { availableParallelism, cpus } from "node:os";

// Deployments run in production mode (graphql-js skips its development checks there).
process.env.NODE_ENV = "production";
const require = createRequire(import.meta.url);
require("reflect-metadata");
const { SUBGRAPH_NAMES } = require("@cae/shared");
const { startGateway, DEFAULT_QUERY_LIMITS, DEFAULT_SUPERGRAPH_FILE } = require("@cae/gateway");
const { createTestAuth } = require("@cae/tools");
const { Client } = require("pg");
const { readFileSync, writeFileSync, mkdirSync } = require("node:fs");
const { Session } = require("node:inspector/promises");
const { resolve, dirname } = require("node:path");
const { fileURLToPath } = require("node:url");

const quick = process.argv.includes("--quick");
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : quick ? [1, 3] : [1, 10, 30];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 5 : 15));
/** Questions asked before measuring, so that every process has compiled its hot code (a running network has). */
const WARM_UP = quick ? 2 : 10;
const SLOW_MS = 5000;
const TIMEOUT_MS = 2000;
/** A cooperative's own server is across a network: each call to its subgraphs pays this much more. */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 30);
const REGIONS = ["Auvergne-Rhône-Alpes", "Bretagne", "Occitanie", "Île-de-France", "Normandie"];
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PREFIX = `cae_bench_${process.pid}`;
const COOPERATIVE_SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), "bench-cooperative.mjs");
/** Cooperatives started at once (each seeds its three databases). */
const STARTING_AT_ONCE = 3;
/** `--profile <dir>`: a CPU profile and an allocation profile of the gateway in the cold rounds of each size. */
const PROFILE_DIR = process.argv.includes("--profile") ? resolve(process.argv[process.argv.indexOf("--profile") + 1]) : null;

const QUERY = `query ($from: Date!, $to: Date!) { network { indicators(from: $from, to: $to) {
  generatedAt ageSeconds complete missingCooperatives { id reason }
  totals { people { value suppressed } peopleByStage { key value suppressed } receptions { value suppressed } exits { value suppressed }
    ageBrackets { key value } womenShare { value } revenueExcludingVat { value suppressed } contractsSigned { value } fullTimeEquivalent { value } }
  byCooperative { id indicators { people { value suppressed } peopleByStage { key value suppressed } receptions { value } revenueExcludingVat { value } } }
  byRegion { region indicators { people { value } receptions { value } } }
  monthly { month receptions { value suppressed } exits { value } contractsSigned { value } }
} } }`;
// Network roles ask for a calendar month, quarter or year: the year, cut from the year's protected release.
const VARIABLES = { from: "2026-01-01", to: "2026-12-31" };
/**
 * The figures before the protected release, 30 cooperatives cold p50 and warm p50 (ms): those of
 * docs/indicators.md (another machine) unless BENCH_BEFORE=<cold>,<warm> gives a run of the previous
 * version on this machine (machines differ by far more than the targets' margins).
 */
const [beforeCold, beforeWarm] = (process.env.BENCH_BEFORE ?? "217,4").split(",").map(Number);
const BEFORE = { cold: beforeCold, warm: beforeWarm, source: process.env.BENCH_BEFORE ? "BENCH_BEFORE" : "docs/indicators.md" };

const admin = new Client({ connectionString: ADMIN_URL });
const allDatabases = [];

function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const children = [];

// Cooperatives start a few at once, but one pg client runs one statement at a time: in turn.
let creating = Promise.resolve();
const createDatabase = (name) => (creating = creating.then(() => admin.query(`CREATE DATABASE ${name}`)));

/** Starts cooperative `index` in a process of its own; resolves to its registry entry and proxies' URLs. */
async function startCooperative(index, auth) {
  const id = `bench-coop-${String(index + 1).padStart(2, "0")}`;
  const databases = {};
  for (const name of SUBGRAPH_NAMES) {
    const database = `${PREFIX}_${index + 1}_${name}`;
    await createDatabase(database);
    allDatabases.push(database);
    databases[name] = databaseUrl(database);
  }
  // BENCH_PROFILE_COOPERATIVE=<dir>: the first cooperative's process writes a V8 CPU profile there when it stops.
  const profile =
    index === 0 && process.env.BENCH_PROFILE_COOPERATIVE ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE_COOPERATIVE] : [];
  const settings = { id, databases, auth, latencyMs: LATENCY_MS, slowMs: SLOW_MS };
  const child = spawn(process.execPath, [...profile, COOPERATIVE_SCRIPT, JSON.stringify(settings)], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const urls = await new Promise((resolveUrls, reject) => {
    child.once("exit", (code) => reject(new Error(`Cooperative ${id} stopped while starting (exit code ${code})`)));
    createInterface({ input: child.stdout }).once("line", (line) => resolveUrls(JSON.parse(line)));
  });
  const entry = { id, name: `Bench ${index + 1}`, region: REGIONS[index % REGIONS.length] };
  return { entry: { ...entry, subgraphs: urls.subgraphs }, far: { ...entry, subgraphs: urls.far }, slowMembers: urls.slowMembers };
}

let serviceToken;
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
    // The fan-out for network roles runs under the gateway's own credential.
    serviceToken: () => serviceToken,
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

/** The query plan, the connections and every process's compiled code, before measuring. */
async function warmUp(gateway, token) {
  for (let i = 0; i < WARM_UP; i++) await ask(gateway, token);
}

/** CPU time (ms) every core of the machine has spent busy since boot: all processes, the database's too. */
const machineBusyMs = () => cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);

async function measure(gateway, token, rounds) {
  const times = [];
  const builds = [];
  let last;
  const machineBefore = machineBusyMs();
  const gatewayBefore = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const built = gateway.indicators.releasesBuilt;
    last = await ask(gateway, token);
    times.push(last.ms);
    if (gateway.indicators.releasesBuilt > built) builds.push(gateway.indicators.lastBuild);
  }
  const gatewayCpu = process.cpuUsage(gatewayBefore);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    last: last.indicators,
    // This process is the gateway (and the client asking, one question at a time).
    gatewayCpuMs: (gatewayCpu.user + gatewayCpu.system) / 1000 / rounds,
    machineCpuMs: (machineBusyMs() - machineBefore) / rounds,
    // The release built by each cold question: the cooperatives' answers, then its protection.
    fanOutMs: builds.length
      ? percentile(
          builds.map((b) => b.fanOutMs),
          50,
        )
      : 0,
    protectMs: builds.length
      ? percentile(
          builds.map((b) => b.protectMs),
          50,
        )
      : 0,
    cells: builds.at(-1)?.cells ?? 0,
    suppressed: builds.at(-1)?.suppressed ?? 0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
  };
}

async function profiled(name, run) {
  if (!PROFILE_DIR) return run();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  await session.post("HeapProfiler.enable");
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  try {
    return await run();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    const { profile: heap } = await session.post("HeapProfiler.stopSampling");
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(`${PROFILE_DIR}/indicators-${name}.cpuprofile`, JSON.stringify(profile));
    writeFileSync(`${PROFILE_DIR}/indicators-${name}.heapprofile`, JSON.stringify(heap));
    session.disconnect();
  }
}

async function main() {
  const started = Date.now();
  await admin.connect();
  const { auth, token: sign, remove } = await createTestAuth();
  const token = await sign({ sub: "bench", role: "NETWORK_ANALYST" });
  serviceToken = await sign({ sub: "gateway", role: "NETWORK_SERVICE" });
  const largest = Math.max(...SIZES);
  const cooperatives = [];
  try {
    process.stderr.write(
      `Starting ${largest} cooperatives (${largest * 3} subgraphs, seeded) on ${ADMIN_URL.replace(/\/[^/]*$/, "")} ...\n`,
    );
    for (let next = 0; next < largest; next += STARTING_AT_ONCE) {
      const batch = Array.from({ length: Math.min(STARTING_AT_ONCE, largest - next) }, (_, i) => startCooperative(next + i, auth));
      cooperatives.push(...(await Promise.all(batch)));
      process.stderr.write(`  ${cooperatives.length}/${largest}\r`);
    }
    process.stderr.write(`\nReady in ${((Date.now() - started) / 1000).toFixed(0)} s; measuring (${ROUNDS} rounds each) ...\n`);
    const rows = [];
    for (const size of SIZES) {
      const chosen = cooperatives.slice(0, size);
      const cold = await gatewayFor(
        chosen.map((c) => c.entry),
        auth,
        0,
      );
      await warmUp(cold, token);
      const coldStats = await profiled(`cold-${size}`, () => measure(cold, token, ROUNDS));
      await cold.stop();
      if (!coldStats.last.complete)
        throw new Error(`Incomplete answer with ${size} cooperatives: ${JSON.stringify(coldStats.last.missingCooperatives)}`);
      const warm = await gatewayFor(
        chosen.map((c) => c.entry),
        auth,
        300,
      );
      await warmUp(warm, token);
      const warmStats = await measure(warm, token, ROUNDS);
      await warm.stop();
      // The same, each call to a cooperative through its proxy adding the latency of a network.
      const far = await gatewayFor(
        chosen.map((c) => c.far),
        auth,
        0,
      );
      await warmUp(far, token);
      const farStats = await measure(far, token, ROUNDS);
      await far.stop();
      rows.push({ size, cold: coldStats, warm: warmStats, far: farStats, people: coldStats.last.totals.people.value });
    }
    // One cooperative made 5 s slow: the answer must come at the deadline, naming it.
    const size = quick ? 3 : 10;
    const registry = cooperatives.slice(0, size).map((c) => c.entry);
    registry[0] = { ...registry[0], subgraphs: { ...registry[0].subgraphs, members: cooperatives[0].slowMembers } };
    const gateway = await gatewayFor(registry, auth, 0);
    // One question first, as the other rows' warm-up: the first question a new gateway answers also
    // pays for its start, which is not what the deadline measures. Its time is printed apart.
    const firstSlowMs = (await ask(gateway, token)).ms;
    const slowStats = await measure(gateway, token, quick ? 2 : 5);
    await gateway.stop();

    const base = rows[0].cold.p50;
    const f = (ms) => `${ms.toFixed(0)} ms`;
    const cpu = `${availableParallelism()} × ${cpus()[0]?.model ?? "cpu"}`;
    console.log(
      `\nNetwork indicators, ${VARIABLES.from} to ${VARIABLES.to}, analyst token (disclosure control on), ${ROUNDS} rounds, ${cpu}, PostgreSQL ${ADMIN_URL.replace(/^.*@/, "").replace(/\/.*$/, "")}\n`,
    );
    const farBase = rows[0].far.p50;
    console.log(
      `| cooperatives | people | cold p50 | cold p95 | cold p50 / 1 cooperative | warm p50 | warm p95 | cold p50, +${LATENCY_MS} ms per call | its ratio to 1 | gateway CPU per cold question | machine CPU per cold question |`,
    );
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const row of rows) {
      console.log(
        `| ${row.size} | ${row.people ?? "secret"} | ${f(row.cold.p50)} | ${f(row.cold.p95)} | ${(row.cold.p50 / base).toFixed(2)}× | ${f(row.warm.p50)} | ${f(row.warm.p95)} | ${f(row.far.p50)} | ${(row.far.p50 / farBase).toFixed(2)}× | ${f(row.cold.gatewayCpuMs)} | ${f(row.cold.machineCpuMs)} |`,
      );
    }
    console.log(`\nThe year's protected release (built by each cold question; kept for the warm ones), p50 over the cold rounds:\n`);
    console.log("| cooperatives | cells | suppressed | cooperatives' answers | protection | gateway peak RSS | gateway heap after |");
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const row of rows) {
      const c = row.cold;
      console.log(
        `| ${row.size} | ${c.cells} | ${c.suppressed} (${((100 * c.suppressed) / Math.max(1, c.cells)).toFixed(0)} %) | ${f(c.fanOutMs)} | ${f(c.protectMs)} | ${c.maxRssMb.toFixed(0)} MB | ${c.heapMb.toFixed(0)} MB |`,
      );
    }
    const largestRow = rows.at(-1);
    console.log(
      `\nWith ${largestRow.size} cooperatives a cold question keeps the machine's ${availableParallelism()} cores busy ${f(largestRow.cold.machineCpuMs)} in all (gateway, subgraphs, PostgreSQL): on this machine no answer can come sooner than ${f(largestRow.cold.machineCpuMs / availableParallelism())}, against ${f(3 * base)} for 3× one cooperative.`,
    );
    const missing = slowStats.last.missingCooperatives.map((m) => `${m.id} (${m.reason})`).join(", ");
    console.log(
      `\nOne cooperative of ${size} made ${SLOW_MS / 1000} s slow, deadline ${TIMEOUT_MS} ms: p50 ${f(slowStats.p50)}, p95 ${f(slowStats.p95)} (the first question after the gateway's start, not counted: ${f(firstSlowMs)}); complete: ${slowStats.last.complete}; missing: ${missing}`,
    );
    const target = rows.at(-1).cold.p50 <= 3 * base;
    const farTarget = rows.at(-1).far.p50 <= 3 * farBase;
    console.log(
      `Target ${rows.at(-1).size} cooperatives cold within 3× one: ${target ? "met" : "NOT met"} (everything on this machine), ${farTarget ? "met" : "NOT met"} (+${LATENCY_MS} ms per call); slow cooperative within its deadline: ${slowStats.p95 < TIMEOUT_MS + 1000 ? "met" : "NOT met"}.`,
    );
    if (largestRow.size === 30)
      console.log(
        `Against the figures before (${BEFORE.source}; 30 cooperatives: cold p50 ${BEFORE.cold} ms, warm p50 ${BEFORE.warm} ms): cold ${f(largestRow.cold.p50)} (${(largestRow.cold.p50 / BEFORE.cold).toFixed(2)}×, target at most 2×: ${largestRow.cold.p50 <= 2 * BEFORE.cold ? "met" : "NOT met"}), warm ${f(largestRow.warm.p50)} (target at most ${BEFORE.warm} ms: ${largestRow.warm.p50 <= BEFORE.warm ? "met" : "NOT met"}).`,
      );
    console.log(`Total run: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    // Closing its standard input stops a cooperative cleanly (Apollo Server answers a signal by
    // killing its process again, which would lose the profile); a signal if it does not go.
    await Promise.allSettled(
      children.map((child) =>
        child.exitCode === null
          ? new Promise((done) => {
              const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
              child.once("exit", () => done(clearTimeout(kill)));
              child.stdin.end();
            })
          : undefined,
      ),
    );
    for (const database of allDatabases) await admin.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
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
