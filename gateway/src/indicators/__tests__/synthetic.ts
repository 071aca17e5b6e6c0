import {
  AGE_BRACKETS,
  CONTRACT_KINDS,
  EXIT_REASONS,
  PATH_STAGES,
  SECTORS,
  yearFigures,
  type ContractsMonthPart,
  type FinanceYearPart,
  type MembersMonthPart,
  type YearFigures,
} from "../figures";
import { FOLLOW_UP_MONTHS, FOLLOW_UP_SITUATIONS, FUNDER_DIMENSIONS, PARTNER_KINDS } from "../funder";
import type { ReleaseCooperative } from "../release";

/**
 * A synthetic network for the disclosure control's tests: `count` cooperatives in regions of
 * unequal sizes (one region of a single cooperative), 20 to 60 people each, so that most monthly
 * counts are from 1 to 4; some cooperatives with one dominant activity, some with one or two.
 * Deterministic (a seeded generator).
 */
export function syntheticNetwork(count = 30, seed = 7): { cooperative: ReleaseCooperative; figures: YearFigures }[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const small = (max: number) => Math.floor(random() * (max + 1));
  const spread = <K extends string>(total: number, keys: readonly K[], field: string) => {
    const counts = new Map<K, number>();
    for (let i = 0; i < total; i++) {
      const key = keys[Math.floor(random() ** 1.5 * keys.length)];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, n]) => ({ [field]: key, count: n }) as { count: number } & Record<string, string>);
  };
  const regions = ["Bretagne", "Occitanie", "Grand Est", "Normandie", "Corse", "Hauts-de-France"];
  const year = 2026;
  return Array.from({ length: count }, (_, c) => {
    const region = c === 0 ? "Corse" : regions.filter((r) => r !== "Corse")[c % 5];
    const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`);
    let people = 20 + small(40);
    const members: MembersMonthPart[] = months.map((month) => {
      people += small(3);
      const women = Math.floor(people * (0.3 + random() * 0.4));
      const declared = Math.min(people, women + Math.floor((people - women) * (0.7 + random() * 0.3)));
      const exits = small(2);
      const admissions = small(3);
      return {
        month,
        receptions: small(4),
        admissions,
        orientations: small(2),
        exits,
        exitsByReason: spread(exits, EXIT_REASONS, "reason") as MembersMonthPart["exitsByReason"],
        receptionToAdmission: { count: admissions, totalDays: admissions * (10 + small(30)) },
        receptionToEmploymentContract: { count: small(1), totalDays: 0 },
        people,
        women,
        genderDeclared: declared,
        associates: Math.floor(people / 6),
        peopleByPathStage: spread(people, PATH_STAGES, "stage") as MembersMonthPart["peopleByPathStage"],
        ageBrackets: spread(people, AGE_BRACKETS, "bracket") as MembersMonthPart["ageBrackets"],
        activitiesBySector: spread(Math.floor(people / 2), SECTORS, "sector") as MembersMonthPart["activitiesBySector"],
      };
    });
    for (const row of members) row.receptionToEmploymentContract.totalDays = row.receptionToEmploymentContract.count * 120;
    const contracts: ContractsMonthPart[] = months.map((month) => {
      const running = CONTRACT_KINDS.map((kind) => ({ kind, count: small(kind === "EMPLOYMENT" ? 12 : 5) }));
      const employment = running.find((r) => r.kind === "EMPLOYMENT")!.count;
      return {
        month,
        signedByKind: CONTRACT_KINDS.map((kind) => ({ kind, count: small(2) })),
        amendments: small(2),
        supportToEmployment: { count: small(1), totalDays: 200 },
        runningByKind: running,
        runningEmploymentHours: `${employment * 120}.50`,
      };
    });
    // Activities' revenue by month: a few cooperatives have one or two activities, some one dominant one.
    const activities = c % 7 === 3 ? 2 : c % 11 === 5 ? 1 : 4 + small(6);
    const dominant = c % 5 === 2;
    const revenue = Array.from({ length: activities }, (_, a) =>
      months.map(() => (random() < 0.2 ? 0 : (dominant && a === 0 ? 4_000_000 : 100_000) + small(200_000))),
    );
    const summary = (monthIndexes: number[]) => {
      const byActivity = revenue.map((series) => monthIndexes.reduce((sum, m) => sum + series[m], 0)).filter((net) => net > 0);
      return { activitiesWithRevenue: byActivity.length, largestActivityRevenueCents: String(Math.max(0, ...byActivity)) };
    };
    const finance: FinanceYearPart = {
      ...summary(months.map((_, m) => m)),
      monthly: months.map((month, m) => {
        const net = revenue.reduce((sum, series) => sum + series[m], 0);
        return {
          month,
          revenueInvoicedCents: String(net),
          revenueCollectedCents: String(Math.floor(net * 0.9)),
          contributionsCents: String(Math.floor(net * 0.1)),
          invoicesIssued: revenue.filter((series) => series[m] > 0).length * 2,
          creditNotesIssued: small(1),
          ...summary([m]),
        };
      }),
      quarterly: [0, 1, 2, 3].map((q) => ({ quarter: `${year}-Q${q + 1}`, ...summary([q * 3, q * 3 + 1, q * 3 + 2]) })),
    };
    const id = `synthetic-${String(c + 1).padStart(2, "0")}`;
    return {
      cooperative: { id, name: `Synthetic ${c + 1}`, region },
      figures: yearFigures(year, { members: { monthly: members }, contracts: { monthly: contracts }, finance }),
    };
  });
}

/**
 * The funders' figures (docs/reporting.md) added to a synthetic network, as a members subgraph
 * would give them: every key of every dimension, zeros included; the people received and the
 * orientations split among keys that add up to the network's own receptions and orientations; the
 * flows' quarters and year the sums of their months; people supported, in a contract and reached
 * counted within each period (a quarter's between its largest month's and its months' sum).
 * Deterministic (a seeded generator).
 */
export function withFunderFigures(network: { cooperative: ReleaseCooperative; figures: YearFigures }[], seed = 11) {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const small = (max: number) => Math.floor(random() * (max + 1));
  /** `total` people among `keys` (the first ones more often): key → count, every key present. */
  const split = (total: number, keys: readonly string[]) => {
    const counts = new Map<string, number>(keys.map((key) => [key, 0]));
    for (let i = 0; i < total; i++) {
      const key = keys[Math.floor(random() ** 1.5 * keys.length)];
      counts.set(key, counts.get(key)! + 1);
    }
    return counts;
  };
  const year = 2026;
  const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`);
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  const partsOf = (period: string): string[] =>
    period === String(year) ? quarters : period.includes("Q") ? months.slice((+period.slice(-1) - 1) * 3, +period.slice(-1) * 3) : [];
  for (const { figures } of network) {
    const set = (period: string, measure: string, value: number) => figures.get(period)!.set(measure, BigInt(value));
    const get = (period: string, measure: string) => Number(figures.get(period)!.get(measure) ?? 0n);
    /** A count of people within a period and its split by every dimension (no time relation). */
    const population = (period: string, total: string, value: number, dimensions?: Readonly<Record<string, readonly string[]>>) => {
      set(period, total, value);
      for (const [dimension, keys] of Object.entries(dimensions ?? {}))
        for (const [k, n] of split(value, keys)) set(period, `${total}:${dimension}:${k}`, n);
    };
    for (const month of months) {
      for (const [dimension, keys] of Object.entries(FUNDER_DIMENSIONS))
        for (const [k, n] of split(get(month, "receptions"), keys)) set(month, `f.received:${dimension}:${k}`, n);
      for (const [k, n] of split(get(month, "orientations"), PARTNER_KINDS)) set(month, `f.orientedTo:${k}`, n);
      for (const step of ["INFORMATION_MEETING", "OBJECTIVE_CONTRACT", "SUPPORT_AGREEMENT", "EMPLOYMENT_CONTRACT", "ASSOCIATE"])
        set(month, `f.entry:${step}`, small(3));
      for (const months of FOLLOW_UP_MONTHS) {
        const due = small(3);
        set(month, `f.followUp:${months}`, due);
        for (const [situation, n] of split(due, FOLLOW_UP_SITUATIONS)) set(month, `f.followUp:${months}:${situation}`, n);
      }
      const individual = small(8);
      const workshops = small(2);
      set(month, "f.individualSessions", individual);
      set(month, "f.individualMinutes", individual * 60);
      set(month, "f.workshops", workshops);
      set(month, "f.workshopMinutes", workshops * 180);
      set(month, "f.workshopsWithSignedSheet", Math.max(0, workshops - small(1)));
      set(month, "f.workshopAttendances", workshops * (2 + small(6)));
    }
    // Flows: a quarter is the sum of its months, the year of its quarters.
    const flows = [...figures.get(months[0])!.keys()].filter((m) => m.startsWith("f."));
    for (const period of [...quarters, String(year)])
      for (const measure of flows)
        set(
          period,
          measure,
          partsOf(period).reduce((sum, part) => sum + get(part, measure), 0),
        );
    // People within each period: a month's at random, a longer period's between its largest part's and its parts' sum.
    const within = (measure: string, monthly: () => number, dimensions?: Readonly<Record<string, readonly string[]>>) => {
      for (const period of [...months, ...quarters, String(year)]) {
        const parts = partsOf(period).map((part) => get(part, measure));
        const value =
          parts.length === 0
            ? monthly()
            : Math.max(...parts) + Math.floor((parts.reduce((a, b) => a + b, 0) - Math.max(...parts)) * random());
        population(period, measure, value, dimensions);
      }
    };
    within("f.supported", () => 8 + small(25), FUNDER_DIMENSIONS);
    for (const kind of CONTRACT_KINDS) within(`f.inContract:${kind}`, () => small(kind === "EMPLOYMENT" ? 12 : 5));
    within("f.peopleReached", () => small(10));
  }
  return network;
}
