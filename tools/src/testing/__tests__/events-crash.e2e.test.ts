import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import {
  DEVELOPMENT_ISSUER,
  encodeId,
  openDatabase,
  publishEvent,
  startSubgraph,
  type EventsReport,
  type RunningSubgraph,
} from "@cae/shared";
import { SUBGRAPHS } from "../../subgraphs";
import { TEMPLATE_FILE } from "../../dev/template";
import { sourceChildScript } from "../../fuzz/isolation";
import { createTestAuth, type TestAuth } from "../auth";

/**
 * A sibling killed (SIGKILL) in the middle of taking a delivery, then started again on its data:
 * every event is applied, once, in order per person. The members subgraph runs in this process;
 * the contracts subgraph in a process of its own, on an embedded database on disk.
 */
const COOP = "crash-coop";
const EVENTS = 600;

let auth: TestAuth;
let dataDir: string;
let members: RunningSubgraph<unknown>;
let child: ChildProcess | undefined;
let port: number;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
    server.on("error", reject);
  });

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts the contracts subgraph's process and waits until it answers /health. */
async function startContracts(): Promise<void> {
  child = spawn(process.execPath, ["-e", sourceChildScript(require.resolve("../subgraph-process"), "main()")], {
    env: {
      ...process.env,
      SUBGRAPH: "contracts",
      COOPERATIVE_ID: COOP,
      PORT: String(port),
      DATA_DIR: dataDir,
      PGLITE_TEMPLATE: TEMPLATE_FILE,
      MEMBERS_URL: members.url,
      AUTH_PUBLIC_KEY_FILE: auth.auth.key.kind === "pem" ? auth.auth.key.source : "",
      AUTH_ISSUER: DEVELOPMENT_ISSUER,
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  await until(
    () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      ),
    (ok) => ok,
  );
}

beforeAll(async () => {
  auth = await createTestAuth();
  dataDir = mkdtempSync(join(tmpdir(), "cae-crash-"));
  port = await freePort();
  members = await startSubgraph(SUBGRAPHS.members, {
    cooperativeId: COOP,
    port: 0,
    host: "127.0.0.1",
    database: { kind: "memory", template: TEMPLATE_FILE },
    production: false,
    auth: auth.auth,
    logLevel: "silent",
    events: { settings: { maxBackoffMs: 200, batchSize: 25 } },
  });
});

afterAll(async () => {
  child?.kill("SIGKILL");
  await members?.stop();
  auth?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a sibling killed in the middle of a delivery, started again, applies every event once and in order per person", async () => {
  await startContracts();
  members.events.setSiblings({ contracts: `http://127.0.0.1:${port}/graphql` });
  const people = Array.from({ length: 60 }, () => encodeId(COOP, randomUUID()));
  const published = new Map<string, string[]>(people.map((person) => [person, []]));
  // Written before anything is sent: each transaction's commit wakes the dispatcher, so the whole
  // burst is written in one transaction, and the kill meets a delivery under way.
  await members.database.dataSource.transaction(async (manager) => {
    for (let round = 0; round < EVENTS / people.length; round++) {
      for (const person of people) {
        const id = await publishEvent(manager, round % 2 ? "person.received" : "person.admitted", person, {
          person: { welcomeStage: round % 2 ? "RECEIVED" : "ADMITTED", exitedOn: null, erased: false },
        });
        published.get(person)!.push(id);
      }
    }
  });
  const backlog = () => members.events.report().then((report: EventsReport) => report.contracts!.backlog);
  const left = await until(backlog, (count) => count < EVENTS);
  child!.kill("SIGKILL");
  await new Promise((resolve) => child!.once("exit", resolve));
  expect(left).toBeGreaterThan(0);
  expect(await backlog()).toBeGreaterThan(0);

  await startContracts();
  await until(backlog, (count) => count === 0);
  child!.kill("SIGTERM");
  await new Promise((resolve) => child!.once("exit", resolve));
  child = undefined;

  const database = await openDatabase({ kind: "embedded", dataDir: join(dataDir, COOP, "contracts") }, SUBGRAPHS.contracts);
  try {
    const inbox = await database.dataSource.query<{ id: string; subject: string }[]>("SELECT id, subject FROM inbox_events ORDER BY seq");
    expect(inbox).toHaveLength(EVENTS);
    expect(new Set(inbox.map((row) => row.id)).size).toBe(EVENTS);
    const received = new Map<string, string[]>();
    for (const row of inbox) received.set(row.subject, [...(received.get(row.subject) ?? []), row.id]);
    for (const person of people) expect(received.get(person)).toEqual(published.get(person));
    const stages = await database.dataSource.query<{ welcome_stage: string; count: string }[]>(
      "SELECT welcome_stage, count(*) FROM person_path GROUP BY welcome_stage",
    );
    // Ten events each, the last a reception (odd round): every person's last snapshot won.
    expect(stages).toEqual([{ welcome_stage: "RECEIVED", count: "60" }]);
  } finally {
    await database.close();
  }
});
