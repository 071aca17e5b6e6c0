import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, Sector, type Sector as SectorValue } from "@cae/shared";
import { ExitReason } from "../membership/membership.type";
import { PathStage } from "../people/path-stage";
import { WelcomeStage } from "../people/person.type";

@ArgsType()
export class IndicatorsArgs {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period; counts of people are taken at its end." })
  to: string;
}

@ObjectType({ description: "How many people stand at one welcome stage." })
export class WelcomeStageCount {
  @Field(() => WelcomeStage, { description: "The welcome stage." })
  stage: string;

  @Field(() => Int, { description: "How many people." })
  count: number;
}

@ObjectType({ description: "How many people stand at one step of the full path (parcours), contracts included." })
export class PathStageCount {
  @Field(() => PathStage, { description: "The furthest step reached." })
  stage: string;

  @Field(() => Int, { description: "How many people." })
  count: number;
}

@ObjectType({
  description:
    "A number of intervals and their total length in days: the network divides sums, never averages averages (moyenne = totalDays / count).",
})
export class DaysSum {
  @Field(() => Int, { description: "How many intervals (people)." })
  count: number;

  @Field(() => Int, { description: "Their total length in days." })
  totalDays: number;
}

@ObjectType({ description: "How many exits had one reason." })
export class ExitReasonCount {
  @Field(() => ExitReason, { description: "The reason." })
  reason: string;

  @Field(() => Int, { description: "How many exits." })
  count: number;
}

@ObjectType({ description: "How many people fall in one age bracket." })
export class AgeBracketCount {
  @Field(() => String, { description: 'The bracket: "under 26", "26-35", "36-45", "46-55", "over 55" or "unknown".' })
  bracket: string;

  @Field(() => Int, { description: "How many people." })
  count: number;
}

@ObjectType({ description: "How many activities run in one sector." })
export class SectorCount {
  @Field(() => Sector, { description: "The sector." })
  sector: SectorValue;

  @Field(() => Int, { description: "How many activities." })
  count: number;
}

@ObjectType({
  description: "The flows of one calendar month of the period (the first and last months cut to the period) and the stocks at its end.",
})
export class MembersMonth {
  @Field(() => String, { description: 'The month, "2026-03".' })
  month: string;

  @Field(() => Int, { description: "Individual receptions (accueils) held in the month." })
  receptions: number;

  @Field(() => Int, { description: "Admissions decided in the month." })
  admissions: number;

  @Field(() => Int, { description: "Orientations to a partner decided in the month." })
  orientations: number;

  @Field(() => Int, { description: "Exits (sorties) in the month." })
  exits: number;

  @Field(() => [ExitReasonCount], { description: "Exits in the month by reason (reasons with at least one exit only)." })
  exitsByReason: ExitReasonCount[];

  @Field(() => DaysSum, { description: "Days from reception to admission, for admissions decided in the month." })
  receptionToAdmission: DaysSum;

  @Field(() => DaysSum, {
    description: "Days from reception to the first employment contract (CESA), for first CESA starting in the month.",
  })
  receptionToEmploymentContract: DaysSum;

  @Field(() => Int, { description: "People welcomed by the month's last day (the period's last day for the last month)." })
  people: number;

  @Field(() => Int, { description: "Women among them." })
  women: number;

  @Field(() => Int, { description: "Those of them who declared a gender." })
  genderDeclared: number;

  @Field(() => Int, { description: "Associates (sociétaires) on the month's last day." })
  associates: number;

  @Field(() => [PathStageCount], {
    description: "People welcomed by the month's last day, by the furthest step of the path reached now (non-zero stages only).",
  })
  peopleByPathStage: PathStageCount[];

  @Field(() => [AgeBracketCount], { description: "People welcomed by the month's last day, by age then (non-zero brackets only)." })
  ageBrackets: AgeBracketCount[];

  @Field(() => [SectorCount], { description: "Activities started by the month's last day, by sector (non-zero sectors only)." })
  activitiesBySector: SectorCount[];
}

@ObjectType({ description: "The cooperative's own aggregates from its members records, for a period: counts only, never a person." })
export class MembersIndicators {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => Int, { description: "People welcomed by the end of the period (first contact on or before it)." })
  people: number;

  @Field(() => [WelcomeStageCount], { description: "People welcomed by the end of the period, by their welcome stage now." })
  peopleByWelcomeStage: WelcomeStageCount[];

  @Field(() => [PathStageCount], {
    description:
      "People welcomed by the end of the period, by the furthest step of the path reached now (welcome, contracts from the contracts service, associate, exit); every stage listed, zeros included.",
  })
  peopleByPathStage: PathStageCount[];

  @Field(() => Int, { description: "Entries: individual receptions (accueils) held in the period." })
  receptions: number;

  @Field(() => Int, { description: "Admissions decided in the period." })
  admissions: number;

  @Field(() => Int, { description: "Orientations to a partner decided in the period." })
  orientations: number;

  @Field(() => [ExitReasonCount], { description: "Exits in the period, by reason." })
  exitsByReason: ExitReasonCount[];

  @Field(() => Int, { description: "Associates (sociétaires) at the end of the period." })
  associates: number;

  @Field(() => Int, { description: "Women among the people welcomed by the end of the period." })
  women: number;

  @Field(() => Int, { description: "People welcomed by the end of the period who declared a gender (the base of the women's share)." })
  genderDeclared: number;

  @Field(() => [AgeBracketCount], { description: "People welcomed by the end of the period, by age at its end." })
  ageBrackets: AgeBracketCount[];

  @Field(() => [SectorCount], { description: "Activities started by the end of the period, by sector." })
  activitiesBySector: SectorCount[];

  @Field(() => DaysSum, { description: "Days from reception to admission, for admissions decided in the period." })
  receptionToAdmission: DaysSum;

  @Field(() => DaysSum, {
    description: "Days from reception to becoming an associate (sociétaire), for associates admitted in the period.",
  })
  receptionToAssociate: DaysSum;

  @Field(() => DaysSum, {
    description:
      "Days from reception to the start of the first objective contract, for first objective contracts starting in the period (dates from the contracts service).",
  })
  receptionToObjectiveContract: DaysSum;

  @Field(() => DaysSum, {
    description:
      "Days from reception to the start of the first support agreement (CAPE), for first support agreements starting in the period (dates from the contracts service).",
  })
  receptionToSupportAgreement: DaysSum;

  @Field(() => DaysSum, {
    description:
      "Days from reception to the start of the first employment contract (CESA), for first employment contracts starting in the period (dates from the contracts service).",
  })
  receptionToEmploymentContract: DaysSum;

  @Field(() => [MembersMonth], { description: "One row per calendar month overlapping the period, in order." })
  monthly: MembersMonth[];
}
