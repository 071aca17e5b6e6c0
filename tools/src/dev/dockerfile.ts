import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative } from "node:path";
import { parseCommandLine, runCommand } from "./cli";
import { ROOT } from "./running";

/**
 * The Docker image's build, without a Docker engine: the files the Dockerfile's COPY lines take
 * from a clean checkout (tracked files, and new ones git does not ignore, less .dockerignore's),
 * copied alone into a directory that stands for the image's file system, and the stage's RUN
 * lines run there in order. A source file the build needs that no COPY brings makes the build
 * fail here as it would in `docker build`.
 *
 * One liberty: `npm ci` is not run (about a minute, and the registry or a full cache). The
 * repository's installed packages stand in for it, linked, after a check that they are exactly
 * the lock's (node_modules/.package-lock.json against package-lock.json), and with the workspace
 * packages linked to the copies, as `npm ci` links them.
 */

export interface Instruction {
  keyword: string;
  args: string;
  /** The WORKDIR in force, in the image. */
  workdir: string;
}

export interface Stage {
  name?: string;
  /** The image or earlier stage it starts from. */
  base: string;
  instructions: Instruction[];
  /** The WORKDIR at its end, which a stage built on it starts in and a COPY --from reads against. */
  workdir: string;
}

/** The stages of a Dockerfile, with each instruction's WORKDIR (line continuations joined, comments dropped). */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  // Comment lines go first: inside an instruction continued over lines too, Docker drops them.
  const lines = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith("#"))
    .join("\n")
    .replace(/[ \t]*\\\r?\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? ["", line, ""];
    const upper = keyword.toUpperCase();
    if (upper === "FROM") {
      const [base, as, name] = args.split(/\s+/).filter((word) => !word.startsWith("--"));
      const parent = stages.find((stage) => stage.name === base);
      stages.push({ name: as?.toUpperCase() === "AS" ? name : undefined, base, instructions: [], workdir: parent?.workdir ?? "/" });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${upper} before any FROM`);
    if (upper === "WORKDIR") stage.workdir = posix.resolve(stage.workdir, args);
    stage.instructions.push({ keyword: upper, args, workdir: stage.workdir });
  }
  return stages;
}

/** The stage and the stages it is built on, the first one first. */
export function lineage(stages: Stage[], stage: Stage): Stage[] {
  const chain = [stage];
  for (let parent = stages.find((other) => other.name === stage.base); parent; parent = stages.find((other) => other.name === parent!.base))
    chain.unshift(parent);
  return chain;
}

interface Copy {
  from?: string;
  sources: string[];
  destination: string;
}

function parseCopy(args: string): Copy {
  const words = args.trim().startsWith("[") ? (JSON.parse(args) as string[]) : args.trim().split(/\s+/);
  const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
  const paths = words.filter((word) => !word.startsWith("--"));
  const destination = paths.pop() ?? "";
  return { from, sources: paths, destination };
}

// ---------------------------------------------------------------------------------------------
// The build context.

/** A Docker pattern (Go's filepath.Match, and ** for any number of folders) as a regular expression. */
function patternRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") {
        i++;
        source += "(?:.*/)?";
      } else source += ".*";
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "[") {
      const end = pattern.indexOf("]", i);
      if (end < 0) source += "\\[";
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, "^")}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function cleanPath(path: string): string {
  const clean = posix.normalize(path.replace(/^\/+/, ""));
  return clean === "." || clean === "./" ? "" : clean.replace(/\/$/, "").replace(/^\.\//, "");
}

/** Whether .dockerignore leaves a path out of the context: the last pattern matching it, or a folder above it, decides. */
export function dockerignoreFilter(text: string): (path: string) => boolean {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const negate = line.startsWith("!");
      return { negate, regexp: patternRegExp(cleanPath(negate ? line.slice(1).trim() : line)) };
    });
  return (path) => {
    const prefixes = path.split("/").map((_, index, parts) => parts.slice(0, index + 1).join("/"));
    let ignored = false;
    for (const rule of rules) if (prefixes.some((prefix) => rule.regexp.test(prefix))) ignored = !rule.negate;
    return ignored;
  };
}

/** The files a clean checkout of this tree holds, as `docker build .` receives them: git's, less .dockerignore's. */
export function contextFiles(root = ROOT): string[] {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    // Reads only: no index refresh, so a commit made meanwhile is not disturbed.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${root}: ${listed.stderr || listed.error?.message}`);
  const ignoreFile = join(root, ".dockerignore");
  const ignored = dockerignoreFilter(existsSync(ignoreFile) ? readFileSync(ignoreFile, "utf8") : "");
  return [...new Set(listed.stdout.split("\0"))]
    .filter((path) => path !== "" && !ignored(path))
    .filter((path) => {
      const file = join(root, path);
      // Listed but deleted in the work tree, or a submodule: not a file a commit of this tree sends.
      return existsSync(file) && statSync(file).isFile();
    })
    .sort();
}

/** Where each context file a COPY names lands, as image paths. Throws for a source that matches nothing, as docker build fails. */
export function copyTargets(copy: Copy, workdir: string, files: string[]): Map<string, string> {
  const targets = new Map<string, string>();
  const destination = posix.resolve(workdir, copy.destination);
  const intoFolder = copy.destination.endsWith("/") || copy.destination === "." || copy.sources.length > 1;
  for (const rawSource of copy.sources) {
    const source = cleanPath(rawSource);
    const glob = /[*?[]/.test(source);
    const regexp = glob ? patternRegExp(source) : undefined;
    let matched = 0;
    for (const file of files) {
      const parts = file.split("/");
      // The file itself, or the folder above it that the source names (whose contents are copied).
      const folder = parts
        .slice(0, -1)
        .map((_, index) => parts.slice(0, index + 1).join("/"))
        .find((prefix) => (regexp ? regexp.test(prefix) : prefix === source));
      if (source === "" || folder !== undefined) {
        targets.set(file, posix.join(destination, source === "" ? file : file.slice(folder!.length + 1)));
        matched++;
      } else if (regexp ? regexp.test(file) : file === source) {
        targets.set(file, intoFolder || glob ? posix.join(destination, posix.basename(file)) : destination);
        matched++;
      }
    }
    if (matched === 0)
      throw new Error(`COPY ${rawSource}: no such file or folder in the build context (a clean checkout less .dockerignore)`);
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------
// The installed packages, standing in for `npm ci`.

interface LockFile {
  packages: Record<string, { version?: string; optional?: boolean; devOptional?: boolean; link?: boolean; resolved?: string }>;
}

/** Why the installed packages are not exactly the lock's, or undefined when they are. */
export function installedAgainstLock(root = ROOT): string | undefined {
  const hidden = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(hidden)) return "node_modules has no .package-lock.json: install with npm ci";
  const installed = (JSON.parse(readFileSync(hidden, "utf8")) as LockFile).packages;
  const locked = (JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as LockFile).packages;
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(installed)) {
    const lock = locked[path];
    if (!lock) problems.push(`${path} is installed but not in the lock`);
    else if (lock.version !== entry.version || Boolean(lock.link) !== Boolean(entry.link))
      problems.push(`${path} is ${entry.version ?? entry.resolved}, the lock says ${lock.version ?? lock.resolved}`);
  }
  for (const [path, lock] of Object.entries(locked)) {
    // Optional packages are those of other platforms too.
    if (path.startsWith("node_modules/") && !installed[path] && !lock.optional && !lock.devOptional)
      problems.push(`${path} is in the lock but not installed`);
  }
  if (problems.length === 0) return undefined;
  return `node_modules is not what npm ci installs from package-lock.json (run npm ci):\n  ${problems.slice(0, 10).join("\n  ")}${
    problems.length > 10 ? `\n  ... and ${problems.length - 10} more` : ""
  }`;
}

/** node_modules in `app` as `npm ci` lays it out: the installed packages linked, the workspaces linked to app's own copies. */
function linkInstalledPackages(app: string, root: string): void {
  const problem = installedAgainstLock(root);
  if (problem) throw new Error(problem);
  const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as { workspaces?: string[] };
  const workspaces = new Map<string, string>();
  for (const workspace of manifest.workspaces ?? []) {
    const file = join(app, workspace, "package.json");
    if (!existsSync(file)) throw new Error(`npm ci: workspace ${workspace} has no package.json in the image at that point`);
    workspaces.set((JSON.parse(readFileSync(file, "utf8")) as { name: string }).name, workspace);
  }
  const modules = join(app, "node_modules");
  const installed = join(root, "node_modules");
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(installed)) {
    if (entry === ".cache") continue; // this machine's caches, not the install
    const scoped = [...workspaces.keys()].filter((name) => name.startsWith(`${entry}/`));
    if (scoped.length === 0) {
      if (!workspaces.has(entry)) symlinkSync(join(installed, entry), join(modules, entry));
      continue;
    }
    mkdirSync(join(modules, entry));
    for (const inner of readdirSync(join(installed, entry))) {
      if (!workspaces.has(`${entry}/${inner}`)) symlinkSync(join(installed, entry, inner), join(modules, entry, inner));
    }
  }
  for (const [name, workspace] of workspaces) {
    const link = join(modules, name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(app, workspace)), link);
    // A workspace's own node_modules, where npm put a version other than the root's.
    const own = join(root, workspace, "node_modules");
    if (existsSync(own)) symlinkSync(own, join(app, workspace, "node_modules"));
  }
}

// ---------------------------------------------------------------------------------------------
// The build.

export interface BuildOptions {
  root?: string;
  /** The Dockerfile's text (default the repository's). */
  dockerfile?: string;
  /** The stage to build (default "build", the one the runtime stage copies the compiled code from). */
  stage?: string;
  /** The directory that stands for the image's file system (default a new temporary one). */
  dir?: string;
  /** Each step, as it runs. */
  log?: (line: string) => void;
}

export interface BuildResult {
  dir: string;
  /** The context files copied, by repository path. */
  copied: string[];
  /** What the runtime stage takes from the built stage, checked present. */
  taken: string[];
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => (output += error.message));
    child.on("close", (code) => done({ code, output }));
  });
}

/** Commands a RUN line may hold that the check reproduces on this machine: npm's and node's, in the image's folder. */
const REPRODUCIBLE = /^(npx|npm|node)\s/;

/** Builds a stage of the Dockerfile in a directory standing for the image; throws with the failing step's output. */
export async function reproduceBuild(options: BuildOptions = {}): Promise<BuildResult> {
  const root = options.root ?? ROOT;
  const log = options.log ?? (() => {});
  const stages = parseDockerfile(options.dockerfile ?? readFileSync(join(root, "Dockerfile"), "utf8"));
  const target = stages.find((stage) => stage.name === (options.stage ?? "build"));
  if (!target) throw new Error(`Dockerfile: no stage named ${options.stage ?? "build"}`);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "cae-image-"));
  const inImage = (path: string) => join(dir, path);
  const files = contextFiles(root);
  const copied: string[] = [];
  let env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS; // a test runner's, not the image's

  for (const stage of lineage(stages, target)) {
    log(`FROM ${stage.base}${stage.name ? ` AS ${stage.name}` : ""}`);
    for (const { keyword, args, workdir } of stage.instructions) {
      mkdirSync(inImage(workdir), { recursive: true });
      if (keyword === "COPY" || keyword === "ADD") {
        const copy = parseCopy(args);
        if (copy.from) throw new Error(`${keyword} ${args}: the check copies from the build context only`);
        const targets = copyTargets(copy, workdir, files);
        for (const [file, destination] of targets) {
          mkdirSync(dirname(inImage(destination)), { recursive: true });
          copyFileSync(join(root, file), inImage(destination));
          copied.push(file);
        }
        log(`${keyword} ${args}: ${targets.size} files`);
      } else if (keyword === "RUN") {
        const command = args.trim();
        if (/\bnpm\s+ci\b/.test(command)) {
          linkInstalledPackages(inImage(workdir), root);
          log(`RUN ${command}: the installed packages linked in its stead (they are the lock's)`);
        } else if (REPRODUCIBLE.test(command)) {
          const started = Date.now();
          const { code, output } = await run(command, inImage(workdir), env);
          if (code !== 0) throw new Error(`RUN ${command} failed in the image's copy (${inImage(workdir)}), exit code ${code}:\n${output}`);
          log(`RUN ${command}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        } else {
          throw new Error(
            `RUN ${command}: the check runs npm, npx and node commands only; reproduce this one in tools/src/dev/dockerfile.ts`,
          );
        }
      } else if (keyword === "ENV") {
        const match = /^(\S+?)(?:=|\s+)(.*)$/.exec(args);
        if (match) env = { ...env, [match[1]]: match[2].replace(/^"(.*)"$/, "$1") };
      }
      // WORKDIR is in each instruction; USER, CMD, EXPOSE, LABEL and the like change no file.
    }
  }

  // What the image's later stages take from this one must be there.
  const taken: string[] = [];
  for (const stage of stages) {
    for (const { keyword, args } of stage.instructions) {
      const copy = keyword === "COPY" ? parseCopy(args) : undefined;
      if (copy?.from !== target.name) continue;
      for (const source of copy!.sources) {
        const path = posix.resolve(target.workdir, source);
        if (!existsSync(inImage(path))) throw new Error(`COPY --from=${target.name} ${source}: the built stage has no ${path}`);
        taken.push(path);
      }
    }
  }
  return { dir, copied: [...new Set(copied)].sort(), taken };
}

const USAGE = `Usage: node tools/dist/dev/dockerfile.js [--keep]

Builds the Dockerfile's build stage without a Docker engine: copies the files its COPY lines take
from a clean checkout (git's files less .dockerignore's) into a temporary directory, links the
installed packages in place of npm ci (after checking they are the lock's), runs its other RUN
lines (npx tsc --build), and checks that what the runtime stage copies from it is there.

  --keep       keep the directory (it is removed otherwise)
  -h, --help   this help`;

if (require.main === module) {
  runCommand(async () => {
    const line = parseCommandLine(USAGE, { keep: { type: "boolean" } });
    if (!line) return;
    const started = Date.now();
    const dir = mkdtempSync(join(tmpdir(), "cae-image-"));
    try {
      const result = await reproduceBuild({ dir, log: (step) => console.log(step) });
      console.log(
        `The build stage builds from ${result.copied.length} files of the checkout in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `the runtime stage finds ${result.taken.join(", ")}.`,
      );
    } finally {
      if (line.values.keep) console.log(`Kept in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  });
}
