import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const RECEIVE = `mutation ($input: RecordReceptionInput!) { recordReception(input: $input) { id welcomeStage receivedOn reception { decision decidedOn sector } } }`;
const DECIDE = `mutation ($input: DecideReceptionInput!) { decideReception(input: $input) {
  id welcomeStage reception { decision decidedOn orientationReason orientedTo { id name kind } } } }`;
const ADD_PARTNER = `mutation ($input: AddPartnerInput!) { addPartner(input: $input) { id name kind email } }`;

describe.each(databaseBackends())("the welcome on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const prospect = async (lastName: string) => {
    const result = await execute(server, REGISTER, {
      input: { cooperativeId: COOP, firstName: "Anaïs", lastName, firstContactOn: "2026-11-03" },
    });
    return (result.data?.registerPerson as { id: string }).id;
  };
  const counts = async () =>
    (
      await server.database.dataSource.query(
        "SELECT (SELECT count(*) FROM receptions)::int AS r, (SELECT count(*) FROM audit_events)::int AS a",
      )
    )[0];
  const reception = (personId: string, extra: Record<string, unknown> = {}) => ({
    personId,
    receivedOn: "2026-11-10",
    projectSummary: "Atelier de poterie et cours",
    projectProgress: "OUTLINED",
    sector: "CRAFTS",
    decision: "PENDING",
    ...extra,
  });

  it("seeds a reception for everyone received, with its decision, and a directory of partners", async () => {
    const [row] = await server.database.dataSource.query(`SELECT
      (SELECT count(*) FROM people WHERE received_on IS NOT NULL)::int AS received,
      (SELECT count(*) FROM receptions)::int AS receptions,
      (SELECT count(*) FROM receptions r JOIN people p ON p.id = r.person_id
         WHERE (r.decision = 'PENDING' AND p.welcome_stage <> 'RECEIVED') OR (r.decision <> 'PENDING' AND r.decision <> p.welcome_stage))::int AS disagreeing`);
    expect(row.receptions).toBe(row.received);
    expect(row.disagreeing).toBe(0);
    const partners = await execute(
      server,
      ENTITIES_QUERY("... on Cooperative { partners(first: 3) { totalCount edges { node { name } } } }"),
      {
        representations: [{ __typename: "Cooperative", id: COOP }],
      },
    );
    expect((partners.data?._entities as { partners: { totalCount: number } }[])[0].partners.totalCount).toBeGreaterThanOrEqual(3);
  });

  it("adds a partner, refusing bad input", async () => {
    const added = await execute(server, ADD_PARTNER, {
      input: { cooperativeId: COOP, name: " BGE Garonne ", kind: "BUSINESS_NETWORK", email: "Contact@BGE.example" },
    });
    expect(added.data?.addPartner).toMatchObject({ name: "BGE Garonne", kind: "BUSINESS_NETWORK", email: "contact@bge.example" });
    const bad = await execute(server, ADD_PARTNER, { input: { cooperativeId: COOP, name: "X", kind: "BANK", email: "nope" } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.email" });
  });

  it("receives a prospect, then decides once: an orientation needs its partner and reason", async () => {
    const id = await prospect("Lefèvre");
    const received = await execute(server, RECEIVE, { input: reception(id) });
    expect(received.data?.recordReception).toEqual({
      id,
      welcomeStage: "RECEIVED",
      receivedOn: "2026-11-10",
      reception: { decision: "PENDING", decidedOn: null, sector: "CRAFTS" },
    });
    const again = await execute(server, RECEIVE, { input: reception(id) });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT" }, message: expect.stringMatching(/already received/) });

    const before = await counts();
    for (const [extra, field] of [
      [{}, "input.partnerId"],
      [{ partnerId: "garonne-activites:00000000-0000-4000-8000-000000000000", orientationReason: "x" }, "input.partnerId"],
    ] as const) {
      const refused = await execute(server, DECIDE, { input: { personId: id, decision: "ORIENTED", decidedOn: "2026-11-12", ...extra } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const early = await execute(server, DECIDE, { input: { personId: id, decision: "ADMITTED", decidedOn: "2026-11-09" } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.decidedOn" });
    expect(await counts()).toEqual(before);

    const [partner] = await server.database.dataSource.query("SELECT id, name FROM partners ORDER BY name LIMIT 1");
    const oriented = await execute(server, DECIDE, {
      input: {
        personId: id,
        decision: "ORIENTED",
        decidedOn: "2026-11-12",
        partnerId: `${COOP}:${partner.id}`,
        orientationReason: "Formation d'abord",
      },
    });
    expect(oriented.errors).toBeUndefined();
    expect(oriented.data?.decideReception).toMatchObject({
      welcomeStage: "ORIENTED",
      reception: {
        decision: "ORIENTED",
        decidedOn: "2026-11-12",
        orientationReason: "Formation d'abord",
        orientedTo: { name: partner.name },
      },
    });
    const second = await execute(server, DECIDE, { input: { personId: id, decision: "ADMITTED", decidedOn: "2026-11-13" } });
    expect(second.errors?.[0]).toMatchObject({
      extensions: { code: "CONFLICT" },
      message: expect.stringMatching(/already decided: ORIENTED/),
    });
  });

  it("admits at the reception itself, and refuses what does not fit the path", async () => {
    const id = await prospect("Garcia");
    const admitted = await execute(server, RECEIVE, { input: reception(id, { decision: "ADMITTED" }) });
    expect(admitted.data?.recordReception).toMatchObject({
      welcomeStage: "ADMITTED",
      reception: { decision: "ADMITTED", decidedOn: "2026-11-10" },
    });

    const other = await prospect("Nguyen");
    const early = await execute(server, RECEIVE, { input: reception(other, { receivedOn: "2026-11-01" }) });
    expect(early.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.receivedOn" });
    const withPartner = await execute(server, RECEIVE, { input: reception(other, { decision: "ADMITTED", orientationReason: "?" }) });
    expect(withPartner.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.orientationReason" });
    const undecided = await execute(server, DECIDE, { input: { personId: other, decision: "ADMITTED", decidedOn: "2026-11-12" } });
    expect(undecided.errors?.[0]).toMatchObject({
      extensions: { code: "CONFLICT" },
      message: expect.stringMatching(/record the reception first/),
    });
  });
});
