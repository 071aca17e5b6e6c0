import { ArgsType, Field, ObjectType } from "type-graphql";
import { CentsScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";
import type { ContributionBasis as ContributionBasisValue } from "../settings/settings.entity";
import { ContributionBasis } from "../settings/settings.type";

@ArgsType()
export class PaySimulationArgs {
  @Field(() => CentsScalar, { description: "Expected monthly revenue excluding VAT, in cents." })
  monthlyRevenueCents: bigint;

  @Field(() => CentsScalar, { description: "Expected monthly expenses excluding VAT, in cents." })
  monthlyExpensesCents: bigint;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day whose settings and legal minimum apply; today by default." })
  on?: string | null;
}

@ObjectType({ description: "One step of a pay simulation, in words and figures." })
export class PaySimulationStep {
  @Field(() => String, { description: "What is computed." })
  label: string;

  @Field(() => String, { description: "How." })
  detail: string;

  @Field(() => CentsScalar, { nullable: true, description: "The result in cents; null for the hours step (see `monthlyHours`)." })
  amountCents: bigint | null;
}

@ObjectType({
  description:
    "A pay simulation (simulation de rémunération): from an expected monthly revenue and expenses, the contribution and the charge estimates of the settings, the gross monthly pay and hours the activity can sustain, never below the legal hourly minimum (SMIC). Estimates, not payroll.",
})
export class PaySimulation {
  @Field(() => LocalDateScalar, { description: "The day whose settings and legal minimum applied." })
  on: string;

  @Field(() => CentsScalar, { description: "Expected monthly revenue excl. VAT." })
  monthlyRevenueCents: bigint;

  @Field(() => CentsScalar, { description: "Expected monthly expenses excl. VAT." })
  monthlyExpensesCents: bigint;

  @Field(() => ContributionBasis, { description: "What the contribution is a share of." })
  contributionBasis: ContributionBasisValue;

  @Field(() => CentsScalar, { description: "The contribution's basis." })
  contributionBasisCents: bigint;

  @Field(() => CentsScalar, { description: "The monthly contribution." })
  contributionCents: bigint;

  @Field(() => CentsScalar, { description: "What remains to pay the employer cost: revenue - expenses - contribution." })
  availableCents: bigint;

  @Field(() => DecimalScalar, { description: "Employer charge rate used, percent of gross." })
  employerChargeRate: string;

  @Field(() => CentsScalar, { description: "Gross monthly pay (salaire brut) the activity sustains." })
  grossMonthlyPayCents: bigint;

  @Field(() => CentsScalar, { description: "Estimated employer charges." })
  employerChargesCents: bigint;

  @Field(() => CentsScalar, { description: "Employer cost = gross + employer charges." })
  employerCostCents: bigint;

  @Field(() => DecimalScalar, { description: "Employee charge rate used, percent of gross." })
  employeeChargeRate: string;

  @Field(() => CentsScalar, { description: "Estimated employee charges." })
  employeeChargesCents: bigint;

  @Field(() => CentsScalar, { description: "Estimated net monthly pay (salaire net)." })
  netMonthlyPayCents: bigint;

  @Field(() => CentsScalar, { description: "The legal gross hourly minimum (SMIC) on that day." })
  minimumHourlyCents: bigint;

  @Field(() => DecimalScalar, { description: 'Monthly hours the pay sustains at no less than the SMIC, at most full time ("151.67").' })
  monthlyHours: string;

  @Field(() => CentsScalar, { description: "Gross hourly pay = gross / hours (0 when no hours)." })
  hourlyGrossCents: bigint;

  @Field(() => [PaySimulationStep], { description: "Each step of the computation." })
  steps: PaySimulationStep[];
}
