import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { members } from "../../index";
import { checkedNafCode } from "../activity.service";

const COOP = "garonne-activites";
const START = `mutation ($input: StartActivityInput!) { startActivity(input: $input) { id name tradeName sector nafCode startedOn } }`;

describe("NAF codes", () => {
  it.each(["74.10Z", "01.13z", " 85.59A "])("accepts %j", (code) =>
    expect(checkedNafCode(code, "nafCode")).toBe(code.trim().toUpperCase()),
  );
  it.each(["7410Z", "74.10", "AB.CDZ", "74.101Z"])("refuses %j with BAD_USER_INPUT", (code) =>
    expect(() => checkedNafCode(code, "input.nafCode")).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: "input.nafCode" }) }),
    ),
  );
});

describe.each(databaseBackends())("activities on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const personAt = async (stage: string) => {
    const [row] = await server.database.dataSource.query(
      "SELECT id FROM people WHERE welcome_stage = $1 AND id NOT IN (SELECT person_id FROM exits) ORDER BY id LIMIT 1",
      [stage],
    );
    return `${COOP}:${row.id}`;
  };

  it("starts an activity for an admitted person, and refuses one for a prospect or with a bad code", async () => {
    const admitted = await personAt("ADMITTED");
    const input = {
      personId: admitted,
      name: "Reliure d'art",
      tradeName: "L'Atelier du livre",
      sector: "CRAFTS",
      nafCode: "95.29z",
      startedOn: "2026-11-15",
    };
    const started = await execute(server, START, { input });
    expect(started.errors).toBeUndefined();
    expect(started.data?.startActivity).toMatchObject({ name: "Reliure d'art", nafCode: "95.29Z", startedOn: "2026-11-15" });

    const prospect = await execute(server, START, { input: { ...input, personId: await personAt("PROSPECT") } });
    expect(prospect.errors?.[0].extensions?.code).toBe("CONFLICT");
    const badCode = await execute(server, START, { input: { ...input, nafCode: "9529" } });
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nafCode" });
  });

  it("lists the activities of many people in one statement", async () => {
    const rows: { person_id: string }[] = await server.database.dataSource.query(
      "SELECT DISTINCT person_id FROM activities ORDER BY person_id",
    );
    const before = server.database.statementCount;
    const result = await execute(server, ENTITIES_QUERY("... on Person { id activities { name sector nafCode } }"), {
      representations: rows.map((row) => ({ __typename: "Person", id: `${COOP}:${row.person_id}` })),
    });
    expect(result.errors).toBeUndefined();
    // The people in one batch, then their activities in one.
    expect(server.database.statementCount - before).toBe(2);
    const people = result.data?._entities as { activities: { nafCode: string }[] }[];
    expect(people.length).toBeGreaterThan(5);
    expect(
      people.every(
        (person) => person.activities.length > 0 && person.activities.every((activity) => /^\d{2}\.\d{2}[A-Z]$/.test(activity.nafCode)),
      ),
    ).toBe(true);
  });
});
