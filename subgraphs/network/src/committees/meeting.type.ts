import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar, LocalDateScalar } from "@cae/shared";

export type CommitteeMeetingStatusValue = "SCHEDULED" | "HELD" | "CANCELLED";

export const CommitteeMeetingStatus = {
  SCHEDULED: "SCHEDULED",
  HELD: "HELD",
  CANCELLED: "CANCELLED",
} as const satisfies Record<CommitteeMeetingStatusValue, CommitteeMeetingStatusValue>;
registerEnumType(CommitteeMeetingStatus, {
  name: "CommitteeMeetingStatus",
  description: "Where a committee meeting stands, from what was recorded about it.",
  valuesConfig: {
    SCHEDULED: { description: "Planned: no minutes recorded yet, not cancelled." },
    HELD: { description: "It took place: its minutes are recorded (approved or not)." },
    CANCELLED: { description: "Called off, with the reason given." },
  },
});

@ObjectType({
  description:
    "A meeting of a committee: scheduled with its agenda, then held (minutes and attendees recorded, decisions taken) and its minutes approved, or cancelled.",
})
export class CommitteeMeeting {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  @Field(() => LocalDateScalar, { description: "The day it is (or was) planned for." })
  scheduledOn: string;

  @Field(() => String, { description: 'Where it takes place ("DREETS, Rennes", "Visioconférence").' })
  place: string;

  @Field(() => [String], { description: "The items of its agenda (ordre du jour), in order; never empty." })
  agenda: string[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The first day of the period of figures the meeting reviews; null when it reviews none (then `periodTo` is null too).",
  })
  periodFrom: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The last day (included) of the period of figures the meeting reviews." })
  periodTo: string | null;

  @Field(() => CommitteeMeetingStatus, { description: "Scheduled, held or cancelled." })
  status: CommitteeMeetingStatusValue;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day it took place; null until its minutes are recorded." })
  heldOn: string | null;

  @Field(() => String, { nullable: true, description: "Its minutes (compte rendu), as recorded; null until recorded." })
  minutes: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When the committee approved the minutes; null until then. Approved minutes, attendees and decisions no longer change.",
  })
  minutesApprovedOn: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was cancelled; null unless it was." })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was cancelled; null unless it was." })
  cancellationReason: string | null;
}

@InputType({ description: "A committee meeting to schedule." })
export class ScheduleCommitteeMeetingInput {
  @Field(() => ID, { description: "The committee." })
  committeeId: string;

  @Field(() => LocalDateScalar, { description: "The day it is planned for; one meeting of a committee a day." })
  scheduledOn: string;

  @Field(() => String, { description: "Where it takes place (at most 300 characters)." })
  place: string;

  @Field(() => [String], { description: "The items of its agenda, in order: 1 to 30, each at most 500 characters." })
  agenda: string[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The first day of the period of figures it reviews; give `periodTo` with it.",
  })
  periodFrom?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The last day (included) of the period of figures it reviews; give `periodFrom` with it (ten years at most).",
  })
  periodTo?: string | null;
}

@InputType({ description: "A scheduled committee meeting called off." })
export class CancelCommitteeMeetingInput {
  @Field(() => ID, { description: "The meeting: scheduled, with no minutes recorded." })
  meetingId: string;

  @Field(() => String, { description: "Why it is cancelled (at most 1000 characters)." })
  reason: string;
}

@InputType({
  description: "The minutes of a meeting that took place, with who attended. Recording again replaces them, until they are approved.",
})
export class RecordCommitteeMinutesInput {
  @Field(() => ID, { description: "The meeting: not cancelled, minutes not yet approved." })
  meetingId: string;

  @Field(() => LocalDateScalar, { description: "The day it took place; not in the future." })
  heldOn: string;

  @Field(() => [ID], { description: "The members who attended: at least one, each a member of the committee on `heldOn`." })
  attendeeIds: string[];

  @Field(() => String, { description: "The minutes (compte rendu), at most 50,000 characters; blank lines separate paragraphs." })
  minutes: string;
}

@InputType({ description: "The committee's approval of a meeting's minutes (usually at its next meeting)." })
export class ApproveCommitteeMinutesInput {
  @Field(() => ID, { description: "The meeting: its minutes recorded, not yet approved." })
  meetingId: string;

  @Field(() => LocalDateScalar, { description: "When the minutes were approved: not before the meeting, not in the future." })
  approvedOn: string;
}
