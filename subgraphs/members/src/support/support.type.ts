import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionType, LocalDateScalar, PageArgs } from "@cae/shared";
import { Person } from "../people/person.type";

export const SessionTopic = {
  MARKETING: "MARKETING",
  COMMUNICATION: "COMMUNICATION",
  COMMERCIAL: "COMMERCIAL",
  ACCOUNTING: "ACCOUNTING",
  FINANCE: "FINANCE",
  ORGANISATION: "ORGANISATION",
  LEGAL: "LEGAL",
  OTHER: "OTHER",
} as const;
export type SessionTopic = (typeof SessionTopic)[keyof typeof SessionTopic];
registerEnumType(SessionTopic, { name: "SessionTopic", description: "What a support session is about (thème de l'accompagnement)." });

export const SessionKind = { INDIVIDUAL: "INDIVIDUAL", WORKSHOP: "WORKSHOP" } as const;
export type SessionKind = (typeof SessionKind)[keyof typeof SessionKind];
registerEnumType(SessionKind, {
  name: "SessionKind",
  description: "Whether a session supports one person or a group.",
  valuesConfig: {
    INDIVIDUAL: { description: "An individual interview (entretien individuel): exactly one person." },
    WORKSHOP: { description: "A collective workshop (atelier collectif)." },
  },
});

@ObjectType({ description: "A member of the cooperative's staff who supports people (chargé·e d'accompagnement)." })
export class Counselor {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: "First name." })
  firstName: string;

  @Field(() => String, { description: "Last name." })
  lastName: string;

  @Field(() => String, { nullable: true, description: "Work email." })
  email: string | null;

  @Field(() => Boolean, { description: "Whether the counselor may be chosen for a person or a session: false once deactivated." })
  active: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day the counselor was deactivated (left the staff); null while active.",
  })
  deactivatedOn: string | null;
}

export const CounselorConnection = connectionType(Counselor, "Counselor", "counselor");

@ObjectType({ description: "A support session (accompagnement): an individual interview or a workshop." })
export class SupportSession {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => LocalDateScalar, { description: "Date of the session." })
  heldOn: string;

  @Field(() => Int, { description: "Duration in minutes." })
  durationMinutes: number;

  @Field(() => SessionTopic, { description: "What the session is about." })
  topic: SessionTopic;

  @Field(() => SessionKind, { description: "Individual or workshop." })
  kind: SessionKind;

  @Field(() => String, { nullable: true, description: "The counselor's notes." })
  notes: string | null;

  @Field(() => Counselor, { description: "The counselor who held it." })
  counselor: Counselor;

  @Field(() => [Person], { description: "The people who took part: one for an individual interview, several for a workshop." })
  people: Person[];
}

export const SupportSessionConnection = connectionType(SupportSession, "SupportSession", "support session");

@ArgsType()
export class SupportSessionsArgs extends PageArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: "Only the sessions on or after this day." })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only the sessions on or before this day." })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: "Only the sessions this counselor held." })
  counselorId?: string | null;

  @Field(() => SessionTopic, { nullable: true, description: "Only the sessions on this topic." })
  topic?: SessionTopic | null;

  @Field(() => SessionKind, { nullable: true, description: "Only individual interviews, or only workshops." })
  kind?: SessionKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Only workshops whose signed attendance sheet (feuille d'émargement) is kept (true), or only those still without one (false): what is missing before a funder's report. Refused with kind INDIVIDUAL.",
  })
  withSignedAttendanceSheet?: boolean | null;
}

@InputType({ description: "A counselor joining the cooperative's staff." })
export class AddCounselorInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => String, { description: "First name." })
  firstName: string;

  @Field(() => String, { description: "Last name." })
  lastName: string;

  @Field(() => String, { nullable: true, description: "Work email." })
  email?: string | null;
}

@InputType({ description: "Who follows a person: their counselor and the partner who referred them (prescripteur)." })
export class AssignFollowUpInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => ID, { nullable: true, description: "Their counselor; null to leave none." })
  counselorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The partner who referred them; null for none." })
  referringPartnerId?: string | null;
}

@InputType({ description: "A support session that took place." })
export class RecordSupportSessionInput {
  @Field(() => ID, { description: "The counselor who held it; the request goes to their cooperative." })
  counselorId: string;

  @Field(() => [ID], { description: "The people who took part: exactly one for an individual interview." })
  personIds: string[];

  @Field(() => LocalDateScalar, { description: "Date of the session." })
  heldOn: string;

  @Field(() => Int, { description: "Duration in minutes, 15 to 480." })
  durationMinutes: number;

  @Field(() => SessionTopic, { description: "What the session is about." })
  topic: SessionTopic;

  @Field(() => SessionKind, { description: "Individual or workshop." })
  kind: SessionKind;

  @Field(() => String, { nullable: true, description: "The counselor's notes." })
  notes?: string | null;
}

@InputType({ description: "A counselor to deactivate (leaving the staff): kept on what names them, chosen for nothing new." })
export class DeactivateCounselorInput {
  @Field(() => ID, { description: "The counselor; the request goes to their cooperative." })
  id: string;

  @Field(() => String, { description: "Why (left the cooperative, long leave...); kept in the audit trail." })
  reason: string;
}

@InputType({ description: "A deactivated counselor to make active again." })
export class ReactivateCounselorInput {
  @Field(() => ID, { description: "The counselor; the request goes to their cooperative." })
  id: string;
}
