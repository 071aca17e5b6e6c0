import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { members } from "../../index";
import { isValidSiret } from "@cae/shared";

const COOP = "garonne-activites";

/** The Luhn key, computed here independently of the code under test. */
function withKey(thirteenDigits: string): string {
  for (let key = 0; key <= 9; key++) {
    const digits = `${thirteenDigits}${key}`.split("").map(Number);
    let sum = 0;
    digits.forEach((digit, i) => {
      let value = digit * (i % 2 === 0 ? 2 : 1);
      if (value > 9) value -= 9;
      sum += value;
    });
    if (sum % 10 === 0) return `${thirteenDigits}${key}`;
  }
  throw new Error("no key");
}

describe("SIRET numbers", () => {
  const valid = withKey("4421234560001");
  it("accept 14 digits with a valid key", () => expect(isValidSiret(valid)).toBe(true));
  it.each([
    [valid.slice(0, 13) + String((Number(valid[13]) + 1) % 10), "a wrong key"],
    [valid.slice(0, 13), "13 digits"],
    [`${valid.slice(0, 13)}A`, "a letter"],
  ])("refuse %s (%s)", (siret) => expect(isValidSiret(siret)).toBe(false));
  it("follow La Poste's own rule", () => {
    expect(isValidSiret("35600000000015")).toBe(true); // digits add up to 20
    expect(isValidSiret("35600000000016")).toBe(false);
  });
});

describe.each(databaseBackends())("the cooperative profile on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  const PROFILE = ENTITIES_QUERY("... on Cooperative { profile { legalName legalForm siret region } }");
  const UPDATE = `mutation ($input: UpdateCooperativeProfileInput!) { updateCooperativeProfile(input: $input) { legalName siret } }`;
  const input = {
    cooperativeId: COOP,
    legalName: "Garonne Activités SCOP",
    legalForm: "SCOP_SA",
    siret: "",
    address: "2 rue du Port, Toulouse",
    region: "Occitanie",
  };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
    input.siret = withKey("4421234560001").replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, "$1 $2 $3 $4");
  });
  afterAll(() => server?.stop());

  it("is seeded with a valid SIRET and changed by the admin only", async () => {
    const seeded = await execute(server, PROFILE, { representations: [{ __typename: "Cooperative", id: COOP }] });
    const profile = (seeded.data?._entities as { profile: { siret: string } }[])[0].profile;
    expect(isValidSiret(profile.siret)).toBe(true);

    const byCounselor = await execute(server, UPDATE, { input });
    expect(byCounselor.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const admin = testCaller("COOP_ADMIN", COOP);
    const updated = await execute(server, UPDATE, { input }, admin);
    expect(updated.data?.updateCooperativeProfile).toEqual({ legalName: "Garonne Activités SCOP", siret: input.siret.replace(/ /g, "") });
    const bad = await execute(server, UPDATE, { input: { ...input, siret: "12345678901234" } }, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.siret" });
  });
});
