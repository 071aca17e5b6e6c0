import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";
import type { CommitteeDecisionStatusValue } from "./decision.entity";

export const CommitteeDecisionStatus = {
  OPEN: "OPEN",
  DONE: "DONE",
  DROPPED: "DROPPED",
} as const satisfies Record<CommitteeDecisionStatusValue, CommitteeDecisionStatusValue>;
registerEnumType(CommitteeDecisionStatus, {
  name: "CommitteeDecisionStatus",
  description: "Where a committee's decision stands.",
  valuesConfig: {
    OPEN: { description: "To be carried out: the committee's next meetings review it." },
    DONE: { description: "Carried out." },
    DROPPED: { description: "Given up (the committee decided otherwise, or it no longer applies)." },
  },
});

@ObjectType({
  description: "A decision a committee took at a meeting (relevé de décisions): what, who carries it out, by when, and its follow-up.",
})
export class CommitteeDecision {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  @Field(() => String, { description: "What was decided." })
  text: string;

  @Field(() => String, { description: 'Who carries it out, in words ("Réseau – chargée de mission", "DREETS").' })
  owner: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "By when it is to be carried out; null when no day was set." })
  dueOn: string | null;

  @Field(() => CommitteeDecisionStatus, { description: "Open, done or dropped." })
  status: CommitteeDecisionStatusValue;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it was done or dropped; null while it is open." })
  closedOn: string | null;
}

@InputType({ description: "A decision taken at a meeting, recorded with its minutes (before they are approved)." })
export class RecordCommitteeDecisionInput {
  @Field(() => ID, { description: "The meeting: its minutes recorded, not yet approved." })
  meetingId: string;

  @Field(() => String, { description: "What was decided (at most 2000 characters)." })
  text: string;

  @Field(() => String, { description: "Who carries it out (at most 200 characters)." })
  owner: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "By when; not before the meeting." })
  dueOn?: string | null;
}

@InputType({ description: "The follow-up of an open decision: done or dropped." })
export class CloseCommitteeDecisionInput {
  @Field(() => ID, { description: "The decision: still open." })
  decisionId: string;

  @Field(() => CommitteeDecisionStatus, { description: "DONE or DROPPED (OPEN is refused)." })
  status: CommitteeDecisionStatusValue;

  @Field(() => LocalDateScalar, { description: "When it was done or dropped: not before the meeting, not in the future." })
  closedOn: string;
}
