import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import {
  encodeId,
  publishEvent,
  SiblingAuth,
  startSubgraph,
  SUBGRAPH_NAMES,
  DEVELOPMENT_EVENTS_SECRET,
  type EventTopic,
  type RunningSubgraph,
  type SubgraphName,
  type EventsReport,
} from "@cae/shared";
import { SUBGRAPHS } from "../../subgraphs";
import { TEMPLATE_FILE } from "../../dev/template";
import { createTestAuth, type TestAuth } from "../auth";
import { testCaller } from "../subgraph";

/**
 * The events between a cooperative's subgraphs, over real HTTP between real subgraphs, each on its
 * own embedded database on disk (so that one can be stopped and started again on its data):
 * delivery at least once, in order per person, applied once, retried while a sibling is down,
 * parked when it keeps failing, and refused to anyone but a sibling.
 */
const COOP = "events-coop";
const SETTINGS = { maxBackoffMs: 300, maxAttempts: 3 };

let auth: TestAuth;
let dataDir: string;
const running = new Map<SubgraphName, RunningSubgraph<unknown>>();
const ports = new Map<SubgraphName, number>();

async function start(name: SubgraphName): Promise<RunningSubgraph<unknown>> {
  const subgraph = await startSubgraph(SUBGRAPHS[name], {
    cooperativeId: COOP,
    port: ports.get(name) ?? 0,
    host: "127.0.0.1",
    database: { kind: "embedded", dataDir: join(dataDir, name), template: TEMPLATE_FILE },
    production: false,
    auth: auth.auth,
    logLevel: process.env.EVENTS_TEST_LOG ? "debug" : "silent",
    events: { settings: SETTINGS },
  });
  ports.set(name, Number(new URL(subgraph.url).port));
  running.set(name, subgraph);
  const urls = Object.fromEntries([...running].map(([sibling, server]) => [sibling, server.url]));
  for (const server of running.values()) server.events.setSiblings(urls);
  return subgraph;
}

async function stop(name: SubgraphName): Promise<void> {
  await running.get(name)!.stop();
  running.delete(name);
}

/** Waits (without a deadline of its own: the test's timeout bounds it) until `done` says so. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (process.env.EVENTS_TEST_LOG) process.stderr.write(`probe ${JSON.stringify(value).slice(0, 600)}\n`);
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const drained = (report: EventsReport) => Object.values(report).every((part) => part.backlog === 0);
const query = <T>(name: SubgraphName, sql: string, parameters: unknown[] = []) =>
  running.get(name)!.database.dataSource.query<T>(sql, parameters);

async function graphql(name: SubgraphName, query: string, variables: Record<string, unknown>) {
  const server = running.get(name)!;
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: server.contextFor(testCaller("COOP_ADMIN", COOP)) },
  );
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return response.body.singleResult;
}

beforeAll(async () => {
  auth = await createTestAuth();
  dataDir = mkdtempSync(join(tmpdir(), "cae-events-"));
  for (const name of SUBGRAPH_NAMES) await start(name);
});

afterAll(async () => {
  for (const name of [...running.keys()]) await stop(name);
  auth?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("events between a cooperative's subgraphs", () => {
  test("a burst of a thousand events is delivered whole to both siblings, in order per person, and a redelivery applies nothing twice", async () => {
    const people = Array.from({ length: 100 }, () => encodeId(COOP, randomUUID()));
    const topics: EventTopic[] = ["person.registered", "person.received", "person.admitted", "person.receptionReopened", "person.oriented"];
    const published = new Map<string, string[]>(people.map((person) => [person, []]));
    const members = running.get("members")!;
    // Ten rounds of a hundred transactions, each person's events interleaved with everyone else's.
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        people.map((person) =>
          members.database.dataSource.transaction(async (manager) => {
            const topic = topics[round % topics.length];
            const id = await publishEvent(manager, topic, person, {
              person: { welcomeStage: round === 9 ? "ADMITTED" : "RECEIVED", exitedOn: null, erased: false },
            } as never);
            published.get(person)!.push(id);
          }),
        ),
      );
    }
    await until(() => members.events.report(), drained);
    for (const sibling of ["contracts", "finance"] as const) {
      const inbox = await query<{ id: string; subject: string }[]>(sibling, "SELECT id, subject FROM inbox_events ORDER BY seq");
      expect(inbox).toHaveLength(1000);
      const received = new Map<string, string[]>();
      for (const row of inbox) received.set(row.subject, [...(received.get(row.subject) ?? []), row.id]);
      for (const person of people) expect(received.get(person)).toEqual(published.get(person));
      // Each person's snapshot is the last one sent.
      const [{ admitted }] = await query<{ admitted: string }[]>(
        sibling,
        "SELECT count(*) AS admitted FROM person_path WHERE welcome_stage = 'ADMITTED'",
      );
      expect(Number(admitted)).toBe(100);
    }

    // The same batch sent again (the sender died before it could delete it): duplicates, nothing applied.
    const token = await new SiblingAuth(COOP, "members", DEVELOPMENT_EVENTS_SECRET).tokenFor("contracts");
    const events = people.slice(0, 5).map((person) => ({
      id: published.get(person)![0],
      topic: "person.registered",
      subject: person,
      occurredAt: new Date().toISOString(),
      payload: { person: { welcomeStage: "PROSPECT", exitedOn: null, erased: false } },
    }));
    const response = await fetch(new URL("/events", running.get("contracts")!.url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ events }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { outcomes: { status: string }[] };
    expect(body.outcomes.map((outcome) => outcome.status)).toEqual(Array(5).fill("duplicate"));
    const [{ stages }] = await query<{ stages: string }[]>(
      "contracts",
      "SELECT count(*) AS stages FROM person_path WHERE welcome_stage = 'PROSPECT'",
    );
    expect(Number(stages)).toBe(0);
  });

  test("a sibling down while an exit and an erasure are recorded receives both when it comes back; meanwhile the backlog shows on /health and in the metrics", async () => {
    const registered = await graphql(
      "members",
      `
        mutation ($input: RegisterPersonInput!) {
          registerPerson(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          cooperativeId: COOP,
          firstName: "Line",
          lastName: "Marchetti",
          email: "line.marchetti@example.org",
          phone: "06 11 22 33 44",
          firstContactOn: "2026-01-05",
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const personId = (registered.data as { registerPerson: { id: string } }).registerPerson.id;
    const received = await graphql(
      "members",
      `
        mutation ($input: RecordReceptionInput!) {
          recordReception(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          personId,
          receivedOn: "2026-01-12",
          projectSummary: "Atelier de céramique",
          projectProgress: "IDEA",
          sector: "CRAFTS",
          decision: "ADMITTED",
        },
      },
    );
    expect(received.errors).toBeUndefined();
    await until(() => running.get("members")!.events.report(), drained);

    await stop("contracts");
    const exited = await graphql(
      "members",
      `
        mutation ($input: RecordExitInput!) {
          recordExit(input: $input) {
            id
          }
        }
      `,
      { input: { personId, exitedOn: "2026-03-01", reason: "SALARIED_JOB" } },
    );
    expect(exited.errors).toBeUndefined();
    const erased = await graphql(
      "members",
      `
        mutation ($input: ErasePersonInput!) {
          erasePerson(input: $input) {
            id
            erasure {
              complete
              parts {
                subgraph
                state
              }
            }
          }
        }
      `,
      { input: { id: personId, reason: "Demande de la personne" } },
    );
    expect(erased.errors).toBeUndefined();
    // Finance is up: its part comes back; contracts' waits.
    const membersUrl = running.get("members")!.url;
    const health = await until(
      async () => (await (await fetch(new URL("/health", membersUrl))).json()) as { ok: boolean; events: EventsReport },
      (report) =>
        report.events.contracts!.backlog === 2 &&
        report.events.finance!.backlog === 0 &&
        report.events.contracts!.unreachable !== undefined,
    );
    expect(health.ok).toBe(true);
    expect(Date.parse(health.events.contracts!.oldestUndeliveredAt!)).toBeLessThanOrEqual(Date.now());
    const metrics = await (await fetch(new URL("/metrics", membersUrl))).text();
    expect(metrics).toMatch(/cae_events_backlog\{destination="contracts"[^}]*\} 2/);
    expect(metrics).toMatch(/cae_events_oldest_undelivered_seconds\{destination="contracts"[^}]*\} [0-9.]+/);

    await start("contracts");
    await until(() => running.get("members")!.events.report(), drained);
    const localId = personId.split(":")[1];
    const [path] = await query<{ exited_on: string; erased: boolean }[]>(
      "contracts",
      "SELECT to_char(exited_on, 'YYYY-MM-DD') AS exited_on, erased_at IS NOT NULL AS erased FROM person_path WHERE person_id = $1",
      [localId],
    );
    expect(path).toEqual({ exited_on: "2026-03-01", erased: true });
    // Contracts reports its part back to members.
    const report = await until(
      () =>
        graphql(
          "members",
          `
            query ($id: ID!) {
              _entities(representations: [{ __typename: "Person", id: $id }]) {
                ... on Person {
                  erasure {
                    complete
                    parts {
                      subgraph
                      state
                      kept {
                        why
                      }
                    }
                  }
                }
              }
            }
          `,
          { id: personId },
        ),
      (result) => (result.data as { _entities: { erasure: { complete: boolean } }[] })._entities[0].erasure.complete,
    );
    const parts = (report.data as { _entities: { erasure: { parts: { subgraph: string; state: string }[] } }[] })._entities[0].erasure
      .parts;
    expect(parts.map((part) => [part.subgraph, part.state])).toEqual([
      ["members", "DONE"],
      ["contracts", "DONE"],
      ["finance", "DONE"],
    ]);
  });

  test("an event a sibling keeps refusing is parked with its reason after the configured attempts; the other people's events go on", async () => {
    const members = running.get("members")!;
    const stranger = encodeId("another-coop", randomUUID());
    const neighbour = encodeId(COOP, randomUUID());
    await members.database.dataSource.transaction(async (manager) => {
      await publishEvent(manager, "person.registered", stranger, { person: { welcomeStage: "PROSPECT", exitedOn: null, erased: false } });
      await publishEvent(manager, "person.registered", neighbour, { person: { welcomeStage: "PROSPECT", exitedOn: null, erased: false } });
    });
    const report = await until(
      () => members.events.report(),
      (current) => current.contracts!.parked === 1 && current.finance!.parked === 1 && current.contracts!.backlog === 0,
    );
    expect(report.contracts!.backlog).toBe(0);
    const [parked] = await query<{ attempts: number; last_error: string; subject: string }[]>(
      "members",
      "SELECT attempts, last_error, subject FROM outbox_events WHERE destination = 'contracts' AND parked_at IS NOT NULL",
    );
    expect(parked).toMatchObject({ attempts: SETTINGS.maxAttempts, subject: stranger });
    expect(parked.last_error).toMatch(/not a person of cooperative events-coop/);
    const rows = await query<unknown[]>("contracts", "SELECT 1 FROM person_path WHERE person_id = $1", [neighbour.split(":")[1]]);
    expect(rows).toHaveLength(1);
  });

  test("only a sibling of the same cooperative delivers: no token, another secret, a token for another subgraph, a malformed batch are refused", async () => {
    const url = new URL("/events", running.get("contracts")!.url);
    const post = async (authorization: string | undefined, body: unknown) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization && { authorization }) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { error?: string } };
    };
    const batch = { events: [] };
    expect(await post(undefined, batch)).toMatchObject({ status: 401, body: { error: expect.stringMatching(/sender's token/) } });
    const foreign = await new SiblingAuth(COOP, "members", "a secret of another cooperative, long enough").tokenFor("contracts");
    expect((await post(`Bearer ${foreign}`, batch)).status).toBe(401);
    const forFinance = await new SiblingAuth(COOP, "members", DEVELOPMENT_EVENTS_SECRET).tokenFor("finance");
    expect((await post(`Bearer ${forFinance}`, batch)).status).toBe(401);
    const otherCooperative = await new SiblingAuth("another-coop", "members", DEVELOPMENT_EVENTS_SECRET).tokenFor("contracts");
    expect((await post(`Bearer ${otherCooperative}`, batch)).status).toBe(401);
    const valid = await new SiblingAuth(COOP, "members", DEVELOPMENT_EVENTS_SECRET).tokenFor("contracts");
    expect(await post(`Bearer ${valid}`, { events: [{ id: "nope" }] })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/events\[0\]\.id/) },
    });
    expect(await post(`Bearer ${valid}`, batch)).toMatchObject({ status: 200 });
  });
});
