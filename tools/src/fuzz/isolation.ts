/**
 * The fuzzer's side of a host process (host.ts): starts it on the TypeScript sources, sends it
 * requests with a deadline, and when a request overruns it or the process dies, says so and
 * starts a fresh one. Jest runs the sources through ts-jest; a child process has no Jest, so it
 * is given a small loader: the `@cae/*` packages mapped to their sources, each file transpiled
 * alone (as ts-jest does, isolatedModules) and kept in a cache keyed by its content.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { HostMessage, HostRequest, HostSpec } from "./host";

const ROOT = resolve(__dirname, "..", "..", "..");
const CACHE = join(ROOT, "node_modules", ".cache", "cae-network", "fuzz-host");
let pruned = false;

/** The loader and the host's start, as the child's `-e` script. */
function childScript(spec: HostSpec): string {
  const host = join(__dirname, __filename.endsWith(".ts") ? "host.ts" : "host.js");
  return sourceChildScript(host, `serveHost(${JSON.stringify(spec)})`);
}

/**
 * A child process's `-e` script that runs `module.call` (a call returning a promise) on the
 * TypeScript sources: the loader below, then the call. Used by the fuzzer's host, and by tests
 * that kill a subgraph's process (tools/src/testing/subgraph-process.ts).
 */
export function sourceChildScript(module: string, call: string): string {
  if (!pruned) pruneCache();
  pruned = true;
  return `"use strict";
const fs = require("fs"), path = require("path"), crypto = require("crypto"), Module = require("module");
const root = ${JSON.stringify(ROOT)}, cache = ${JSON.stringify(CACHE)};
// TypeScript itself is loaded only when a source is not in the cache yet.
let ts;
const typescript = () => (ts ??= require(require.resolve("typescript", { paths: [root] })));
fs.mkdirSync(cache, { recursive: true });
const packages = { "@cae/shared": "shared", "@cae/members": "subgraphs/members", "@cae/contracts": "subgraphs/contracts",
  "@cae/finance": "subgraphs/finance", "@cae/network": "subgraphs/network", "@cae/gateway": "gateway", "@cae/tools": "tools" };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const pkg = packages[request];
  if (pkg) return path.join(root, pkg, "src", "index.ts");
  // A source's relative import is a source first (./minimum-wage is the .ts beside minimum-wage.json), as in Jest.
  if (parent && parent.filename && parent.filename.endsWith(".ts") && (request.startsWith("./") || request.startsWith("../"))) {
    const base = path.resolve(path.dirname(parent.filename), request);
    for (const candidate of [base + ".ts", path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
const version = JSON.parse(fs.readFileSync(require.resolve("typescript/package.json", { paths: [root] }), "utf8")).version;
require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const key = crypto.createHash("sha1").update(version).update(filename).update(source).digest("hex");
  const file = path.join(cache, key + ".js");
  let code;
  try {
    code = fs.readFileSync(file, "utf8");
  } catch {
    const options = { module: typescript().ModuleKind.CommonJS, target: typescript().ScriptTarget.ES2022, experimentalDecorators: true,
      emitDecoratorMetadata: true, esModuleInterop: true, inlineSourceMap: true };
    code = typescript().transpileModule(source, { fileName: filename, compilerOptions: options }).outputText;
    fs.writeFileSync(file + "." + process.pid, code);
    fs.renameSync(file + "." + process.pid, file);
  }
  module._compile(code, filename);
};
require(require.resolve("reflect-metadata", { paths: [root] }));
require(${JSON.stringify(module)}).${call}.catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
`;
}

/** Transpiled sources older than a week go (those of sources since changed; the others are made again). */
function pruneCache(): void {
  mkdirSync(CACHE, { recursive: true });
  const weekAgo = Date.now() - 7 * 86_400_000;
  for (const name of readdirSync(CACHE)) {
    const file = join(CACHE, name);
    const written = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (written < weekAgo) rmSync(file, { force: true });
  }
}

/** A request that overran its deadline: the host is busy with it, and is started again. */
export class HostTimeout extends Error {
  override name = "HostTimeout";
}

/** The host process ended while a request was under way. */
export class HostCrashed extends Error {
  override name = "HostCrashed";
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class Host {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private stderr = "";
  /** What the host said when ready (the gateway's URL). */
  info: Record<string, unknown> = {};
  /** How many processes were started: a new one has new databases, keys and port. */
  generation = 0;

  constructor(
    private readonly spec: HostSpec,
    private readonly onFault: (errorId: string, cause: string) => void,
  ) {}

  /** Starts the process and waits until its system is up (databases made, servers listening). */
  async start(timeoutMs = 240_000): Promise<void> {
    const child = spawn(process.execPath, ["--enable-source-maps", "-e", childScript(this.spec)], {
      cwd: ROOT,
      env: process.env,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.child = child;
    this.stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    // A write to a process that just died fails in `send`'s callback; the process's own error event says nothing more.
    child.on("error", () => undefined);
    const ready = new Promise<void>((resolveReady, rejectReady) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        rejectReady(new Error(`The fuzzing host did not start within ${timeoutMs} ms`));
      }, timeoutMs).unref();
      child.on("message", (message: HostMessage) => {
        if ("ready" in message) {
          clearTimeout(timer);
          this.info = message.ready;
          resolveReady();
        } else if ("fault" in message) this.onFault(message.fault.errorId, message.fault.cause);
        else this.settle(message);
      });
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        const error = new HostCrashed(`The fuzzing host ended (${signal ?? `exit code ${code}`}): ${this.stderr.trim().slice(-1500)}`);
        rejectReady(error);
        for (const [id, pending] of this.pending) {
          clearTimeout(pending.timer);
          this.pending.delete(id);
          pending.reject(error);
        }
        if (this.child === child) this.child = undefined;
      });
    });
    await ready;
    this.generation++;
  }

  private settle(message: Extract<HostMessage, { id: number }>) {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if ("error" in message) pending.reject(new Error(message.error));
    else pending.resolve(message.result);
  }

  /** Sends a request; past the deadline the process is killed (it may be blocked for minutes) and the request fails. */
  call<T>(op: string, args: Record<string, unknown>, timeoutMs = 10_000): Promise<T> {
    const child = this.child;
    if (!child?.connected) return Promise.reject(new HostCrashed("The fuzzing host is not running"));
    const id = ++this.next;
    return new Promise<T>((resolveCall, rejectCall) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rejectCall(new HostTimeout(`no answer within ${timeoutMs} ms`));
        this.kill();
      }, timeoutMs).unref();
      this.pending.set(id, { resolve: resolveCall as (value: unknown) => void, reject: rejectCall, timer });
      child.send({ id, op, args } satisfies HostRequest, (error) => {
        if (!error || !this.pending.delete(id)) return;
        clearTimeout(timer);
        rejectCall(new HostCrashed(`The fuzzing host could not be reached: ${error.message}`));
      });
    });
  }

  /** Whether the process is up (not killed after a timeout, not crashed). */
  get running(): boolean {
    return Boolean(this.child?.connected);
  }

  /** The process is blocked or gone: a fresh one, from the same templates. */
  async restart(): Promise<void> {
    this.kill();
    await this.start();
  }

  kill(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill("SIGKILL");
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.connected) return this.kill();
    const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
    await Promise.race([this.call("stop", {}, 20_000).catch(() => undefined), exited]);
    await Promise.race([exited, new Promise((wait) => setTimeout(wait, 5_000).unref())]);
    this.kill();
  }
}
