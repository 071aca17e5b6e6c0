import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";
import { Contract, Person } from "../contracts/contract.type";

export const DeadlineKind = {
  SUPPORT_AGREEMENT_ENDS: "SUPPORT_AGREEMENT_ENDS",
  TRIAL_PERIOD_ENDS: "TRIAL_PERIOD_ENDS",
  FIXED_TERM_ENDS: "FIXED_TERM_ENDS",
  ASSOCIATE_DEADLINE: "ASSOCIATE_DEADLINE",
} as const;
export type DeadlineKind = (typeof DeadlineKind)[keyof typeof DeadlineKind];
registerEnumType(DeadlineKind, {
  name: "DeadlineKind",
  description: "What falls due on a contract (échéance).",
  valuesConfig: {
    SUPPORT_AGREEMENT_ENDS: { description: "A support agreement (CAPE) reaches its last day: renew it, or move on to a CESA." },
    TRIAL_PERIOD_ENDS: { description: "The trial period of an employment contract ends." },
    FIXED_TERM_ENDS: { description: "A fixed-term employment contract reaches its last day." },
    ASSOCIATE_DEADLINE: {
      description: "The legal deadline to become an associate (L7331-3), for a person who is not one yet; overdue ones are listed too.",
    },
  },
});

@ArgsType()
export class DeadlinesArgs {
  @Field(() => Int, {
    description: "How many days ahead to look, from today (0 to 1100: associate deadlines fall up to three years ahead).",
  })
  withinDays: number;

  @Field(() => ID, { nullable: true, description: "Only the people this counselor follows." })
  counselorId?: string | null;
}

@ObjectType({ description: "A contract deadline a counselor must act on (échéance à suivre)." })
export class ContractDeadline {
  @Field(() => DeadlineKind, { description: "What falls due." })
  kind: DeadlineKind;

  @Field(() => LocalDateScalar, { description: "The day it falls due." })
  dueOn: string;

  @Field(() => Int, { description: "Days from today; negative when overdue." })
  daysLeft: number;

  @Field(() => Contract, { description: "The contract concerned." })
  contract: Contract;

  @Field(() => Person, {
    // Nullable: a person the members subgraph cannot give is null here, with an error naming them, and the list keeps its items.
    nullable: true,
    description: "The person concerned; null, with an error naming them, when the members subgraph cannot give them.",
  })
  person: Person;
}
