import { databaseBackends, DEMO_TODAY, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools";
import { addDays, addMonths, todayInFrance, type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const COOPERATIVE = [{ __typename: "Cooperative", id: COOP }];
const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const EXIT = `mutation ($input: RecordExitInput!) { recordExit(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordExitFollowUpInput!) { recordExitFollowUp(input: $input) { id exitFollowUps { months situation recordedOn } } }`;
const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { id } }`;
const FOLLOW_UPS = ENTITIES_QUERY("... on Person { id exitFollowUps { months situation recordedOn } }");
const DUE = `query ($representations: [_Any!]!, $on: Date) { _entities(representations: $representations) {
  ... on Cooperative { exitFollowUpsDue(on: $on) { person { id lastName } months dueOn } } } }`;
const ADMIN = testCaller("COOP_ADMIN", COOP);

type Due = { person: { id: string; lastName: string }; months: number; dueOn: string };

describe.each(databaseBackends())("the follow-ups after an exit on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const query = (sql: string, parameters: unknown[] = []) => server.database.dataSource.query(sql, parameters);
  const registered = async (lastName: string, firstContactOn = "2025-01-10") => {
    const result = await execute(server, REGISTER, { input: { cooperativeId: COOP, firstName: "Jules", lastName, firstContactOn } });
    return (result.data?.registerPerson as { id: string }).id;
  };
  const exited = async (lastName: string, exitedOn = "2025-06-15") => {
    const id = await registered(lastName);
    const result = await execute(server, EXIT, { input: { personId: id, exitedOn, reason: "SALARIED_JOB" } });
    expect(result.errors).toBeUndefined();
    return id;
  };
  const record = (input: Record<string, unknown>, caller = testCaller("COUNSELOR", COOP)) => execute(server, RECORD, { input }, caller);
  const due = async (on?: string, caller = testCaller("COUNSELOR", COOP)) => {
    const result = await execute(server, DUE, { representations: COOPERATIVE, on }, caller);
    return { result, list: (result.data?._entities as { exitFollowUpsDue: Due[] }[] | undefined)?.[0]?.exitFollowUpsDue };
  };
  const state = async () => ({
    rows: await query("SELECT person_id, months, situation, recorded_on::text FROM exit_follow_ups ORDER BY person_id, months"),
    audits: (await query("SELECT count(*)::int AS n FROM audit_events"))[0].n,
  });
  const expectRefused = async (
    input: Record<string, unknown>,
    expected: { code: string; field?: string },
    caller?: ReturnType<typeof testCaller>,
  ) => {
    const before = await state();
    const result = await record(input, caller);
    expect(result.errors?.[0].extensions).toMatchObject(expected);
    expect(result.data).toBeNull();
    expect(await state()).toEqual(before);
    return result.errors![0].message;
  };

  it("seeds the follow-ups of the demo's exits that fell due, in their window, and leaves a few to do", async () => {
    const rows: { exited_on: string; months: 6 | 12; recorded_on: string; situation: string }[] = await query(
      `SELECT e.exited_on::text, f.months, f.recorded_on::text, f.situation FROM exit_follow_ups f JOIN exits e ON e.person_id = f.person_id`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.recorded_on >= addMonths(row.exited_on, row.months - 1)).toBe(true);
      expect(row.recorded_on <= DEMO_TODAY).toBe(true);
    }
    expect(new Set(rows.map((row) => row.situation)).size).toBeGreaterThanOrEqual(3);
    const { list } = await due(DEMO_TODAY);
    expect(list!.length).toBeGreaterThan(0);
  });

  it("records a follow-up once the exit is far enough behind, replaces it when recorded again, and audits each", async () => {
    const id = await exited("Colin");
    // From one month before it falls due (2025-12-15): the 15th of November.
    const first = await record({ personId: id, months: 6, situation: "NOT_REACHED", recordedOn: "2025-11-15" });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordExitFollowUp).toEqual({
      id,
      exitFollowUps: [{ months: 6, situation: "NOT_REACHED", recordedOn: "2025-11-15" }],
    });
    const replaced = await record({ personId: id, months: 6, situation: "SALARIED_JOB", recordedOn: "2025-12-20" }, ADMIN);
    expect(replaced.errors).toBeUndefined();
    const twelve = await record({ personId: id, months: 12, situation: "OWN_COMPANY_ACTIVE", recordedOn: "2026-06-20" });
    expect(twelve.data?.recordExitFollowUp).toEqual({
      id,
      exitFollowUps: [
        { months: 6, situation: "SALARIED_JOB", recordedOn: "2025-12-20" },
        { months: 12, situation: "OWN_COMPANY_ACTIVE", recordedOn: "2026-06-20" },
      ],
    });
    expect(await query("SELECT count(*)::int AS n FROM exit_follow_ups WHERE person_id = $1", [id.split(":")[1]])).toEqual([{ n: 2 }]);
    const audit = await query(
      "SELECT action, actor_role, details FROM audit_events WHERE entity_id = $1 AND action = 'recordExitFollowUp' ORDER BY seq",
      [id],
    );
    expect(audit).toEqual([
      {
        action: "recordExitFollowUp",
        actor_role: "COUNSELOR",
        details: { personId: id, months: 6, situation: "NOT_REACHED", recordedOn: "2025-11-15" },
      },
      {
        action: "recordExitFollowUp",
        actor_role: "COOP_ADMIN",
        details: { personId: id, months: 6, situation: "SALARIED_JOB", recordedOn: "2025-12-20" },
      },
      {
        action: "recordExitFollowUp",
        actor_role: "COUNSELOR",
        details: { personId: id, months: 12, situation: "OWN_COMPANY_ACTIVE", recordedOn: "2026-06-20" },
      },
    ]);
  });

  it("refuses every bad follow-up on its field, and writes nothing", async () => {
    const id = await exited("Perrin");
    const input = { personId: id, months: 6, situation: "TRAINING", recordedOn: "2025-12-15" };
    await expectRefused({ ...input, months: 7 }, { code: "BAD_USER_INPUT", field: "input.months" });
    await expectRefused({ ...input, months: 0 }, { code: "BAD_USER_INPUT", field: "input.months" });
    await expectRefused({ ...input, recordedOn: addDays(todayInFrance(), 1) }, { code: "BAD_USER_INPUT", field: "input.recordedOn" });
    expect(await expectRefused({ ...input, recordedOn: "2025-11-14" }, { code: "BAD_USER_INPUT", field: "input.recordedOn" })).toMatch(
      /from 2025-11-15/,
    );
    await expectRefused({ ...input, months: 12, recordedOn: "2026-05-14" }, { code: "BAD_USER_INPUT", field: "input.recordedOn" });
    const unknownSituation = await record({ ...input, situation: "RETIRED" });
    expect(unknownSituation.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    await expectRefused(
      { ...input, personId: `bretagne-cooperer:${id.split(":")[1]}` },
      { code: "BAD_USER_INPUT", field: "input.personId" },
    );
    await expectRefused({ ...input, personId: `${COOP}:00000000-0000-4000-8000-000000000000` }, { code: "NOT_FOUND" });
    const staying = await registered("Reste");
    expect(await expectRefused({ ...input, personId: staying }, { code: "CONFLICT", field: "input.personId" })).toMatch(/has not left/);
    const erased = await exited("Effacé");
    expect((await record({ ...input, personId: erased })).errors).toBeUndefined();
    expect((await execute(server, ERASE, { input: { id: erased, reason: "Demande" } }, ADMIN)).errors).toBeUndefined();
    expect(
      await expectRefused(
        { ...input, personId: erased, months: 12, recordedOn: "2026-06-15" },
        { code: "CONFLICT", field: "input.personId" },
      ),
    ).toMatch(/erased/);
    // The erasure keeps what became of them, like the exit's reason: a count, identifying no one; it says so.
    const kept = await execute(
      server,
      ENTITIES_QUERY("... on Person { exitFollowUps { months situation } erasure { parts { subgraph kept { what } } } }"),
      { representations: [{ __typename: "Person", id: erased }] },
    );
    const [person] = kept.data?._entities as {
      exitFollowUps: unknown[];
      erasure: { parts: { subgraph: string; kept: { what: string }[] }[] };
    }[];
    expect(person.exitFollowUps).toEqual([{ months: 6, situation: "TRAINING" }]);
    const members = person.erasure.parts.find((part) => part.subgraph === "members")!;
    expect(members.kept.some((record) => /follow-ups after the exit/.test(record.what))).toBe(true);
  });

  it("lists the follow-ups due by a day and not recorded, month ends included, and none of an erased person", async () => {
    const id = await exited("Vincent", "2025-08-31");
    const of = (list: Due[] | undefined) => list!.filter((item) => item.person.id === id).map(({ months, dueOn }) => ({ months, dueOn }));
    expect(of((await due("2026-02-27")).list)).toEqual([]);
    // 31 August plus six months is the last day of February, as PostgreSQL and addMonths both say.
    expect(of((await due("2026-02-28")).list)).toEqual([{ months: 6, dueOn: "2026-02-28" }]);
    expect(of((await due("2026-08-31")).list)).toEqual([
      { months: 6, dueOn: "2026-02-28" },
      { months: 12, dueOn: "2026-08-31" },
    ]);
    expect((await record({ personId: id, months: 6, situation: "JOB_SEEKING", recordedOn: "2026-03-02" })).errors).toBeUndefined();
    expect(of((await due("2026-08-31")).list)).toEqual([{ months: 12, dueOn: "2026-08-31" }]);
    // Ahead of today, to plan the calls; not past the planning horizon.
    expect(of((await due(addMonths(todayInFrance(), 12))).list)).toEqual([{ months: 12, dueOn: "2026-08-31" }]);
    expect((await due("2099-01-01")).result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "on" });

    const erased = await exited("Oubli", "2025-01-15");
    const listedBefore = (await due()).list!.filter((item) => item.person.id === erased);
    expect(listedBefore.map(({ months, dueOn }) => ({ months, dueOn }))).toEqual([
      { months: 6, dueOn: "2025-07-15" },
      { months: 12, dueOn: "2026-01-15" },
    ]);
    expect((await execute(server, ERASE, { input: { id: erased, reason: "Demande" } }, ADMIN)).errors).toBeUndefined();
    expect((await due()).list!.filter((item) => item.person.id === erased)).toEqual([]);
  });

  it("lists by default what is due today, as the exits and follow-ups recorded say, oldest first", async () => {
    const today = todayInFrance();
    const exits: { id: string; exited_on: string; erased: boolean }[] = await query(
      "SELECT e.person_id AS id, e.exited_on::text, p.erased_at IS NOT NULL AS erased FROM exits e JOIN people p ON p.id = e.person_id",
    );
    const recorded = new Set(
      (await query("SELECT person_id, months FROM exit_follow_ups")).map(
        (row: { person_id: string; months: number }) => `${row.person_id}/${row.months}`,
      ),
    );
    const expected = exits
      .filter((exit) => !exit.erased)
      .flatMap((exit) =>
        [6, 12].map((months) => ({
          id: `${COOP}:${exit.id}`,
          months,
          dueOn: addMonths(exit.exited_on, months),
          key: `${exit.id}/${months}`,
        })),
      )
      .filter((item) => item.dueOn <= today && !recorded.has(item.key))
      .map(({ id, months, dueOn }) => ({ id, months, dueOn }));
    const { result, list } = await due();
    expect(result.errors).toBeUndefined();
    const listed = list!.map((item) => ({ id: item.person.id, months: item.months, dueOn: item.dueOn }));
    expect(listed).toHaveLength(expected.length);
    expect(new Set(listed.map((item) => JSON.stringify(item)))).toEqual(new Set(expected.map((item) => JSON.stringify(item))));
    expect(listed.map((item) => item.dueOn)).toEqual(listed.map((item) => item.dueOn).sort());
    expect(listed.length).toBeGreaterThan(3);
  });

  it("lets the staff and the person themself read their follow-ups, nobody else, and the staff alone see and record what is due", async () => {
    const id = await exited("Mercier");
    const other = await exited("Leroy");
    expect((await record({ personId: id, months: 6, situation: "TRAINING", recordedOn: "2025-12-16" })).errors).toBeUndefined();
    const read = (caller: ReturnType<typeof testCaller>, who = id) =>
      execute(server, FOLLOW_UPS, { representations: [{ __typename: "Person", id: who }] }, caller);
    for (const caller of [testCaller("COUNSELOR", COOP), ADMIN, testCaller("ENTREPRENEUR", COOP, id)]) {
      const result = await read(caller);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ id, exitFollowUps: [{ months: 6, situation: "TRAINING", recordedOn: "2025-12-16" }] }]);
    }
    for (const caller of [testCaller("ENTREPRENEUR", COOP, other), testCaller("NETWORK_ANALYST"), testCaller("NETWORK_SERVICE")]) {
      const result = await read(caller);
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(result.data)).not.toMatch(/TRAINING/);
    }
    expect((await due(undefined, ADMIN)).list!.length).toBeGreaterThan(0);
    for (const caller of [
      testCaller("ENTREPRENEUR", COOP, id),
      testCaller("NETWORK_ANALYST"),
      testCaller("NETWORK_ADMIN"),
      testCaller("NETWORK_SERVICE"),
    ]) {
      const { result, list } = await due(undefined, caller);
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(list ?? null).toBeNull();
    }
    await expectRefused(
      { personId: other, months: 6, situation: "TRAINING", recordedOn: "2025-12-16" },
      { code: "FORBIDDEN" },
      testCaller("ENTREPRENEUR", COOP, other),
    );
  });

  it("reads the follow-ups of many people, and what is due, in the same statements as for a few", async () => {
    const rows: { id: string }[] = await query("SELECT id FROM people ORDER BY id");
    const statements = async (run: () => Promise<unknown>) => {
      const before = server.database.statementCount;
      await run();
      return server.database.statementCount - before;
    };
    const followUps = (count: number) =>
      statements(async () => {
        const result = await execute(server, FOLLOW_UPS, {
          representations: rows.slice(0, count).map((row) => ({ __typename: "Person", id: `${COOP}:${row.id}` })),
        });
        expect(result.errors).toBeUndefined();
      });
    expect(await followUps(rows.length)).toBe(await followUps(3));
    expect(await followUps(3)).toBe(2);

    const listed = async (on: string) => {
      let length = 0;
      const count = await statements(async () => {
        const { result, list } = await due(on);
        expect(result.errors).toBeUndefined();
        length = list!.length;
      });
      return { length, count };
    };
    const [early, late] = [await listed("2023-01-01"), await listed(todayInFrance())];
    expect(late.length).toBeGreaterThan(early.length + 3);
    expect(late.count).toBe(2);
    expect(early.count).toBeLessThanOrEqual(2);
  });
});
