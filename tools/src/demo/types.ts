import type { ContractKind, ContractStatus, Gender, Sector, WelcomeStage } from "@cae/shared";
import type { EducationLevel } from "@cae/members";

/**
 * The demo data of one cooperative, generated deterministically from its ID so that the three
 * subgraphs of a cooperative, seeded separately, agree on every ID they share.
 */

/** ISO calendar date, "2026-03-14". */
export type IsoDate = string;

export interface DemoPerson {
  id: string; // uuid
  firstName: string;
  lastName: string;
  email: string;
  phone: string; // French format, "06 12 34 56 78"
  gender: Gender;
  birthYear: number;
  postcode: string; // 5 digits, in the cooperative's region
  welcomeStage: WelcomeStage;
  /** Date of the information meeting attended. */
  firstContactOn: IsoDate;
  /** Date of the individual reception, once received. */
  receivedOn: IsoDate | null;
}

/** What a received person said of their situation at the reception (situation à l'entrée); null: not asked or not said. */
export interface DemoEntrySituation {
  personId: string;
  jobSeeker: boolean | null;
  /** For a registered job seeker: registered since; long-term (a year or more) for some. */
  jobSeekerSince: IsoDate | null;
  unemploymentBenefit: boolean | null;
  rsa: boolean | null;
  disabilityRecognised: boolean | null;
  educationLevel: EducationLevel | null;
  priorityNeighbourhood: boolean | null;
  /** INSEE code of the département of the person's postcode ("31", "2A", "971"). */
  departement: string | null;
  /** Recorded on the day of the reception. */
  updatedOn: IsoDate;
}

export interface DemoContract {
  id: string; // uuid
  personId: string;
  kind: ContractKind;
  status: ContractStatus;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  /** Employment contracts only: monthly hours as a decimal string ("60.67"), at most "151.67". */
  monthlyHours: string | null;
  /** Employment contracts only: fixed gross monthly pay in cents, never below SMIC for the hours. */
  fixedMonthlyPayCents: bigint | null;
}

export interface DemoActivityAccount {
  id: string; // uuid
  personId: string;
  /** Analytic code, unique in the cooperative ("ACT-0042"). */
  analyticCode: string;
  /** Name of the activity ("Menuiserie Dupont", "Traduction technique"). */
  label: string;
  sector: Sector;
  openedOn: IsoDate;
}

export interface DemoCooperative {
  people: DemoPerson[];
  contracts: DemoContract[];
  accounts: DemoActivityAccount[];
  /** The situation at entry of everyone received, drawn apart from the rest (see generate.ts). */
  entrySituations: DemoEntrySituation[];
}

export interface DemoCooperativeProfile {
  id: string;
  name: string;
  region: string;
  /** Prefix of the region's postcodes (department numbers), for realistic addresses. */
  departments: string[];
  /** How many people the cooperative has welcomed (30 to 200). */
  size: number;
}

/** The three demo cooperatives `npm start` runs. Fictional names. */
export const DEMO_COOPERATIVES: DemoCooperativeProfile[] = [
  {
    id: "alpes-entreprendre",
    name: "Alpes Entreprendre",
    region: "Auvergne-Rhône-Alpes",
    departments: ["38", "73", "74", "69"],
    size: 140,
  },
  { id: "bretagne-cooperer", name: "Bretagne Coopérer", region: "Bretagne", departments: ["35", "29", "22", "56"], size: 85 },
  { id: "garonne-activites", name: "Garonne Activités", region: "Occitanie", departments: ["31", "81", "82", "32"], size: 48 },
];
