import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { connectionType, LocalDateScalar, PageArgs } from "@cae/shared";
import { Person, ProspectInput } from "../people/person.type";
import { Counselor } from "../support/support.type";

@ObjectType({ description: "A collective information meeting (réunion d'information collective): the first step of the welcome." })
export class InformationMeeting {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => LocalDateScalar, { description: "Date of the meeting." })
  heldOn: string;

  @Field(() => String, { description: "Where it takes place (lieu)." })
  place: string;

  @Field(() => Counselor, { description: "Who facilitates it (animateur·rice)." })
  facilitator: Counselor;

  @Field(() => Int, { description: "How many people attended." })
  attendeeCount: number;

  @Field(() => [Person], { description: "The people who attended, by name." })
  attendees: Person[];
}

export const InformationMeetingConnection = connectionType(InformationMeeting, "InformationMeeting", "information meeting");

@ArgsType()
export class InformationMeetingsArgs extends PageArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: "Only the meetings on or after this day." })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only the meetings on or before this day." })
  to?: string | null;
}

@InputType({ description: "An information meeting to schedule." })
export class ScheduleInformationMeetingInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => LocalDateScalar, { description: "Date of the meeting." })
  heldOn: string;

  @Field(() => String, { description: "Where it takes place." })
  place: string;

  @Field(() => ID, { description: "The counselor who facilitates it." })
  facilitatorId: string;
}

@InputType({ description: "The attendance of one person at a meeting that took place: someone registered, or a new prospect." })
export class RecordAttendanceInput {
  @Field(() => ID, { description: "The meeting; the request goes to its cooperative." })
  meetingId: string;

  @Field(() => ID, { nullable: true, description: "Someone already registered; or give `prospect` to register a new person." })
  personId?: string | null;

  @Field(() => ProspectInput, {
    nullable: true,
    description: "A new prospect, registered by attending: their first contact is the meeting's date.",
  })
  prospect?: ProspectInput | null;
}
