import { NETWORK_ROLES, NETWORK_SERVICE, rules, STAFF, type AccessPolicy, type Caller, type ReadRule } from "@cae/shared";

/** The network's staff, and the gateway's credential, which reads the registry to route by it. */
const networkStaff: ReadRule = { summary: "the network's staff and the gateway's credential", roles: [...NETWORK_ROLES, NETWORK_SERVICE] };

/** The network's staff only: a committee's members (names, emails), minutes and decisions are the network's business. */
const committeeReaders: ReadRule = { summary: "the network's staff", roles: NETWORK_ROLES };

/** The network's staff, and a cooperative's staff for what is about their own cooperative. */
export const aboutOneCooperative = <T>(cooperativeOf: (object: T) => string): ReadRule => ({
  summary: "the network's staff, and the cooperative's own staff",
  roles: [...NETWORK_ROLES, ...STAFF],
  decide: ((object: T, caller: Caller) =>
    caller.cooperativeId === undefined || caller.cooperativeId === cooperativeOf(object)) as ReadRule["decide"],
});

/**
 * Who may read what in the network's subgraph: every object type and the fields narrower than
 * their object. Changes are the network admins' alone (`@Authorized` on each mutation).
 */
export const networkPolicy: AccessPolicy = {
  types: {
    Cooperative: rules.open,
    CooperativeRegistration: networkStaff,
    CooperativeEndpoints: rules.part,
    CharterAdherence: aboutOneCooperative((adherence: { cooperativeId: string }) => adherence.cooperativeId),
    // A partner is an organisation: the gateway's credential reads it with its agreements (the report names its funder).
    NetworkPartner: networkStaff,
    NetworkPartnerConnection: rules.part,
    NetworkPartnerEdge: rules.part,
    // The gateway's credential reads the agreements to build the reports each one is owed.
    FundingAgreement: networkStaff,
    FundingTerritory: rules.part,
    FundingAgreementConnection: rules.part,
    FundingAgreementEdge: rules.part,
    Committee: committeeReaders,
    CommitteeConnection: rules.part,
    CommitteeEdge: rules.part,
    CommitteeMember: committeeReaders,
    CommitteeMeeting: committeeReaders,
    CommitteeDecision: committeeReaders,
    AuditEvent: { summary: "the network's admins", roles: ["NETWORK_ADMIN"] },
    AuditEventConnection: rules.part,
    AuditEventEdge: rules.part,
    PageInfo: rules.part,
  },
  fields: {
    "Query.registry": networkStaff,
    // The directory of partners, and a contact's email (it may name a person), are the network's staff's only.
    "Query.partners": { summary: "the network's staff", roles: NETWORK_ROLES },
    "Query.partner": { summary: "the network's staff", roles: NETWORK_ROLES },
    "NetworkPartner.contactEmail": { summary: "the network's staff", roles: NETWORK_ROLES },
    "Query.fundingAgreements": networkStaff,
    "Query.fundingAgreement": networkStaff,
    "Query.committees": committeeReaders,
    "Query.committee": committeeReaders,
    "Query.networkAuditTrail": { summary: "the network's admins", roles: ["NETWORK_ADMIN"] },
  },
};
