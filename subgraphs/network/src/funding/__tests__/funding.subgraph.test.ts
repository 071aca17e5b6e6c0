import { resolve } from "node:path";
import { FUNDER_REPORT_PART_KEYS } from "@cae/shared";
import { databaseBackends, execute, startTestNetworkSubgraph, testCaller } from "@cae/tools/testing";
import type { NetworkSubgraphServer } from "../../server";

const admin = testCaller("NETWORK_ADMIN");
const analyst = testCaller("NETWORK_ANALYST");
const service = testCaller("NETWORK_SERVICE");
const coopCaller = (role: "COOP_ADMIN" | "COUNSELOR" | "ENTREPRENEUR") =>
  testCaller(role, "alpes-entreprendre", role === "ENTREPRENEUR" ? "alpes-entreprendre:00000000-0000-4000-8000-000000000001" : undefined);
const DEMO_REGISTRY = resolve(__dirname, "../../../../../gateway/registry.demo.json");

const AGREEMENT_FIELDS =
  "id reference title territory { kind region departement } startsOn endsOn amountCents signedOn indicatorsOwed cooperativeIds";
const CREATE_PARTNER = `mutation ($input: CreateNetworkPartnerInput!) { createPartner(input: $input) { id } }`;
const SIGN = `mutation ($input: SignFundingAgreementInput!) { signFundingAgreement(input: $input) { ${AGREEMENT_FIELDS} partner { id name } } }`;
const AMEND = `mutation ($input: AmendFundingAgreementInput!) { amendFundingAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const AGREEMENT = `query ($id: ID!) { fundingAgreement(id: $id) { ${AGREEMENT_FIELDS} partner { id name } } }`;
const AGREEMENTS = `query ($first: Int, $after: String, $partnerId: ID, $activeOn: Date, $territoryKind: TerritoryKind) {
  fundingAgreements(first: $first, after: $after, partnerId: $partnerId, activeOn: $activeOn, territoryKind: $territoryKind) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id reference startsOn } }
  }
}`;
const TRAIL = `query ($entityId: ID) { networkAuditTrail(first: 100, entityId: $entityId) { totalCount edges { node { action entityType actorRole details } } } }`;
const REGISTER = `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperativeId } }`;
const WITHDRAW = `mutation ($input: WithdrawCooperativeInput!) { withdrawCooperative(input: $input) { cooperativeId } }`;

type Agreement = {
  id: string;
  reference: string;
  startsOn: string;
  endsOn: string;
  amountCents: string;
  title: string;
  indicatorsOwed: string[];
  cooperativeIds: string[];
  territory: { kind: string; region: string | null; departement: string | null };
  partner: { id: string; name: string };
};

describe.each(databaseBackends())("the network's funding agreements on %s PostgreSQL", (backend) => {
  let server: NetworkSubgraphServer & { stop(): Promise<void> };
  const partners: Record<"dreets" | "bretagne" | "isere" | "fse", string> = { dreets: "", bretagne: "", isere: "", fse: "" };
  const agreements: Record<string, Agreement> = {};

  const sign = async (input: Record<string, unknown>): Promise<Agreement> => {
    const { data, errors } = await execute(server, SIGN, { input }, admin);
    expect(errors).toBeUndefined();
    return data!.signFundingAgreement as Agreement;
  };
  const signing = (overrides: Record<string, unknown> = {}) => ({
    partnerId: partners.dreets,
    reference: "2026-DREETS-099",
    title: "Accompagnement des porteurs de projet",
    territory: { kind: "NETWORK" },
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    amountCents: "15000000",
    signedOn: "2025-12-15",
    indicatorsOwed: ["SUPPORTED", "ENTRIES"],
    ...overrides,
  });
  const listed = async (variables: Record<string, unknown>, caller = analyst) => {
    const { data, errors } = await execute(server, AGREEMENTS, { first: 100, ...variables }, caller);
    expect(errors).toBeUndefined();
    return (data!.fundingAgreements as { edges: { node: { reference: string } }[] }).edges.map((edge) => edge.node.reference);
  };
  const trailCount = async () => ((await execute(server, TRAIL, {}, admin)).data!.networkAuditTrail as { totalCount: number }).totalCount;

  beforeAll(async () => {
    server = await startTestNetworkSubgraph(backend, { registrySeedFile: DEMO_REGISTRY });
    for (const [key, input] of [
      ["dreets", { name: "DREETS", kind: "STATE" }],
      ["bretagne", { name: "Région Bretagne", kind: "REGION", contactEmail: "emploi@bretagne.bzh" }],
      ["isere", { name: "Département de l'Isère", kind: "DEPARTEMENT" }],
      ["fse", { name: "FSE+ Occitanie", kind: "EUROPEAN_SOCIAL_FUND" }],
    ] as const) {
      const { data, errors } = await execute(server, CREATE_PARTNER, { input }, admin);
      expect(errors).toBeUndefined();
      partners[key] = (data!.createPartner as { id: string }).id;
    }
  });
  afterAll(() => server?.stop());

  it("signs agreements for the network, a region and a département, each covering the registry's cooperatives of its territory", async () => {
    agreements.network = await sign(
      signing({ reference: "2026-DREETS-001", indicatorsOwed: ["SUPPORTED", "SUPPORT_GIVEN", "FOLLOW_UPS"] }),
    );
    agreements.bretagne = await sign(
      signing({
        partnerId: partners.bretagne,
        reference: "BZH-2025-17",
        territory: { kind: "REGION", region: "Bretagne" },
        startsOn: "2025-01-01",
        endsOn: "2027-12-31",
        amountCents: "9000000",
        signedOn: "2024-12-20",
      }),
    );
    agreements.isere = await sign(
      signing({
        partnerId: partners.isere,
        reference: "CD38-2024",
        territory: { kind: "DEPARTEMENT", departement: "38" },
        startsOn: "2024-01-01",
        endsOn: "2024-12-31",
        amountCents: "2500000",
        signedOn: "2024-02-01",
      }),
    );
    agreements.normandie = await sign(
      signing({
        partnerId: partners.fse,
        reference: "FSE-NOR-1",
        territory: { kind: "REGION", region: "Normandie" },
        startsOn: "2026-03-01",
        endsOn: "2028-02-29",
      }),
    );

    expect(agreements.network).toMatchObject({
      reference: "2026-DREETS-001",
      title: "Accompagnement des porteurs de projet",
      territory: { kind: "NETWORK", region: null, departement: null },
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      amountCents: "15000000",
      signedOn: "2025-12-15",
      indicatorsOwed: ["SUPPORTED", "SUPPORT_GIVEN", "FOLLOW_UPS"],
      partner: { id: partners.dreets, name: "DREETS" },
    });
    expect(agreements.network.id).toMatch(/^network:[0-9a-f-]{36}$/);
    expect(agreements.network.cooperativeIds).toEqual(["alpes-entreprendre", "bretagne-cooperer", "garonne-activites"]);
    expect(agreements.bretagne.cooperativeIds).toEqual(["bretagne-cooperer"]);
    expect(agreements.bretagne.territory).toEqual({ kind: "REGION", region: "Bretagne", departement: null });
    expect(agreements.isere.cooperativeIds).toEqual(["alpes-entreprendre"]);
    expect(agreements.isere.territory).toEqual({ kind: "DEPARTEMENT", region: null, departement: "38" });
    expect(agreements.normandie.cooperativeIds).toEqual([]);

    const read = await execute(server, AGREEMENT, { id: agreements.bretagne.id }, analyst);
    expect(read.errors).toBeUndefined();
    expect(read.data!.fundingAgreement).toEqual(agreements.bretagne);

    const trail = await execute(server, TRAIL, { entityId: agreements.isere.id }, admin);
    const events = (
      trail.data!.networkAuditTrail as { edges: { node: { action: string; entityType: string; actorRole: string; details: string } }[] }
    ).edges;
    expect(events.map((e) => [e.node.action, e.node.entityType, e.node.actorRole])).toEqual([
      ["signFundingAgreement", "FundingAgreement", "NETWORK_ADMIN"],
    ]);
    expect(JSON.parse(events[0].node.details)).toMatchObject({
      partnerId: partners.isere,
      reference: "CD38-2024",
      amountCents: "2500000",
      territory: { kind: "DEPARTEMENT", departement: "38" },
    });
  });

  it("follows the registry: a cooperative that joins is covered, one that leaves is not any more", async () => {
    const joined = await execute(
      server,
      REGISTER,
      {
        input: {
          cooperativeId: "rance-cooperer",
          name: "Rance Coopérer",
          region: "Bretagne",
          departement: "22",
          endpoints: {
            members: "http://127.0.0.1:4141/graphql",
            contracts: "http://127.0.0.1:4142/graphql",
            finance: "http://127.0.0.1:4143/graphql",
          },
          joinedOn: "2026-06-01",
        },
      },
      admin,
    );
    expect(joined.errors).toBeUndefined();
    const covered = async (id: string) =>
      ((await execute(server, AGREEMENT, { id }, analyst)).data!.fundingAgreement as Agreement).cooperativeIds;
    expect(await covered(agreements.bretagne.id)).toEqual(["bretagne-cooperer", "rance-cooperer"]);
    expect(await covered(agreements.network.id)).toContain("rance-cooperer");

    const left = await execute(
      server,
      WITHDRAW,
      { input: { cooperativeId: "rance-cooperer", withdrawnOn: "2026-11-30", reason: "Merged" } },
      admin,
    );
    expect(left.errors).toBeUndefined();
    expect(await covered(agreements.bretagne.id)).toEqual(["bretagne-cooperer"]);
    expect(await covered(agreements.network.id)).toEqual(["alpes-entreprendre", "bretagne-cooperer", "garonne-activites"]);
  });

  it("lists the agreements latest start first, by partner, by a day they cover (both ends included) and by kind of territory", async () => {
    expect(await listed({})).toEqual(["FSE-NOR-1", "2026-DREETS-001", "BZH-2025-17", "CD38-2024"]);
    expect(await listed({ partnerId: partners.bretagne })).toEqual(["BZH-2025-17"]);
    expect(await listed({ activeOn: "2024-06-15" })).toEqual(["CD38-2024"]);
    expect(await listed({ activeOn: "2026-01-01" })).toEqual(["2026-DREETS-001", "BZH-2025-17"]);
    expect(await listed({ activeOn: "2026-12-31" })).toEqual(["FSE-NOR-1", "2026-DREETS-001", "BZH-2025-17"]);
    expect(await listed({ activeOn: "2027-01-01" })).toEqual(["FSE-NOR-1", "BZH-2025-17"]);
    expect(await listed({ activeOn: "2023-12-31" })).toEqual([]);
    expect(await listed({ territoryKind: "REGION" })).toEqual(["FSE-NOR-1", "BZH-2025-17"]);
    expect(await listed({ territoryKind: "REGION", activeOn: "2025-06-01" })).toEqual(["BZH-2025-17"]);

    const first = await execute(server, AGREEMENTS, { first: 3 }, analyst);
    const page = first.data!.fundingAgreements as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(page).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const rest = await execute(server, AGREEMENTS, { first: 3, after: page.pageInfo.endCursor }, analyst);
    expect((rest.data!.fundingAgreements as { edges: { node: { reference: string } }[] }).edges.map((e) => e.node.reference)).toEqual([
      "CD38-2024",
    ]);

    const foreign = await execute(server, AGREEMENTS, { partnerId: "alpes-entreprendre:00000000-0000-4000-8000-000000000000" }, analyst);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "partnerId" });
  });

  it("gives each partner its agreements, latest start first", async () => {
    await sign(signing({ reference: "2025-DREETS-014", startsOn: "2025-01-01", endsOn: "2025-12-31", signedOn: "2024-12-01" }));
    const { data, errors } = await execute(
      server,
      `query ($id: ID!) { partner(id: $id) { fundingAgreements { reference partner { id } } } }`,
      { id: partners.dreets },
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data!.partner).toEqual({
      fundingAgreements: [
        { reference: "2026-DREETS-001", partner: { id: partners.dreets } },
        { reference: "2025-DREETS-014", partner: { id: partners.dreets } },
      ],
    });
  });

  it("takes a reference another partner uses, and refuses one the same partner has, whatever its case", async () => {
    const other = await execute(
      server,
      SIGN,
      { input: signing({ partnerId: partners.fse, reference: "2026-DREETS-001", territory: { kind: "NETWORK" } }) },
      admin,
    );
    expect(other.errors).toBeUndefined();
    const total = (await listed({})).length;
    const again = await execute(server, SIGN, { input: signing({ reference: "2026-dreets-001" }) }, admin);
    expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.reference" });
    expect(await listed({})).toHaveLength(total);
  });

  it.each([
    [
      "a region for a DEPARTEMENT territory",
      { territory: { kind: "DEPARTEMENT", departement: "35", region: "Bretagne" } },
      "BAD_USER_INPUT",
      "input.territory.region",
    ],
    [
      "a département for a REGION territory",
      { territory: { kind: "REGION", region: "Bretagne", departement: "35" } },
      "BAD_USER_INPUT",
      "input.territory.departement",
    ],
    ["a region for the whole network", { territory: { kind: "NETWORK", region: "Bretagne" } }, "BAD_USER_INPUT", "input.territory.region"],
    [
      "a département for the whole network",
      { territory: { kind: "NETWORK", departement: "35" } },
      "BAD_USER_INPUT",
      "input.territory.departement",
    ],
    ["a REGION territory without its region", { territory: { kind: "REGION", region: "  " } }, "BAD_USER_INPUT", "input.territory.region"],
    [
      "a DEPARTEMENT territory without its département",
      { territory: { kind: "DEPARTEMENT" } },
      "BAD_USER_INPUT",
      "input.territory.departement",
    ],
    [
      "a département INSEE does not have",
      { territory: { kind: "DEPARTEMENT", departement: "20" } },
      "BAD_USER_INPUT",
      "input.territory.departement",
    ],
    ["a last day before the first", { startsOn: "2026-06-01", endsOn: "2026-05-31" }, "BAD_USER_INPUT", "input.endsOn"],
    ["a period longer than ten years", { startsOn: "2020-01-01", endsOn: "2030-01-02" }, "BAD_USER_INPUT", "input.endsOn"],
    ["a zero amount", { amountCents: "0" }, "BAD_USER_INPUT", "input.amountCents"],
    ["a negative amount", { amountCents: "-100" }, "BAD_USER_INPUT", "input.amountCents"],
    ["an amount above one billion euros", { amountCents: "100000000001" }, "BAD_USER_INPUT", "input.amountCents"],
    ["no indicator owed", { indicatorsOwed: [] }, "BAD_USER_INPUT", "input.indicatorsOwed"],
    ["an indicator owed twice", { indicatorsOwed: ["SUPPORTED", "ENTRIES", "SUPPORTED"] }, "BAD_USER_INPUT", "input.indicatorsOwed"],
    ["a signature in the future", { signedOn: "2999-01-01" }, "BAD_USER_INPUT", "input.signedOn"],
    ["a first day decades ahead", { startsOn: "2999-01-01", endsOn: "2999-12-31" }, "BAD_USER_INPUT", "input.startsOn"],
    ["an empty reference", { reference: " " }, "BAD_USER_INPUT", "input.reference"],
    ["an empty title", { title: "" }, "BAD_USER_INPUT", "input.title"],
    ["a partner the network does not have", { partnerId: "network:00000000-0000-4000-8000-000000000000" }, "NOT_FOUND", "input.partnerId"],
    [
      "an ID that is not the network's",
      { partnerId: "alpes-entreprendre:00000000-0000-4000-8000-000000000000" },
      "BAD_USER_INPUT",
      "input.partnerId",
    ],
  ])("refuses an agreement with %s, naming the field, and records nothing", async (_case, overrides, code, field) => {
    const [before, trailBefore] = [await listed({}), await trailCount()];
    const { data, errors } = await execute(server, SIGN, { input: signing({ reference: "NEW-1", ...overrides }) }, admin);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code, field });
    expect(await listed({})).toEqual(before);
    expect(await trailCount()).toBe(trailBefore);
  });

  it("refuses an indicator the funder report does not have (the enum lists exactly its parts)", async () => {
    const { errors } = await execute(server, SIGN, { input: signing({ reference: "NEW-2", indicatorsOwed: ["TURNOVER"] }) }, admin);
    expect(errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const { data } = await execute(server, `{ __type(name: "FunderReportPart") { enumValues { name description } } }`, {}, analyst);
    const values = (data!.__type as { enumValues: { name: string; description: string }[] }).enumValues;
    expect(values.map((value) => value.name)).toEqual(FUNDER_REPORT_PART_KEYS);
    expect(values.find((value) => value.name === "FOLLOW_UPS")!.description).toBe("Suivi après la sortie.");
  });

  it("amends an agreement, each amendment audited with before and after", async () => {
    const id = agreements.bretagne.id;
    const extended = await execute(
      server,
      AMEND,
      { input: { fundingAgreementId: id, endsOn: "2028-06-30", amountCents: "10500000" } },
      admin,
    );
    expect(extended.errors).toBeUndefined();
    expect(extended.data!.amendFundingAgreement).toMatchObject({
      endsOn: "2028-06-30",
      amountCents: "10500000",
      title: agreements.bretagne.title,
    });
    const reparted = await execute(
      server,
      AMEND,
      {
        input: { fundingAgreementId: id, indicatorsOwed: ["RECEIVED_PROFILE", "SUPPORTED"], title: "Parcours entrepreneurial en Bretagne" },
      },
      admin,
    );
    expect(reparted.errors).toBeUndefined();
    expect(reparted.data!.amendFundingAgreement).toMatchObject({
      endsOn: "2028-06-30",
      indicatorsOwed: ["RECEIVED_PROFILE", "SUPPORTED"],
      title: "Parcours entrepreneurial en Bretagne",
    });
    expect(((await execute(server, AGREEMENT, { id }, analyst)).data!.fundingAgreement as Agreement).amountCents).toBe("10500000");

    const trail = await execute(server, TRAIL, { entityId: id }, admin);
    const events = (trail.data!.networkAuditTrail as { edges: { node: { action: string; details: string } }[] }).edges.map((e) => e.node);
    expect(events.map((e) => e.action)).toEqual(["amendFundingAgreement", "amendFundingAgreement", "signFundingAgreement"]);
    expect(JSON.parse(events[1].details)).toMatchObject({
      before: { endsOn: "2027-12-31", amountCents: "9000000", indicatorsOwed: ["SUPPORTED", "ENTRIES"] },
      after: { endsOn: "2028-06-30", amountCents: "10500000", indicatorsOwed: ["SUPPORTED", "ENTRIES"] },
    });
    expect(JSON.parse(events[0].details)).toMatchObject({
      before: { indicatorsOwed: ["SUPPORTED", "ENTRIES"], title: "Accompagnement des porteurs de projet" },
      after: { indicatorsOwed: ["RECEIVED_PROFILE", "SUPPORTED"], title: "Parcours entrepreneurial en Bretagne" },
    });
  });

  it.each([
    ["a last day before the first", { endsOn: "2024-12-31" }, "BAD_USER_INPUT", "input.endsOn"],
    ["a period longer than ten years", { endsOn: "2035-01-02" }, "BAD_USER_INPUT", "input.endsOn"],
    ["a zero amount", { amountCents: "0" }, "BAD_USER_INPUT", "input.amountCents"],
    ["no indicator owed", { indicatorsOwed: [] }, "BAD_USER_INPUT", "input.indicatorsOwed"],
    ["an indicator owed twice", { indicatorsOwed: ["ENTRIES", "ENTRIES"] }, "BAD_USER_INPUT", "input.indicatorsOwed"],
    ["an empty title", { title: "  " }, "BAD_USER_INPUT", "input.title"],
    ["nothing to amend", {}, "BAD_USER_INPUT", "input"],
    ["only the values it has", { endsOn: "2028-06-30", amountCents: "10500000" }, "BAD_USER_INPUT", "input"],
  ])("refuses an amendment with %s, naming the field, and changes nothing", async (_case, changes, code, field) => {
    const id = agreements.bretagne.id;
    const [before, trailBefore] = [(await execute(server, AGREEMENT, { id }, analyst)).data!.fundingAgreement, await trailCount()];
    const { data, errors } = await execute(server, AMEND, { input: { fundingAgreementId: id, ...changes } }, admin);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code, field });
    expect((await execute(server, AGREEMENT, { id }, analyst)).data!.fundingAgreement).toEqual(before);
    expect(await trailCount()).toBe(trailBefore);
  });

  it("answers NOT_FOUND for amending an agreement the network does not have, and null when reading it", async () => {
    const missing = "network:00000000-0000-4000-8000-000000000000";
    const amended = await execute(server, AMEND, { input: { fundingAgreementId: missing, title: "x" } }, admin);
    expect(amended.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", field: "input.fundingAgreementId" });
    const read = await execute(server, AGREEMENT, { id: missing }, analyst);
    expect(read.errors).toBeUndefined();
    expect(read.data!.fundingAgreement).toBeNull();
  });

  it("lets the database refuse what the API refuses, whoever writes", async () => {
    const db = server.database.dataSource;
    const [{ id: partnerId }] = (await db.query("SELECT id FROM partners LIMIT 1")) as { id: string }[];
    const insert = (columns: Record<string, unknown>) => {
      const row = {
        partner_id: partnerId,
        reference: `SQL-${Math.random()}`,
        title: "t",
        territory_kind: "NETWORK",
        territory_region: null,
        territory_departement: null,
        starts_on: "2026-01-01",
        ends_on: "2026-12-31",
        amount_cents: "1",
        signed_on: "2026-01-01",
        indicators_owed: ["SUPPORTED"],
        ...columns,
      };
      const names = Object.keys(row);
      return db.query(
        `INSERT INTO funding_agreements (${names.join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")})`,
        Object.values(row),
      );
    };
    await expect(insert({ amount_cents: "0" })).rejects.toThrow(/check/i);
    await expect(insert({ ends_on: "2025-12-31" })).rejects.toThrow(/check/i);
    await expect(insert({ ends_on: "2036-01-02" })).rejects.toThrow(/check/i);
    await expect(insert({ territory_kind: "REGION" })).rejects.toThrow(/check/i);
    await expect(insert({ territory_region: "Bretagne" })).rejects.toThrow(/check/i);
    await expect(insert({ territory_kind: "DEPARTEMENT", territory_departement: "20" })).rejects.toThrow(/check/i);
    await expect(insert({ indicators_owed: [] })).rejects.toThrow(/check/i);
    await expect(insert({ indicators_owed: ["SUPPORTED", "SUPPORTED"] })).rejects.toThrow(/check/i);
    await expect(insert({ indicators_owed: ["TURNOVER"] })).rejects.toThrow(/check/i);
    // The same row within the rules is taken: the checks refuse the faults, not the row.
    await expect(insert({ territory_kind: "DEPARTEMENT", territory_departement: "2A", ends_on: "2035-12-31" })).resolves.toBeDefined();
    await db.query("DELETE FROM funding_agreements WHERE reference LIKE 'SQL-%'");
  });

  it("reads a page of agreements with their partners, the partners' agreements and the cooperatives covered in a bounded number of statements", async () => {
    const query = `query ($first: Int) { fundingAgreements(first: $first) { totalCount edges { node {
      id territory { kind } cooperativeIds partner { id name kind fundingAgreements { id cooperativeIds } }
    } } } }`;
    const cost = async () => {
      const before = server.database.statementCount;
      const { data, errors } = await execute(server, query, { first: 50 }, analyst);
      expect(errors).toBeUndefined();
      return { statements: server.database.statementCount - before, count: (data!.fundingAgreements as { edges: unknown[] }).edges.length };
    };
    const small = await cost();
    for (let i = 0; i < 12; i++) {
      const partnerId = [partners.dreets, partners.bretagne, partners.isere, partners.fse][i % 4];
      const territory = [{ kind: "NETWORK" }, { kind: "REGION", region: "Occitanie" }, { kind: "DEPARTEMENT", departement: "35" }][i % 3];
      await sign(
        signing({
          partnerId,
          reference: `BULK-${i}`,
          territory,
          startsOn: `2025-${String(i + 1).padStart(2, "0")}-01`,
          endsOn: "2026-12-31",
        }),
      );
    }
    const large = await cost();
    expect(large.count).toBe(small.count + 12);
    // The count, the page, the partners, their agreements, the registry: whatever the page's length.
    expect(large.statements).toBeLessThanOrEqual(5);
    expect(large.statements).toBe(small.statements);

    const before = server.database.statementCount;
    const partnersPage = await execute(
      server,
      `{ partners(first: 50) { edges { node { id fundingAgreements { id cooperativeIds partner { id } } } } } }`,
      {},
      analyst,
    );
    expect(partnersPage.errors).toBeUndefined();
    expect(server.database.statementCount - before).toBeLessThanOrEqual(5);
  });

  it("gives the gateway's credential no agreement, and a network analyst the partner's contact", async () => {
    // The gateway routes by the registry only: a report's agreement is read with its reader's own token.
    const read = await execute(server, AGREEMENT, { id: agreements.bretagne.id }, service);
    expect(read.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await execute(server, AGREEMENTS, { first: 10 }, service)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const staff = await execute(
      server,
      `query ($id: ID!) { fundingAgreement(id: $id) { partner { contactEmail } } }`,
      { id: agreements.bretagne.id },
      analyst,
    );
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.fundingAgreement).toEqual({ partner: { contactEmail: "emploi@bretagne.bzh" } });
  });

  it.each(["COOP_ADMIN", "COUNSELOR", "ENTREPRENEUR"] as const)("shows a %s no agreement", async (role) => {
    expect((await execute(server, AGREEMENTS, { first: 10 }, coopCaller(role))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const one = await execute(server, AGREEMENT, { id: agreements.network.id }, coopCaller(role));
    expect(one.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(one.data?.fundingAgreement ?? null).toBeNull();
  });

  it.each(["NETWORK_ANALYST", "NETWORK_SERVICE", "COOP_ADMIN", "COUNSELOR", "ENTREPRENEUR"] as const)(
    "lets no %s sign or amend an agreement",
    async (role) => {
      const caller = role.startsWith("NETWORK") ? testCaller(role) : coopCaller(role as "COOP_ADMIN");
      const [before, trailBefore] = [await listed({}), await trailCount()];
      const signed = await execute(server, SIGN, { input: signing({ reference: `BY-${role}` }) }, caller);
      expect(signed.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const amended = await execute(server, AMEND, { input: { fundingAgreementId: agreements.network.id, title: "Changed" } }, caller);
      expect(amended.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(await listed({})).toEqual(before);
      expect(((await execute(server, AGREEMENT, { id: agreements.network.id }, analyst)).data!.fundingAgreement as Agreement).title).toBe(
        agreements.network.title,
      );
      expect(await trailCount()).toBe(trailBefore);
    },
  );

  it("resolves to null an agreement's representation whose id is missing, null, no string or not the network's", async () => {
    // Found by the fuzzer (tools/src/fuzz/__tests__/fuzz-network.subgraph.test.ts): an INTERNAL_SERVER_ERROR before.
    const { id, reference } = agreements.network;
    const representations = [undefined, null, { nested: true }, 12, id.replace("network:", "alpes-entreprendre:"), id].map((value) => ({
      __typename: "FundingAgreement",
      ...(value !== undefined && { id: value }),
    }));
    const { data, errors } = await execute(
      server,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on FundingAgreement { id reference } } }`,
      { r: representations },
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([null, null, null, null, null, { id, reference }]);
  });
});
