/**
 * The fuzzing loop: fast-check runs every target with its own fixed seed; each run's answer is
 * checked, and what breaks a promise is collected rather than stopping the run, so that one run
 * of the test shows every distinct failure, not the first. Then each failure class is shrunk by
 * fast-check from where it was first seen (same seed, its run's path), to the smallest arguments
 * that still show it, and the test fails with one compact, deduplicated summary.
 *
 * A request that gets no answer in time (or whose host process dies) is a failure too: its target's
 * other runs are skipped and the system is started again (`recover`). FUZZ_TRACE=<file> appends
 * every case to a file before it is sent, to see what a run was doing when it got stuck.
 */
import fc from "fast-check";
import { appendFileSync } from "node:fs";
import { getNamedType, type GraphQLSchema } from "graphql";
import { addIds, type IdPool, type Mode } from "./arbitraries";
import { changedTables, checkAnswer, checkNothingWritten, wasRefused, type Answer, type Fingerprint, type Violation } from "./invariants";
import { operationFor, tableOfType, targetArbitrary, type Operation, type Target } from "./operations";

/** One generated call: the arguments, how they are sent, and by whom. */
export interface FuzzCase {
  mode: Mode;
  literal: boolean;
  caller: string;
  args: Record<string, unknown>;
}

/** What a fuzz run needs from the system under test. */
export interface FuzzSystem {
  /** A name for the reports (`members`, `gateway`). */
  name: string;
  schema: GraphQLSchema;
  pool: IdPool;
  /** Whether the answers come through the gateway (a live cooperative is then never unavailable). */
  gateway: boolean;
  targets: Target[];
  /** The callers, by name, with how often each is drawn. */
  callers: { name: string; weight: number }[];
  send(operation: Operation, caller: string): Promise<Answer>;
  /** The state of the databases a target's mutation may write. */
  fingerprint(target: Target): Promise<Fingerprint>;
  /** The representation `_entities` is given to reach a target (at a subgraph). */
  representation?(target: Target): Promise<Record<string, unknown>>;
  /** After a request got no answer: makes the system answer again (a fresh host process). */
  recover?(): Promise<void>;
}

interface Occurrence {
  system: string;
  target: string;
  seed: number;
  runIndex: number;
  fuzzCase: FuzzCase;
  /** The violation's own message (the shape above blanks its values). */
  message: string;
  answer: string;
  count: number;
}

/** A distinct failure: one broken promise, one code, one message (its values blanked out). */
interface FailureClass {
  violation: Violation;
  occurrences: Map<string, Occurrence>;
  count: number;
  shrunk?: { target: string; fuzzCase: FuzzCase; message: string; answer: string };
}

/** Blanks what changes from input to input in a message: quoted values, numbers, IDs. */
export function messageShape(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/\d+/g, "N")
    .replace(/\s+/g, " ")
    .slice(0, 240);
}

const classKey = (violation: Violation) => `${violation.invariant}|${violation.code}|${messageShape(violation.message)}`;

/** A seed of its own for each target, from the run's seed: adding a target does not change the others' runs. */
export function targetSeed(seed: number, target: string): number {
  let hash = seed | 0;
  for (let i = 0; i < target.length; i++) hash = (Math.imul(hash, 31) + target.charCodeAt(i)) | 0;
  return hash;
}

/** An answer's errors for a report: message, code, field and path of each. */
function showErrors(answer: Answer): string {
  return show(answer.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, field: e.extensions?.field, path: e.path })));
}

/** A value for a report: long strings cut, invisible characters escaped. */
export function show(value: unknown, max = 1200): string {
  const text = JSON.stringify(value, (_key, item: unknown) =>
    // IDs (60 characters or so) whole; a 10 kB string by its start and length.
    typeof item === "string" && item.length > 100 ? `${item.slice(0, 24)}…(${item.length} chars)` : item,
  );
  const escaped = (text ?? "undefined").replace(
    /[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}

/**
 * The services' log during a run: a masked fault is logged with the `errorId` the client is given,
 * and that line tells the report what the client was not told (the fault's message and where it
 * was thrown). It reads the log wherever it goes: a destination the processes write JSON lines to,
 * the in-process servers' own loggers, and `console.error`; the rest is held back from the output.
 */
export class ServerLog {
  private readonly causes = new Map<string, string>();

  /** `onFault`: where a fault's cause goes too (from a host process to the fuzzer's). */
  constructor(private readonly onFault?: (errorId: string, cause: string) => void) {}

  /** A fault's cause, told by another process's log. */
  addCause(errorId: string, cause: string): void {
    this.causes.set(errorId, cause);
  }

  private readonly restores: (() => void)[] = [];
  /** Error lines that were not a fault's, held back from the output: how many, and the first few. */
  heldBack = 0;
  readonly samples: string[] = [];

  /** A destination for JSON log lines (pino's `DestinationStream`). */
  readonly destination = {
    write: (line: string) => {
      try {
        this.take(JSON.parse(line) as unknown);
      } catch {
        this.holdBack(line);
      }
    },
  };

  /** Reads `console.error` too, and keeps it out of the test's output, until `stop`. */
  start(): this {
    const original = console.error;
    console.error = (...args: unknown[]) => {
      const line = args.map((arg) => (typeof arg === "string" ? arg : String(arg))).join(" ");
      try {
        this.take(JSON.parse(line) as unknown, line);
      } catch {
        this.holdBack(line);
      }
    };
    this.restores.push(() => (console.error = original));
    return this;
  }

  /** Reads the faults an in-process server logs with its own logger (a pino-like `error(object, message)`). */
  watch(logger: unknown): void {
    const target = logger as { error?: (...args: unknown[]) => unknown } | null | undefined;
    const original = target?.error;
    if (!target || typeof original !== "function") return;
    target.error = (...args: unknown[]) => {
      if (this.takeFault(args[0])) return undefined;
      return original.apply(target, args);
    };
    this.restores.push(() => (target.error = original));
  }

  stop(): void {
    for (const restore of this.restores.splice(0).reverse()) restore();
  }

  /** What the log says of a fault: its message, and where in the project's sources it was thrown. */
  readonly causeOf = (errorId: unknown): string | undefined => (typeof errorId === "string" ? this.causes.get(errorId) : undefined);

  private take(entry: unknown, line = JSON.stringify(entry)) {
    if (this.takeFault(entry)) return;
    // pino's levels: 50 is error, 60 fatal; a line of `console.error` has none. A request's own
    // line (its duration and codes) repeats what the answer said.
    const { level, durationMs } = (entry ?? {}) as { level?: unknown; durationMs?: unknown };
    if ((typeof level !== "number" || level >= 50) && durationMs === undefined) this.holdBack(line);
  }

  private takeFault(entry: unknown): boolean {
    const fault = entry as { errorId?: unknown; message?: unknown; stack?: unknown } | null;
    if (typeof fault?.errorId !== "string" || fault.message === undefined) return false;
    const frame = typeof fault.stack === "string" ? projectFrame(fault.stack) : undefined;
    const cause = `${String(fault.message)}${frame ? ` at ${frame}` : ""}`;
    this.causes.set(fault.errorId, cause);
    this.onFault?.(fault.errorId, cause);
    return true;
  }

  private holdBack(line: string) {
    this.heldBack++;
    if (this.samples.length < 3) this.samples.push(line.slice(0, 300));
  }
}

/** The first frame of a stack in the project's own sources (not a dependency's). */
function projectFrame(stack: string): string | undefined {
  for (const line of stack.split("\n").slice(1)) {
    const match = /\(?([^()\s]+\/src\/[^()\s]+?):(\d+):\d+\)?$/.exec(line.trim());
    const file = match?.[1].replace(`${process.cwd()}/`, "");
    // The project's packages only: a dependency's frames (mapped to its own `src/`) say less.
    if (file && /^(shared|subgraphs\/[a-z]+|gateway|tools)\/src\//.test(file)) return `${file}:${match![2]}`;
  }
  return undefined;
}

export class FuzzReport {
  private readonly classes = new Map<string, FailureClass>();
  runs = 0;
  /** Runs skipped: those of a target after one of its runs got no answer. */
  skipped = 0;
  /** Where the time goes, in ms: the operations, the databases' fingerprints, the representations. */
  readonly time = { send: 0, fingerprint: 0, representation: 0 };
  private readonly started = Date.now();

  /** The slowest answer: how far the requests' deadline is from the run's real times. */
  slowest = { ms: 0, where: "" };
  /** Time spent in each target's operations, in ms. */
  readonly targetTime = new Map<string, number>();
  /** Why plausible arguments were refused, a few per target: where the generators miss the domain. */
  readonly plausibleRefusals = new Map<string, Set<string>>();
  /** What each target answered, by first error code (`ok` without errors): the run's coverage. */
  readonly outcomes = new Map<string, Map<string, number>>();

  record(system: string, target: Target, seed: number, runIndex: number, fuzzCase: FuzzCase, answer: Answer, violations: Violation[]) {
    const where = `${system} ${target.name}`;
    const outcome = answer.errors?.length ? String(answer.errors[0].extensions?.code ?? "(none)") : "ok";
    const counts = this.outcomes.get(where) ?? new Map<string, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    this.outcomes.set(where, counts);
    if (fuzzCase.mode === "plausible" && answer.errors?.length) {
      const samples = this.plausibleRefusals.get(where) ?? new Set<string>();
      if (samples.size < 4)
        samples.add(`${outcome} ${answer.errors[0].extensions?.field ?? ""}: ${answer.errors[0].message.slice(0, 140)}`);
      this.plausibleRefusals.set(where, samples);
    }
    for (const violation of violations) {
      const key = classKey(violation);
      let failure = this.classes.get(key);
      if (!failure) this.classes.set(key, (failure = { violation, occurrences: new Map(), count: 0 }));
      failure.count++;
      const occurrence = failure.occurrences.get(where);
      if (occurrence) occurrence.count++;
      else
        failure.occurrences.set(where, {
          system,
          target: target.name,
          seed,
          runIndex,
          fuzzCase,
          message: violation.message,
          answer: showErrors(answer),
          count: 1,
        });
    }
  }

  /** The classes to shrink, most frequent first. */
  failureClasses(): { key: string; first: Occurrence }[] {
    return [...this.classes]
      .sort(([, a], [, b]) => b.count - a.count)
      .map(([key, failure]) => ({ key, first: [...failure.occurrences.values()][0] }));
  }

  setShrunk(key: string, shrunk: FailureClass["shrunk"]) {
    const failure = this.classes.get(key);
    if (failure) failure.shrunk = shrunk;
  }

  /** The coverage: how many fields answered without errors at least once, and which never did. */
  coverage(): string {
    const never = [...this.outcomes].filter(([, counts]) => !counts.has("ok")).map(([where]) => where);
    return `${this.outcomes.size - never.length}/${this.outcomes.size} fields answered without errors at least once${never.length > 0 ? ` (never: ${never.join(", ")})` : ""}`;
  }

  /** Every field's answers by first error code, one line each. */
  outcomeTable(): string {
    return [...this.outcomes]
      .map(
        ([where, counts]) =>
          `${where} (${Math.round(this.targetTime.get(where) ?? 0)} ms): ${[...counts].map(([code, n]) => `${code} ${n}`).join(", ")}` +
          [...(this.plausibleRefusals.get(where) ?? [])].map((sample) => `\n    plausible, refused: ${sample}`).join(""),
      )
      .join("\n");
  }

  /** How long the run took and where the time went. */
  stats(): string {
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const { send, fingerprint, representation } = this.time;
    return `${this.runs} runs${this.skipped > 0 ? ` (${this.skipped} skipped)` : ""} in ${seconds(Date.now() - this.started)} (operations ${seconds(send)}, fingerprints ${seconds(fingerprint)}, representations ${seconds(representation)}; slowest answer ${Math.round(this.slowest.ms)} ms, ${this.slowest.where})`;
  }

  get failed(): boolean {
    return this.classes.size > 0;
  }

  /** The deduplicated summary: one paragraph per failure class, its fields, and a reproducing input. */
  summary(): string {
    const lines = [
      `${this.classes.size} distinct failure class(es) in ${this.runs} runs (${((Date.now() - this.started) / 1000).toFixed(1)} s):`,
    ];
    let n = 0;
    for (const failure of [...this.classes.values()].sort((a, b) => b.count - a.count)) {
      const { violation } = failure;
      const occurrences = [...failure.occurrences.values()];
      lines.push("");
      lines.push(`${++n}. [${violation.invariant}] ${violation.code}: ${messageShape(violation.message)}`);
      lines.push(
        `   ${failure.count} time(s) on ${occurrences.length} field(s): ${occurrences.map((o) => `${o.system} ${o.target} (${o.count})`).join(", ")}`,
      );
      const first = occurrences[0];
      lines.push(
        `   first seen: ${first.system} ${first.target} as ${first.fuzzCase.caller}, ${first.fuzzCase.literal ? "literals" : "variables"} ${show(first.fuzzCase.args)}`,
      );
      lines.push(`     → ${first.message}`);
      lines.push(`     errors: ${first.answer}`);
      if (failure.shrunk) {
        lines.push(
          `   shrunk: ${failure.shrunk.target} as ${failure.shrunk.fuzzCase.caller}, ${failure.shrunk.fuzzCase.literal ? "literals" : "variables"} ${show(failure.shrunk.fuzzCase.args)}`,
        );
        lines.push(`     → ${failure.shrunk.message}`);
      }
      lines.push(`   replay: run ${first.runIndex} of ${first.target} (fast-check seed ${first.seed}, path "${first.runIndex}")`);
    }
    return lines.join("\n");
  }
}

/** The generated calls of a target: some with plausible values only, the others mixed with hostile ones. */
export function caseArbitrary(system: FuzzSystem, target: Target, literalWeight = 1): fc.Arbitrary<FuzzCase> {
  const callers = fc.oneof(...system.callers.map(({ name, weight }) => ({ weight, arbitrary: fc.constant(name) })));
  const literal = fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: literalWeight, arbitrary: fc.constant(true) });
  // A mutation's many fields need plausible values to get past its first checks; a query's few
  // arguments are worth fuzzing harder.
  const weights: Record<Mode, number> =
    target.kind === "mutation" ? { plausible: 2, mixed: 3, hostile: 1 } : { plausible: 1, mixed: 2, hostile: 2 };
  const modes = (["mixed", "plausible", "hostile"] as const).map((mode) => ({
    weight: weights[mode],
    arbitrary: targetArbitrary(system.schema, target, system.pool, mode).map((args) => ({ mode, args })),
  }));
  return fc
    .tuple(fc.oneof({ withCrossShrink: true }, ...modes), literal, callers)
    .map(([{ mode, args }, isLiteral, caller]) => ({ mode, args, literal: isLiteral, caller }));
}

/** What runs of one target pass on to the next: the databases' state after the last run. */
interface TargetState {
  last?: Fingerprint;
  /** A run got no answer: the target's other runs are skipped. */
  stalled?: boolean;
}

/** Runs one case: sends it, checks the answer and, for a refused mutation, the databases. */
async function runCase(
  system: FuzzSystem,
  target: Target,
  fuzzCase: FuzzCase,
  context: { report: FuzzReport; log?: ServerLog; state: TargetState },
): Promise<{ answer: Answer; violations: Violation[] }> {
  const { time } = context.report;
  const timed = async <T>(key: keyof typeof time, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      time[key] += performance.now() - start;
    }
  };
  const representation =
    target.entity && system.representation ? await timed("representation", () => system.representation!(target)) : undefined;
  const operation = operationFor(target, fuzzCase.args, fuzzCase.literal, representation);
  if (process.env.FUZZ_TRACE)
    appendFileSync(process.env.FUZZ_TRACE, `${new Date().toISOString()} ${system.name} ${target.name} ${show(fuzzCase)}\n`);
  const { state } = context;
  try {
    // The state after the previous run of this mutation is the state before this one: only this
    // target's runs happen in between.
    const before = target.kind === "mutation" ? (state.last ?? (await timed("fingerprint", () => system.fingerprint(target)))) : undefined;
    state.last = undefined;
    const start = performance.now();
    const answer = await timed("send", () => system.send(operation, fuzzCase.caller));
    const where = `${system.name} ${target.name}`;
    const elapsed = performance.now() - start;
    context.report.targetTime.set(where, (context.report.targetTime.get(where) ?? 0) + elapsed);
    if (elapsed > context.report.slowest.ms) context.report.slowest = { ms: elapsed, where };
    const violations = checkAnswer(target, answer, { gateway: system.gateway, causeOf: context.log?.causeOf });
    if (before) {
      // An answer without `data` was refused before execution (parse, validation, a variable's
      // coercion): nothing ran, so nothing was written.
      const after = answer.data === undefined ? before : await timed("fingerprint", () => system.fingerprint(target));
      state.last = after;
      const changed = changedTables(before, after);
      if (wasRefused(target, answer)) violations.push(...checkNothingWritten(answer, changed));
      else if (!answer.errors?.length) {
        // What a mutation created joins the pool: the next runs reach the records' later states.
        const id = (answer.data?.[target.field.name] as { id?: unknown } | null)?.id;
        const table = tableOfType(getNamedType(target.field.type), system.pool);
        if (typeof id === "string" && table) addIds(system.pool, table, [id]);
      }
    }
    return { answer, violations };
  } catch (error) {
    // No answer: the request overran its deadline (the host was blocked by it), the host died, or
    // the request could not be sent. The host is started again; this target's other runs are
    // skipped (they would likely do the same, at the same cost).
    state.last = undefined;
    state.stalled = true;
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? error.message : String(error);
    await system.recover?.();
    const invariant = name === "HostTimeout" ? TIMEOUT : name === "HostCrashed" ? CRASH : "the request is answered";
    return { answer: { errors: [{ message }] }, violations: [{ invariant, code: "(no answer)", message }] };
  }
}

const TIMEOUT = "answers within the deadline";
const CRASH = "the service stays up";

/** Runs every target `runsOf(target)` times, collecting what breaks; never throws on a violation. */
export async function fuzz(
  system: FuzzSystem,
  report: FuzzReport,
  seed: number,
  runsOf: (target: Target) => number,
  log?: ServerLog,
): Promise<void> {
  for (const target of system.targets) {
    const numRuns = runsOf(target);
    if (numRuns <= 0) continue;
    const targetSeedValue = targetSeed(seed, `${system.name} ${target.name}`);
    let runIndex = 0;
    const state: TargetState = {};
    const details = await fc.check(
      fc.asyncProperty(caseArbitrary(system, target), async (fuzzCase) => {
        const index = runIndex++;
        if (state.stalled) {
          report.skipped++;
          return true;
        }
        const { answer, violations } = await runCase(system, target, fuzzCase, { report, log, state });
        report.runs++;
        report.record(system.name, target, targetSeedValue, index, fuzzCase, answer, violations);
        return true;
      }),
      { seed: targetSeedValue, numRuns },
    );
    if (details.errorInstance) throw details.errorInstance;
  }
}

/**
 * Shrinks each failure class from its first occurrence: fast-check replays that run (same seed,
 * its path) and looks for smaller arguments that still show the same class. The state of the
 * database has moved on since, so a class that does not show again keeps its first input.
 */
export async function shrink(
  systems: FuzzSystem[],
  report: FuzzReport,
  options: { budgetMs: number; perClassMs: number; log?: ServerLog },
): Promise<void> {
  const deadline = Date.now() + options.budgetMs;
  for (const { key, first } of report.failureClasses()) {
    if (Date.now() > deadline) break;
    // Shrinking a request that gets no answer would wait out the deadline, and restart the host, at every step.
    if (key.startsWith(`${TIMEOUT}|`) || key.startsWith(`${CRASH}|`)) continue;
    const system = systems.find((candidate) => candidate.name === first.system);
    const target = system?.targets.find((candidate) => candidate.name === first.target);
    if (!system || !target) continue;
    const classDeadline = Math.min(deadline, Date.now() + options.perClassMs);
    let last: { fuzzCase: FuzzCase; answer: Answer; message: string } | undefined;
    const state: TargetState = {};
    const details = await fc.check(
      fc.asyncProperty(caseArbitrary(system, target), async (fuzzCase) => {
        if (Date.now() > classDeadline || state.stalled) return true;
        const { answer, violations } = await runCase(system, target, fuzzCase, { report, log: options.log, state });
        const shown = violations.find((violation) => classKey(violation) === key);
        if (shown) last = { fuzzCase, answer, message: shown.message };
        return !shown;
      }),
      { seed: first.seed, path: String(first.runIndex), numRuns: first.runIndex + 1 },
    );
    if (details.failed && last) {
      report.setShrunk(key, {
        target: target.name,
        fuzzCase: last.fuzzCase,
        message: last.message,
        answer: showErrors(last.answer),
      });
    }
  }
}
