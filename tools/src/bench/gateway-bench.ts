import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "pg";
import { SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";
import { GATEWAY_SUBGRAPH, NETWORK_SUBGRAPH } from "@cae/gateway";
import { ensureKeyPair, signToken } from "../keys";

/**
 * `npm run bench:gateway`: the project's gateway against plain Apollo Gateway and Hive Gateway
 * (with its JavaScript planner, and with Hive Router's Rust planner) on the same subgraphs, seeded,
 * one cooperative; the project's gateway sharding two (requests alternating between them, and all
 * for the first); and a network analyst's indicators question over the three demo cooperatives.
 * Each gateway runs in a fresh process per round, warmed up, loaded from another process
 * (autocannon) with a distinct token per request; rounds alternate the order of the gateways so
 * that the machine's noise hits all alike; the table gives medians over rounds. A script, not a test.
 *
 *   npm run bench:gateway -- [--quick] [--rounds 3] [--duration 10] [--only <name part>] [--profile <dir>]
 *
 * Subgraphs use the PostgreSQL server of BENCH_DATABASE_URL (default the local one; throwaway
 * databases, dropped at the end). Hive Gateway and its Rust planner are installed on first use
 * into node_modules/.cache.
 */
const ROOT = resolve(__dirname, "..", "..", "..");
const HIVE_VERSION = "2.15.1";
/** Hive Gateway's "router runtime": Hive Router's query planner (Rust, a native addon) and its executor. */
const HIVE_ROUTER_RUNTIME_VERSION = "1.4.23";
const BENCH_ISSUER = "urn:cae-network:benchmark";
const HIVE_DIR = join(ROOT, "node_modules", ".cache", "bench-hive");
/** The demo's three cooperatives: the counselor's page asks the first (or the first two), the indicators all three. */
const COOPERATIVES = ["alpes-entreprendre", "bretagne-cooperer", "garonne-activites"] as const;
const QUERY = `query Bench($cooperative: ID!) {
  cooperative(id: $cooperative) {
    people(first: 50) {
      edges { node {
        id firstName lastName
        contracts(first: 5) { edges { node { kind status startsOn monthlyHours } } }
        activityAccounts(first: 3) { edges { node { analyticCode label } } }
      } }
    }
  }
}`;
/** A network analyst's question: the network's indicators for a quarter, as the dashboard draws them. */
const INDICATORS_QUERY = `query BenchIndicators($from: Date!, $to: Date!) {
  network { indicators(from: $from, to: $to) {
    from to complete missingCooperatives { id reason }
    totals { people { value suppressed } peopleByStage { key value suppressed } receptions { value suppressed }
      exits { value suppressed } revenueExcludingVat { value suppressed } contractsSigned { value } fullTimeEquivalent { value } }
    byCooperative { id name indicators { people { value suppressed } receptions { value } revenueExcludingVat { value } } }
    byRegion { region cooperativeIds indicators { people { value } receptions { value } } }
    monthly { month receptions { value suppressed } exits { value } contractsSigned { value } }
  } }
}`;
const INDICATORS_VARIABLES = { from: "2026-07-01", to: "2026-09-30" };

type Operation = "page" | "indicators";
const OPERATIONS: Record<Operation, string> = {
  page: "a counselor's page of 50 people with their contracts and accounts",
  indicators: "a network analyst's indicators for a quarter over the three demo cooperatives",
};

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const ROUNDS = option("rounds", quick ? 1 : 3);
const DURATION = option("duration", quick ? 2 : 10);
const CONNECTIONS = [1, 20];
/** `--profile <dir>`: the project's gateway writes V8 CPU profiles there (open them in Chrome DevTools). */
const PROFILE_DIR = args.includes("--profile") ? resolve(args[args.indexOf("--profile") + 1]) : null;
const profiling = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
/**
 * `--before <dir>`: another checkout of the project, built (its own node_modules), whose gateway runs
 * beside this one in the same rounds: before and after a change, measured in the same run.
 */
const BEFORE = args.includes("--before") ? resolve(args[args.indexOf("--before") + 1]) : null;
/** `--only <name part>`: only the gateways whose name holds it (plain Apollo Gateway, the reference, always runs). */
const ONLY = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;

const children = new Set<ChildProcess>();
const work = mkdtempSync(join(tmpdir(), "cae-bench-"));
const databases: string[] = [];
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

function launch(label: string, command: string, commandArgs: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, commandArgs, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.on("exit", (code) => {
    children.delete(child);
    if (code && code !== 0 && !stopping) console.error(`[${label}] exited with ${code}:\n${output.slice(-2000)}`);
  });
  children.add(child);
  return child;
}

async function waitFor(url: string, child: ChildProcess, label: string, init?: RequestInit): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited while starting`);
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${label} did not answer ${url} in 120 s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    child.once("exit", () => done());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

let stopping = false;
async function cleanUp(): Promise<void> {
  stopping = true;
  await Promise.all([...children].map(stop));
  if (databases.length > 0) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
}

/** CPU time (ms) and peak resident memory (MB) of a process, from /proc. */
function processUsage(pid: number): { cpuMs: number; peakRssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 a second)
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return { cpuMs: ticks * 10, peakRssMb: peak ? Number(peak[1]) / 1024 : 0 };
}

interface Run {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function runLoad(url: string, requests: { token: string; body: string }[], connections: number, durationSeconds: number): Run {
  const file = join(work, `load-${connections}.json`);
  writeFileSync(file, JSON.stringify({ url, requests, connections, durationSeconds }));
  const result = spawnSync(process.execPath, [join(ROOT, "tools/dist/bench/load.js"), file], { encoding: "utf8", maxBuffer: 10_000_000 });
  if (result.status !== 0) throw new Error(`the load process failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Run;
}

function ensureHive(): string {
  const bin = join(HIVE_DIR, "node_modules", ".bin", "hive-gateway");
  const installed = (name: string, version: string) => {
    const manifest = join(HIVE_DIR, "node_modules", name, "package.json");
    return existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version === version;
  };
  if (!installed("@graphql-hive/gateway", HIVE_VERSION) || !installed("@graphql-hive/router-runtime", HIVE_ROUTER_RUNTIME_VERSION)) {
    console.log(`Installing Hive Gateway ${HIVE_VERSION} and its Rust planner ${HIVE_ROUTER_RUNTIME_VERSION} into ${HIVE_DIR} (once)...`);
    const install = spawnSync(
      "npm",
      [
        "install",
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--prefix",
        HIVE_DIR,
        `@graphql-hive/gateway@${HIVE_VERSION}`,
        `@graphql-hive/router-runtime@${HIVE_ROUTER_RUNTIME_VERSION}`,
      ],
      { stdio: "inherit" },
    );
    if (install.status !== 0) throw new Error("Hive Gateway could not be installed");
  }
  return bin;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const started = Date.now();
  // Everything runs in production mode, which refuses the development key: a key of the run's own.
  const keys = await ensureKeyPair(join(work, "auth"), "# benchmark key, thrown away after the run");
  const auth = { AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile, AUTH_ISSUER: BENCH_ISSUER };
  const hive = ensureHive();

  // The subgraphs of two cooperatives, each on its own throwaway database, seeded with the demo.
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const tag = `bench_${process.pid}`;
  const urls: Record<string, Record<SubgraphName, string>> = {};
  const subgraphs: Promise<void>[] = [];
  for (const cooperative of COOPERATIVES) {
    urls[cooperative] = {} as Record<SubgraphName, string>;
    // Production wants each cooperative's own events secret (the benchmark's reads write no event).
    const eventsSecret = randomBytes(32).toString("hex");
    for (const name of SUBGRAPH_NAMES) {
      const database = `${tag}_${cooperative.replace(/-/g, "_")}_${name}`;
      await admin.query(`CREATE DATABASE ${database}`);
      databases.push(database);
      const port = await freePort();
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      const label = `${cooperative}/${name}`;
      // The demo data first (the tooling's seeder), then the subgraph, in one process.
      const entry = [join(ROOT, "tools/dist/demo/seed/main.js"), name, "--then", join(ROOT, `subgraphs/${name}/dist/main.js`)];
      const child = launch(label, process.execPath, entry, {
        COOPERATIVE_ID: cooperative,
        PORT: String(port),
        DATABASE_URL: url.toString(),
        NODE_ENV: "production",
        EVENTS_SECRET: eventsSecret,
        ...auth,
      });
      urls[cooperative][name] = `http://127.0.0.1:${port}/graphql`;
      subgraphs.push(waitFor(`http://127.0.0.1:${port}/health`, child, label));
    }
  }
  await admin.end();
  await Promise.all(subgraphs);

  const registry = (ids: readonly string[]) => {
    const file = join(work, `registry-${ids.length}.json`);
    writeFileSync(
      file,
      JSON.stringify({ cooperatives: ids.map((id) => ({ id, name: id, region: "Bench", subgraphs: urls[id] })) }, null, 2),
    );
    return file;
  };
  const [registryOne, registryTwo, registryThree] = [
    registry([COOPERATIVES[0]]),
    registry(COOPERATIVES.slice(0, 2)),
    registry(COOPERATIVES),
  ];
  // The gateway's own credential, with which it asks the cooperatives for the network's indicators.
  const serviceTokenFile = join(work, "service-token");
  writeFileSync(
    serviceTokenFile,
    await signToken(keys.privateKeyFile, { sub: "gateway", role: "NETWORK_SERVICE" }, { expiresIn: "2h", issuer: BENCH_ISSUER }),
  );

  // For the other gateways: the gateway's own subgraph over HTTP, and a supergraph with one cooperative's URLs.
  const networkPort = await freePort();
  const network = launch("network", process.execPath, [join(ROOT, "tools/dist/bench/network-server.js")], {
    PORT: String(networkPort),
    REGISTRY_FILE: registryOne,
    ...auth,
  });
  await waitFor(`http://127.0.0.1:${networkPort}/health`, network, "network");
  const supergraphFile = join(work, "supergraph-one.graphql");
  const supergraph = readFileSync(join(ROOT, "gateway/supergraph.graphql"), "utf8").replace(
    /url: "http:\/\/sharded\.invalid\/(\w+)"/g,
    (_match, name: string) =>
      `url: "${
        name === GATEWAY_SUBGRAPH
          ? `http://127.0.0.1:${networkPort}/graphql`
          : // The network's own subgraph: the benchmark's questions never reach it.
            name === NETWORK_SUBGRAPH
            ? "http://127.0.0.1:9/graphql"
            : urls[COOPERATIVES[0]][name as SubgraphName]
      }"`,
  );
  writeFileSync(supergraphFile, supergraph);
  const hiveConfig = join(work, "gateway.config.mjs");
  writeFileSync(
    hiveConfig,
    `export const gatewayConfig = {
  supergraph: ${JSON.stringify(supergraphFile)},
  propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }) },
};\n`,
  );

  // Distinct tokens, one per request in turn: counselors of each cooperative asking about their own.
  const requestsOf = async (cooperatives: readonly string[]) => {
    const requests: { token: string; body: string }[] = [];
    for (let i = 0; i < 400; i++) {
      const cooperative = cooperatives[i % cooperatives.length];
      const token = await signToken(
        keys.privateKeyFile,
        { sub: `bench-${i}`, role: "COUNSELOR", coop: cooperative },
        { expiresIn: "2h", issuer: BENCH_ISSUER },
      );
      requests.push({ token, body: JSON.stringify({ query: QUERY, variables: { cooperative } }) });
    }
    return requests;
  };
  const oneCooperative = await requestsOf([COOPERATIVES[0]]);
  const twoCooperatives = await requestsOf(COOPERATIVES.slice(0, 2));
  const analysts: { token: string; body: string }[] = [];
  for (let i = 0; i < 400; i++) {
    const token = await signToken(
      keys.privateKeyFile,
      { sub: `analyst-${i}`, role: "NETWORK_ANALYST" },
      { expiresIn: "2h", issuer: BENCH_ISSUER },
    );
    analysts.push({ token, body: JSON.stringify({ query: INDICATORS_QUERY, variables: INDICATORS_VARIABLES }) });
  }

  const project =
    (label: string, registryFile: string, root = ROOT) =>
    (port: number) =>
      launch(label, process.execPath, [...profiling, join(root, "gateway/dist/main.js")], {
        REGISTRY_FILE: registryFile,
        NETWORK_SERVICE_TOKEN_FILE: serviceTokenFile,
        PORT: String(port),
        NODE_ENV: "production",
        ...auth,
      });
  const hiveGateway = (label: string, env: Record<string, string>) => (port: number) =>
    launch(label, hive, ["supergraph", supergraphFile, "--port", String(port), "--host", "127.0.0.1", "--config-path", hiveConfig], {
      NODE_ENV: "production",
      ...env,
    });
  type Gateway = { name: string; operation: Operation; requests: typeof oneCooperative; start: (port: number) => ChildProcess };
  const allGateways: Gateway[] = [
    { name: "project, 1 cooperative", operation: "page", requests: oneCooperative, start: project("project", registryOne) },
    {
      name: "plain Apollo Gateway",
      operation: "page",
      requests: oneCooperative,
      start: (port) =>
        launch("apollo", process.execPath, [join(ROOT, "tools/dist/bench/plain-apollo.js")], {
          SUPERGRAPH_FILE: supergraphFile,
          PORT: String(port),
          NODE_ENV: "production",
        }),
    },
    { name: "Hive Gateway", operation: "page", requests: oneCooperative, start: hiveGateway("hive", {}) },
    {
      name: "Hive Gateway, Rust planner",
      operation: "page",
      requests: oneCooperative,
      start: hiveGateway("hive-rust", { HIVE_ROUTER_RUNTIME: "true" }),
    },
    { name: "project, 2 cooperatives", operation: "page", requests: twoCooperatives, start: project("project-2", registryTwo) },
    {
      // The same gateway and registry, every request for the first cooperative: what routing
      // among two cooperatives costs the gateway, without the second one's subgraphs and
      // databases working on the same cores (in a deployment they have their own servers).
      name: "project, 2 cooperatives, first only",
      operation: "page",
      requests: oneCooperative,
      start: project("project-2-first", registryTwo),
    },
    {
      // The other gateways have no answer to it: the network's indicators are the gateway's own
      // fan-out over every cooperative's subgraphs, which a supergraph of one URL per subgraph cannot route.
      name: "project, 3 cooperatives",
      operation: "indicators",
      requests: analysts,
      start: project("project-3", registryThree),
    },
  ];
  if (BEFORE) {
    const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: BEFORE, encoding: "utf8" }).stdout.trim();
    allGateways.push(
      {
        name: `project at ${commit}, 1 cooperative`,
        operation: "page",
        requests: oneCooperative,
        start: project("before", registryOne, BEFORE),
      },
      {
        name: `project at ${commit}, 3 cooperatives`,
        operation: "indicators",
        requests: analysts,
        start: project("before-3", registryThree, BEFORE),
      },
    );
  }
  const gateways = allGateways.filter((gateway) => !ONLY || gateway.name === "plain Apollo Gateway" || gateway.name.includes(ONLY));

  const results = new Map<string, { rps: number[]; p50: number[]; p99: number[]; rss: number[]; cpu: number[] }>();
  const answers = new Map<string, string>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = gateways.map((_, index) => gateways[(index + round) % gateways.length]);
    for (const gateway of order) {
      const port = await freePort();
      const child = gateway.start(port);
      const url = `http://127.0.0.1:${port}/graphql`;
      await waitFor(url, child, gateway.name, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      // The same data from every gateway, and a warm-up (query plans, connections, JIT).
      const first = gateway.requests[0];
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${first.token}` },
        body: first.body,
      });
      const answer = (await response.json()) as { data?: unknown; errors?: unknown };
      if (answer.errors || !answer.data) throw new Error(`${gateway.name} answered with errors: ${JSON.stringify(answer.errors)}`);
      if (gateway.requests === oneCooperative) answers.set(gateway.name, JSON.stringify(answer.data));
      if (gateway.operation === "indicators") {
        const { indicators } = (answer.data as { network: { indicators: { complete: boolean; missingCooperatives: unknown[] } } }).network;
        if (!indicators.complete)
          throw new Error(`${gateway.name}: indicators incomplete: ${JSON.stringify(indicators.missingCooperatives)}`);
      }
      runLoad(url, gateway.requests, 10, quick ? 1 : 3);
      for (const connections of CONNECTIONS) {
        const before = processUsage(child.pid!);
        const run = runLoad(url, gateway.requests, connections, DURATION);
        const after = processUsage(child.pid!);
        if (run.non2xx > 0 || run.errors > 0) throw new Error(`${gateway.name}: ${run.non2xx} non-2xx answers, ${run.errors} errors`);
        const key = `${gateway.name}|${connections}`;
        const entry = results.get(key) ?? { rps: [], p50: [], p99: [], rss: [], cpu: [] };
        entry.rps.push(run.requestsPerSecond);
        entry.p50.push(run.p50);
        entry.p99.push(run.p99);
        entry.rss.push(after.peakRssMb);
        entry.cpu.push((after.cpuMs - before.cpuMs) / Math.max(run.requests, 1));
        results.set(key, entry);
      }
      await stop(child);
    }
  }

  const reference = [...answers.values()][0];
  const same = [...answers.entries()].filter(([, data]) => data !== reference).map(([name]) => name);
  if (same.length > 0) throw new Error(`These gateways answered other data than the first: ${same.join(", ")}`);

  console.log(
    `\nGateway benchmark: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
      `${ROUNDS} round(s) of ${DURATION} s per gateway and connection count, medians.\n` +
      `All gateways returned the same data.`,
  );
  const header =
    "| gateway | connections | requests/s | p50 ms | p99 ms | peak RSS MB | CPU ms/request | CPU vs Apollo | requests/s vs Apollo | p50 vs Apollo |";
  for (const operation of Object.keys(OPERATIONS) as Operation[]) {
    const rows = gateways.filter(
      (gateway) => gateway.operation === operation || (operation === "page" && gateway.name === "plain Apollo Gateway"),
    );
    if (!rows.some((gateway) => gateway.operation === operation)) continue;
    console.log(`\n${OPERATIONS[operation]}:\n`);
    console.log(header);
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const connections of CONNECTIONS) {
      const apollo = results.get(`plain Apollo Gateway|${connections}`)!;
      for (const gateway of rows) {
        const entry = results.get(`${gateway.name}|${connections}`)!;
        const [rps, p50, cpu] = [median(entry.rps), median(entry.p50), median(entry.cpu)];
        // The reference answers the counselor's page only: against it, the page's rows.
        const versus = (value: number, reference: number) => (operation === "page" ? (value / reference).toFixed(2) : "");
        console.log(
          `| ${gateway.name} | ${connections} | ${rps.toFixed(0)} | ${p50.toFixed(1)} | ${median(entry.p99).toFixed(1)} | ${median(entry.rss).toFixed(0)} | ${cpu.toFixed(2)} | ${versus(cpu, median(apollo.cpu))} | ${versus(rps, median(apollo.rps))} | ${versus(p50, median(apollo.p50))} |`,
        );
      }
    }
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
main()
  .then(() => cleanUp())
  .catch(async (error: unknown) => {
    console.error(`The benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
