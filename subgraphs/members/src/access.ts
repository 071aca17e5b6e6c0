import { encodeId, localIdOfReference, rules, type AccessPolicy } from "@cae/shared";
import type { MembersContext } from "./context";

/**
 * Who may read what in the members subgraph: every object type and the fields narrower than their
 * object. Applied to every field of every object wherever it is resolved (root field, nested list,
 * `_entities`); resolvers do not repeat it. The schema does not build if a type is missing here.
 */
export const membersPolicy: AccessPolicy = {
  types: {
    Cooperative: rules.open,
    CooperativeProfile: rules.open,
    Person: rules.aboutPeople((person: { id: string }) => person.id),
    Associate: rules.part,
    Exit: rules.part,
    PersonErasure: rules.part,
    ErasurePart: rules.part,
    KeptRecord: rules.part,
    Reception: rules.part,
    // Told at the reception and followed after the exit: read like the reception and the exit, with the person.
    EntrySituation: rules.part,
    ExitFollowUp: rules.part,
    // Whom to call after their exit: a list of people, the staff's.
    ExitFollowUpDue: rules.staff,
    Activity: rules.aboutPeople((activity: { personId: string }, ctx: MembersContext) => encodeId(ctx.cooperativeId, activity.personId)),
    // A workshop names several people: each participant reads the session, and among its people only themselves.
    SupportSession: rules.aboutPeople(async (session: { id: string }, ctx: MembersContext) => {
      const rows = await ctx.loaders.peopleBySession.load(localIdOfReference(session.id, ctx.cooperativeId)!);
      return rows.map((row) => encodeId(ctx.cooperativeId, row.personId));
    }),
    // A signed attendance sheet names every participant: the staff's, like the lists of people.
    SignedAttendanceSheet: rules.staff,
    Counselor: rules.members,
    Partner: rules.members,
    InformationMeeting: rules.staff,
    PersonFollowUp: rules.staff,
    ContractMilestones: rules.part,
    AuditEvent: rules.admins,
    MembersIndicators: rules.aggregates,
    WelcomeStageCount: rules.part,
    PathStageCount: rules.part,
    ExitReasonCount: rules.part,
    AgeBracketCount: rules.part,
    SectorCount: rules.part,
    DaysSum: rules.part,
    MembersMonth: rules.part,
    FunderFigures: rules.part,
    FunderPeriod: rules.part,
    FunderBreakdown: rules.part,
    FunderStepCount: rules.part,
    FunderContractCount: rules.part,
    FunderKeyCount: rules.part,
    FunderFollowUpCount: rules.part,
    FunderSupport: rules.part,
    PageInfo: rules.part,
    PersonConnection: rules.part,
    PersonEdge: rules.part,
    SupportSessionConnection: rules.part,
    SupportSessionEdge: rules.part,
    CounselorConnection: rules.part,
    CounselorEdge: rules.part,
    PartnerConnection: rules.part,
    PartnerEdge: rules.part,
    InformationMeetingConnection: rules.part,
    InformationMeetingEdge: rules.part,
    AuditEventConnection: rules.part,
    AuditEventEdge: rules.part,
  },
  fields: {
    // Lists of the cooperative's people, sessions and meetings: its staff.
    // What an erasure did and kept: the cooperative's staff (the person's own token no longer means anything).
    "Person.erasure": rules.staff,
    "Cooperative.people": rules.staff,
    "Cooperative.peopleAtStage": rules.staff,
    "Cooperative.peopleFollowUp": rules.staff,
    "Cooperative.supportSessions": rules.staff,
    // A workshop's attendance sheets, blank or signed, name all its participants: a participant reads the session, not them.
    "SupportSession.attendanceSheetPdf": rules.staff,
    "SupportSession.signedAttendanceSheet": rules.staff,
    "Cooperative.informationMeetings": rules.staff,
    "Cooperative.partners": rules.staff,
    "Cooperative.exitFollowUpsDue": rules.staff,
    "Cooperative.counselors": rules.members,
    "Cooperative.membersIndicators": rules.aggregates,
    "Cooperative.funderIndicators": rules.aggregates,
    "Cooperative.contractMilestones": rules.aggregates,
    "Cooperative.membersAuditTrail": rules.admins,
  },
};
