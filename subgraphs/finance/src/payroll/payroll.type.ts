import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CentsScalar } from "@cae/shared";
import { ActivityAccount } from "../accounts/activity-account.type";
import { SalaryCost } from "../contributions/contribution.type";

@InputType({
  description:
    "The headers of the payroll results file, when the provider names its columns otherwise (case and surrounding spaces do not matter). Defaults: analytic_code, employee_id, month, gross, employee_contributions, net, employer_contributions, employer_cost.",
})
export class PayrollColumnsInput {
  @Field(() => String, { nullable: true, description: "The activity's analytic code (one of it or the employee ID on each line)." })
  analyticCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The employee ID of the payroll export: the person's global ID (its activity is found when they have one open in the month).",
  })
  employeeId?: string | null;

  @Field(() => String, { nullable: true, description: 'The month, "2026-11" or "11/2026".' })
  month?: string | null;

  @Field(() => String, { nullable: true, description: "Gross pay (salaire brut)." })
  gross?: string | null;

  @Field(() => String, { nullable: true, description: "Employee contributions (cotisations salariales); or give net pay." })
  employeeContributions?: string | null;

  @Field(() => String, { nullable: true, description: "Net pay (salaire net); or give employee contributions." })
  net?: string | null;

  @Field(() => String, { nullable: true, description: "Employer contributions (cotisations patronales)." })
  employerContributions?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Employer cost (coût employeur), checked against gross + employer contributions when given.",
  })
  employerCost?: string | null;
}

@InputType({ description: "The payroll provider's results of one or more months, as a CSV file." })
export class ImportPayrollResultsInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => String, {
    description:
      'The file: UTF-8, a header line, one line per employee (or activity) and month; amounts in euros with a decimal comma or point ("2 345,67").',
  })
  csv: string;

  @Field(() => String, { nullable: true, description: 'The column separator: ";" by default.' })
  delimiter?: string | null;

  @Field(() => PayrollColumnsInput, { nullable: true, description: "The headers, when not the default ones." })
  columns?: PayrollColumnsInput | null;
}

@ObjectType({ description: "One line of imported payroll results and what it did to the activity's salary cost." })
export class PayrollResult {
  @Field(() => Int, { description: "The line of the file (the header is line 1)." })
  line: number;

  @Field(() => ActivityAccount, { description: "The activity the line was booked on." })
  account: ActivityAccount;

  @Field(() => String, { description: 'The month of the results, "2026-11".' })
  month: string;

  @Field(() => String, {
    description: "The month it is booked in: its own while its books are open; the first open month when they are locked (an adjustment).",
  })
  bookedMonth: string;

  @Field(() => Boolean, { description: "Whether the month's books were locked, so that only the difference was booked, in bookedMonth." })
  adjustment: boolean;

  @Field(() => CentsScalar, { description: "Gross pay." })
  grossCents: bigint;

  @Field(() => CentsScalar, { description: "Employee contributions (gross − net)." })
  employeeContributionsCents: bigint;

  @Field(() => CentsScalar, { description: "Net pay." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Employer contributions." })
  employerContributionsCents: bigint;

  @Field(() => CentsScalar, { description: "Employer cost (gross + employer contributions): the activity's salary cost of the month." })
  employerCostCents: bigint;

  @Field(() => CentsScalar, {
    nullable: true,
    description:
      "The month's employer cost before this import (typed by hand or imported earlier, adjustments included); null when none was recorded.",
  })
  previousEmployerCostCents: bigint | null;

  @Field(() => SalaryCost, {
    nullable: true,
    description: "The salary cost row written (the month's own, or the adjustment); null when the figures were already those recorded.",
  })
  salaryCost: SalaryCost | null;
}

@ObjectType({ description: "An import of the payroll provider's results." })
export class PayrollImport {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => [String], { description: "The months the file held, in order." })
  months: string[];

  @Field(() => Int, { description: "How many lines of results were imported." })
  lineCount: number;

  @Field(() => [PayrollResult], { description: "Each line, in the file's order." })
  results: PayrollResult[];
}
