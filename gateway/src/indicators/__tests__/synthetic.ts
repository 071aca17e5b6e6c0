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
