import { registerEnumType } from "type-graphql";
/**
 * The kinds of contract, in path order. Shared because two subgraphs speak of them: contracts owns
 * the contracts, members combines the furthest one into a person's path stage.
 */
export const ContractKind = {
  OBJECTIVE: "OBJECTIVE",
  SUPPORT_AGREEMENT: "SUPPORT_AGREEMENT",
  EMPLOYMENT: "EMPLOYMENT",
} as const;
export type ContractKind = (typeof ContractKind)[keyof typeof ContractKind];

registerEnumType(ContractKind, {
  name: "ContractKind",
  description: "The kinds of contract of a person's path, in path order.",
  valuesConfig: {
    OBJECTIVE: { description: "Objective contract (contrat d'objectif): reciprocal commitments to prepare a prospection test." },
    SUPPORT_AGREEMENT: {
      description: "Support agreement (convention d'accompagnement, CAPE, Code de commerce L127-1): the prospection test.",
    },
    EMPLOYMENT: { description: "Employment contract of an entrepreneur-employee (CESA, Code du travail L7331-1)." },
  },
});

/** A person's gender as they declared it (the network counts people by it). */
export type Gender = "FEMALE" | "MALE" | "OTHER" | "UNDISCLOSED";
/** Where a person stands in the welcome, before any contract (members owns it). */
export type WelcomeStage = "PROSPECT" | "RECEIVED" | "ADMITTED" | "ORIENTED";
/** Where a contract stands on a given day (contracts owns it; the demo data writes it too). */
export type ContractStatus = "DRAFT" | "SIGNED" | "RUNNING" | "ENDED" | "CANCELLED";

/** Path order: a later kind is a further step. */
export const CONTRACT_KINDS_IN_PATH_ORDER: readonly ContractKind[] = ["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"];

/** Sectors of activity: members records a project's, finance an activity account's; the network counts both. */
export const Sector = {
  SERVICES: "SERVICES",
  CRAFTS: "CRAFTS",
  MOBILE_TRADE: "MOBILE_TRADE",
  TRAINING: "TRAINING",
  BUILDING: "BUILDING",
  AGRICULTURE: "AGRICULTURE",
  OTHER: "OTHER",
} as const;
export type Sector = (typeof Sector)[keyof typeof Sector];
registerEnumType(Sector, {
  name: "Sector",
  description: "Sector of an activity (secteur d'activité), as the network's indicators count them.",
  valuesConfig: {
    SERVICES: { description: "Services (services aux entreprises et aux particuliers)." },
    CRAFTS: { description: "Crafts (artisanat)." },
    MOBILE_TRADE: { description: "Mobile trade (commerce ambulant)." },
    TRAINING: { description: "Training (formation)." },
    BUILDING: { description: "Building trades (bâtiment)." },
    AGRICULTURE: { description: "Agriculture." },
    OTHER: { description: "Other sectors (autre)." },
  },
});
