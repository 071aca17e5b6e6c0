import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { join, resolve } from "node:path";

/** Runs the development commands from their sources (ts-hook.cjs), as a user runs them, and watches their output. */

const HOOK = resolve(__dirname, "ts-hook.cjs");
const DEV = resolve(__dirname, "..");
export const ROOT = resolve(__dirname, "..", "..", "..", "..");

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCommand {
  child: ChildProcess;
  output(): Finished;
  finished: Promise<Finished>;
  /** Resolves with the match once stdout or stderr matches; rejects, with the output, if the command ends first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** The variables the commands read, left out of the test's own environment so that a developer's settings do not leak in. */
const COMMAND_VARIABLES = ["PORT", "NETWORK_PORT", "HOST", "DATA_DIR", "START_TIMEOUT_SECONDS", "NODE_OPTIONS", "DATABASE_URL"];

/** Starts `tools/src/dev/<command>.ts`; `env` adds to the test's environment (undefined removes). */
export function startCommand(command: string, args: string[] = [], env: Record<string, string | undefined> = {}): RunningCommand {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of COMMAND_VARIABLES) delete childEnv[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn(process.execPath, ["-r", HOOK, join(DEV, `${command}.ts`), ...args], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const output = (): Finished => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
  const finished = new Promise<Finished>((done) => child.on("close", () => done(output())));
  return {
    child,
    output,
    finished,
    // Generous: a busy two-core machine starts a network in minutes; Jest's own timeout is above it.
    waitFor: (pattern, timeoutMs = 240_000) =>
      new Promise((done, fail) => {
        const deadline = Date.now() + timeoutMs;
        const look = () => {
          const match = pattern.exec(stdout) ?? pattern.exec(stderr);
          if (match) return done(match);
          const ended = child.exitCode !== null || child.signalCode !== null;
          if (ended || Date.now() > deadline) {
            const { code, signal } = output();
            return fail(
              new Error(
                `${command} ${ended ? `ended (${signal ?? `exit code ${code}`})` : `still runs after ${timeoutMs / 1000} s`} without printing ${pattern}\n` +
                  `stdout:\n${stdout.slice(-4000)}\nstderr:\n${stderr.slice(-4000)}`,
              ),
            );
          }
          setTimeout(look, 100);
        };
        look();
      }),
  };
}

/** Runs a command to its end. */
export function runCommand(command: string, args: string[] = [], env: Record<string, string | undefined> = {}): Promise<Finished> {
  return startCommand(command, args, env).finished;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Holds a port, as another program would. */
export async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { port: (server.address() as AddressInfo).port, server };
}

/** A registry of one cooperative whose subgraphs are on the ports given, written in `dir`. */
export function oneCooperativeRegistry(dir: string, id: string, ports: { members: number; contracts: number; finance: number }): string {
  const file = join(dir, "registry.json");
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  writeFileSync(
    file,
    JSON.stringify({
      cooperatives: [
        {
          id,
          name: "Launcher Test",
          region: "Bretagne",
          subgraphs: { members: url(ports.members), contracts: url(ports.contracts), finance: url(ports.finance) },
        },
      ],
    }),
  );
  return file;
}
