import { badUserInput, configuredMinimumWage, todayInFrance } from "@cae/shared";
import type { DataSource } from "typeorm";
import { accountBrackets } from "../contributions/contribution.compute";
import { conflictOn } from "../errors";
import { parseRate } from "../money/arithmetic";
import { bracketsOf } from "../settings/settings.mapper";
import { settingsOn } from "../settings/settings.service";
import { simulatePay } from "./pay-simulation";
import type { PaySimulation, PaySimulationArgs } from "./pay-simulation.type";

const MAX_SIMULATED_CENTS = 100_000_000_00n;

/** A pay simulation with the settings in force on the day asked and an activity's own rate (null: the cooperative's brackets). */
export async function paySimulation(db: DataSource, args: PaySimulationArgs, accountRate: string | null): Promise<PaySimulation> {
  const on = args.on ?? todayInFrance();
  for (const [value, field] of [
    [args.monthlyRevenueCents, "monthlyRevenueCents"],
    [args.monthlyExpensesCents, "monthlyExpensesCents"],
  ] as const) {
    if (value < 0n || value > MAX_SIMULATED_CENTS) throw badUserInput(`${field} must be between 0 and 10000000000`, field);
  }
  const settings = await settingsOn(db, on);
  if (!settings) throw conflictOn(`The cooperative has no finance settings in force on ${on}`, "on");
  if (configuredMinimumWage().metropolitan[0].from > on) throw badUserInput(`No legal minimum wage is known on ${on}`, "on");
  return simulatePay({
    on,
    revenueCents: args.monthlyRevenueCents,
    expensesCents: args.monthlyExpensesCents,
    basis: settings.contributionBasis,
    brackets: accountBrackets(accountRate, bracketsOf(settings)),
    employerChargeRate: parseRate(settings.employerChargeRate, "employerChargeRate"),
    employeeChargeRate: parseRate(settings.employeeChargeRate, "employeeChargeRate"),
    minimumWage: configuredMinimumWage(),
  });
}
