import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph } from "@cae/tools/testing";
import { addDays, todayInFrance, type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const SCHEDULE = `mutation ($input: ScheduleInformationMeetingInput!) { scheduleInformationMeeting(input: $input) { id heldOn place facilitator { lastName } attendeeCount } }`;
const ATTEND = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id attendeeCount attendees { id lastName firstContactOn welcomeStage } } }`;

describe.each(databaseBackends())("information meetings on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  let facilitator: string;

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
    const [counselor] = await server.database.dataSource.query("SELECT id FROM counselors ORDER BY last_name LIMIT 1");
    facilitator = `${COOP}:${counselor.id}`;
  });
  afterAll(() => server?.stop());

  it("seeds a meeting for every first contact, attended by those who came that day", async () => {
    const [row] = await server.database.dataSource.query(`SELECT
      (SELECT count(*) FROM people)::int AS people,
      (SELECT count(*) FROM meeting_attendances a JOIN information_meetings m ON m.id = a.meeting_id JOIN people p ON p.id = a.person_id
         WHERE m.held_on = p.first_contact_on)::int AS matching`);
    expect(row.matching).toBe(row.people);
  });

  it("schedules a meeting, registers a new prospect by attendance and refuses what does not fit", async () => {
    const scheduled = await execute(server, SCHEDULE, {
      input: { cooperativeId: COOP, heldOn: "2026-11-05", place: " Maison des associations ", facilitatorId: facilitator },
    });
    expect(scheduled.errors).toBeUndefined();
    const meeting = scheduled.data?.scheduleInformationMeeting as { id: string };
    expect(meeting).toMatchObject({ place: "Maison des associations", attendeeCount: 0 });

    const attended = await execute(server, ATTEND, {
      input: { meetingId: meeting.id, prospect: { firstName: "Yanis", lastName: "Benali" } },
    });
    expect(attended.errors).toBeUndefined();
    const attendees = (attended.data?.recordAttendance as { attendees: { id: string; firstContactOn: string; welcomeStage: string }[] })
      .attendees;
    expect(attendees).toEqual([expect.objectContaining({ lastName: "Benali", firstContactOn: "2026-11-05", welcomeStage: "PROSPECT" })]);

    const twice = await execute(server, ATTEND, { input: { meetingId: meeting.id, personId: attendees[0].id } });
    expect(twice.errors?.[0].extensions?.code).toBe("CONFLICT");
    const both = await execute(server, ATTEND, {
      input: { meetingId: meeting.id, personId: attendees[0].id, prospect: { firstName: "A", lastName: "B" } },
    });
    expect(both.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.personId" });
    const blank = await execute(server, ATTEND, { input: { meetingId: meeting.id, prospect: { firstName: " ", lastName: "B" } } });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.prospect.firstName" });

    const future = await execute(server, SCHEDULE, {
      // Planned a month ahead: within the planning horizon (shared/src/plausible-dates.ts), not yet held.
      input: { cooperativeId: COOP, heldOn: addDays(todayInFrance(), 30), place: "Salle B", facilitatorId: facilitator },
    });
    const early = await execute(server, ATTEND, {
      input: { meetingId: (future.data?.scheduleInformationMeeting as { id: string }).id, prospect: { firstName: "A", lastName: "B" } },
    });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT" }, message: expect.stringMatching(/has not taken place/) });
    const unknown = await execute(server, SCHEDULE, {
      input: { cooperativeId: COOP, heldOn: "2026-11-05", place: "Salle", facilitatorId: `${COOP}:00000000-0000-4000-8000-000000000000` },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.facilitatorId" });
  });

  it("lists meetings by date with their attendees in a bounded number of statements", async () => {
    const list = (first: number) =>
      execute(
        server,
        ENTITIES_QUERY(
          `... on Cooperative { informationMeetings(first: ${first}, from: "2022-01-01") { totalCount edges { node { heldOn attendeeCount facilitator { lastName } attendees { lastName } } } } }`,
        ),
        {
          representations: [{ __typename: "Cooperative", id: COOP }],
        },
      );
    const cost = async (first: number) => {
      const before = server.database.statementCount;
      const result = await list(first);
      expect(result.errors).toBeUndefined();
      return server.database.statementCount - before;
    };
    expect(await cost(40)).toBe(await cost(5));
    const result = await list(5);
    const meetings = (
      result.data?._entities as { informationMeetings: { edges: { node: { heldOn: string; attendeeCount: number } }[] } }[]
    )[0].informationMeetings.edges;
    expect(meetings.map((edge) => edge.node.heldOn)).toEqual([...meetings.map((edge) => edge.node.heldOn)].sort());
    expect(meetings.every((edge) => edge.node.attendeeCount > 0)).toBe(true);
  });
});
