import { rules, type AccessPolicy } from "@cae/shared";

/**
 * Who may read what in the contracts subgraph: every object type and the fields narrower than
 * their object, applied wherever an object is resolved (see shared/src/auth/policy.ts).
 */
export const contractsPolicy: AccessPolicy = {
  types: {
    Cooperative: rules.open,
    CooperativeProfile: rules.open,
    Person: rules.aboutPeople((person: { id: string }) => person.id),
    Contract: rules.aboutPeople((contract: { person: { id: string } }) => contract.person.id),
    ObjectiveTerms: rules.part,
    Commitment: rules.part,
    SupportAgreementTerms: rules.part,
    Renewal: rules.part,
    EmploymentTerms: rules.part,
    Amendment: rules.part,
    ContractDeadline: rules.staff,
    PersonFollowUp: rules.staff,
    // Each person's contract steps: the inputs of the cooperative's aggregates and of its staff's lists.
    ContractMilestones: rules.part,
    ContractsIndicators: rules.aggregates,
    ContractKindCount: rules.part,
    ContractEndCount: rules.part,
    DaysTotal: rules.part,
    ContractsMonth: rules.part,
    AuditEvent: rules.admins,
    PageInfo: rules.part,
    ContractConnection: rules.part,
    ContractEdge: rules.part,
    AuditEventConnection: rules.part,
    AuditEventEdge: rules.part,
  },
  fields: {
    "Cooperative.contracts": rules.staff,
    "Cooperative.contractDeadlines": rules.staff,
    "Cooperative.contractMilestones": rules.aggregates,
    "Cooperative.contractsIndicators": rules.aggregates,
    "Cooperative.contractsAuditTrail": rules.admins,
  },
};
