import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { SUBGRAPH_NAMES, subgraphDatabaseFromEnv } from "@cae/shared";
import { loadRegistry } from "@cae/gateway";
import { ensureTemplate } from "./template";
import { demoTokens, developmentAuthEnv, ensureDevelopmentKeys, writeNetworkServiceToken } from "./tokens";

/**
 * `npm start`: the demo network on this machine. Every cooperative's subgraph runs in a process
 * of its own on its own embedded PostgreSQL (under DATA_DIR, seeded once), as in production,
 * so stopping one (`kill <pid>`) shows how the gateway answers without it.
 */
const root = resolve(__dirname, "..", "..", "..");
const registryFile = resolve(root, "gateway/registry.demo.json");
const dataDir = resolve(process.env.DATA_DIR ?? resolve(root, ".data"));
const gatewayPort = process.env.PORT ?? "4000";
const started = Date.now();

interface Child {
  label: string;
  process: ChildProcess;
}
const children: Child[] = [];
let stopping = false;

function launch(label: string, script: string, env: Record<string, string>, args: string[] = [], oneShot = false): Child {
  // Liftoff alone compiles PGlite's WebAssembly in a fraction of the CPU that tiering up takes:
  // ten processes start on two cores, and the demo's queries are small.
  const child = spawn(process.execPath, ["--liftoff-only", resolve(root, script), ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const prefix = `[${label}] `;
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(indent(prefix, chunk)));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(indent(prefix, chunk)));
  child.on("exit", (code, signal) => {
    if (!stopping && !oneShot) console.log(`${prefix}stopped (${signal ?? `exit code ${code}`}); the rest of the network goes on`);
  });
  const entry = { label, process: child };
  children.push(entry);
  return entry;
}

function indent(prefix: string, chunk: Buffer): string {
  return chunk.toString().replace(/^(?=.)/gm, prefix);
}

/** Waits for a child to answer its health check; one that exits first (a port taken, a bad setting) fails the start at once. */
async function waitForHealth(child: Child, url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.label} exited while starting (its output is above)`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${child.label} did not answer ${url} within 90 s`);
}

function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the network...");
  const exits = children.map(
    (child) =>
      new Promise<void>((done) =>
        child.process.exitCode !== null || child.process.signalCode !== null ? done() : child.process.once("exit", () => done()),
      ),
  );
  for (const child of children) child.process.kill("SIGTERM");
  void Promise.all(exits).then(() => process.exit(exitCode));
}

/** Whether a subgraph's embedded database is still to be made (and so to be filled with the demo data). */
function isNew(name: (typeof SUBGRAPH_NAMES)[number], env: Record<string, string>): boolean {
  const { database } = subgraphDatabaseFromEnv(name, env);
  return database.kind === "embedded" && !existsSync(join(database.dataDir, "PG_VERSION"));
}

/** Writes the demo data into a new database, in a process of its own, before its subgraph opens it. */
function seed(label: string, name: string, env: Record<string, string>): Promise<void> {
  const child = launch(`${label} demo data`, "tools/dist/demo/seed/main.js", env, [name], true);
  return new Promise((done, fail) =>
    child.process.once("exit", (code) => (code === 0 ? done() : fail(new Error(`${label}: the demo data could not be written`)))),
  );
}

async function main() {
  const registry = loadRegistry(registryFile);
  const [template, keys] = await Promise.all([ensureTemplate(), ensureDevelopmentKeys(dataDir)]);
  const auth = developmentAuthEnv(keys);
  const planned = registry.cooperatives.flatMap((cooperative) =>
    SUBGRAPH_NAMES.map((name) => {
      const env = { COOPERATIVE_ID: cooperative.id, DATA_DIR: dataDir, PGLITE_TEMPLATE: template };
      return { label: `${cooperative.id}/${name}`, name, env, url: new URL(cooperative.subgraphs[name]) };
    }),
  );
  // The subgraphs hold no demo code: the demo data is written before they start, on the first start only.
  await Promise.all(planned.filter(({ name, env }) => isNew(name, env)).map(({ label, name, env }) => seed(label, name, env)));
  const subgraphs = planned.map(({ label, name, env, url }) => {
    const child = launch(label, `subgraphs/${name}/dist/main.js`, { ...env, PORT: url.port, ...auth });
    return { ...child, health: new URL("/health", url).toString() };
  });
  const gateway = launch("gateway", "gateway/dist/main.js", {
    REGISTRY_FILE: registryFile,
    PORT: gatewayPort,
    NETWORK_SERVICE_TOKEN_FILE: await writeNetworkServiceToken(keys, dataDir),
    ...auth,
  });

  const deadline = Date.now() + 90_000;
  const [tokens] = await Promise.all([
    demoTokens(keys, registry.cooperatives[0].id),
    ...subgraphs.map((s) => waitForHealth(s, s.health, deadline)),
    waitForHealth(gateway, `http://127.0.0.1:${gatewayPort}/health`, deadline),
  ]);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const first = registry.cooperatives[0].id;
  console.log(`
The network is ready in ${seconds} s: ${registry.cooperatives.length} cooperatives x ${SUBGRAPH_NAMES.length} subgraphs, data in ${dataDir}

  GraphQL (and Apollo Sandbox):  http://127.0.0.1:${gatewayPort}/graphql
  Health of every cooperative:   http://127.0.0.1:${gatewayPort}/health

Tokens (development key, valid 12 h; more with: npm run token -- --role COUNSELOR --coop ${first}):
${Object.entries(tokens)
  .map(([role, token]) => `  ${role.padEnd(16)} ${token}`)
  .join("\n")}

Try, as a counselor of ${first}:
  curl -s http://127.0.0.1:${gatewayPort}/graphql -H 'content-type: application/json' \\
    -H "authorization: Bearer ${tokens.COUNSELOR}" \\
    -d '{"query":"{ cooperative(id: \\"${first}\\") { name people(first: 3) { totalCount edges { node { id firstName lastName contracts { edges { node { kind status } } } } } } } }"}'

Processes (kill one to see the gateway answer without it):
${subgraphs.map((s) => `  ${String(s.process.pid).padEnd(8)} ${s.label}`).join("\n")}

Ctrl-C stops everything.`);
}

process.once("SIGINT", () => stopAll(0));
process.once("SIGTERM", () => stopAll(0));
main().catch((error: unknown) => {
  console.error(`The network could not start: ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
});
