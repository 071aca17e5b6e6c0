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
import { migrations } from "./migrations";
import { CooperativeProfileEntity } from "./profile/profile.entity";
import { CooperativeProfileResolver } from "./profile/profile.resolver";
import { CounselorEntity, SupportSessionEntity, SupportSessionPersonEntity } from "./support/support.entity";
import {
  CooperativeSupportSessionsResolver,
  CounselorResolver,
  FollowUpResolver,
  SupportSessionResolver,
} from "./support/support.resolver";
import { PartnerEntity, ReceptionEntity } from "./welcome/welcome.entity";
import { PartnerResolver, ReceptionResolver } from "./welcome/welcome.resolver";
import { PersonEntity } from "./people/person.entity";
import { resolvePersonReference } from "./people/person.reference";
import { CooperativePeopleResolver, PersonResolver } from "./people/person.resolver";
import { CooperativeFollowUpResolver } from "./support/follow-up.resolver";
import { Cooperative } from "./people/person.type";
import { seedDemo } from "./seed";

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
    ActivityEntity,
    CounselorEntity,
    SupportSessionEntity,
    SupportSessionPersonEntity,
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
        MembershipResolver,
        ReceptionResolver,
        PartnerResolver,
        ActivityResolver,
        FollowUpResolver,
        CounselorResolver,
        SupportSessionResolver,
        CooperativeSupportSessionsResolver,
        InformationMeetingResolver,
        CooperativeMeetingsResolver,
        MembersIndicatorsResolver,
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
  seedDemo,
};
