import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository's root: the same three levels up from tools/src/dev and tools/dist/dev. */
export const ROOT = resolve(__dirname, "..", "..", "..");

/** Where `npm start` keeps the embedded databases and the development key pair unless DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = resolve(ROOT, ".data");

/**
 * Where each running `npm start` says which DATA_DIR it runs on, so that `npm run token` signs with
 * that network's key: one file per launcher, named by its process ID, removed when it stops. It is
 * machine state of this checkout, like the PGlite template beside it, never committed.
 */
export const RUNNING_DIR = resolve(ROOT, "node_modules", ".cache", "cae-network", "running");

export interface RunningNetwork {
  /** The launcher's process. */
  pid: number;
  dataDir: string;
  gateway: string;
  /** The network's own subgraph's GraphQL URL (absent in the records of launchers from before it ran one). */
  networkSubgraph?: string;
}

/** Records a running network; the function returned removes the record (it never throws). */
export function recordRunningNetwork(network: RunningNetwork, dir = RUNNING_DIR): () => void {
  const file = join(dir, `${network.pid}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(network));
  } catch {
    // The record is a convenience for `npm run token`: a read-only checkout runs the network all the same.
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The networks whose launcher still runs; the records of launchers that died without removing them go. */
export function runningNetworks(dir = RUNNING_DIR): RunningNetwork[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^\d+\.json$/.test(name));
  } catch {
    return [];
  }
  const networks: RunningNetwork[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const network = JSON.parse(readFileSync(file, "utf8")) as RunningNetwork;
      if (network.pid === process.pid) continue;
      if (isAlive(network.pid)) networks.push(network);
      else rmSync(file, { force: true });
    } catch {
      rmSync(file, { force: true });
    }
  }
  return networks;
}

export interface DataDirChoice {
  dataDir: string;
  /** Why this one, for the message that says which key signed. */
  reason: string;
  /** Said when the choice signs for no running network. */
  warning?: string;
}

/**
 * The data directory, and so the development key, that `npm run token` signs with: the one named
 * (--data-dir, then DATA_DIR), else the one of the `npm start` that runs, else npm start's default.
 */
export function chooseDataDir(named: { option?: string; env?: string }, running: RunningNetwork[]): DataDirChoice {
  const runningDirs = [...new Set(running.map((network) => resolve(network.dataDir)))];
  const explicit =
    named.option !== undefined
      ? { dataDir: resolve(named.option), reason: "--data-dir" }
      : named.env !== undefined && named.env !== ""
        ? { dataDir: resolve(named.env), reason: "DATA_DIR" }
        : undefined;
  if (explicit) {
    const warning =
      runningDirs.length > 0 && !runningDirs.includes(explicit.dataDir)
        ? `No running npm start uses it (${running.map((network) => `pid ${network.pid}: DATA_DIR=${network.dataDir}`).join("; ")}): their services will refuse this token.`
        : undefined;
    return { ...explicit, ...(warning && { warning }) };
  }
  if (runningDirs.length === 1) {
    const pids = running.map((network) => network.pid).join(", ");
    return { dataDir: runningDirs[0], reason: `the DATA_DIR of the running npm start, pid ${pids}` };
  }
  if (runningDirs.length > 1) {
    throw new Error(
      `Several networks run, on different data directories:\n${running
        .map((network) => `  pid ${network.pid}: DATA_DIR=${network.dataDir} (${network.gateway})`)
        .join("\n")}\nName the one to sign for with DATA_DIR=<dir> or --data-dir <dir>.`,
    );
  }
  return { dataDir: DEFAULT_DATA_DIR, reason: "npm start's default; no npm start runs" };
}
