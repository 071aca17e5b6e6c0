import { databaseBackends, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const ADMIT = `mutation ($input: AdmitAssociateInput!) { admitAssociate(input: $input) { id associate { admittedOn shares shareValueCents capitalCents endedOn } } }`;
const EXIT = `mutation ($input: RecordExitInput!) { recordExit(input: $input) { id exit { exitedOn reason notes } associate { endedOn } } }`;

describe.each(databaseBackends())("associates and exits on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  let admitted: string;
  let prospect: string;
  let firstContactOn: string;

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
    const db = server.database.dataSource;
    const [a] = await db.query(
      `SELECT id, first_contact_on::text AS since FROM people WHERE welcome_stage = 'ADMITTED'
         AND id NOT IN (SELECT person_id FROM associates) AND id NOT IN (SELECT person_id FROM exits) ORDER BY id LIMIT 1`,
    );
    const [p] = await db.query(
      "SELECT id FROM people WHERE welcome_stage = 'PROSPECT' AND id NOT IN (SELECT person_id FROM exits) ORDER BY id LIMIT 1",
    );
    admitted = `${COOP}:${a.id}`;
    firstContactOn = a.since;
    prospect = `${COOP}:${p.id}`;
  });
  afterAll(() => server?.stop());

  const counts = async () => {
    const [row] = await server.database.dataSource.query(
      "SELECT (SELECT count(*) FROM associates)::int AS associates, (SELECT count(*) FROM exits)::int AS exits, (SELECT count(*) FROM audit_events)::int AS audits",
    );
    return row;
  };
  const expectRefused = async (query: string, input: Record<string, unknown>, code: string, field?: string) => {
    const before = await counts();
    const result = await execute(server, query, { input });
    expect(result.errors?.[0].extensions).toMatchObject({ code, ...(field && { field }) });
    expect(result.data).toBeNull();
    expect(await counts()).toEqual(before);
    return result.errors![0].message;
  };

  it("refuses bad input, naming the field, and writes nothing", async () => {
    await expectRefused(
      ADMIT,
      { personId: admitted, admittedOn: "2026-11-02", shares: 0, shareValueCents: "5000" },
      "BAD_USER_INPUT",
      "input.shares",
    );
    await expectRefused(
      ADMIT,
      { personId: admitted, admittedOn: "2026-11-02", shares: 2, shareValueCents: "0" },
      "BAD_USER_INPUT",
      "input.shareValueCents",
    );
    await expectRefused(
      ADMIT,
      { personId: admitted, admittedOn: "1999-01-01", shares: 2, shareValueCents: "5000" },
      "BAD_USER_INPUT",
      "input.admittedOn",
    );
    await expectRefused(
      ADMIT,
      { personId: `bretagne-cooperer:${admitted.split(":")[1]}`, admittedOn: "2026-11-02", shares: 2, shareValueCents: "5000" },
      "BAD_USER_INPUT",
      "input.personId",
    );
    await expectRefused(
      ADMIT,
      { personId: `${COOP}:00000000-0000-4000-8000-000000000000`, admittedOn: "2026-11-02", shares: 2, shareValueCents: "5000" },
      "NOT_FOUND",
    );
  });

  it("admits only an admitted person as an associate, once", async () => {
    expect(
      await expectRefused(ADMIT, { personId: prospect, admittedOn: "2026-11-02", shares: 2, shareValueCents: "5000" }, "CONFLICT"),
    ).toMatch(/PROSPECT/);
    const result = await execute(server, ADMIT, {
      input: { personId: admitted, admittedOn: "2026-11-02", shares: 4, shareValueCents: "2500" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.admitAssociate).toEqual({
      id: admitted,
      associate: { admittedOn: "2026-11-02", shares: 4, shareValueCents: "2500", capitalCents: "10000", endedOn: null },
    });
    expect(
      await expectRefused(ADMIT, { personId: admitted, admittedOn: "2026-11-03", shares: 1, shareValueCents: "2500" }, "CONFLICT"),
    ).toMatch(/already an associate/);
  });

  it("records an exit once, never before entry nor before the admission, and ends the membership", async () => {
    expect(await expectRefused(EXIT, { personId: admitted, exitedOn: "2000-01-01", reason: "OWN_COMPANY" }, "CONFLICT")).toMatch(
      /before the person's entry/,
    );
    expect(
      await expectRefused(
        EXIT,
        { personId: admitted, exitedOn: firstContactOn > "2026-11-01" ? firstContactOn : "2026-11-01", reason: "OWN_COMPANY" },
        "CONFLICT",
      ),
    ).toMatch(/before the admission/);
    // Employed on that day (the contracts subgraph's events said so): the exit says how the CESA ends.
    const withoutMode = await execute(server, EXIT, { input: { personId: admitted, exitedOn: "2026-11-20", reason: "OWN_COMPANY" } });
    expect(withoutMode.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.employmentEndMode" });
    const result = await execute(server, EXIT, {
      input: { personId: admitted, exitedOn: "2026-11-20", reason: "OWN_COMPANY", notes: " SARL créée ", employmentEndMode: "RESIGNATION" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordExit).toEqual({
      id: admitted,
      exit: { exitedOn: "2026-11-20", reason: "OWN_COMPANY", notes: "SARL créée" },
      associate: { endedOn: "2026-11-20" },
    });
    expect(await expectRefused(EXIT, { personId: admitted, exitedOn: "2026-11-21", reason: "OTHER" }, "CONFLICT")).toMatch(/already left/);
  });

  it("refuses an admission as an associate after the exit", async () => {
    const exited = await execute(server, EXIT, { input: { personId: prospect, exitedOn: "2026-11-20", reason: "ABANDONED" } });
    expect(exited.errors).toBeUndefined();
    expect(
      await expectRefused(ADMIT, { personId: prospect, admittedOn: "2026-11-21", shares: 1, shareValueCents: "2500" }, "CONFLICT"),
    ).toMatch(/after the exit/);
  });

  it("audits each change and lets only staff make it", async () => {
    const rows = await server.database.dataSource.query("SELECT action, entity_id FROM audit_events WHERE entity_id = $1 ORDER BY seq", [
      admitted,
    ]);
    expect(rows).toEqual([
      { action: "admitAssociate", entity_id: admitted },
      { action: "recordExit", entity_id: admitted },
    ]);
    const entrepreneur = testCaller("ENTREPRENEUR", COOP, admitted);
    const refused = await execute(server, EXIT, { input: { personId: admitted, exitedOn: "2026-11-22", reason: "OTHER" } }, entrepreneur);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
