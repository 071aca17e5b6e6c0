import { suppress, type CellInput, type Relation, type SuppressionReason } from "./disclosure";
import { AGE_BRACKETS, CONTRACT_KINDS, EXIT_REASONS, PATH_STAGES, SECTORS, type Figures } from "./figures";

/**
 * Lays the figures of every answering cooperative, of every region and of the network out as the
 * tables a reader sees, with the relations a reader knows between their cells, and runs the
 * disclosure control on them. Cells are keyed `<scope>|<month or "">|<measure>`; scopes are
 * `C:<cooperative>`, `R:<region>` and `N`.
 */

export type Reason = SuppressionReason | "UNAVAILABLE";

export interface Scope {
  key: string;
  /** 0 for a cooperative, 1 for a region, 2 for the network: totals are hidden last. */
  level: number;
  figures: Figures;
  /** For regions and the network: the cooperatives' scopes it sums. */
  parts: string[];
  /**
   * For the network: the regions' scopes its months sum. A cooperative's months are published to
   * no network role, so they are no cells of the tables (its region's and the network's are).
   */
  monthParts?: string[];
}

export interface DisclosureRules {
  /** Counts of people from 1 to minCount - 1 are hidden. */
  minCount: number;
  /** A revenue cell needs that many activities at least. */
  minActivities: number;
  /** A revenue cell is hidden when one activity makes more than this percentage of it. */
  dominancePercent: number;
}

export const DEFAULT_RULES: DisclosureRules = { minCount: 5, minActivities: 3, dominancePercent: 85 };

interface Family {
  /** Measures of the family, with whether they have monthly cells and whether they are hidden. */
  measures: { key: string; monthly?: boolean; hidden?: boolean; total?: boolean }[];
  /** Within one scope (and month): `total` = sum of `parts`. */
  partitions: { total: string; parts: string[]; monthly?: boolean }[];
  revenue?: boolean;
}

const list = (prefix: string, names: readonly string[]) => names.map((name) => `${prefix}:${name}`);
const plain = (key: string, monthly = false) => ({ measures: [{ key, monthly }], partitions: [] });

export const FAMILIES: Family[] = [
  {
    measures: [
      { key: "people", total: true },
      ...list("stage", PATH_STAGES).map((key) => ({ key })),
      ...list("age", AGE_BRACKETS).map((key) => ({ key })),
    ],
    partitions: [
      { total: "people", parts: list("stage", PATH_STAGES) },
      { total: "people", parts: list("age", AGE_BRACKETS) },
    ],
  },
  {
    measures: [{ key: "genderDeclared", total: true }, { key: "women" }, { key: "notWomen", hidden: true }],
    partitions: [{ total: "genderDeclared", parts: ["women", "notWomen"] }],
  },
  plain("receptions", true),
  plain("admissions", true),
  plain("orientations", true),
  {
    measures: [{ key: "exits", monthly: true, total: true }, ...list("exit", EXIT_REASONS).map((key) => ({ key }))],
    partitions: [{ total: "exits", parts: list("exit", EXIT_REASONS) }],
  },
  plain("associates"),
  { measures: list("sector", SECTORS).map((key) => ({ key })), partitions: [] },
  {
    measures: [{ key: "signed", monthly: true, total: true }, ...list("signed", CONTRACT_KINDS).map((key) => ({ key, monthly: true }))],
    partitions: [{ total: "signed", parts: list("signed", CONTRACT_KINDS), monthly: true }],
  },
  { measures: list("running", CONTRACT_KINDS).map((key) => ({ key })), partitions: [] },
  plain("amendments", true),
  plain("toAdmission.count"),
  plain("toEmployment.count"),
  plain("supportToEmployment.count"),
  { ...plain("revenueCents", true), revenue: true },
];

export const cellKey = (scope: string, month: string, measure: string) => `${scope}|${month}|${measure}`;

/** Which cells to hide (primary and secondary), over every family, for these scopes and months. */
export function controlledCells(scopes: Scope[], months: string[], rules: DisclosureRules): Map<string, SuppressionReason> {
  const hidden = new Map<string, SuppressionReason>();
  for (const family of FAMILIES) {
    const cells: CellInput[] = [];
    const relations: Relation[] = [];
    const valueOf = (scope: Scope, month: string, measure: string) =>
      month === "" ? scope.figures.period.get(measure) : scope.figures.months.get(month)?.get(measure);
    for (const scope of scopes) {
      for (const measure of family.measures) {
        for (const month of measure.monthly && scope.level > 0 ? ["", ...months] : [""]) {
          const value = valueOf(scope, month, measure.key);
          if (value === undefined) continue;
          const primary = family.revenue ? revenuePrimary(scope, month, rules) : countPrimary(value, rules);
          cells.push({
            key: cellKey(scope.key, month, measure.key),
            value,
            primary,
            hidden: measure.hidden,
            rank: scope.level * 2 + (measure.total ? 1 : 0),
          });
          const parts = month === "" ? scope.parts : (scope.monthParts ?? []);
          if (parts.length > 0) {
            relations.push({
              total: cellKey(scope.key, month, measure.key),
              parts: parts.map((part) => cellKey(part, month, measure.key)),
            });
          }
        }
        // The months add up to the period only where they do (a reader learns nothing from a relation that does not hold).
        if (measure.monthly && scope.level > 0 && months.length > 0) {
          const period = valueOf(scope, "", measure.key);
          const sum = months.reduce((total, month) => total + (valueOf(scope, month, measure.key) ?? 0n), 0n);
          if (period !== undefined && period === sum) {
            relations.push({
              total: cellKey(scope.key, "", measure.key),
              parts: months.map((month) => cellKey(scope.key, month, measure.key)),
            });
          }
        }
      }
      for (const partition of family.partitions) {
        for (const month of partition.monthly && scope.level > 0 ? ["", ...months] : [""]) {
          relations.push({
            total: cellKey(scope.key, month, partition.total),
            parts: partition.parts.map((part) => cellKey(scope.key, month, part)),
          });
        }
      }
    }
    for (const [key, reason] of suppress(cells, relations)) hidden.set(key, reason);
  }
  return hidden;
}

function countPrimary(value: bigint, rules: DisclosureRules): SuppressionReason | null {
  return value > 0n && value < BigInt(rules.minCount) ? "BELOW_MIN_COUNT" : null;
}

/** INSEE's rule for business data: at least `minActivities` activities, none over `dominancePercent` of the cell. */
function revenuePrimary(scope: Scope, month: string, rules: DisclosureRules): SuppressionReason | null {
  const measures = month === "" ? scope.figures.period : scope.figures.months.get(month);
  const activities = measures?.get("activitiesWithRevenue") ?? 0n;
  const revenue = measures?.get("revenueCents") ?? 0n;
  const largest = measures?.get("largestActivityCents") ?? 0n;
  if (activities > 0n && activities < BigInt(rules.minActivities)) return "FEW_ACTIVITIES";
  if (revenue > 0n && largest * 100n > revenue * BigInt(rules.dominancePercent)) return "DOMINANT_ACTIVITY";
  return null;
}
