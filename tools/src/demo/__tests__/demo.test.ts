import type { ContractKind } from "@cae/shared";
import { demoUuid, generateDemoCooperative } from "../generate";
import { DEMO_COOPERATIVES, type DemoCooperative, type DemoCooperativeProfile, type IsoDate } from "../types";

const TODAY = "2026-11-01";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// SMIC in cents per hour (docs/contracts.md, "The minimum wage (SMIC)"), kept apart from the generator's own table on purpose.
const SMIC = [
  { from: "2026-01-01", cents: 1202n },
  { from: "2024-11-01", cents: 1188n },
  { from: "2024-01-01", cents: 1165n },
];
const smicOn = (date: IsoDate): bigint => (SMIC.find(({ from }) => from <= date) ?? SMIC[SMIC.length - 1]).cents;
const days = (from: IsoDate, to: IsoDate): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const hundredths = (hours: string): number => Number(hours.replace(".", ""));
const PATH_ORDER: Record<ContractKind, number> = { OBJECTIVE: 0, SUPPORT_AGREEMENT: 1, EMPLOYMENT: 2 };

const small: DemoCooperativeProfile = { id: "petite-cae", name: "Petite CAE", region: "Corse", departments: ["20"], size: 30 };
const large: DemoCooperativeProfile = {
  id: "grande-cae",
  name: "Grande CAE",
  region: "Île-de-France",
  departments: ["75", "93", "971"],
  size: 200,
};
const profiles = [...DEMO_COOPERATIVES, small, large];
const generated = new Map<string, DemoCooperative>(profiles.map((profile) => [profile.id, generateDemoCooperative(profile)]));
const each = profiles.map((profile) => [profile.id, profile, generated.get(profile.id)!] as const);

describe("demoUuid", () => {
  it("is a v4-shaped UUID, stable for the same parts and different for others", () => {
    expect(demoUuid("coop", "person", "0")).toMatch(UUID_V4);
    expect(demoUuid("coop", "person", "0")).toBe(demoUuid("coop", "person", "0"));
    expect(demoUuid("coop", "person", "0")).not.toBe(demoUuid("coop", "person", "1"));
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(demoUuid("ab", "c")).not.toBe(demoUuid("a", "bc"));
  });
});

describe("generateDemoCooperative", () => {
  it("gives deep-equal data for the same profile and different data for another", () => {
    for (const profile of profiles) expect(generateDemoCooperative({ ...profile })).toEqual(generated.get(profile.id));
    const [alpes, bretagne] = DEMO_COOPERATIVES.map((profile) => generated.get(profile.id)!);
    const otherId = generateDemoCooperative({ ...DEMO_COOPERATIVES[0], id: "alpes-entreprendre-bis" });
    expect(otherId.people.map((person) => person.id)).not.toEqual(alpes.people.map((person) => person.id));
    expect(otherId.people.map((person) => person.email)).not.toEqual(alpes.people.map((person) => person.email));
    expect(alpes.people.slice(0, 30).map((person) => person.email)).not.toEqual(bretagne.people.slice(0, 30).map((person) => person.email));
  });

  it("refuses a size outside 30 to 200 or no department", () => {
    expect(() => generateDemoCooperative({ ...small, size: 29 })).toThrow(RangeError);
    expect(() => generateDemoCooperative({ ...small, size: 201 })).toThrow(RangeError);
    expect(() => generateDemoCooperative({ ...small, departments: [] })).toThrow(RangeError);
  });

  it.each(each)("%s: has profile.size people with unique ids, emails and analytic codes", (_id, profile, data) => {
    expect(data.people).toHaveLength(profile.size);
    const ids = [...data.people, ...data.contracts, ...data.accounts].map((entity) => entity.id);
    ids.forEach((id) => expect(id).toMatch(UUID_V4));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(data.people.map((person) => person.email)).size).toBe(profile.size);
    expect(data.accounts.map((account) => account.analyticCode)).toEqual(
      data.accounts.map((_account, index) => `ACT-${String(index + 1).padStart(4, "0")}`),
    );
  });

  it.each(each)("%s: people look like real French people of the region", (_id, profile, data) => {
    for (const person of data.people) {
      expect(person.email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+\d*@example\.fr$/);
      expect(person.phone).toMatch(/^0[67]( \d{2}){4}$/);
      expect(person.postcode).toMatch(/^\d{5}$/);
      expect(profile.departments.some((department) => person.postcode.startsWith(department))).toBe(true);
      expect(person.birthYear).toBeGreaterThanOrEqual(1960);
      expect(person.birthYear).toBeLessThanOrEqual(2002);
      expect(person.firstName.trim()).not.toBe("");
    }
    const women = data.people.filter((person) => person.gender === "FEMALE").length / data.people.length;
    expect(women).toBeGreaterThan(0.4);
    expect(women).toBeLessThan(0.7);
  });

  it("uses accented names and strips accents from emails", () => {
    const people = DEMO_COOPERATIVES.flatMap((profile) => generated.get(profile.id)!.people);
    const accented = people.filter((person) => /[À-ÿ]/.test(person.firstName + person.lastName));
    expect(accented.length).toBeGreaterThan(10);
    const helene = people.find((person) => person.firstName === "Hélène" || person.firstName === "Zoé");
    expect(helene?.email.startsWith(helene.firstName === "Hélène" ? "helene." : "zoe.")).toBe(true);
  });

  it("numbers the emails of namesakes instead of repeating them", () => {
    // Large cooperatives of these IDs are known to draw namesakes, so the collision path really runs.
    const batches = ["a", "alpes-entreprendre"].map((id) => generateDemoCooperative({ ...large, id }).people.map((person) => person.email));
    for (const emails of batches) expect(new Set(emails).size).toBe(emails.length);
    const numbered = batches.flat().filter((email) => /\d@/.test(email));
    expect(numbered.length).toBeGreaterThan(0);
    for (const email of numbered) expect(batches.flat()).toContain(email.replace(/\d+@/, "@"));
  });

  it.each(each)("%s: welcome dates follow the stage", (_id, _profile, data) => {
    for (const person of data.people) {
      expect(person.firstContactOn).toMatch(ISO_DATE);
      expect(person.firstContactOn >= "2022-01-01" && person.firstContactOn <= "2026-10-15").toBe(true);
      if (person.welcomeStage === "PROSPECT") {
        expect(person.receivedOn).toBeNull();
      } else {
        expect(person.receivedOn).toMatch(ISO_DATE);
        const wait = days(person.firstContactOn, person.receivedOn!);
        expect(wait >= 7 && wait <= 40).toBe(true);
        expect(person.receivedOn! <= TODAY).toBe(true);
      }
    }
  });

  it.each(each)("%s: contracts belong to admitted people and follow the path in order", (_id, _profile, data) => {
    const people = new Map(data.people.map((person) => [person.id, person]));
    for (const contract of data.contracts) expect(people.get(contract.personId)?.welcomeStage).toBe("ADMITTED");
    for (const person of data.people.filter((candidate) => candidate.welcomeStage === "ADMITTED")) {
      const path = data.contracts.filter((contract) => contract.personId === person.id);
      expect(path[0]?.kind).toBe("OBJECTIVE");
      const delay = days(person.receivedOn!, path[0].startsOn);
      expect(delay >= 0 && delay <= 30).toBe(true);
      path.forEach((contract, index) => {
        if (contract.endsOn !== null) expect(contract.endsOn >= contract.startsOn).toBe(true);
        const next = path[index + 1];
        if (!next) return;
        expect(PATH_ORDER[next.kind]).toBeGreaterThanOrEqual(PATH_ORDER[contract.kind]);
        expect(next.kind === "EMPLOYMENT" && contract.kind === "EMPLOYMENT").toBe(false);
        expect(contract.endsOn).not.toBeNull();
        expect(next.startsOn > contract.endsOn!).toBe(true);
        if (next.startsOn <= TODAY) expect(contract.status).toBe("ENDED");
      });
    }
  });

  it.each(each)("%s: statuses agree with the dates as of 2026-11-01", (_id, _profile, data) => {
    for (const contract of data.contracts) {
      const ended = contract.endsOn !== null && contract.endsOn < TODAY;
      if (contract.startsOn > TODAY) expect(["DRAFT", "SIGNED"]).toContain(contract.status);
      else expect(contract.status).toBe(ended ? "ENDED" : "RUNNING");
      if (contract.kind === "SUPPORT_AGREEMENT") {
        // At most 12 months: it ends before the same calendar day a year later.
        const yearLater = `${Number(contract.startsOn.slice(0, 4)) + 1}${contract.startsOn.slice(4)}`;
        expect(contract.endsOn).not.toBeNull();
        expect(contract.endsOn! < yearLater).toBe(true);
      }
      if (contract.kind === "EMPLOYMENT" && contract.status !== "ENDED") expect(contract.endsOn).toBeNull();
    }
  });

  it.each(each)("%s: employment contracts pay at least the SMIC for their hours, in bigint cents", (_id, _profile, data) => {
    for (const contract of data.contracts) {
      if (contract.kind !== "EMPLOYMENT") {
        expect(contract.monthlyHours).toBeNull();
        expect(contract.fixedMonthlyPayCents).toBeNull();
        continue;
      }
      expect(contract.monthlyHours).toMatch(/^\d{1,3}\.\d{2}$/);
      const hours = hundredths(contract.monthlyHours!);
      expect(hours).toBeGreaterThanOrEqual(2000);
      expect(hours).toBeLessThanOrEqual(15167);
      expect(typeof contract.fixedMonthlyPayCents).toBe("bigint");
      const floor = (BigInt(hours) * smicOn(contract.startsOn) + 99n) / 100n;
      expect(contract.fixedMonthlyPayCents! >= floor).toBe(true);
    }
  });

  it.each(each)("%s: activity accounts open with the first started CAPE or CESA", (_id, _profile, data) => {
    const labels = /^[A-ZÀ-Ýa-zà-ÿ' -]+$/;
    const holders = new Set<string>();
    for (const person of data.people) {
      const hosted = data.contracts.find((contract) => contract.personId === person.id && contract.kind !== "OBJECTIVE");
      const accounts = data.accounts.filter((account) => account.personId === person.id);
      if (!hosted || hosted.startsOn > TODAY) {
        expect(accounts).toHaveLength(0);
        continue;
      }
      holders.add(person.id);
      expect(accounts.length === 1 || accounts.length === 2).toBe(true);
      for (const account of accounts) {
        expect(account.openedOn).toBe(hosted.startsOn);
        expect(account.label).toMatch(labels);
      }
    }
    expect(data.accounts.every((account) => holders.has(account.personId))).toBe(true);
    const opened = data.accounts.map((account) => account.openedOn);
    expect(opened).toEqual([...opened].sort());
  });

  it("covers every stage and contract kind in each demo cooperative, with services the first sector", () => {
    const sectors = new Map<string, number>();
    for (const profile of DEMO_COOPERATIVES) {
      const data = generated.get(profile.id)!;
      expect(new Set(data.people.map((person) => person.welcomeStage))).toEqual(new Set(["PROSPECT", "RECEIVED", "ORIENTED", "ADMITTED"]));
      expect(new Set(data.contracts.map((contract) => contract.kind))).toEqual(new Set(["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"]));
      expect(data.people.filter((person) => person.welcomeStage === "ADMITTED").length).toBeGreaterThan(profile.size / 2);
      data.accounts.forEach((account) => sectors.set(account.sector, (sectors.get(account.sector) ?? 0) + 1));
    }
    const ranked = [...sectors].sort((a, b) => b[1] - a[1]);
    expect(ranked[0][0]).toBe("SERVICES");
    expect(sectors.size).toBeGreaterThanOrEqual(6);
  });
});
