import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { get, request } from "node:http";
import { createServer } from "node:net";
import { isAbsolute, join, relative, resolve } from "node:path";
import { SUBGRAPH_NAMES, subgraphDatabaseFromEnv, type SubgraphName } from "@cae/shared";
import { loadRegistry, type RegistryEntry } from "@cae/gateway";
import { parseCommandLine, textOption, UsageError, type CommandLine } from "./cli";
import { DEFAULT_DATA_DIR, recordRunningNetwork, ROOT } from "./running";
import { ensureTemplate } from "./template";
import { demoTokens, developmentAuthEnv, ensureDevelopmentKeys, writeNetworkServiceToken } from "./tokens";

/**
 * `npm start`: the demo network on this machine. Every cooperative's subgraph runs in a process
 * of its own on its own embedded PostgreSQL (under DATA_DIR, seeded once), as in production,
 * so stopping one (`kill <pid>`) shows how the gateway answers without it. The network's own
 * subgraph runs beside them on its own embedded database, its registry started from the registry
 * file, and the gateway follows that registry, as a deployment's does.
 *
 * It says "ready" only when every process it started answers its health check: the ports are
 * checked free before anything starts, and a process that stops is reported (the gateway's
 * stopping stops the network, with exit code 1).
 */

const DEFAULT_REGISTRY = resolve(ROOT, "gateway", "registry.demo.json");
const DEFAULT_PORT = 4000;
/** Where the network's subgraph listens by default: beside the gateway's port (4090 for 4000). */
const NETWORK_PORT_OFFSET = 90;
const DEFAULT_TIMEOUT_SECONDS = 300;
/** Where the gateway serves the network's dashboard (gateway/src/dashboard/dashboard.ts). */
const DASHBOARD_PATH = "/dashboard";
/** How many of a process's last output lines a failure shows. */
const LAST_LINES = 15;

const USAGE = `Usage: npm start [-- options]

Runs the demo network on this machine: every cooperative of the registry with its three subgraphs,
each in a process of its own on its own embedded PostgreSQL (seeded on the first start), the
network's own subgraph on its own embedded PostgreSQL (its registry of cooperatives started from
the registry file on the first start, then changed through the API by a NETWORK_ADMIN), and the
gateway in front of them, which follows the network's registry. It prints "ready" with the addresses
and a token per role once every process answers its health check; Ctrl-C stops everything.

Options (the variable in brackets sets the same; an option wins over its variable):
  --port <port>          the gateway's port [PORT] (default ${DEFAULT_PORT})
  --network-port <port>  the network subgraph's port [NETWORK_PORT]
                         (default the gateway's port + ${NETWORK_PORT_OFFSET}: ${DEFAULT_PORT + NETWORK_PORT_OFFSET})
  --data-dir <dir>       the embedded databases and the development key pair [DATA_DIR]
                         (default .data at the repository's root)
  --timeout <seconds>    how long the processes may take to start, the first seeding included
                         [START_TIMEOUT_SECONDS] (default ${DEFAULT_TIMEOUT_SECONDS})
  --registry <file>      the cooperatives to run, and their subgraphs' ports in its URLs; the
                         network's registry starts from it when DATA_DIR holds none yet
                         (default gateway/registry.demo.json: ports 4101-4123)
  -h, --help             this help

Exit codes: 0 when stopped by Ctrl-C with every process still running; 1 when the network could not
start (a port in use, a process that exited or did not answer in time) or when a process stopped
while it ran; 2 for a bad option or variable.`;

const OPTIONS = {
  port: { type: "string" },
  "network-port": { type: "string" },
  "data-dir": { type: "string" },
  timeout: { type: "string" },
  registry: { type: "string" },
} as const;

interface StartOptions {
  port: number;
  networkPort: number;
  dataDir: string;
  timeoutSeconds: number;
  registryFile: string;
  /** Where the processes listen (HOST, which they read too), and where the launcher reaches the gateway. */
  host: string;
}

function startOptions(line: CommandLine, env: NodeJS.ProcessEnv): StartOptions {
  const port = textOption(line, "port") ?? env.PORT;
  const timeout = textOption(line, "timeout") ?? env.START_TIMEOUT_SECONDS;
  const from = (option: string, variable: string) => (textOption(line, option) !== undefined ? `--${option}` : variable);
  const portNumber = port === undefined || port === "" ? DEFAULT_PORT : Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535)
    throw new UsageError(`${from("port", "PORT")} must be a port number from 1 to 65535, got "${port}"`);
  const networkPort = textOption(line, "network-port") ?? env.NETWORK_PORT;
  let networkPortNumber: number;
  if (networkPort === undefined || networkPort === "") networkPortNumber = defaultNetworkPort(portNumber);
  else {
    networkPortNumber = Number(networkPort);
    const named = from("network-port", "NETWORK_PORT");
    if (!Number.isInteger(networkPortNumber) || networkPortNumber < 1 || networkPortNumber > 65535)
      throw new UsageError(`${named} must be a port number from 1 to 65535, got "${networkPort}"`);
  }
  const timeoutSeconds = timeout === undefined || timeout === "" ? DEFAULT_TIMEOUT_SECONDS : Number(timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw new UsageError(`${from("timeout", "START_TIMEOUT_SECONDS")} must be a number of seconds above 0, got "${timeout}"`);
  const dataDir = textOption(line, "data-dir") ?? env.DATA_DIR;
  return {
    port: portNumber,
    networkPort: networkPortNumber,
    timeoutSeconds,
    dataDir: dataDir ? resolve(dataDir) : DEFAULT_DATA_DIR,
    registryFile: resolve(textOption(line, "registry") ?? DEFAULT_REGISTRY),
    host: env.HOST || "127.0.0.1",
  };
}

/**
 * Ports that Node's fetch and the browsers refuse to connect to (the Fetch standard's "bad ports"):
 * the network serves there, but no browser opens the Sandbox or the dashboard.
 */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** The network subgraph's port when none is named: the gateway's + 90, or - 90 near the top. */
function defaultNetworkPort(gatewayPort: number): number {
  return gatewayPort + NETWORK_PORT_OFFSET <= 65535 ? gatewayPort + NETWORK_PORT_OFFSET : gatewayPort - NETWORK_PORT_OFFSET;
}

// ---------------------------------------------------------------------------------------------
// The processes.

interface Child {
  label: string;
  process: ChildProcess;
  /** The end of its output, for the message that says why it failed. */
  tail: string;
}

const children: Child[] = [];
/** The network's own subgraph's process label (a cooperative's are "<cooperative>/<subgraph>"). */
const NETWORK_LABEL = "network";
let phase: "starting" | "ready" | "stopping" = "starting";
/** The processes that stopped while the network ran: the launcher then exits with code 1. */
const stoppedWhileRunning: string[] = [];
const started = Date.now();

function launch(label: string, script: string, env: Record<string, string>, args: string[] = [], oneShot = false): Child {
  // Liftoff alone compiles PGlite's WebAssembly in a fraction of the CPU that tiering up takes:
  // ten processes start on two cores, and the demo's queries are small.
  const child: Child = {
    label,
    tail: "",
    process: spawn(process.execPath, ["--liftoff-only", resolve(ROOT, script), ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    }),
  };
  const prefix = `[${label}] `;
  const keep = (chunk: Buffer) => (child.tail = (child.tail + chunk.toString()).slice(-8000));
  child.process.stdout?.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stdout.write(indent(prefix, chunk));
  });
  child.process.stderr?.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(indent(prefix, chunk));
  });
  // A process that cannot be spawned at all: its "exit" follows, or never comes; either way the start fails on it.
  child.process.on("error", (error) => (child.tail += `\n${error.message}`));
  child.process.on("exit", (code, signal) => {
    if (phase !== "ready" || oneShot) return; // while starting, the wait for it reports it
    const how = signal ?? `exit code ${code}`;
    stoppedWhileRunning.push(`${label} (${how})`);
    if (label === "gateway") {
      console.error(`\n[gateway] stopped (${how}): the network serves nothing without it, so the launcher stops it.${lastLines(child)}`);
      stopAll();
    } else if (label === NETWORK_LABEL) {
      console.error(
        `${prefix}stopped (${how}); the gateway routes by the last registry it read, and answers the network's own fields ` +
          "(registry, partners, agreements, committees) with NETWORK_UNAVAILABLE. The launcher goes on, and will exit with code 1.",
      );
    } else {
      console.error(
        `${prefix}stopped (${how}); the gateway answers without it (GET /health shows it down). The launcher goes on, and will exit with code 1.`,
      );
    }
  });
  children.push(child);
  return child;
}

/** A path as the user may type it: from the working directory when it is under it. */
function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith("..") && !isAbsolute(fromHere) ? fromHere : path;
}

function indent(prefix: string, chunk: Buffer): string {
  return chunk.toString().replace(/^(?=.)/gm, prefix);
}

function hasExited(child: Child): boolean {
  return child.process.exitCode !== null || child.process.signalCode !== null;
}

function lastLines(child: Child): string {
  const lines = child.tail.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 0) return `\n  ${child.label} printed nothing.`;
  return `\n  ${child.label}'s last output lines:\n${lines
    .slice(-LAST_LINES)
    .map((line) => `    ${line}`)
    .join("\n")}`;
}

/** Whether a health check answers 200. Over node:http, which connects to any port: fetch refuses some (6000, "bad port"). */
function answers(url: string): Promise<boolean> {
  return new Promise((done) => {
    const request = get(url, { timeout: 5000 }, (response) => {
      response.resume();
      done(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => done(false));
  });
}

interface Step {
  child: Child;
  /** What it is waited for, as the message says it: "answer http://.../health", "finish". */
  what: string;
  done(): Promise<boolean>;
  /** A step that cannot succeed any more: the reason. */
  failed(): string | undefined;
}

/** Waits for every step, failing at the first that cannot succeed, or at the deadline with every one still waited for. */
async function awaitSteps(steps: Step[], deadline: number, timeoutSeconds: number): Promise<void> {
  const pending = new Set(steps);
  for (;;) {
    for (const step of pending) {
      const failure = step.failed();
      if (failure) throw new Error(`${step.child.label} ${failure}${lastLines(step.child)}`);
    }
    await Promise.all([...pending].map(async (step) => (await step.done()) && pending.delete(step)));
    if (pending.size === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `not ready within ${timeoutSeconds} s (START_TIMEOUT_SECONDS or --timeout sets the deadline):\n` +
          [...pending].map((step) => `  ${step.child.label} did not ${step.what} in time.${lastLines(step.child)}`).join("\n"),
      );
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

function serviceStep(child: Child, health: string): Step {
  return {
    child,
    what: `answer ${health}`,
    done: () => (hasExited(child) ? Promise.resolve(false) : answers(health)),
    failed: () =>
      hasExited(child) ? `exited while starting (${child.process.signalCode ?? `exit code ${child.process.exitCode}`})` : undefined,
  };
}

function seedStep(child: Child): Step {
  return {
    child,
    what: "finish",
    done: () => Promise.resolve(child.process.exitCode === 0),
    failed: () =>
      hasExited(child) && child.process.exitCode !== 0
        ? `could not write the demo data (${child.process.signalCode ?? `exit code ${child.process.exitCode}`})`
        : undefined,
  };
}

let stopRecord: () => void = () => {};

/** Stops every process, then exits: 1 when the start failed or a process had stopped on its own, else 0. */
function stopAll(failed = false) {
  if (phase === "stopping") return;
  phase = "stopping";
  const exitCode = failed || stoppedWhileRunning.length > 0 ? 1 : 0;
  if (children.some((child) => !hasExited(child))) console.log("\nStopping the network...");
  const exits = children.map(
    (child) => new Promise<void>((done) => (hasExited(child) ? done() : child.process.once("exit", () => done()))),
  );
  for (const child of children) if (!hasExited(child)) child.process.kill("SIGTERM");
  // One that does not stop within 10 s is killed.
  setTimeout(() => children.forEach((child) => hasExited(child) || child.process.kill("SIGKILL")), 10_000).unref();
  void Promise.all(exits).then(() => {
    stopRecord();
    if (stoppedWhileRunning.length > 0) console.error(`Exit code 1: stopped while the network ran: ${stoppedWhileRunning.join(", ")}.`);
    process.exit(exitCode);
  });
}

// ---------------------------------------------------------------------------------------------
// The ports, checked before anything starts.

interface PlannedPort {
  port: number;
  /** Whose it is and what sets it, for the message. */
  owner: string;
}

/** Why the port cannot be listened on, or undefined when it is free. */
function portProblem(port: number, host: string): Promise<string | undefined> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      done(
        error.code === "EADDRINUSE"
          ? "in use"
          : error.code === "EACCES"
            ? "needs privileges this user has not"
            : `cannot be listened on (${error.message})`,
      ),
    );
    server.listen({ port, host, exclusive: true }, () => server.close(() => done(undefined)));
  });
}

async function checkPorts(planned: PlannedPort[], host: string): Promise<void> {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const { port, owner } of planned) {
    const other = seen.get(port);
    if (other) problems.push(`  ${port}  ${owner}: also ${other}'s`);
    seen.set(port, owner);
  }
  const results = await Promise.all(planned.map(async (entry) => ({ ...entry, problem: await portProblem(entry.port, host) })));
  for (const { port, owner, problem } of results) if (problem) problems.push(`  ${port}  ${problem}: ${owner}`);
  if (problems.length > 0) {
    throw new Error(
      `these ports on ${host} cannot be used, so nothing was started:\n${problems.join("\n")}\n` +
        "Is another npm start running? Ctrl-C in its terminal stops it. Or another program holds them: stop it, " +
        "or move the network to free ports as said above (e.g. PORT=4400 npm start).",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The network's registry, against the file's.

const REGISTRY_QUERY = "{ registry { cooperativeId endpoints { members contracts finance } } }";

/** POSTs a GraphQL query over node:http (as the health checks go) and parses the answer. */
function graphql(url: string, query: string, token: string): Promise<unknown> {
  return new Promise((done, fail) => {
    const body = JSON.stringify({ query });
    const sent = request(
      url,
      {
        method: "POST",
        timeout: 5000,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => {
          try {
            done(JSON.parse(text));
          } catch {
            fail(new Error(`answered ${response.statusCode} with no JSON`));
          }
        });
      },
    );
    sent.on("timeout", () => sent.destroy(new Error("no answer within 5 s")));
    sent.on("error", fail);
    sent.end(body);
  });
}

/**
 * How the network's registry differs from the file's, as lines, in what the launcher runs (the
 * cooperatives and their subgraphs' URLs): the file seeds an empty registry only, and a registry
 * changed through the API since, or seeded by another file, is the one the gateway follows.
 */
function registryDifferences(
  file: readonly Pick<RegistryEntry, "id" | "subgraphs">[],
  network: readonly Pick<RegistryEntry, "id" | "subgraphs">[],
  fileName: string,
): string[] {
  const inNetwork = new Map(network.map((entry) => [entry.id, entry]));
  const inFile = new Set(file.map((entry) => entry.id));
  const lines: string[] = [];
  for (const entry of file) {
    const registered = inNetwork.get(entry.id);
    if (!registered) lines.push(`${entry.id}: in ${fileName} only; the launcher runs it, the gateway does not route to it`);
    else {
      const moved = SUBGRAPH_NAMES.filter((name) => registered.subgraphs[name] !== entry.subgraphs[name]);
      if (moved.length > 0)
        lines.push(
          `${entry.id}: the network's registry has ${moved.map((name) => `${name} at ${registered.subgraphs[name]}`).join(", ")}, ` +
            "where the gateway routes; the launcher runs the file's",
        );
    }
  }
  for (const entry of network) {
    if (!inFile.has(entry.id))
      lines.push(`${entry.id}: in the network's registry only; the gateway routes to it, the launcher does not run it`);
  }
  return lines;
}

/** What the banner says when the network's registry is not the file's; empty when it is. */
async function registryNote(networkGraphql: string, tokenFile: string, file: RegistryEntry[], fileName: string, dataDir: string) {
  let lines: string[];
  try {
    const answer = (await graphql(networkGraphql, REGISTRY_QUERY, readFileSync(tokenFile, "utf8").trim())) as {
      data?: { registry?: { cooperativeId: string; endpoints: RegistryEntry["subgraphs"] }[] } | null;
      errors?: { message: string }[];
    };
    if (!answer.data?.registry) throw new Error(answer.errors?.map((error) => error.message).join("; ") || "no registry in its answer");
    const network = answer.data.registry.map((entry) => ({ id: entry.cooperativeId, subgraphs: entry.endpoints }));
    lines = registryDifferences(file, network, fileName);
  } catch (error) {
    return `\nThe network's registry could not be compared with ${fileName} (${error instanceof Error ? error.message : String(error)}).\n`;
  }
  if (lines.length === 0) return "";
  return `
The network's registry (in ${join(dataDir, "network")}) is not ${fileName}'s, and the gateway follows the network's:
${lines.map((line) => `  ${line}`).join("\n")}
It was changed through the API since (registerCooperative, updateCooperativeRegistration, withdrawCooperative), or
started from another registry file. To start it again from ${fileName}: stop npm start, delete ${join(dataDir, "network")}.
`;
}

// ---------------------------------------------------------------------------------------------

/** Whether a subgraph's embedded database is still to be made (and so to be filled with the demo data). */
function isNew(name: SubgraphName, env: Record<string, string>): boolean {
  const { database } = subgraphDatabaseFromEnv(name, env);
  return database.kind === "embedded" && !existsSync(join(database.dataDir, "PG_VERSION"));
}

async function main() {
  const line = parseCommandLine(USAGE, OPTIONS);
  if (!line) return;
  const options = startOptions(line, process.env);
  const registry = loadRegistry(options.registryFile);
  const registryName = shown(options.registryFile);
  const planned = registry.cooperatives.flatMap((cooperative) =>
    SUBGRAPH_NAMES.map((name) => {
      const url = new URL(cooperative.subgraphs[name]);
      const label = `${cooperative.id}/${name}`;
      if (url.protocol !== "http:" || url.port === "")
        throw new UsageError(`${registryName}: ${label} is ${url.href}; the launcher runs it here, so it needs an http URL with a port`);
      // Each subgraph sends its events to its siblings (with the development events secret, the default outside production).
      const env = {
        COOPERATIVE_ID: cooperative.id,
        DATA_DIR: options.dataDir,
        PGLITE_TEMPLATE: "",
        MEMBERS_URL: cooperative.subgraphs.members,
        CONTRACTS_URL: cooperative.subgraphs.contracts,
        FINANCE_URL: cooperative.subgraphs.finance,
      };
      return { label, name, env, url };
    }),
  );
  // Before anything is made or printed as ready: a port in use would have the health checks
  // answered by whatever holds it, while the process meant to serve there fails.
  await checkPorts(
    [
      { port: options.port, owner: "the gateway's (PORT or --port sets it)" },
      {
        port: options.networkPort,
        owner: `the network subgraph's (NETWORK_PORT or --network-port sets it; by default the gateway's + ${NETWORK_PORT_OFFSET})`,
      },
      ...planned.map(({ label, url }) => ({
        port: Number(url.port),
        owner: `${label}'s (${registryName} sets it; --registry <file> runs another registry)`,
      })),
    ],
    options.host,
  );

  const deadline = started + options.timeoutSeconds * 1000;
  const [template, keys] = await Promise.all([ensureTemplate(), ensureDevelopmentKeys(options.dataDir)]);
  const auth = developmentAuthEnv(keys);
  for (const entry of planned) entry.env.PGLITE_TEMPLATE = template;

  const localHost = ["0.0.0.0", "::"].includes(options.host) ? "127.0.0.1" : options.host;
  const local = (port: number) => `http://${localHost.includes(":") ? `[${localHost}]` : localHost}:${port}`;
  const gatewayUrl = local(options.port);
  const networkUrl = local(options.networkPort);
  // The network's subgraph needs no demo data: it starts its empty registry from the registry
  // file itself. It starts at once, while the cooperatives' demo data is written.
  const network = serviceStep(
    launch(NETWORK_LABEL, "subgraphs/network/dist/main.js", {
      PORT: String(options.networkPort),
      DATA_DIR: options.dataDir,
      PGLITE_TEMPLATE: template,
      REGISTRY_SEED_FILE: options.registryFile,
      ...auth,
    }),
    `${networkUrl}/health`,
  );

  // The subgraphs hold no demo code: the demo data is written before they start, on the first start only.
  const seeds = planned
    .filter(({ name, env }) => isNew(name, env))
    .map(({ label, name, env }) => seedStep(launch(`${label} demo data`, "tools/dist/demo/seed/main.js", env, [name], true)));
  await awaitSteps(seeds, deadline, options.timeoutSeconds);

  const subgraphs = planned.map(({ label, name, env, url }) =>
    serviceStep(launch(label, `subgraphs/${name}/dist/main.js`, { ...env, PORT: url.port, ...auth }), new URL("/health", url).href),
  );
  const serviceTokenFile = await writeNetworkServiceToken(keys, options.dataDir);
  // The gateway starts once the network's subgraph answers, so that the registry it routes by from
  // its first request is the network's; REGISTRY_FILE is the one it would start from otherwise.
  await awaitSteps([network], deadline, options.timeoutSeconds);
  if (phase !== "starting") return; // Ctrl-C while it started: nothing more is launched
  const gateway = serviceStep(
    launch("gateway", "gateway/dist/main.js", {
      REGISTRY_FILE: options.registryFile,
      NETWORK_URL: `${networkUrl}/graphql`,
      PORT: String(options.port),
      NETWORK_SERVICE_TOKEN_FILE: serviceTokenFile,
      ...auth,
    }),
    `${gatewayUrl}/health`,
  );
  const [tokens, note] = await Promise.all([
    demoTokens(keys, registry.cooperatives[0].id),
    registryNote(`${networkUrl}/graphql`, serviceTokenFile, registry.cooperatives, registryName, options.dataDir),
    awaitSteps([network, ...subgraphs, gateway], deadline, options.timeoutSeconds),
  ]);
  if (phase !== "starting") return; // Ctrl-C while starting
  phase = "ready";
  stopRecord = recordRunningNetwork({
    pid: process.pid,
    dataDir: options.dataDir,
    gateway: gatewayUrl,
    networkSubgraph: `${networkUrl}/graphql`,
  });
  process.once("exit", () => stopRecord());

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const first = registry.cooperatives[0].id;
  const tokenCommand = `${options.dataDir === DEFAULT_DATA_DIR ? "" : `DATA_DIR=${options.dataDir} `}npm run token -- --role COUNSELOR --coop ${first}`;
  const badPort = BAD_PORTS.has(options.port)
    ? `\n  Browsers refuse port ${options.port} (a "bad port" of the Fetch standard): the Sandbox and the dashboard will not open\n  in one; curl does. Another PORT avoids it.\n`
    : "";
  console.log(`
The network is ready in ${seconds} s: ${registry.cooperatives.length} cooperatives x ${SUBGRAPH_NAMES.length} subgraphs, data in ${options.dataDir}

  GraphQL API:                 ${gatewayUrl}/graphql
  Apollo Sandbox (a browser):  ${gatewayUrl}/graphql
  Dashboard:                   ${gatewayUrl}${DASHBOARD_PATH}   (sign in with the NETWORK_ANALYST token)
  Health of every cooperative: ${gatewayUrl}/health
  Network subgraph:            ${networkUrl}/graphql   (its registry, which the gateway follows: changed by a NETWORK_ADMIN)
${badPort}${note}
Tokens (development key in ${shown(keys.privateKeyFile)}, valid 12 h; more with: ${tokenCommand}):
${Object.entries(tokens)
  .map(([role, token]) => `  ${role.padEnd(16)} ${token}`)
  .join("\n")}

Try, as a counselor of ${first}:
  curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' \\
    -H "authorization: Bearer ${tokens.COUNSELOR}" \\
    -d '{"query":"{ cooperative(id: \\"${first}\\") { name people(first: 3) { totalCount edges { node { id firstName lastName contracts { edges { node { kind status } } } } } } } }"}'

Processes (kill a subgraph to see the gateway answer without it; the gateway's stopping stops the network):
${[network, ...subgraphs, gateway].map(({ child }) => `  ${String(child.process.pid).padEnd(8)} ${child.label}`).join("\n")}

Ctrl-C stops everything.`);
}

process.once("SIGINT", () => stopAll());
process.once("SIGTERM", () => stopAll());
main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    console.error(`npm start: ${message}${message.includes("Usage:") ? "" : "\n(npm start -- --help tells the options)"}`);
    process.exit(2);
  }
  if (phase === "stopping") return; // Ctrl-C while starting: its processes' exits are no failure
  console.error(`\nThe network could not start: ${message}`);
  stopAll(true);
});
