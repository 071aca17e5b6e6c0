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
    // The legal content and the attestations are parts of the contract: its person and the staff.
    EmploymentLegalTerms: rules.part,
    SupportAgreementLegalTerms: rules.part,
    PartTimeRequest: rules.part,
    FixedTermGround: rules.part,
    SupportAgreementAttestation: rules.part,
    EmployerCertificate: rules.part,
    EmploymentAttestation: rules.part,
    // The cooperative's wording is its staff's to read (its administrators' to change).
    ContractTemplate: rules.staff,
    ContractTemplatePlaceholder: rules.part,
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
    // Payroll: people's pay and absences, the staff's (docs/payroll.md).
    PayrollVariables: rules.staff,
    PayrollVariablesRow: rules.part,
    PayrollAbsence: rules.part,
    Absence: rules.staff,
    VariablePayDecision: rules.staff,
    PageInfo: rules.part,
    ContractConnection: rules.part,
    ContractEdge: rules.part,
    AuditEventConnection: rules.part,
    AuditEventEdge: rules.part,
  },
  fields: {
    "Cooperative.contracts": rules.staff,
    "Cooperative.contractDeadlines": rules.staff,
    "Cooperative.contractTemplates": rules.staff,
    "Cooperative.contractMilestones": rules.aggregates,
    "Cooperative.contractsIndicators": rules.aggregates,
    "Cooperative.contractsAuditTrail": rules.admins,
    "Cooperative.payrollVariables": rules.staff,
  },
};
