import { isDepartementCode } from "@cae/shared";
import { checkedEntrySituation, departementCode, type EntryFacts } from "../entry-situation.rules";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: Record<string, unknown>; message: string };
    return { code: extensions.code, field: extensions.field, message };
  }
  throw new Error("expected a refusal");
};

describe("the département rule", () => {
  it("accepts every département's INSEE code, Corsica's and overseas included", () => {
    const metropolitan = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).filter((code) => code !== "20");
    for (const code of [...metropolitan, "2A", "2B", "971", "972", "973", "974", "975", "976"]) expect(isDepartementCode(code)).toBe(true);
    expect(metropolitan).toHaveLength(94);
  });

  it.each(["00", "20", "96", "99", "97", "970", "977", "978", "984", "988", "2C", "2a", "1", "001", "750", " 75", "75 ", "", "A2"])(
    "refuses %j",
    (code) => expect(isDepartementCode(code)).toBe(false),
  );

  it("agrees with the table's check on every code of two or three digits, A or B", () => {
    // The CHECK of entry_situations.departement (migration FunderFacts), copied: what the rule lets
    // through, the table stores; what the table would refuse, the rule refuses first.
    const table = (code: string) => /^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$/.test(code) && code !== "20";
    const symbols = [..."0123456789AB"];
    const codes = symbols.flatMap((a) => symbols.flatMap((b) => [a + b, ...symbols.map((c) => a + b + c)]));
    expect(codes.filter((code) => isDepartementCode(code) !== table(code))).toEqual([]);
    // 94 numbered ones in metropolitan France, 2A and 2B, and six overseas.
    expect(codes.filter(isDepartementCode)).toHaveLength(102);
  });

  it("reads a code as given, trimmed and upper-cased; blank is not said", () => {
    expect(departementCode(" 31 ", "input.departement")).toBe("31");
    expect(departementCode("2a", "input.departement")).toBe("2A");
    expect(departementCode("971", "input.departement")).toBe("971");
    expect(departementCode(null, "input.departement")).toBeNull();
    expect(departementCode(undefined, "input.departement")).toBeNull();
    expect(departementCode("   ", "input.departement")).toBeNull();
  });

  it("refuses anything else with BAD_USER_INPUT naming the field, and says what Corsica is", () => {
    expect(refusal(() => departementCode("20", "input.entrySituation.departement"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.entrySituation.departement",
      message: expect.stringMatching(/"2A" or "2B"/),
    });
    for (const code of ["99", "31000", "x".repeat(10_000), "7 5"]) {
      expect(refusal(() => departementCode(code, "input.departement"))).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.departement",
      });
    }
    expect(refusal(() => departementCode("x".repeat(10_000), "input.departement")).message.length).toBeLessThan(200);
  });
});

describe("the situation at entry", () => {
  const facts: EntryFacts = { receivedOn: "2026-10-12", birthYear: 1990 };
  const TODAY = "2026-11-01";
  const check = (input: Parameters<typeof checkedEntrySituation>[0], field = "input", given = facts) =>
    checkedEntrySituation(input, field, given, TODAY);

  it("reads every answer left out as not asked or not said", () => {
    expect(check({})).toEqual({
      jobSeeker: null,
      jobSeekerSince: null,
      unemploymentBenefit: null,
      rsa: null,
      disabilityRecognised: null,
      educationLevel: null,
      priorityNeighbourhood: null,
      departement: null,
    });
  });

  it("keeps a whole situation as given", () => {
    const situation = {
      jobSeeker: true,
      jobSeekerSince: "2025-03-01",
      unemploymentBenefit: true,
      rsa: false,
      disabilityRecognised: false,
      educationLevel: "LEVEL_5" as const,
      priorityNeighbourhood: true,
      departement: "2b",
    };
    expect(check(situation)).toEqual({ ...situation, departement: "2B" });
    // The reception's own day, and the first of January of the year the person turned 16.
    expect(check({ jobSeeker: true, jobSeekerSince: "2026-10-12" }).jobSeekerSince).toBe("2026-10-12");
    expect(check({ jobSeeker: true, jobSeekerSince: "2006-01-01" }).jobSeekerSince).toBe("2006-01-01");
    expect(check({ jobSeeker: true, jobSeekerSince: "1995-06-01" }, "input", { ...facts, birthYear: null }).jobSeekerSince).toBe(
      "1995-06-01",
    );
    // Without a registration said either way, the benefit is taken as told.
    expect(check({ unemploymentBenefit: true }).unemploymentBenefit).toBe(true);
  });

  it.each([
    [{ jobSeeker: false, jobSeekerSince: "2025-03-01" }, "jobSeekerSince", /registered job seeker only/],
    [{ jobSeekerSince: "2025-03-01" }, "jobSeekerSince", /registered job seeker only/],
    [{ jobSeeker: true, jobSeekerSince: "2026-11-02" }, "jobSeekerSince", /in the future/],
    [{ jobSeeker: true, jobSeekerSince: "2026-10-13" }, "jobSeekerSince", /after the reception/],
    [{ jobSeeker: true, jobSeekerSince: "2005-12-31" }, "jobSeekerSince", /before the person was 16/],
    [{ jobSeeker: true, jobSeekerSince: "1899-01-01" }, "jobSeekerSince", /not a plausible date/],
    [{ jobSeeker: false, unemploymentBenefit: true }, "unemploymentBenefit", /registered job seekers/],
    [{ departement: "20" }, "departement", /Corsica/],
  ])("refuses %j on its field, prefixed as asked", (input, name, message) => {
    for (const prefix of ["input", "input.entrySituation"]) {
      expect(refusal(() => check(input, prefix))).toEqual({
        code: "BAD_USER_INPUT",
        field: `${prefix}.${name}`,
        message: expect.stringMatching(message),
      });
    }
  });
});
