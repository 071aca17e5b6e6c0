import { contractsPolicy } from "./access";
import { AuditEventEntity, auditTrailResolver, buildFederatedSchema, ownCooperativeReference, type SubgraphDefinition } from "@cae/shared";
import { createLoaders, type ContractsLoaders } from "./context";
import { AmendmentEntity, CommitmentEntity, ContractEntity, RenewalEntity } from "./contracts/contract.entity";
import { resolveContractReference, resolvePersonReference } from "./contracts/contract.reference";
import { ContractResolver, PersonContractsResolver } from "./contracts/contract.resolver";
import { CooperativeMilestonesResolver } from "./contracts/milestones.resolver";
import { CooperativeContractsResolver } from "./contracts/cooperative-contracts.resolver";
import { ContractsIndicatorsResolver } from "./indicators/indicators.resolver";
import { ContractDeadlinesResolver } from "./deadlines/deadlines.resolver";
import { Contract, Cooperative } from "./contracts/contract.type";
import { migrations } from "./migrations";
import { contractsEventHandlers } from "./events/handlers";
import { ContractTemplateEntity } from "./templates/template.entity";
import { ContractTemplateResolver, CooperativeTemplatesResolver } from "./templates/template.resolver";
import { CooperativePayrollResolver, PayrollMutationsResolver } from "./payroll/payroll.resolver";

export type { ContractsContext } from "./context";

/** The contracts subgraph: the objective contract, support agreement (CAPE) and employment contract (CESA). */
export const contracts: SubgraphDefinition<ContractsLoaders> = {
  name: "contracts",
  entities: [ContractEntity, RenewalEntity, AmendmentEntity, CommitmentEntity, ContractTemplateEntity, AuditEventEntity],
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [
        PersonContractsResolver,
        ContractResolver,
        CooperativeMilestonesResolver,
        CooperativeContractsResolver,
        ContractsIndicatorsResolver,
        ContractDeadlinesResolver,
        CooperativeTemplatesResolver,
        ContractTemplateResolver,
        auditTrailResolver(Cooperative, "contracts"),
        CooperativePayrollResolver,
        PayrollMutationsResolver,
      ],
      orphanedTypes: [Contract, Cooperative],
      policy: contractsPolicy,
      referenceResolvers: {
        Contract: { __resolveReference: resolveContractReference },
        Person: { __resolveReference: resolvePersonReference },
        Cooperative: { __resolveReference: ownCooperativeReference },
      },
    }),
  createLoaders,
  eventHandlers: contractsEventHandlers,
};

// The tables and the rules that fill them, for the tooling (demo data, tests); the service itself
// reaches them by their modules.
export { AmendmentEntity, CommitmentEntity, ContractEntity, RenewalEntity, type ContractEndReason } from "./contracts/contract.entity";
export { statusOn, supportAgreementLatestEnd, supportDaysBefore, trialPeriodLatestEnd } from "./contracts/contract.rules";
export { underPartTimeMinimum, type LegalTerms } from "./contracts/legal-terms";
