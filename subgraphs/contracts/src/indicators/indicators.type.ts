import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { ContractKind, DecimalScalar, LocalDateScalar, type ContractKind as ContractKindValue } from "@cae/shared";
import type { ContractEndReason as ContractEndReasonValue } from "../contracts/contract.entity";
import { ContractEndReason } from "../contracts/contract.type";

@ArgsType()
export class ContractsIndicatorsArgs {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period; running contracts are counted on that day." })
  to: string;
}

@ObjectType({ description: "How many contracts of one kind." })
export class ContractKindCount {
  @Field(() => ContractKind, { description: "The kind of contract." })
  kind: ContractKindValue;

  @Field(() => Int, { description: "How many." })
  count: number;
}

@ObjectType({ description: "How many contracts of one kind ended for one reason." })
export class ContractEndCount {
  @Field(() => ContractKind, { description: "The kind of contract." })
  kind: ContractKindValue;

  @Field(() => ContractEndReason, { description: "Why they ended (the term, when no early end was recorded)." })
  reason: ContractEndReasonValue;

  @Field(() => Int, { description: "How many." })
  count: number;
}

@ObjectType({ description: "A number of durations and their total in days: the network averages from sums, never from averages." })
export class DaysTotal {
  @Field(() => Int, { description: "How many durations." })
  count: number;

  @Field(() => Int, { description: "Their total, in days." })
  totalDays: number;
}

@ObjectType({ description: "The contracts figures of one calendar month of the period, and the running contracts at its end." })
export class ContractsMonth {
  @Field(() => String, { description: 'The month, "2026-03".' })
  month: string;

  @Field(() => [ContractKindCount], { description: "Contracts signed in the month, by kind (every kind listed)." })
  signedByKind: ContractKindCount[];

  @Field(() => Int, { description: "Amendments (avenants) effective in the month." })
  amendments: number;

  @Field(() => DaysTotal, {
    description: "Employment contracts starting in the month after a support agreement: days from the first support agreement's start.",
  })
  supportToEmployment: DaysTotal;

  @Field(() => [ContractKindCount], {
    description: "Contracts running on the month's last day (the period's last day for the last month), by kind (every kind listed).",
  })
  runningByKind: ContractKindCount[];

  @Field(() => DecimalScalar, { description: "Monthly hours of the employment contracts running on the month's last day, summed." })
  runningEmploymentHours: string;
}

@ObjectType({ description: "The cooperative's own aggregates from its contracts for a period: counts and sums only, never a person." })
export class ContractsIndicators {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => [ContractKindCount], { description: "Contracts signed in the period, by kind (every kind listed, zeros included)." })
  signedByKind: ContractKindCount[];

  @Field(() => [ContractKindCount], { description: "Contracts running on the last day of the period, by kind." })
  runningByKind: ContractKindCount[];

  @Field(() => DecimalScalar, {
    description:
      "Monthly hours of the employment contracts running on the last day, summed (terms in force that day). Full-time equivalent = hours / 151.67.",
  })
  runningEmploymentHours: string;

  @Field(() => Int, { description: "Amendments (avenants) effective in the period." })
  amendments: number;

  @Field(() => [ContractEndCount], { description: "Contracts whose last day fell in the period (and has passed), by kind and reason." })
  endsByReason: ContractEndCount[];

  @Field(() => DaysTotal, {
    description:
      "Employment contracts starting in the period after a support agreement: days from the first support agreement's start to the employment's.",
  })
  supportToEmployment: DaysTotal;

  @Field(() => [ContractsMonth], { description: "One row per calendar month the period overlaps, in order, empty months included." })
  monthly: ContractsMonth[];
}
