/**
 * The French words the network's staff and funders read for the API's keys: the dashboard shows
 * these, never a raw key such as `OBJECTIVE_CONTRACT`. A plain module without imports, so that the
 * dashboard's page compiles it in as it is (gateway/src/dashboard/client/tsconfig.json).
 */

/** Steps of the path (parcours), as `PathStage` values. */
export const PATH_STAGE_LABELS: Readonly<Record<string, string>> = {
  PROSPECT: "Réunion d'information",
  RECEIVED: "Accueil individuel",
  ORIENTED: "Orientation vers un partenaire",
  ADMITTED: "Admission",
  OBJECTIVE_CONTRACT: "Contrat d'objectif",
  SUPPORT_AGREEMENT: "CAPE",
  EMPLOYMENT_CONTRACT: "CESA",
  ASSOCIATE: "Associé·e",
  EXITED: "Sortie",
};

/** Reasons for leaving (motifs de sortie), as `ExitReason` values. */
export const EXIT_REASON_LABELS: Readonly<Record<string, string>> = {
  OWN_COMPANY: "Création de sa propre entreprise",
  SALARIED_JOB: "Emploi salarié",
  TRAINING: "Formation",
  ABANDONED: "Abandon du projet",
  NOT_VIABLE: "Activité non viable",
  RETIREMENT: "Retraite",
  HEALTH_OR_PERSONAL: "Santé ou raisons personnelles",
  CONTRACT_TERM: "Fin de contrat",
  OTHER: "Autre",
};

/** Age brackets, as the indicators key them. */
export const AGE_BRACKET_LABELS: Readonly<Record<string, string>> = {
  "under 26": "Moins de 26 ans",
  "26-35": "26 à 35 ans",
  "36-45": "36 à 45 ans",
  "46-55": "46 à 55 ans",
  "over 55": "Plus de 55 ans",
  unknown: "Âge non renseigné",
};

/** Sectors of activity, as `Sector` values. */
export const SECTOR_LABELS: Readonly<Record<string, string>> = {
  SERVICES: "Services",
  CRAFTS: "Artisanat",
  MOBILE_TRADE: "Commerce ambulant",
  TRAINING: "Formation",
  BUILDING: "Bâtiment",
  AGRICULTURE: "Agriculture",
  OTHER: "Autre",
};

/** Kinds of contract, as `ContractKind` values. */
export const CONTRACT_KIND_LABELS: Readonly<Record<string, string>> = {
  OBJECTIVE: "Contrat d'objectif",
  SUPPORT_AGREEMENT: "CAPE",
  EMPLOYMENT: "CESA",
};

/** The label of a key in one of the lists above, or the key itself when a newer API sends one this page does not know yet. */
export const labelOf = (labels: Readonly<Record<string, string>>, key: string): string => labels[key] ?? key;
