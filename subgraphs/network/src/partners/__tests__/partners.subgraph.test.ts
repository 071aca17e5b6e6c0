import { withSiretKey } from "@cae/shared";
import { databaseBackends, execute, startTestNetworkSubgraph, testCaller } from "@cae/tools/testing";
import type { NetworkSubgraphServer } from "../../server";

const admin = testCaller("NETWORK_ADMIN");
const analyst = testCaller("NETWORK_ANALYST");
const service = testCaller("NETWORK_SERVICE");
const coopCaller = (role: "COOP_ADMIN" | "COUNSELOR" | "ENTREPRENEUR") =>
  testCaller(role, "alpes-entreprendre", role === "ENTREPRENEUR" ? "alpes-entreprendre:00000000-0000-4000-8000-000000000001" : undefined);

const PARTNER_FIELDS = "id name kind siret contactEmail createdAt";
const CREATE = `mutation ($input: CreateNetworkPartnerInput!) { createPartner(input: $input) { ${PARTNER_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateNetworkPartnerInput!) { updatePartner(input: $input) { ${PARTNER_FIELDS} } }`;
const PARTNER = `query ($id: ID!) { partner(id: $id) { ${PARTNER_FIELDS} } }`;
const PARTNERS = `query ($first: Int, $after: String, $kind: NetworkPartnerKind) {
  partners(first: $first, after: $after, kind: $kind) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } }
}`;
const TRAIL = `query ($entityId: ID) { networkAuditTrail(first: 100, entityId: $entityId) { totalCount edges { node { action entityType entityId actorRole details } } } }`;

type PartnerNode = { id: string; name: string; kind: string; siret: string | null; contactEmail: string | null };
const SIRET = withSiretKey("1300092750001");

describe.each(databaseBackends())("the network's partners on %s PostgreSQL", (backend) => {
  let server: NetworkSubgraphServer & { stop(): Promise<void> };

  beforeAll(async () => {
    server = await startTestNetworkSubgraph(backend);
  });
  afterAll(() => server?.stop());

  const create = async (input: Record<string, unknown>) => {
    const { data, errors } = await execute(server, CREATE, { input }, admin);
    expect(errors).toBeUndefined();
    return data!.createPartner as PartnerNode;
  };
  const names = async (variables: Record<string, unknown> = {}) => {
    const { data, errors } = await execute(server, PARTNERS, { first: 100, ...variables }, analyst);
    expect(errors).toBeUndefined();
    return (data!.partners as { edges: { node: PartnerNode }[] }).edges.map((edge) => edge.node.name);
  };
  const trailCount = async () => (await execute(server, TRAIL, {}, admin)).data!.networkAuditTrail as { totalCount: number };

  it("adds a partner, audited, and reads it back by ID and in the list", async () => {
    const created = await create({
      name: "  DREETS Bretagne ",
      kind: "STATE",
      siret: `${SIRET.slice(0, 3)} ${SIRET.slice(3, 6)} ${SIRET.slice(6, 9)} ${SIRET.slice(9)}`,
      contactEmail: "Subventions@DREETS.gouv.fr",
    });
    expect(created).toMatchObject({ name: "DREETS Bretagne", kind: "STATE", siret: SIRET, contactEmail: "subventions@dreets.gouv.fr" });
    expect(created.id).toMatch(/^network:[0-9a-f-]{36}$/);

    const read = await execute(server, PARTNER, { id: created.id }, analyst);
    expect(read.errors).toBeUndefined();
    expect(read.data!.partner).toEqual(created);

    const trail = await execute(server, TRAIL, { entityId: created.id }, admin);
    const events = (trail.data!.networkAuditTrail as { edges: { node: { action: string; actorRole: string; details: string } }[] }).edges;
    expect(events.map((e) => [e.node.action, e.node.actorRole])).toEqual([["createPartner", "NETWORK_ADMIN"]]);
    expect(JSON.parse(events[0].node.details)).toMatchObject({ name: "DREETS Bretagne", kind: "STATE", siret: SIRET });
  });

  it("lists the partners by name, a page at a time, and by kind", async () => {
    await create({ name: "Région Bretagne", kind: "REGION" });
    await create({ name: "France Travail Occitanie", kind: "EMPLOYMENT_SERVICE" });
    await create({ name: "Fondation Entreprendre", kind: "FOUNDATION" });
    await create({ name: "Région Occitanie", kind: "REGION" });

    expect(await names()).toEqual([
      "DREETS Bretagne",
      "Fondation Entreprendre",
      "France Travail Occitanie",
      "Région Bretagne",
      "Région Occitanie",
    ]);
    expect(await names({ kind: "REGION" })).toEqual(["Région Bretagne", "Région Occitanie"]);

    const first = await execute(server, PARTNERS, { first: 2 }, analyst);
    const page1 = first.data!.partners as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: PartnerNode }[];
    };
    expect(page1.totalCount).toBe(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await execute(server, PARTNERS, { first: 2, after: page1.pageInfo.endCursor }, analyst);
    expect((second.data!.partners as { edges: { node: PartnerNode }[] }).edges.map((e) => e.node.name)).toEqual([
      "France Travail Occitanie",
      "Région Bretagne",
    ]);
    const bad = await execute(server, PARTNERS, { first: 2, after: "nonsense" }, analyst);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each([
    ["an empty name", { name: "   ", kind: "OTHER" }, "BAD_USER_INPUT", "input.name"],
    ["a name another partner has, whatever its case", { name: "dreets BRETAGNE", kind: "OTHER" }, "CONFLICT", "input.name"],
    [
      "a SIRET with a wrong key",
      { name: "Mairie de Rennes", kind: "LOCAL_AUTHORITY", siret: `${SIRET.slice(0, 13)}${(Number(SIRET[13]) + 1) % 10}` },
      "BAD_USER_INPUT",
      "input.siret",
    ],
    [
      "a SIRET of 13 digits",
      { name: "Mairie de Rennes", kind: "LOCAL_AUTHORITY", siret: SIRET.slice(0, 13) },
      "BAD_USER_INPUT",
      "input.siret",
    ],
    [
      "an email that is not one",
      { name: "Mairie de Rennes", kind: "LOCAL_AUTHORITY", contactEmail: "mairie.rennes.fr" },
      "BAD_USER_INPUT",
      "input.contactEmail",
    ],
  ])("refuses %s, naming the field, and adds nothing", async (_case, input, code, field) => {
    const [before, trailBefore] = [await names(), await trailCount()];
    const { data, errors } = await execute(server, CREATE, { input }, admin);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code, field });
    expect(await names()).toEqual(before);
    expect((await trailCount()).totalCount).toBe(trailBefore.totalCount);
  });

  it("corrects a partner, audited with before and after, and clears its email", async () => {
    const partner = await create({
      name: "Conseil départemental d'Ille-et-Vilaine",
      kind: "OTHER",
      contactEmail: "insertion@ille-et-vilaine.fr",
    });
    const { data, errors } = await execute(
      server,
      UPDATE,
      { input: { partnerId: partner.id, kind: "DEPARTEMENT", name: "Département d'Ille-et-Vilaine", contactEmail: null } },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data!.updatePartner).toMatchObject({
      id: partner.id,
      kind: "DEPARTEMENT",
      name: "Département d'Ille-et-Vilaine",
      contactEmail: null,
    });
    // A field left out stays as it was.
    const siretOnly = await execute(server, UPDATE, { input: { partnerId: partner.id, siret: SIRET } }, admin);
    expect(siretOnly.data!.updatePartner).toMatchObject({ kind: "DEPARTEMENT", name: "Département d'Ille-et-Vilaine", siret: SIRET });

    const trail = await execute(server, TRAIL, { entityId: partner.id }, admin);
    const events = (trail.data!.networkAuditTrail as { edges: { node: { action: string; details: string } }[] }).edges.map((e) => e.node);
    expect(events.map((e) => e.action)).toEqual(["updatePartner", "updatePartner", "createPartner"]);
    expect(JSON.parse(events[1].details)).toMatchObject({
      before: { kind: "OTHER", name: "Conseil départemental d'Ille-et-Vilaine", contactEmail: "insertion@ille-et-vilaine.fr" },
      after: { kind: "DEPARTEMENT", name: "Département d'Ille-et-Vilaine", contactEmail: null },
    });
  });

  it("lets a partner change the case of its own name", async () => {
    const partner = await create({ name: "Fonds social européen", kind: "EUROPEAN_SOCIAL_FUND" });
    const recased = await execute(server, UPDATE, { input: { partnerId: partner.id, name: "Fonds Social Européen" } }, admin);
    expect(recased.errors).toBeUndefined();
    expect(recased.data!.updatePartner).toMatchObject({ name: "Fonds Social Européen" });
  });

  it.each([
    ["another partner's name", (id: string) => ({ partnerId: id, name: "RÉGION BRETAGNE" }), "CONFLICT", "input.name"],
    ["an empty name", (id: string) => ({ partnerId: id, name: " " }), "BAD_USER_INPUT", "input.name"],
    ["a wrong SIRET", (id: string) => ({ partnerId: id, siret: "12345678901234" }), "BAD_USER_INPUT", "input.siret"],
    ["nothing to change", (id: string) => ({ partnerId: id }), "BAD_USER_INPUT", "input"],
    [
      "a partner the network does not have",
      () => ({ partnerId: "network:00000000-0000-4000-8000-000000000000", name: "X" }),
      "NOT_FOUND",
      "input.partnerId",
    ],
    [
      "an ID that is not the network's",
      () => ({ partnerId: "alpes-entreprendre:00000000-0000-4000-8000-000000000000", name: "X" }),
      "BAD_USER_INPUT",
      "input.partnerId",
    ],
  ])("refuses a correction with %s, naming the field, and changes nothing", async (_case, input, code, field) => {
    const partner = (await execute(server, PARTNERS, { first: 100 }, analyst)).data!.partners as { edges: { node: PartnerNode }[] };
    const target = partner.edges.find((edge) => edge.node.name === "France Travail Occitanie")!.node;
    const trailBefore = await trailCount();
    const { data, errors } = await execute(server, UPDATE, { input: input(target.id) }, admin);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code, field });
    expect((await execute(server, PARTNER, { id: target.id }, analyst)).data!.partner).toMatchObject({
      name: "France Travail Occitanie",
      siret: null,
    });
    expect((await trailCount()).totalCount).toBe(trailBefore.totalCount);
  });

  it("answers null for a partner the network does not have, and BAD_USER_INPUT for an ID that is not the network's", async () => {
    const missing = await execute(server, PARTNER, { id: "network:00000000-0000-4000-8000-000000000000" }, analyst);
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.partner).toBeNull();
    const foreign = await execute(server, PARTNER, { id: "alpes-entreprendre:00000000-0000-4000-8000-000000000000" }, analyst);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it.each(["NETWORK_ANALYST", "NETWORK_SERVICE", "COOP_ADMIN", "COUNSELOR", "ENTREPRENEUR"] as const)(
    "lets no %s add or correct a partner",
    async (role) => {
      const caller = role.startsWith("NETWORK") ? testCaller(role) : coopCaller(role as "COOP_ADMIN");
      const before = await names();
      const created = await execute(server, CREATE, { input: { name: "Métropole de Lyon", kind: "LOCAL_AUTHORITY" } }, caller);
      expect(created.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const target = (await execute(server, PARTNERS, { first: 1 }, analyst)).data!.partners as { edges: { node: PartnerNode }[] };
      const updated = await execute(server, UPDATE, { input: { partnerId: target.edges[0].node.id, name: "Renamed" } }, caller);
      expect(updated.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(await names()).toEqual(before);
    },
  );

  it.each(["COOP_ADMIN", "COUNSELOR", "ENTREPRENEUR"] as const)("shows a %s neither the list of partners nor one partner", async (role) => {
    const target = ((await execute(server, PARTNERS, { first: 1 }, analyst)).data!.partners as { edges: { node: PartnerNode }[] }).edges[0]
      .node;
    expect((await execute(server, PARTNERS, { first: 10 }, coopCaller(role))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const one = await execute(server, PARTNER, { id: target.id }, coopCaller(role));
    expect(one.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(one.data?.partner ?? null).toBeNull();
  });

  it("gives the network's admins and analysts the directory, and not the gateway's credential", async () => {
    const target = ((await execute(server, PARTNERS, { first: 1 }, analyst)).data!.partners as { edges: { node: PartnerNode }[] }).edges[0]
      .node;
    expect((await execute(server, PARTNER, { id: target.id }, admin)).errors).toBeUndefined();
    expect((await execute(server, PARTNERS, { first: 10 }, service)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await execute(server, PARTNER, { id: target.id }, service)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
