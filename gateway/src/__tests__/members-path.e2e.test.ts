import { startTestNetwork, type GraphQLResult, type TestNetwork } from "@cae/tools";

const COOP = "bretagne-cooperer";

/** A person's whole welcome path through the gateway, as a counselor records it, every wrong step refused on the way. */
describe("a person's path in the members subgraph, through the gateway", () => {
  let network: TestNetwork;
  let counselor: string;
  let send: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult>;

  beforeAll(async () => {
    network = await startTestNetwork([COOP]);
    counselor = await network.token({ sub: "counselor-b", role: "COUNSELOR", coop: COOP });
    send = (query, variables) => network.query(query, variables, counselor);
  });
  afterAll(() => network?.stop());

  const data = <T>(result: GraphQLResult, field: string): T => {
    expect(result.errors).toBeUndefined();
    return result.data?.[field] as T;
  };
  const refused = (result: GraphQLResult, code: string) => expect(result.errors?.[0].extensions?.code).toBe(code);

  it("goes from information meeting to exit", async () => {
    const db = network.subgraph(COOP, "members").database.dataSource;
    const [facilitator] = await db.query("SELECT id FROM counselors ORDER BY last_name LIMIT 1");
    const [partner] = await db.query("SELECT id FROM partners ORDER BY name LIMIT 1");

    const meeting = data<{ id: string }>(
      await send(
        `mutation ($f: ID!) { scheduleInformationMeeting(input: { cooperativeId: "${COOP}", heldOn: "2026-10-06", place: "Rennes", facilitatorId: $f }) { id } }`,
        {
          f: `${COOP}:${facilitator.id}`,
        },
      ),
      "scheduleInformationMeeting",
    );
    const attended = data<{ attendees: { id: string; lastName: string; stage: string }[] }>(
      await send(
        `mutation ($m: ID!) { recordAttendance(input: { meetingId: $m, prospect: { firstName: "Gwenaëlle", lastName: "Kerjean", gender: FEMALE } }) { attendees { id lastName stage } } }`,
        {
          m: meeting.id,
        },
      ),
      "recordAttendance",
    );
    const person = attended.attendees.find((attendee) => attendee.lastName === "Kerjean")!;
    expect(person.stage).toBe("PROSPECT");
    const id = person.id;

    refused(
      await send(
        `mutation ($id: ID!) { admitAssociate(input: { personId: $id, admittedOn: "2026-10-07", shares: 1, shareValueCents: "5000" }) { id } }`,
        { id },
      ),
      "CONFLICT",
    );
    refused(
      await send(
        `mutation ($id: ID!) { startActivity(input: { personId: $id, name: "Cidrerie", sector: AGRICULTURE, startedOn: "2026-10-20" }) { id } }`,
        { id },
      ),
      "CONFLICT",
    );

    const received = await send(
      `mutation ($id: ID!) { recordReception(input: { personId: $id, receivedOn: "2026-10-13", projectSummary: "Cidrerie artisanale", projectProgress: OUTLINED, sector: AGRICULTURE, decision: PENDING }) { stage } }`,
      { id },
    );
    expect(data<{ stage: string }>(received, "recordReception").stage).toBe("RECEIVED");
    refused(
      await send(`mutation ($id: ID!) { decideReception(input: { personId: $id, decision: ORIENTED, decidedOn: "2026-10-15" }) { id } }`, {
        id,
      }),
      "BAD_USER_INPUT",
    );
    const admitted = await send(
      `mutation ($id: ID!) { decideReception(input: { personId: $id, decision: ADMITTED, decidedOn: "2026-10-15" }) { stage } }`,
      { id },
    );
    expect(data<{ stage: string }>(admitted, "decideReception").stage).toBe("ADMITTED");
    refused(
      await send(
        `mutation ($id: ID!, $p: ID!) { decideReception(input: { personId: $id, decision: ORIENTED, decidedOn: "2026-10-16", partnerId: $p, orientationReason: "x" }) { id } }`,
        {
          id,
          p: `${COOP}:${partner.id}`,
        },
      ),
      "CONFLICT",
    );

    data(
      await send(
        `mutation ($id: ID!) { startActivity(input: { personId: $id, name: "Cidrerie", tradeName: "Cidre de Brocéliande", sector: AGRICULTURE, nafCode: "11.03Z", startedOn: "2026-10-20" }) { id } }`,
        { id },
      ),
      "startActivity",
    );
    data(
      await send(
        `mutation ($c: ID!, $id: ID!) { recordSupportSession(input: { counselorId: $c, personIds: [$id], heldOn: "2026-10-27", durationMinutes: 90, topic: COMMERCIAL, kind: INDIVIDUAL }) { id } }`,
        {
          c: `${COOP}:${facilitator.id}`,
          id,
        },
      ),
      "recordSupportSession",
    );
    const associate = await send(
      `mutation ($id: ID!) { admitAssociate(input: { personId: $id, admittedOn: "2026-11-02", shares: 3, shareValueCents: "5000" }) { stage } }`,
      { id },
    );
    expect(data<{ stage: string }>(associate, "admitAssociate").stage).toBe("ASSOCIATE");
    refused(
      await send(`mutation ($id: ID!) { recordExit(input: { personId: $id, exitedOn: "2026-10-01", reason: OTHER }) { id } }`, { id }),
      "CONFLICT",
    );

    const exited = await send(
      `mutation ($id: ID!) { recordExit(input: { personId: $id, exitedOn: "2026-11-25", reason: OWN_COMPANY }) { stage receivedOn reception { decision } activities { tradeName }
         lastSupportSession { topic } associate { endedOn } exit { reason } } }`,
      { id },
    );
    expect(data(exited, "recordExit")).toEqual({
      stage: "EXITED",
      receivedOn: "2026-10-13",
      reception: { decision: "ADMITTED" },
      activities: [{ tradeName: "Cidre de Brocéliande" }],
      lastSupportSession: { topic: "COMMERCIAL" },
      associate: { endedOn: "2026-11-25" },
      exit: { reason: "OWN_COMPANY" },
    });
    refused(
      await send(
        `mutation ($id: ID!) { admitAssociate(input: { personId: $id, admittedOn: "2026-11-26", shares: 1, shareValueCents: "5000" }) { id } }`,
        { id },
      ),
      "CONFLICT",
    );

    const [{ n }] = await db.query("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1", [id]);
    // Registered, received, decided, made an associate, exited; the meeting, activity and session are audited under their own IDs.
    expect(n).toBe(5);
  });
});
