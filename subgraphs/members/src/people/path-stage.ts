import { registerEnumType } from "type-graphql";
import { localIdOfReference, type ContractKind, type WelcomeStage } from "@cae/shared";
import type { SelectQueryBuilder } from "typeorm";

export const PathStage = {
  PROSPECT: "PROSPECT",
  RECEIVED: "RECEIVED",
  ORIENTED: "ORIENTED",
  ADMITTED: "ADMITTED",
  OBJECTIVE_CONTRACT: "OBJECTIVE_CONTRACT",
  SUPPORT_AGREEMENT: "SUPPORT_AGREEMENT",
  EMPLOYMENT_CONTRACT: "EMPLOYMENT_CONTRACT",
  ASSOCIATE: "ASSOCIATE",
  EXITED: "EXITED",
} as const;
export type PathStage = (typeof PathStage)[keyof typeof PathStage];

registerEnumType(PathStage, {
  name: "PathStage",
  description: "The furthest step of the path (parcours) a person has reached.",
  valuesConfig: {
    PROSPECT: { description: "Came to an information meeting (réunion d'information collective)." },
    RECEIVED: { description: "Received individually (accueil individuel); the decision is pending." },
    ORIENTED: { description: "Referred to a partner (orientation) instead of joining." },
    ADMITTED: { description: "Admitted, no contract signed yet." },
    OBJECTIVE_CONTRACT: { description: "Signed an objective contract (contrat d'objectif)." },
    SUPPORT_AGREEMENT: { description: "Signed a support agreement (CAPE): the prospection test." },
    EMPLOYMENT_CONTRACT: { description: "Employed as an entrepreneur-employee (CESA)." },
    ASSOCIATE: { description: "Became an associate (sociétaire) of the cooperative." },
    EXITED: { description: "Left the cooperative (sortie)." },
  },
});

const STAGE_OF_CONTRACT: Record<ContractKind, PathStage> = {
  OBJECTIVE: "OBJECTIVE_CONTRACT",
  SUPPORT_AGREEMENT: "SUPPORT_AGREEMENT",
  EMPLOYMENT: "EMPLOYMENT_CONTRACT",
};

export interface PathFacts {
  welcomeStage: WelcomeStage;
  /** The contracts subgraph's part, received through `@requires`. */
  furthestContractKind: ContractKind | null;
  isAssociate: boolean;
  hasExited: boolean;
}

/** The furthest step reached: exit, then associate, then the furthest signed contract, then the welcome. */
export function pathStage(facts: PathFacts): PathStage {
  if (facts.hasExited) return "EXITED";
  if (facts.isAssociate) return "ASSOCIATE";
  return facts.furthestContractKind ? STAGE_OF_CONTRACT[facts.furthestContractKind] : facts.welcomeStage;
}

/**
 * `pathStage` in SQL, for a people table under `alias`, with the same precedence: exit, associate,
 * furthest contract, welcome. `furthest` gives, for each contract kind, an SQL expression of the
 * uuid[] of the people whose furthest signed contract is of that kind (contracts subgraph).
 */
export function pathStageSql(alias: string, furthest: Record<ContractKind, string>): string {
  return `CASE
    WHEN ${alias}.id IN (SELECT person_id FROM exits) THEN 'EXITED'
    WHEN ${alias}.id IN (SELECT person_id FROM associates) THEN 'ASSOCIATE'
    WHEN ${alias}.id = ANY(${furthest.EMPLOYMENT}) THEN '${STAGE_OF_CONTRACT.EMPLOYMENT}'
    WHEN ${alias}.id = ANY(${furthest.SUPPORT_AGREEMENT}) THEN '${STAGE_OF_CONTRACT.SUPPORT_AGREEMENT}'
    WHEN ${alias}.id = ANY(${furthest.OBJECTIVE}) THEN '${STAGE_OF_CONTRACT.OBJECTIVE}'
    ELSE ${alias}.welcome_stage END`;
}

/** The people of each contract kind in `furthestContracts` (local ID → furthest contract signed). */
export function peopleByFurthestContract(furthestContracts: ReadonlyMap<string, ContractKind>): Record<ContractKind, string[]> {
  const people: Record<ContractKind, string[]> = { OBJECTIVE: [], SUPPORT_AGREEMENT: [], EMPLOYMENT: [] };
  for (const [personId, kind] of furthestContracts) people[kind].push(personId);
  return people;
}

/** Narrows a query of people (alias `person`) to those whose `pathStage` is `stage`, in SQL. */
export function whereStageIs<Entity extends object>(
  query: SelectQueryBuilder<Entity>,
  stage: PathStage,
  furthestContracts: ReadonlyMap<string, ContractKind>,
): SelectQueryBuilder<Entity> {
  const people = peopleByFurthestContract(furthestContracts);
  const stageSql = pathStageSql("person", {
    EMPLOYMENT: ":stageEmployment::uuid[]",
    SUPPORT_AGREEMENT: ":stageSupport::uuid[]",
    OBJECTIVE: ":stageObjective::uuid[]",
  });
  return query.andWhere(`(${stageSql}) = :stage`, {
    stageEmployment: people.EMPLOYMENT,
    stageSupport: people.SUPPORT_AGREEMENT,
    stageObjective: people.OBJECTIVE,
    stage,
  });
}

/** Local person ID → furthest contract, from the milestones the contracts subgraph sent (`@requires`). */
export function furthestContractsOf(
  cooperative: { contractMilestones?: readonly { personId: string; furthestContractKind: ContractKind | null }[] | null },
  cooperativeId: string,
): Map<string, ContractKind> {
  const furthest = new Map<string, ContractKind>();
  for (const { personId, furthestContractKind } of cooperative.contractMilestones ?? []) {
    const localId = localIdOfReference(personId, cooperativeId);
    if (localId && furthestContractKind) furthest.set(localId, furthestContractKind);
  }
  return furthest;
}
