import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { addDays, isDepartementCode, todayInFrance, type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const SITUATION = `entrySituation { jobSeeker jobSeekerSince unemploymentBenefit rsa disabilityRecognised educationLevel priorityNeighbourhood departement updatedOn }`;
const RECEIVE = `mutation ($input: RecordReceptionInput!) { recordReception(input: $input) { id welcomeStage ${SITUATION} } }`;
const SET = `mutation ($input: SetEntrySituationInput!) { setEntrySituation(input: $input) { id ${SITUATION} } }`;
const CORRECT = `mutation ($input: CorrectReceptionInput!) { correctReception(input: $input) { id receivedOn } }`;
const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { id } }`;
const READ = ENTITIES_QUERY(`... on Person { id ${SITUATION} }`);
const ADMIN = testCaller("COOP_ADMIN", COOP);

/** Every answer of a situation at entry, as a reception records it. */
const WHOLE = {
  jobSeeker: true,
  jobSeekerSince: "2025-09-01",
  unemploymentBenefit: true,
  rsa: false,
  disabilityRecognised: true,
  educationLevel: "LEVEL_4",
  priorityNeighbourhood: false,
  departement: "31",
};
const NOT_SAID = {
  jobSeeker: null,
  jobSeekerSince: null,
  unemploymentBenefit: null,
  rsa: null,
  disabilityRecognised: null,
  educationLevel: null,
  priorityNeighbourhood: null,
  departement: null,
};

describe.each(databaseBackends())("the situation at entry on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  // A run may cross midnight in France: a day written is one of these.
  const startedOn = todayInFrance();
  const today = () => [startedOn, todayInFrance()];

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const query = (sql: string, parameters: unknown[] = []) => server.database.dataSource.query(sql, parameters);
  const prospect = async (lastName: string, birthYear: number | null = 1988) => {
    const result = await execute(server, REGISTER, {
      input: { cooperativeId: COOP, firstName: "Inès", lastName, firstContactOn: "2026-11-03", birthYear },
    });
    return (result.data?.registerPerson as { id: string }).id;
  };
  const reception = (personId: string, extra: Record<string, unknown> = {}) => ({
    personId,
    receivedOn: "2026-11-10",
    projectSummary: "Traduction technique",
    projectProgress: "OUTLINED",
    sector: "SERVICES",
    decision: "PENDING",
    ...extra,
  });
  const received = async (lastName: string, situation: Record<string, unknown> | null = WHOLE, birthYear: number | null = 1988) => {
    const id = await prospect(lastName, birthYear);
    const result = await execute(server, RECEIVE, { input: reception(id, { entrySituation: situation }) });
    expect(result.errors).toBeUndefined();
    return id;
  };
  /** What a refusal must leave as it was: the rows of every table it could write, and their content. */
  const state = async (id: string) => ({
    counts: (
      await query(`SELECT (SELECT count(*) FROM receptions)::int AS receptions, (SELECT count(*) FROM entry_situations)::int AS situations,
        (SELECT count(*) FROM audit_events)::int AS audits`)
    )[0],
    row: await query("SELECT * FROM entry_situations WHERE person_id = $1", [id.split(":")[1]]),
  });
  const expectRefused = async (
    mutation: string,
    input: Record<string, unknown>,
    expected: { code: string; field?: string },
    caller = testCaller("COUNSELOR", COOP),
  ) => {
    const id = (input.personId ?? input.id) as string;
    const before = await state(id);
    const result = await execute(server, mutation, { input }, caller);
    expect(result.errors?.[0].extensions).toMatchObject(expected);
    expect(result.data).toBeNull();
    expect(await state(id)).toEqual(before);
    return result.errors![0].message;
  };

  it("seeds a plausible situation at entry for everyone received, and none for a prospect", async () => {
    const rows: {
      situation_of: string | null;
      job_seeker: boolean | null;
      job_seeker_since: string | null;
      received_on: string | null;
      birth_year: number;
      departement: string | null;
      postcode: string;
      rsa: boolean | null;
      disability_recognised: boolean | null;
      priority_neighbourhood: boolean | null;
      education_level: string | null;
    }[] = await query(`SELECT s.*, s.person_id AS situation_of, s.job_seeker_since::text, p.received_on::text, p.birth_year, p.postcode
       FROM people p LEFT JOIN entry_situations s ON s.person_id = p.id`);
    const situations = rows.filter((row) => row.received_on !== null);
    expect(rows.filter((row) => row.received_on === null).length).toBeGreaterThan(0);
    expect(rows.filter((row) => (row.received_on === null) !== (row.situation_of === null))).toEqual([]);
    expect(situations.length).toBeGreaterThan(30);
    const share = (test: (row: (typeof rows)[number]) => boolean) => situations.filter(test).length / situations.length;
    expect(share((row) => row.job_seeker === true)).toBeGreaterThan(0.25);
    expect(share((row) => row.job_seeker === true)).toBeLessThan(0.6);
    expect(share((row) => row.rsa === true)).toBeGreaterThan(0.05);
    expect(share((row) => row.rsa === true)).toBeLessThan(0.35);
    expect(share((row) => row.disability_recognised === true)).toBeLessThan(0.2);
    expect(share((row) => row.priority_neighbourhood === true)).toBeLessThan(0.3);
    expect(new Set(situations.map((row) => row.education_level)).size).toBeGreaterThanOrEqual(5);
    for (const row of situations) {
      // The département of residence is the one of the postcode, in the cooperative's region (Occitanie).
      expect(isDepartementCode(row.departement!)).toBe(true);
      expect(row.postcode.startsWith(row.departement!)).toBe(true);
      if (row.job_seeker_since !== null) {
        expect(row.job_seeker).toBe(true);
        expect(row.job_seeker_since <= row.received_on!).toBe(true);
        expect(Number(row.job_seeker_since.slice(0, 4))).toBeGreaterThanOrEqual(row.birth_year + 16);
      }
    }
  });

  it("saves the situation told at the reception with it, and none when none is told", async () => {
    const id = await prospect("Benali");
    const result = await execute(server, RECEIVE, { input: reception(id, { entrySituation: { ...WHOLE, departement: " 2a " } }) });
    expect(result.errors).toBeUndefined();
    const { entrySituation, ...person } = result.data?.recordReception as { entrySituation: { updatedOn: string } };
    expect(person).toEqual({ id, welcomeStage: "RECEIVED" });
    expect(entrySituation).toEqual({ ...WHOLE, departement: "2A", updatedOn: expect.any(String) });
    expect(today()).toContain(entrySituation.updatedOn);
    const [audit] = await query("SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'recordReception'", [id]);
    expect(audit.details.entrySituation).toMatchObject({ jobSeeker: true, departement: " 2a " });

    const without = await received("Sans", null);
    const read = await execute(server, READ, { representations: [{ __typename: "Person", id: without }] });
    expect(read.data?._entities).toEqual([{ id: without, entrySituation: null }]);
    const empty = await received("Vide", {});
    const readEmpty = await execute(server, READ, { representations: [{ __typename: "Person", id: empty }] });
    expect(readEmpty.data?._entities).toEqual([{ id: empty, entrySituation: { ...NOT_SAID, updatedOn: expect.any(String) } }]);
  });

  it.each([
    [{ departement: "20" }, "input.entrySituation.departement"],
    [{ departement: "977" }, "input.entrySituation.departement"],
    [{ jobSeeker: false, jobSeekerSince: "2025-01-01" }, "input.entrySituation.jobSeekerSince"],
    [{ jobSeeker: true, jobSeekerSince: "2026-11-11" }, "input.entrySituation.jobSeekerSince"],
    [{ jobSeeker: true, jobSeekerSince: "2003-12-31" }, "input.entrySituation.jobSeekerSince"],
    [{ jobSeeker: false, unemploymentBenefit: true }, "input.entrySituation.unemploymentBenefit"],
  ])("refuses a reception told %j, naming %s, and writes neither the reception nor the situation", async (situation, field) => {
    const id = await prospect("Refusée");
    await expectRefused(RECEIVE, reception(id, { entrySituation: situation }), { code: "BAD_USER_INPUT", field });
    const [person] = await query("SELECT welcome_stage FROM people WHERE id = $1", [id.split(":")[1]]);
    expect(person.welcome_stage).toBe("PROSPECT");
  });

  it("replaces the whole situation with setEntrySituation, audited, and reads it back", async () => {
    const id = await received("Moreau");
    const corrected = await execute(server, SET, { input: { personId: id, jobSeeker: false, rsa: true, departement: "81" } });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.setEntrySituation).toEqual({
      id,
      entrySituation: { ...NOT_SAID, jobSeeker: false, rsa: true, departement: "81", updatedOn: expect.any(String) },
    });
    const again = await execute(
      server,
      SET,
      { input: { personId: id, ...WHOLE, jobSeekerSince: "2026-11-10", educationLevel: "LEVEL_8" } },
      ADMIN,
    );
    expect(again.errors).toBeUndefined();
    const read = await execute(server, READ, { representations: [{ __typename: "Person", id }] });
    expect(read.data?._entities).toEqual([
      { id, entrySituation: { ...WHOLE, jobSeekerSince: "2026-11-10", educationLevel: "LEVEL_8", updatedOn: expect.any(String) } },
    ]);
    const audit = await query("SELECT action, actor_role, details FROM audit_events WHERE entity_id = $1 ORDER BY seq", [id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      "registerPerson",
      "recordReception",
      "setEntrySituation",
      "setEntrySituation",
    ]);
    expect(audit[2]).toMatchObject({ actor_role: "COUNSELOR", details: { personId: id, jobSeeker: false, rsa: true, departement: "81" } });
    expect(audit[3]).toMatchObject({ actor_role: "COOP_ADMIN", details: { educationLevel: "LEVEL_8" } });
  });

  it("refuses every bad situation on its field, and writes nothing", async () => {
    const id = await received("Petit", WHOLE, 1990);
    const refused = (input: Record<string, unknown>, field: string) =>
      expectRefused(SET, { personId: id, ...input }, { code: "BAD_USER_INPUT", field });
    await refused({ departement: "20" }, "input.departement");
    await refused({ departement: "96" }, "input.departement");
    await refused({ departement: "31000" }, "input.departement");
    await refused({ jobSeekerSince: "2025-01-01" }, "input.jobSeekerSince");
    await refused({ jobSeeker: false, jobSeekerSince: "2025-01-01" }, "input.jobSeekerSince");
    await refused({ jobSeeker: true, jobSeekerSince: addDays(todayInFrance(), 1) }, "input.jobSeekerSince");
    await refused({ jobSeeker: true, jobSeekerSince: "2026-11-11" }, "input.jobSeekerSince");
    expect(await refused({ jobSeeker: true, jobSeekerSince: "2005-12-31" }, "input.jobSeekerSince")).toMatch(/before the person was 16/);
    await refused({ jobSeeker: false, unemploymentBenefit: true }, "input.unemploymentBenefit");
    const bad = await execute(server, SET, { input: { personId: id, educationLevel: "LEVEL_9" } });
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses another cooperative's person, an unknown one, one not received, and erased data", async () => {
    const id = await received("Roux");
    const local = id.split(":")[1];
    await expectRefused(
      SET,
      { personId: `bretagne-cooperer:${local}`, jobSeeker: true },
      { code: "BAD_USER_INPUT", field: "input.personId" },
    );
    await expectRefused(SET, { personId: `${COOP}:00000000-0000-4000-8000-000000000000`, jobSeeker: true }, { code: "NOT_FOUND" });
    const notReceived = await prospect("Attente");
    expect(await expectRefused(SET, { personId: notReceived, jobSeeker: true }, { code: "CONFLICT", field: "input.personId" })).toMatch(
      /No reception/,
    );
    const erased = await execute(server, ERASE, { input: { id, reason: "Demande de la personne" } }, ADMIN);
    expect(erased.errors).toBeUndefined();
    expect(await expectRefused(SET, { personId: id, jobSeeker: true }, { code: "CONFLICT", field: "input.personId" })).toMatch(/erased/);
    // Nor is an erased prospect received anew, with a situation at entry.
    const erasedProspect = await prospect("Effacée");
    expect(
      (await execute(server, ERASE, { input: { id: erasedProspect, reason: "Demande de la personne" } }, ADMIN)).errors,
    ).toBeUndefined();
    const again = await execute(server, RECEIVE, {
      input: reception(erasedProspect, { entrySituation: { disabilityRecognised: true, departement: "31" } }),
    });
    expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.personId" });
    const [{ n }] = await query("SELECT count(*)::int AS n FROM entry_situations WHERE person_id = $1", [erasedProspect.split(":")[1]]);
    expect(n).toBe(0);
  });

  it("refuses to move the reception before the registration as a job seeker it records", async () => {
    const id = await received("Fabre", { jobSeeker: true, jobSeekerSince: "2026-11-08" });
    await expectRefused(CORRECT, { personId: id, receivedOn: "2026-11-07" }, { code: "BAD_USER_INPUT", field: "input.receivedOn" });
    const moved = await execute(server, CORRECT, { input: { personId: id, receivedOn: "2026-11-08" } });
    expect(moved.data?.correctReception).toEqual({ id, receivedOn: "2026-11-08" });
  });

  it("refuses a birth year that would put the registration as a job seeker before the age of 16", async () => {
    // Registered since 2025-09-01 (WHOLE): born in 2009 at the latest.
    const id = await received("Bonnet");
    const UPDATE = `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id birthYear } }`;
    const refused = await execute(server, UPDATE, { input: { id, birthYear: 2010 } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.birthYear" });
    expect(refused.errors?.[0].message).toMatch(/2025-09-01.*before the age of 16/);
    const [{ birth_year }] = await query("SELECT birth_year FROM people WHERE id = $1", [id.split(":")[1]]);
    expect(birth_year).toBe(1988);
    const accepted = await execute(server, UPDATE, { input: { id, birthYear: 2009 } });
    expect(accepted.data?.updatePerson).toEqual({ id, birthYear: 2009 });
  });

  it("deletes the situation with an erasure, says so, and scrubs the audit rows that told it", async () => {
    const id = await received("Blanc");
    await execute(server, SET, { input: { personId: id, ...WHOLE, departement: "82" } });
    const erased = await execute(server, ERASE, { input: { id, reason: "Demande de la personne" } }, ADMIN);
    expect(erased.errors).toBeUndefined();
    expect(await query("SELECT * FROM entry_situations WHERE person_id = $1", [id.split(":")[1]])).toEqual([]);
    const read = await execute(
      server,
      ENTITIES_QUERY(`... on Person { ${SITUATION} erasure { parts { subgraph erased kept { what } } } }`),
      { representations: [{ __typename: "Person", id }] },
    );
    const [person] = read.data?._entities as { entrySituation: null; erasure: { parts: { subgraph: string; erased: string[] }[] } }[];
    expect(person.entrySituation).toBeNull();
    const part = person.erasure.parts.find((candidate) => candidate.subgraph === "members")!;
    expect(part.erased.some((line) => /situation at entry/.test(line))).toBe(true);
    const audit = await query("SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY seq", [id]);
    for (const row of audit.filter((candidate: { action: string }) => candidate.action !== "erasePerson")) {
      expect(row.details).toEqual({ erased: true });
    }
    expect(JSON.stringify(audit)).not.toMatch(/"82"|LEVEL_4/);
  });

  it("lets the staff and the person themself read it, nobody else, and only the staff change it", async () => {
    const id = await received("Girard");
    const other = await received("Lambert");
    const read = (caller: ReturnType<typeof testCaller>, who = id) =>
      execute(server, READ, { representations: [{ __typename: "Person", id: who }] }, caller);
    for (const caller of [testCaller("COUNSELOR", COOP), ADMIN, testCaller("ENTREPRENEUR", COOP, id)]) {
      const result = await read(caller);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ id, entrySituation: expect.objectContaining({ departement: "31" }) }]);
    }
    const another = await read(testCaller("ENTREPRENEUR", COOP, other));
    expect(another.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(another.data)).not.toMatch(/"31"/);
    for (const caller of [testCaller("NETWORK_ANALYST"), testCaller("NETWORK_ADMIN"), testCaller("NETWORK_SERVICE")]) {
      const result = await read(caller);
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(result.data)).not.toMatch(/"31"/);
    }
    await expectRefused(SET, { personId: id, jobSeeker: false }, { code: "FORBIDDEN" }, testCaller("ENTREPRENEUR", COOP, id));
    await expectRefused(SET, { personId: id, jobSeeker: false }, { code: "FORBIDDEN" }, testCaller("NETWORK_ADMIN"));
  });

  it("reads the situations of many people in the same statements as of a few", async () => {
    const rows: { id: string }[] = await query("SELECT id FROM people ORDER BY id");
    const cost = async (count: number) => {
      const before = server.database.statementCount;
      const result = await execute(server, READ, {
        representations: rows.slice(0, count).map((row) => ({ __typename: "Person", id: `${COOP}:${row.id}` })),
      });
      expect(result.errors).toBeUndefined();
      expect((result.data?._entities as { entrySituation: unknown }[]).filter((person) => person.entrySituation).length).toBeGreaterThan(
        count / 2,
      );
      return server.database.statementCount - before;
    };
    const few = await cost(5);
    expect(rows.length).toBeGreaterThan(40);
    expect(await cost(rows.length)).toBe(few);
    expect(few).toBe(2);
  });
});
