import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";
import { Person } from "../people/person.type";

export const ExitFollowUpSituation = {
  OWN_COMPANY_ACTIVE: "OWN_COMPANY_ACTIVE",
  SALARIED_JOB: "SALARIED_JOB",
  TRAINING: "TRAINING",
  JOB_SEEKING: "JOB_SEEKING",
  OTHER: "OTHER",
  NOT_REACHED: "NOT_REACHED",
} as const;
export type ExitFollowUpSituation = (typeof ExitFollowUpSituation)[keyof typeof ExitFollowUpSituation];
registerEnumType(ExitFollowUpSituation, {
  name: "ExitFollowUpSituation",
  description: "What a person who left the cooperative is doing when followed up 6 or 12 months later (situation au suivi post-sortie).",
  valuesConfig: {
    OWN_COMPANY_ACTIVE: {
      description: "Runs their own business, which is active (entreprise créée en activité), whatever its legal form.",
    },
    SALARIED_JOB: { description: "In salaried employment elsewhere, fixed-term or permanent (emploi salarié)." },
    TRAINING: { description: "In a training course leading to a qualification (en formation)." },
    JOB_SEEKING: { description: "Looking for work, registered or not (en recherche d'emploi)." },
    OTHER: { description: "Another situation: retired, on leave, not working by choice... (autre)." },
    NOT_REACHED: { description: "Could not be reached despite the cooperative's attempts (injoignable): the follow-up is closed." },
  },
});

/** The months after an exit a follow-up is taken at. */
export const FOLLOW_UP_MONTHS = [6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

@ObjectType({ description: "What became of a person 6 or 12 months after they left the cooperative (suivi post-sortie)." })
export class ExitFollowUp {
  @Field(() => Int, { description: "The months after the exit the follow-up is about: 6 or 12." })
  months: number;

  @Field(() => ExitFollowUpSituation, { description: "The person's situation then." })
  situation: ExitFollowUpSituation;

  @Field(() => LocalDateScalar, { description: "The day the situation was taken (date du suivi)." })
  recordedOn: string;
}

@ObjectType({ description: "A follow-up after an exit that is due and not recorded yet (suivi post-sortie à faire)." })
export class ExitFollowUpDue {
  @Field(() => Person, { description: "The person who left." })
  person: Person;

  @Field(() => Int, { description: "The follow-up due: 6 or 12 months after the exit." })
  months: number;

  @Field(() => LocalDateScalar, { description: "The day it falls due: the exit's date plus that many months." })
  dueOn: string;
}

@InputType({ description: "What became of a person 6 or 12 months after their exit; recording the same follow-up again replaces it." })
export class RecordExitFollowUpInput {
  @Field(() => ID, { description: "The person who left; the request goes to their cooperative." })
  personId: string;

  @Field(() => Int, { description: "The follow-up: 6 or 12 months after the exit." })
  months: number;

  @Field(() => ExitFollowUpSituation, { description: "The person's situation then; NOT_REACHED when they could not be reached." })
  situation: ExitFollowUpSituation;

  @Field(() => LocalDateScalar, {
    description: "The day the situation was taken: from one month before it falls due (exit plus months), not in the future.",
  })
  recordedOn: string;
}

@ArgsType()
export class ExitFollowUpsDueArgs {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The follow-ups due by this day, included (today in France when absent); may lie ahead, to plan the calls.",
  })
  on?: string | null;
}
