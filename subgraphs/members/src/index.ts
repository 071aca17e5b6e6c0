import { membersPolicy } from "./access";
import { AuditEventEntity, auditTrailResolver, buildFederatedSchema, ownCooperativeReference, type SubgraphDefinition } from "@cae/shared";
import { createLoaders, type MembersLoaders } from "./context";
import { AssociateEntity, ExitEntity } from "./membership/membership.entity";
import { MembershipResolver } from "./membership/membership.resolver";
import { ActivityEntity } from "./activities/activity.entity";
import { ActivityResolver } from "./activities/activity.resolver";
import { InformationMeetingEntity, MeetingAttendanceEntity } from "./meetings/meeting.entity";
import { CooperativeMeetingsResolver, InformationMeetingResolver } from "./meetings/meeting.resolver";
import { MembersIndicatorsResolver } from "./indicators/indicators.resolver";
import { FunderFiguresResolver } from "./indicators/funder.resolver";
import { FunderReportResolver } from "./indicators/funder-report.resolver";
import { FunderPeriodsResolver } from "./indicators/funder-periods.resolver";
import { migrations } from "./migrations";
import { membersEventHandlers } from "./events/handlers";
import { PersonErasureResolver } from "./people/erasure.resolver";
import { CooperativeProfileEntity } from "./profile/profile.entity";
import { CooperativeProfileResolver } from "./profile/profile.resolver";
import { CounselorEntity, SupportSessionEntity, SupportSessionPersonEntity } from "./support/support.entity";
import { WorkshopSignatureSheetEntity } from "./support/attendance-sheet.entity";
import { AttendanceSheetResolver, SignedAttendanceSheetResolver } from "./support/attendance-sheet.resolver";
import {
  CooperativeSupportSessionsResolver,
  CounselorResolver,
  FollowUpResolver,
  SupportSessionResolver,
} from "./support/support.resolver";
import { PartnerEntity, ReceptionEntity } from "./welcome/welcome.entity";
import { PartnerResolver, ReceptionResolver } from "./welcome/welcome.resolver";
import { EntrySituationEntity } from "./welcome/entry-situation.entity";
import { EntrySituationResolver } from "./welcome/entry-situation.resolver";
import { ExitFollowUpEntity } from "./membership/follow-up.entity";
import { CooperativeExitFollowUpsResolver, ExitFollowUpResolver } from "./membership/follow-up.resolver";
import { PersonEntity } from "./people/person.entity";
import { resolvePersonReference } from "./people/person.reference";
import { CooperativePeopleResolver, PersonResolver } from "./people/person.resolver";
import { CooperativeFollowUpResolver } from "./support/follow-up.resolver";
import { Cooperative } from "./people/person.type";

export type { MembersContext } from "./context";

/** The members subgraph: the people a cooperative welcomes and supports. */
export const members: SubgraphDefinition<MembersLoaders> = {
  name: "members",
  entities: [
    PersonEntity,
    AssociateEntity,
    ExitEntity,
    PartnerEntity,
    ReceptionEntity,
    EntrySituationEntity,
    ExitFollowUpEntity,
    ActivityEntity,
    CounselorEntity,
    SupportSessionEntity,
    SupportSessionPersonEntity,
    WorkshopSignatureSheetEntity,
    InformationMeetingEntity,
    MeetingAttendanceEntity,
    CooperativeProfileEntity,
    AuditEventEntity,
  ],
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [
        PersonResolver,
        PersonErasureResolver,
        MembershipResolver,
        ReceptionResolver,
        EntrySituationResolver,
        ExitFollowUpResolver,
        CooperativeExitFollowUpsResolver,
        PartnerResolver,
        ActivityResolver,
        FollowUpResolver,
        CounselorResolver,
        SupportSessionResolver,
        CooperativeSupportSessionsResolver,
        AttendanceSheetResolver,
        SignedAttendanceSheetResolver,
        InformationMeetingResolver,
        CooperativeMeetingsResolver,
        MembersIndicatorsResolver,
        FunderFiguresResolver,
        FunderReportResolver,
        FunderPeriodsResolver,
        CooperativeProfileResolver,
        CooperativePeopleResolver,
        CooperativeFollowUpResolver,
        auditTrailResolver(Cooperative, "members"),
      ],
      policy: membersPolicy,
      referenceResolvers: {
        Person: { __resolveReference: resolvePersonReference },
        Cooperative: { __resolveReference: ownCooperativeReference },
      },
    }),
  createLoaders,
  eventHandlers: membersEventHandlers,
};

// The tables and the rules that fill them, for the tooling (demo data, tests); the service itself
// reaches them by their modules.
export { ActivityEntity } from "./activities/activity.entity";
export { InformationMeetingEntity, MeetingAttendanceEntity } from "./meetings/meeting.entity";
export { AssociateEntity, ExitEntity } from "./membership/membership.entity";
export type { ExitReason } from "./membership/membership.type";
export { PersonEntity } from "./people/person.entity";
export { CooperativeProfileEntity } from "./profile/profile.entity";
export { CounselorEntity, SupportSessionEntity, SupportSessionPersonEntity } from "./support/support.entity";
export type { SessionTopic } from "./support/support.type";
export { PartnerEntity, ReceptionEntity } from "./welcome/welcome.entity";
export type { PartnerKind, ProjectProgress } from "./welcome/welcome.type";
export { EntrySituationEntity } from "./welcome/entry-situation.entity";
export type { EducationLevel } from "./welcome/entry-situation.type";
export { ExitFollowUpEntity } from "./membership/follow-up.entity";
export { followUpDueOn, followUpOpensOn } from "./membership/follow-up.service";
export type { ExitFollowUpSituation } from "./membership/follow-up.type";
