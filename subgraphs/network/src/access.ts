import { NETWORK_ROLES, NETWORK_SERVICE, rules, STAFF, type AccessPolicy, type Caller, type ReadRule } from "@cae/shared";

/** The registry: the network's staff, and the gateway's credential, which routes by it. */
const registryReaders: ReadRule = {
  summary: "the network's staff and the gateway's credential",
  roles: [...NETWORK_ROLES, NETWORK_SERVICE],
};

/** The network's staff only: its partners (a contact's email may name a person), agreements, committees (members' names, minutes). */
const networkRoles: ReadRule = { summary: "the network's staff", roles: NETWORK_ROLES };

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
    CooperativeRegistration: registryReaders,
    CooperativeEndpoints: rules.part,
    CharterAdherence: aboutOneCooperative((adherence: { cooperativeId: string }) => adherence.cooperativeId),
    // The gateway's credential reads the registry only: a report's agreement is read with its reader's own token.
    NetworkPartner: networkRoles,
    NetworkPartnerConnection: rules.part,
    NetworkPartnerEdge: rules.part,
    FundingAgreement: networkRoles,
    FundingTerritory: rules.part,
    FundingAgreementConnection: rules.part,
    FundingAgreementEdge: rules.part,
    Committee: networkRoles,
    CommitteeConnection: rules.part,
    CommitteeEdge: rules.part,
    CommitteeMember: networkRoles,
    CommitteeMeeting: networkRoles,
    CommitteeDecision: networkRoles,
    AuditEvent: { summary: "the network's admins", roles: ["NETWORK_ADMIN"] },
    AuditEventConnection: rules.part,
    AuditEventEdge: rules.part,
    PageInfo: rules.part,
  },
  fields: {
    "Query.registry": registryReaders,
    "Query.partners": networkRoles,
    "Query.partner": networkRoles,
    "Query.fundingAgreements": networkRoles,
    "Query.fundingAgreement": networkRoles,
    "Query.committees": networkRoles,
    "Query.committee": networkRoles,
    "Query.networkAuditTrail": { summary: "the network's admins", roles: ["NETWORK_ADMIN"] },
  },
};
