import { bracketedContribution, euros, formatRate, parseRate, type Bracket } from "../money/arithmetic";
import type { ContributionBasis } from "../settings/settings.entity";
import type { StoredPart } from "./contribution.entity";

export interface MonthFigures {
  revenueCents: bigint;
  /** Expenses, supplier invoices and approved expense reports (lines and mileage) booked in the month, excl. VAT. */
  expensesCents: bigint;
}

export const basisOf = (kind: ContributionBasis, figures: MonthFigures): bigint =>
  kind === "REVENUE" ? figures.revenueCents : figures.revenueCents - figures.expensesCents;

/**
 * The contribution of a month: its basis placed after the year's earlier months in the brackets
 * (the activity's own rate, when it has one, is a single bracket from 0).
 */
export function monthlyContribution(
  kind: ContributionBasis,
  brackets: readonly Bracket[],
  earlierMonths: readonly MonthFigures[],
  month: MonthFigures,
) {
  const basisCents = basisOf(kind, month);
  const yearBasisBeforeCents = earlierMonths.reduce((sum, figures) => sum + basisOf(kind, figures), 0n);
  const parts = bracketedContribution(brackets, yearBasisBeforeCents, basisCents);
  return { basisCents, yearBasisBeforeCents, parts, amountCents: parts.reduce((sum, part) => sum + part.amountCents, 0n) };
}

/** A month's parts as the ledger keeps them: exact decimal strings. */
export const storedParts = (parts: ReturnType<typeof monthlyContribution>["parts"]): StoredPart[] =>
  parts.map((part) => ({
    fromCents: part.fromCents.toString(),
    rate: formatRate(part.rate),
    basisCents: part.basisCents.toString(),
    amountCents: part.amountCents.toString(),
  }));

export const accountBrackets = (accountRate: string | null, cooperative: Bracket[]): Bracket[] =>
  accountRate === null ? cooperative : [{ fromCents: 0n, rate: parseRate(accountRate, "contributionRate") }];

export function explain(
  basis: ContributionBasis,
  basisCents: bigint,
  parts: readonly { rate: bigint; basisCents: bigint; amountCents: bigint }[],
): string {
  const what = basis === "REVENUE" ? "revenue excl. VAT" : "gross margin";
  if (parts.length === 0) return `No contribution: the month's ${what} is ${euros(basisCents)}`;
  const total = parts.reduce((sum, part) => sum + part.amountCents, 0n);
  return `${parts.map((part) => `${formatRate(part.rate)} % of ${euros(part.basisCents)}`).join(" + ")} ${what} = ${euros(total)}`;
}
