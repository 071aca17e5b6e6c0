import { AuditEventEntity, buildFederatedSchema } from "@cae/shared";
import type { GraphQLSchema } from "graphql";
import { networkPolicy } from "./access";
import { CharterAdherenceEntity } from "./charter/charter.entity";
import { CharterResolver, CooperativeCharterResolver } from "./charter/charter.resolver";
import { CommitteeEntity } from "./committees/committee.entity";
import { CommitteeResolver } from "./committees/committee.resolver";
import { CommitteeDecisionEntity } from "./committees/decision.entity";
import {
  CommitteeDecisionResolver,
  CommitteeMeetingDecisionsResolver,
  CommitteeOpenDecisionsResolver,
} from "./committees/decision.resolver";
import { CommitteeAttendanceEntity, CommitteeMeetingEntity } from "./committees/meeting.entity";
import { CommitteeMeetingResolver, CommitteeMeetingsResolver } from "./committees/meeting.resolver";
import { CommitteeMemberEntity } from "./committees/member.entity";
import { CommitteeMembersResolver } from "./committees/member.resolver";
import { FundingAgreementEntity } from "./funding/funding.entity";
import { FundingAgreementResolver, NetworkPartnerFundingResolver, resolveFundingAgreementReference } from "./funding/funding.resolver";
import { migrations } from "./migrations";
import { NetworkPartnerEntity } from "./partners/partner.entity";
import { NetworkPartnerResolver } from "./partners/partner.resolver";
import { Cooperative } from "./registry/cooperative.type";
import { NetworkAuditTrailResolver } from "./registry/audit.resolver";
import { RegisteredCooperativeEntity } from "./registry/registry.entity";
import { CooperativeRegistrationResolver, RegistryResolver, resolveCooperativeReference } from "./registry/registry.resolver";

/** The network's own subgraph: its registry, charter, partners, funding agreements and committees, on its own database. */
export const network = {
  entities: [
    RegisteredCooperativeEntity,
    CharterAdherenceEntity,
    NetworkPartnerEntity,
    FundingAgreementEntity,
    CommitteeEntity,
    CommitteeMemberEntity,
    CommitteeMeetingEntity,
    CommitteeAttendanceEntity,
    CommitteeDecisionEntity,
    AuditEventEntity,
  ],
  migrations,
  buildSchema(): Promise<GraphQLSchema> {
    schema ??= buildFederatedSchema({
      resolvers: [
        RegistryResolver,
        CooperativeRegistrationResolver,
        CharterResolver,
        CooperativeCharterResolver,
        NetworkPartnerResolver,
        FundingAgreementResolver,
        NetworkPartnerFundingResolver,
        CommitteeResolver,
        CommitteeMembersResolver,
        CommitteeMeetingsResolver,
        CommitteeMeetingResolver,
        CommitteeOpenDecisionsResolver,
        CommitteeMeetingDecisionsResolver,
        CommitteeDecisionResolver,
        NetworkAuditTrailResolver,
      ],
      // Reached by the gateway's `_entities` only: no root field of this subgraph returns it.
      orphanedTypes: [Cooperative],
      policy: networkPolicy,
      referenceResolvers: {
        Cooperative: { __resolveReference: resolveCooperativeReference },
        FundingAgreement: { __resolveReference: resolveFundingAgreementReference },
      },
    });
    return schema;
  },
};

/** Built once per process. */
let schema: Promise<GraphQLSchema> | undefined;
