import { databaseBackends, execute, startTestSubgraph } from "@cae/tools/testing";
import { addDays, latestPlannedDate, MAX_AMOUNT_CENTS, todayInFrance, type SubgraphServer } from "@cae/shared";
import { members } from "../index";

const COOP = "garonne-activites";
const TABLES = [
  "people",
  "receptions",
  "associates",
  "exits",
  "activities",
  "information_meetings",
  "meeting_attendances",
  "support_sessions",
  "support_session_people",
  "audit_events",
];

const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const SCHEDULE = `mutation ($input: ScheduleInformationMeetingInput!) { scheduleInformationMeeting(input: $input) { id heldOn } }`;
const ATTEND = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`;
const RECEIVE = `mutation ($input: RecordReceptionInput!) { recordReception(input: $input) { id } }`;
const DECIDE = `mutation ($input: DecideReceptionInput!) { decideReception(input: $input) { id } }`;
const ADMIT = `mutation ($input: AdmitAssociateInput!) { admitAssociate(input: $input) { id } }`;
const EXIT = `mutation ($input: RecordExitInput!) { recordExit(input: $input) { id } }`;
const START = `mutation ($input: StartActivityInput!) { startActivity(input: $input) { id } }`;
const SESSION = `mutation ($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { id } }`;

const TODAY = todayInFrance();
const TOMORROW = addDays(TODAY, 1);
const TOO_FAR = addDays(latestPlannedDate(TODAY), 1);

describe.each(databaseBackends())("members inputs out of range on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  const ids: Record<"prospect" | "received" | "admitted" | "counselor" | "meeting", string> = {
    prospect: "",
    received: "",
    admitted: "",
    counselor: "",
    meeting: "",
  };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
    const db = server.database.dataSource;
    const free = "id NOT IN (SELECT person_id FROM exits) AND id NOT IN (SELECT person_id FROM associates)";
    const one = async (sql: string) => `${COOP}:${(await db.query(sql))[0].id}`;
    ids.prospect = await one(`SELECT id FROM people WHERE welcome_stage = 'PROSPECT' AND ${free} ORDER BY id LIMIT 1`);
    ids.received = await one(`SELECT id FROM people WHERE welcome_stage = 'RECEIVED' AND ${free} ORDER BY id LIMIT 1`);
    ids.admitted = await one(`SELECT id FROM people WHERE welcome_stage = 'ADMITTED' AND ${free} ORDER BY id LIMIT 1`);
    ids.counselor = await one("SELECT id FROM counselors ORDER BY id LIMIT 1");
    ids.meeting = await one(`SELECT id FROM information_meetings WHERE held_on <= '${TODAY}' ORDER BY held_on DESC LIMIT 1`);
  });
  afterAll(() => server?.stop());

  /** The rows of every table: a refused mutation leaves them all as they were, its audit row included. */
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [table, await server.database.dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`)] as const),
      ),
    );

  async function expectRefused(mutation: string, input: Record<string, unknown>, field: string) {
    const before = await snapshot();
    const result = await execute(server, mutation, { input });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.data).toBeNull();
    expect(await snapshot()).toEqual(before);
  }

  it("refuses a first contact in the future or before 1990, and an implausible birth year", async () => {
    const person = { cooperativeId: COOP, firstName: "Inès", lastName: "Morel", firstContactOn: TODAY };
    await expectRefused(REGISTER, { ...person, firstContactOn: "2099-01-01" }, "input.firstContactOn");
    await expectRefused(REGISTER, { ...person, firstContactOn: "0001-01-01" }, "input.firstContactOn");
    await expectRefused(REGISTER, { ...person, firstContactOn: TOMORROW }, "input.firstContactOn");
    await expectRefused(REGISTER, { ...person, birthYear: 2099 }, "input.birthYear");
    await expectRefused(
      ATTEND,
      { meetingId: ids.meeting, prospect: { firstName: "Inès", lastName: "Morel", birthYear: 1899 } },
      "input.prospect.birthYear",
    );
    const today = await execute(server, REGISTER, { input: person });
    expect(today.errors).toBeUndefined();
  });

  it("refuses meetings planned too far ahead or before 1990, and takes one planned next month", async () => {
    const meeting = { cooperativeId: COOP, place: "Salle du conseil", facilitatorId: ids.counselor };
    await expectRefused(SCHEDULE, { ...meeting, heldOn: TOO_FAR }, "input.heldOn");
    await expectRefused(SCHEDULE, { ...meeting, heldOn: "0001-01-01" }, "input.heldOn");
    const planned = await execute(server, SCHEDULE, { input: { ...meeting, heldOn: addDays(TODAY, 30) } });
    expect(planned.errors).toBeUndefined();
  });

  it("refuses a reception, a decision, an admission, an exit, an activity or a session dated in the future", async () => {
    const reception = {
      personId: ids.prospect,
      projectSummary: "Traduction",
      projectProgress: "IDEA",
      sector: "SERVICES",
      decision: "PENDING",
    };
    await expectRefused(RECEIVE, { ...reception, receivedOn: TOMORROW }, "input.receivedOn");
    await expectRefused(RECEIVE, { ...reception, receivedOn: "0001-01-01" }, "input.receivedOn");
    await expectRefused(DECIDE, { personId: ids.received, decision: "ADMITTED", decidedOn: TOMORROW }, "input.decidedOn");
    await expectRefused(ADMIT, { personId: ids.admitted, admittedOn: TOMORROW, shares: 1, shareValueCents: "2500" }, "input.admittedOn");
    await expectRefused(EXIT, { personId: ids.admitted, exitedOn: "2099-12-31", reason: "OWN_COMPANY" }, "input.exitedOn");
    await expectRefused(EXIT, { personId: ids.admitted, exitedOn: "0001-01-01", reason: "OWN_COMPANY" }, "input.exitedOn");
    await expectRefused(START, { personId: ids.admitted, name: "Reliure", sector: "CRAFTS", startedOn: TOMORROW }, "input.startedOn");
    const session = { counselorId: ids.counselor, personIds: [ids.admitted], durationMinutes: 60, topic: "COMMERCIAL", kind: "INDIVIDUAL" };
    await expectRefused(SESSION, { ...session, heldOn: TOMORROW }, "input.heldOn");
    await expectRefused(SESSION, { ...session, heldOn: "0001-01-01" }, "input.heldOn");
  });

  it("refuses a share value or a capital beyond a billion euros", async () => {
    const admission = { personId: ids.admitted, admittedOn: TODAY };
    await expectRefused(ADMIT, { ...admission, shares: 1, shareValueCents: (MAX_AMOUNT_CENTS + 1n).toString() }, "input.shareValueCents");
    await expectRefused(ADMIT, { ...admission, shares: 2_000_000_000, shareValueCents: "2500" }, "input.shares");
  });
});
