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
  furthestContract: ContractKind | null;
  isAssociate: boolean;
  hasExited: boolean;
}

/** The furthest step reached: exit, then associate, then the furthest signed contract, then the welcome. */
export function pathStage(facts: PathFacts): PathStage {
  if (facts.hasExited) return "EXITED";
  if (facts.isAssociate) return "ASSOCIATE";
  return facts.furthestContract ? STAGE_OF_CONTRACT[facts.furthestContract] : facts.welcomeStage;
}

/**
 * Narrows a query of people (alias `person`) to those whose `pathStage` is `stage`, in SQL, with
 * the same precedence as `pathStage`: exit, associate, furthest contract, welcome.
 * `furthestContracts` maps local person IDs to the furthest contract signed (contracts subgraph).
 */
export function whereStageIs<Entity extends object>(
  query: SelectQueryBuilder<Entity>,
  stage: PathStage,
  furthestContracts: ReadonlyMap<string, ContractKind>,
): SelectQueryBuilder<Entity> {
  const exited = "person.id IN (SELECT person_id FROM exits)";
  if (stage === "EXITED") return query.andWhere(exited);
  query.andWhere(`NOT ${exited}`);
  const associate = "person.id IN (SELECT person_id FROM associates)";
  if (stage === "ASSOCIATE") return query.andWhere(associate);
  query.andWhere(`NOT ${associate}`);
  const withContractOf = (kinds: readonly ContractKind[]) =>
    [...furthestContracts].filter(([, kind]) => kinds.includes(kind)).map(([personId]) => personId);
  const contractKind = (Object.keys(STAGE_OF_CONTRACT) as ContractKind[]).find((kind) => STAGE_OF_CONTRACT[kind] === stage);
  if (contractKind) return query.andWhere("person.id = ANY(:stagePeople)", { stagePeople: withContractOf([contractKind]) });
  return query
    .andWhere("person.welcomeStage = :stageWelcome", { stageWelcome: stage })
    .andWhere("NOT (person.id = ANY(:peopleWithContracts))", { peopleWithContracts: [...furthestContracts.keys()] });
}

/** Local person ID → furthest contract, from the milestones the contracts subgraph sent (`@requires`). */
export function furthestContractsOf(
  cooperative: { contractMilestones?: readonly { personId: string; furthestContract: ContractKind | null }[] | null },
  cooperativeId: string,
): Map<string, ContractKind> {
  const furthest = new Map<string, ContractKind>();
  for (const { personId, furthestContract } of cooperative.contractMilestones ?? []) {
    const localId = localIdOfReference(personId, cooperativeId);
    if (localId && furthestContract) furthest.set(localId, furthestContract);
  }
  return furthest;
}
