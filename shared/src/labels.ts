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

/** Genders as declared, as `Gender` values. */
export const GENDER_LABELS: Readonly<Record<string, string>> = {
  FEMALE: "Femme",
  MALE: "Homme",
  OTHER: "Autre",
  UNDISCLOSED: "Non déclaré",
};

/** The answers to a yes-or-no question of the situation at entry, as the funders' figures key them. */
export const YES_NO_LABELS: Readonly<Record<string, string>> = {
  YES: "Oui",
  NO: "Non",
  UNKNOWN: "Non renseigné",
};

/** Education levels at entry (nomenclature of 2019), as `EducationLevel` values, with their usual diplomas; UNKNOWN when not told. */
export const EDUCATION_LEVEL_LABELS: Readonly<Record<string, string>> = {
  BELOW_LEVEL_3: "Infra 3 (sans diplôme, brevet)",
  LEVEL_3: "Niveau 3 (CAP, BEP)",
  LEVEL_4: "Niveau 4 (bac)",
  LEVEL_5: "Niveau 5 (bac+2 : BTS, DUT)",
  LEVEL_6: "Niveau 6 (bac+3 : licence, BUT)",
  LEVEL_7: "Niveau 7 (bac+5 : master)",
  LEVEL_8: "Niveau 8 (doctorat)",
  UNKNOWN: "Non renseigné",
};

/** Kinds of partner, as `PartnerKind` values. */
export const PARTNER_KIND_LABELS: Readonly<Record<string, string>> = {
  PUBLIC_EMPLOYMENT_SERVICE: "Service public de l'emploi",
  UNEMPLOYMENT_INSURER: "Assurance chômage",
  LABOUR_ADMINISTRATION: "Administration du travail (DREETS)",
  LOCAL_AUTHORITY: "Collectivité territoriale",
  FUNDER: "Financeur",
  BANK: "Banque",
  BUSINESS_NETWORK: "Réseau d'accompagnement",
  OTHER: "Autre partenaire",
};

/** Topics of a support session (thèmes), as `SessionTopic` values. */
export const SESSION_TOPIC_LABELS: Readonly<Record<string, string>> = {
  MARKETING: "Marketing",
  COMMUNICATION: "Communication",
  COMMERCIAL: "Développement commercial",
  ACCOUNTING: "Comptabilité",
  FINANCE: "Gestion financière",
  ORGANISATION: "Organisation",
  LEGAL: "Juridique",
  OTHER: "Autre thème",
};

/** What the funders' figures count people by, as `FunderDimension` values. */
export const FUNDER_DIMENSION_LABELS: Readonly<Record<string, string>> = {
  GENDER: "Genre",
  AGE_BRACKET: "Âge",
  JOB_SEEKER: "Demandeur d'emploi",
  LONG_TERM_JOB_SEEKER: "Demandeur d'emploi de longue durée",
  UNEMPLOYMENT_BENEFIT: "ARE",
  RSA: "RSA",
  DISABILITY: "RQTH",
  EDUCATION_LEVEL: "Niveau de formation",
  PRIORITY_NEIGHBOURHOOD: "QPV",
  DEPARTEMENT: "Département",
  SECTOR: "Secteur",
  REFERRING_PARTNER_KIND: "Prescripteur",
};

/**
 * The keys of each funder dimension. A département is its code ("31", "2A"), written as it is:
 * only its unknown key has a label.
 */
export const FUNDER_KEY_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  GENDER: GENDER_LABELS,
  AGE_BRACKET: AGE_BRACKET_LABELS,
  JOB_SEEKER: YES_NO_LABELS,
  LONG_TERM_JOB_SEEKER: YES_NO_LABELS,
  UNEMPLOYMENT_BENEFIT: YES_NO_LABELS,
  RSA: YES_NO_LABELS,
  DISABILITY: YES_NO_LABELS,
  EDUCATION_LEVEL: EDUCATION_LEVEL_LABELS,
  PRIORITY_NEIGHBOURHOOD: YES_NO_LABELS,
  DEPARTEMENT: { UNKNOWN: "Non renseigné" },
  SECTOR: { ...SECTOR_LABELS, UNKNOWN: "Non renseigné (pas d'accueil)" },
  REFERRING_PARTNER_KIND: { ...PARTNER_KIND_LABELS, NONE: "Sans prescripteur" },
};

/** Steps of the path whose new entries the funders count, as `FunderStep` values. */
export const FUNDER_STEP_LABELS: Readonly<Record<string, string>> = {
  INFORMATION_MEETING: "Première réunion d'information",
  RECEPTION: "Accueil individuel",
  ADMISSION: "Admission",
  ORIENTATION: "Orientation vers un partenaire",
  OBJECTIVE_CONTRACT: "Premier contrat d'objectif",
  SUPPORT_AGREEMENT: "Première CAPE",
  EMPLOYMENT_CONTRACT: "Premier CESA",
  ASSOCIATE: "Entrée au sociétariat",
  EXIT: "Sortie",
};

/** Situations at a follow-up after exit, as `ExitFollowUpSituation` values, and NOT_RECORDED when none is recorded yet. */
export const FOLLOW_UP_SITUATION_LABELS: Readonly<Record<string, string>> = {
  OWN_COMPANY_ACTIVE: "Entreprise créée, en activité",
  SALARIED_JOB: "Emploi salarié",
  TRAINING: "En formation",
  JOB_SEEKING: "En recherche d'emploi",
  OTHER: "Autre situation",
  NOT_REACHED: "Injoignable",
  NOT_RECORDED: "Non renseigné (suivi à faire)",
};

/** The figures of the support given (`FunderSupport`'s fields). */
export const FUNDER_SUPPORT_LABELS: Readonly<Record<string, string>> = {
  individualSessions: "Entretiens individuels",
  individualMinutes: "Durée des entretiens individuels (minutes)",
  workshops: "Ateliers collectifs",
  workshopMinutes: "Durée des ateliers (minutes)",
  workshopAttendances: "Participations aux ateliers",
  peopleReached: "Personnes venues à au moins une séance",
  workshopsWithSignedSheet: "Ateliers dont la feuille d'émargement signée est conservée",
};

/** The label of a key in one of the lists above, or the key itself when a newer API sends one this page does not know yet. */
export const labelOf = (labels: Readonly<Record<string, string>>, key: string): string => labels[key] ?? key;

/** The label of one key of one funder dimension: a département's code, or a key this page does not know yet, as it is. */
export const funderKeyLabel = (dimension: string, key: string): string => labelOf(FUNDER_KEY_LABELS[dimension] ?? {}, key);
