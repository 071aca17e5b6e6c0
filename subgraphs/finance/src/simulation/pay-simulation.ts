import { FULL_TIME_MONTHLY_HOURS_HUNDREDTHS, hundredthsToHours, minimumCentsPerHourOn, type MinimumWageTable } from "@cae/shared";
import { bracketedContribution, euros, floorDiv, formatRate, percentOf, roundDiv, type Bracket } from "../money/arithmetic";
import type { ContributionBasis } from "../settings/settings.entity";
import type { PaySimulation, PaySimulationStep } from "./pay-simulation.type";

export interface PaySimulationInput {
  on: string;
  revenueCents: bigint;
  expensesCents: bigint;
  basis: ContributionBasis;
  brackets: readonly Bracket[];
  employerChargeRate: bigint;
  employeeChargeRate: bigint;
  minimumWage: MinimumWageTable;
}

const HUNDRED_PERCENT = 1_000_000n;

/**
 * What pay a month's expected revenue sustains (simulation de salaire), every step shown:
 * contribution on the basis; what remains pays the employer cost; gross = that / (1 + employer
 * rate), rounded down so the cost never exceeds it; hours = what the gross pays at the legal hourly
 * minimum (SMIC) in force, rounded down to the hundredth and at most full time, so the hourly pay
 * is never below the minimum.
 */
export function simulatePay(input: PaySimulationInput): PaySimulation {
  const smicPerHour = minimumCentsPerHourOn(input.minimumWage, input.on);
  if (smicPerHour === null) throw new RangeError(`No legal minimum wage is known on ${input.on}`);
  const steps: PaySimulationStep[] = [];
  const step = (label: string, detail: string, amountCents: bigint | null) => steps.push({ label, detail, amountCents });

  const basisCents = input.basis === "REVENUE" ? input.revenueCents : input.revenueCents - input.expensesCents;
  step(
    "Contribution basis",
    input.basis === "REVENUE"
      ? "monthly revenue excl. VAT"
      : `revenue ${euros(input.revenueCents)} - expenses ${euros(input.expensesCents)}`,
    basisCents,
  );
  // One bracket: the rate on the month. Several: the brackets on a year of such months, a twelfth of it.
  let contributionCents: bigint;
  if (input.brackets.length === 1) {
    contributionCents = basisCents > 0n ? percentOf(basisCents, input.brackets[0].rate) : 0n;
    step("Contribution", `${formatRate(input.brackets[0].rate)} % of ${euros(basisCents)}`, contributionCents);
  } else {
    const yearly = bracketedContribution(input.brackets, 0n, 12n * basisCents).reduce((sum, part) => sum + part.amountCents, 0n);
    contributionCents = roundDiv(yearly, 12n);
    step("Contribution", `brackets applied to 12 months of ${euros(basisCents)} = ${euros(yearly)} a year, a twelfth`, contributionCents);
  }
  const availableCents = input.revenueCents - input.expensesCents - contributionCents;
  step(
    "Available for pay",
    `revenue ${euros(input.revenueCents)} - expenses ${euros(input.expensesCents)} - contribution ${euros(contributionCents)}`,
    availableCents,
  );
  const grossMonthlyPayCents =
    availableCents > 0n ? floorDiv(availableCents * HUNDRED_PERCENT, HUNDRED_PERCENT + input.employerChargeRate) : 0n;
  step(
    "Gross monthly pay",
    `${euros(availableCents > 0n ? availableCents : 0n)} / (1 + ${formatRate(input.employerChargeRate)} %), rounded down`,
    grossMonthlyPayCents,
  );
  const employerChargesCents = percentOf(grossMonthlyPayCents, input.employerChargeRate);
  step("Employer charges (estimate)", `${formatRate(input.employerChargeRate)} % of the gross pay`, employerChargesCents);
  const employerCostCents = grossMonthlyPayCents + employerChargesCents;
  step("Employer cost", "gross pay + employer charges, at most what is available", employerCostCents);
  const employeeChargesCents = percentOf(grossMonthlyPayCents, input.employeeChargeRate);
  step("Employee charges (estimate)", `${formatRate(input.employeeChargeRate)} % of the gross pay`, employeeChargesCents);
  const netMonthlyPayCents = grossMonthlyPayCents - employeeChargesCents;
  step("Net monthly pay (estimate)", "gross pay - employee charges", netMonthlyPayCents);
  const affordable = Number((grossMonthlyPayCents * 100n) / smicPerHour);
  const hundredths = Math.min(affordable, FULL_TIME_MONTHLY_HOURS_HUNDREDTHS);
  step(
    "Monthly hours",
    hundredths === FULL_TIME_MONTHLY_HOURS_HUNDREDTHS
      ? `full time (151.67 h): the gross pay covers it at ${euros(smicPerHour)} an hour (SMIC on ${input.on})`
      : `${euros(grossMonthlyPayCents)} / ${euros(smicPerHour)} an hour (SMIC on ${input.on}), rounded down to the hundredth`,
    null,
  );
  const hourlyGrossCents = hundredths > 0 ? floorDiv(grossMonthlyPayCents * 100n, BigInt(hundredths)) : 0n;
  step(
    "Gross hourly pay",
    hundredths > 0 ? "gross pay / hours, rounded down: never below the SMIC" : "no hours: the activity cannot pay a salary yet",
    hourlyGrossCents,
  );
  return {
    on: input.on,
    monthlyRevenueCents: input.revenueCents,
    monthlyExpensesCents: input.expensesCents,
    contributionBasis: input.basis,
    contributionBasisCents: basisCents,
    contributionCents,
    availableCents,
    employerChargeRate: formatRate(input.employerChargeRate),
    grossMonthlyPayCents,
    employerChargesCents,
    employerCostCents,
    employeeChargeRate: formatRate(input.employeeChargeRate),
    employeeChargesCents,
    netMonthlyPayCents,
    minimumHourlyCents: smicPerHour,
    monthlyHours: hundredthsToHours(hundredths),
    hourlyGrossCents,
    steps,
  };
}
