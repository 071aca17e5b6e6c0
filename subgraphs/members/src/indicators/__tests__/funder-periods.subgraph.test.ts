import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import type { SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "alpes-entreprendre";
const FIGURES = `supported supportedBy { dimension key count } receivedBy { dimension key count } entries { step count }
  inContract { kind count } orientationsByPartnerKind { key count } followUps { months situation count }
  support { individualSessions individualMinutes workshops workshopMinutes workshopAttendances peopleReached workshopsWithSignedSheet }`;
const PERIODS = ENTITIES_QUERY(`... on Cooperative { funderIndicators(periods: $periods) { from to figures { ${FIGURES} } } }`).replace(
  "query ($representations: [_Any!]!)",
  "query ($representations: [_Any!]!, $periods: [FunderPeriodInput!]!)",
);
const ONE = ENTITIES_QUERY(`... on Cooperative { membersIndicators(from: $from, to: $to) { funder { ${FIGURES} } } }`).replace(
  "query ($representations: [_Any!]!)",
  "query ($representations: [_Any!]!, $from: Date!, $to: Date!)",
);
const representations = [{ __typename: "Cooperative", id: COOP }];

describe.each(databaseBackends())("the funders' figures of several periods at once, on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  }, 300_000);
  afterAll(() => server?.stop());

  const service = testCaller("NETWORK_SERVICE");
  const periods = [
    { from: "2026-01-01", to: "2026-12-31" },
    { from: "2026-04-01", to: "2026-06-30" },
    { from: "2026-05-01", to: "2026-05-31" },
  ];

  it("gives each period's own figures, in the order asked, the same as membersIndicators gives them, one statement a period", async () => {
    const before = server.database.statementCount;
    const result = await execute(server, PERIODS, { representations, periods }, service);
    expect(result.errors).toBeUndefined();
    expect(server.database.statementCount - before).toBe(periods.length);
    const rows = (result.data?._entities as { funderIndicators: { from: string; to: string; figures: { supported: number } }[] }[])[0]
      .funderIndicators;
    expect(rows.map(({ from, to }) => ({ from, to }))).toEqual(periods);
    for (const [i, period] of periods.entries()) {
      const one = await execute(server, ONE, { representations, ...period }, service);
      expect(one.errors).toBeUndefined();
      expect([period, rows[i].figures]).toEqual([
        period,
        (one.data?._entities as { membersIndicators: { funder: unknown } }[])[0].membersIndicators.funder,
      ]);
    }
    // The demo supports people all year: a year counts at least its quarter's people, a quarter at least its month's.
    expect(rows[0].figures.supported).toBeGreaterThanOrEqual(rows[1].figures.supported);
    expect(rows[1].figures.supported).toBeGreaterThanOrEqual(rows[2].figures.supported);
    expect(rows[2].figures.supported).toBeGreaterThan(0);
  });

  it("refuses no period, more than 17, and a period that ends before it starts, naming the argument", async () => {
    const ask = (asked: { from: string; to: string }[]) => execute(server, PERIODS, { representations, periods: asked }, service);
    for (const asked of [[], Array.from({ length: 18 }, () => periods[2])]) {
      const result = await ask(asked);
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "periods" });
    }
    const backwards = await ask([{ from: "2026-06-30", to: "2026-04-01" }]);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "periods" });
    expect(backwards.errors?.[0].message).toMatch(/^periods\[0\]: from must not be after to/);
  });

  it("is the gateway's and the cooperative's staff's, never a network role's nor an entrepreneur's", async () => {
    const admin = await execute(server, PERIODS, { representations, periods: [periods[2]] }, testCaller("COOP_ADMIN", COOP));
    expect(admin.errors).toBeUndefined();
    for (const caller of [testCaller("NETWORK_ANALYST"), testCaller("NETWORK_ADMIN"), testCaller("ENTREPRENEUR", COOP, "someone")]) {
      const refused = await execute(server, PERIODS, { representations, periods: [periods[2]] }, caller);
      expect([caller.role, refused.errors?.[0].extensions?.code]).toEqual([caller.role, "FORBIDDEN"]);
    }
  });
});
