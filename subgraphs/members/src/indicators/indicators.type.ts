import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, Sector, type Sector as SectorValue } from "@cae/shared";
import { ExitReason } from "../membership/membership.type";
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

@ObjectType({ description: "The cooperative's own aggregates from its members records, for a period: counts only, never a person." })
export class MembersIndicators {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => Int, { description: "People welcomed by the end of the period (first contact on or before it)." })
  people: number;

  @Field(() => [WelcomeStageCount], { description: "People by welcome stage, now." })
  peopleByWelcomeStage: WelcomeStageCount[];

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

  @Field(() => Int, { nullable: true, description: "Average days from reception to admission, for admissions decided in the period." })
  averageDaysReceptionToAdmission: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Average days from reception to becoming an associate, for admissions as associates in the period.",
  })
  averageDaysReceptionToAssociate: number | null;
}
