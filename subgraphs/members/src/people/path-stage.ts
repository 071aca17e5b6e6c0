import { registerEnumType } from "type-graphql";
import type { ContractKind, WelcomeStage } from "@cae/shared";

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
