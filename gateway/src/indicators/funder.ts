/**
 * The funders' figures (docs/reporting.md) in the network's figures: what each cooperative's
 * members subgraph counts (`Cooperative.funderIndicators`), as measures that add up across
 * cooperatives, and how the release protects them. People supported, people in each contract and
 * people reached are counted once per period: a quarter's figure is not the sum of its months',
 * so each of a year's 17 periods is asked and protected on its own.
 */
import { DEPARTEMENT_CODES } from "@cae/shared";
import { AGE_BRACKETS, CONTRACT_KINDS, SECTORS, type Measures } from "./figures";
import type { Family } from "./release";
import type { CooperativeField } from "./fan-out";

const YES_NO = ["YES", "NO", "UNKNOWN"] as const;
const PARTNER_KINDS = [
  "PUBLIC_EMPLOYMENT_SERVICE",
  "UNEMPLOYMENT_INSURER",
  "LABOUR_ADMINISTRATION",
  "LOCAL_AUTHORITY",
  "FUNDER",
  "BANK",
  "BUSINESS_NETWORK",
  "OTHER",
] as const;

/** What people are counted by, and every key of each (as the members subgraph's `FunderDimension`). */
export const FUNDER_DIMENSIONS: Readonly<Record<string, readonly string[]>> = {
  GENDER: ["FEMALE", "MALE", "OTHER", "UNDISCLOSED"],
  AGE_BRACKET: AGE_BRACKETS,
  JOB_SEEKER: YES_NO,
  LONG_TERM_JOB_SEEKER: YES_NO,
  UNEMPLOYMENT_BENEFIT: YES_NO,
  RSA: YES_NO,
  DISABILITY: YES_NO,
  EDUCATION_LEVEL: ["BELOW_LEVEL_3", "LEVEL_3", "LEVEL_4", "LEVEL_5", "LEVEL_6", "LEVEL_7", "LEVEL_8", "UNKNOWN"],
  PRIORITY_NEIGHBOURHOOD: YES_NO,
  DEPARTEMENT: [...DEPARTEMENT_CODES, "UNKNOWN"],
  SECTOR: [...SECTORS, "UNKNOWN"],
  REFERRING_PARTNER_KIND: [...PARTNER_KINDS, "NONE"],
};
/** The steps whose entries are new measures; the others are the network's receptions, admissions, orientations and exits. */
const NEW_ENTRY_STEPS = ["INFORMATION_MEETING", "OBJECTIVE_CONTRACT", "SUPPORT_AGREEMENT", "EMPLOYMENT_CONTRACT", "ASSOCIATE"] as const;
/** Every step of `FunderStep`, and the measure that counts its entries. */
export const ENTRY_MEASURES: readonly [step: string, measure: string][] = [
  ["INFORMATION_MEETING", "f.entry:INFORMATION_MEETING"],
  ["RECEPTION", "receptions"],
  ["ADMISSION", "admissions"],
  ["ORIENTATION", "orientations"],
  ["OBJECTIVE_CONTRACT", "f.entry:OBJECTIVE_CONTRACT"],
  ["SUPPORT_AGREEMENT", "f.entry:SUPPORT_AGREEMENT"],
  ["EMPLOYMENT_CONTRACT", "f.entry:EMPLOYMENT_CONTRACT"],
  ["ASSOCIATE", "f.entry:ASSOCIATE"],
  ["EXIT", "exits"],
];
export const FOLLOW_UP_MONTHS = [6, 12] as const;
export const FOLLOW_UP_SITUATIONS = [
  "OWN_COMPANY_ACTIVE",
  "SALARIED_JOB",
  "TRAINING",
  "JOB_SEEKING",
  "OTHER",
  "NOT_REACHED",
  "NOT_RECORDED",
] as const;
export { PARTNER_KINDS };

export const supportedKey = (dimension: string, key: string) => `f.supported:${dimension}:${key}`;
export const receivedKey = (dimension: string, key: string) => `f.received:${dimension}:${key}`;
export const followUpKey = (months: number, situation?: string) => `f.followUp:${months}${situation ? `:${situation}` : ""}`;
const dimensionKeys = (keyOf: (dimension: string, key: string) => string) =>
  Object.entries(FUNDER_DIMENSIONS).flatMap(([dimension, keys]) => keys.map((key) => keyOf(dimension, key)));

type Count<K extends string> = { count: number } & Record<K, string>;
type Breakdown = { dimension: string; key: string; count: number };

/** One period's figures as the members subgraph gives them (`FunderFigures`). */
export interface FunderPart {
  supported: number;
  supportedBy: Breakdown[];
  receivedBy: Breakdown[];
  entries: Count<"step">[];
  inContract: Count<"kind">[];
  orientationsByPartnerKind: Count<"key">[];
  followUps: { months: number; situation: string; count: number }[];
  support: {
    individualSessions: number;
    individualMinutes: number;
    workshops: number;
    workshopMinutes: number;
    workshopAttendances: number;
    peopleReached: number;
    workshopsWithSignedSheet: number;
  };
}

export const FUNDER_SELECTION = `supported supportedBy { dimension key count } receivedBy { dimension key count } entries { step count }
  inContract { kind count } orientationsByPartnerKind { key count } followUps { months situation count }
  support { individualSessions individualMinutes workshops workshopMinutes workshopAttendances peopleReached workshopsWithSignedSheet }`;

/** A cooperative's funders' figures for each period of `$periods` (`[FunderPeriodInput!]!`; its members subgraph, one statement per period). */
export const FUNDER_FIELD: CooperativeField = {
  alias: "funderIndicators",
  name: "funderIndicators",
  rest: `(periods: $periods) { from to figures { ${FUNDER_SELECTION} } }`,
};

const integer = (value: unknown): bigint => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  throw new TypeError(`expected a count, got ${JSON.stringify(value)}`);
};

/**
 * Every measure of a period's funders' figures, at zero: a release asks 17 periods of every
 * cooperative, so the key list is made once and each period's measures start from a copy of it.
 */
const ZERO_MEASURES: Measures = new Map(
  [
    ...dimensionKeys(supportedKey),
    ...dimensionKeys(receivedKey),
    ...NEW_ENTRY_STEPS.map((step) => `f.entry:${step}`),
    ...CONTRACT_KINDS.map((kind) => `f.inContract:${kind}`),
    ...PARTNER_KINDS.map((kind) => `f.orientedTo:${kind}`),
    ...FOLLOW_UP_MONTHS.flatMap((months) => [followUpKey(months), ...FOLLOW_UP_SITUATIONS.map((s) => followUpKey(months, s))]),
  ].map((key) => [key, 0n]),
);
const NEW_ENTRY_STEP_SET: ReadonlySet<string> = new Set(NEW_ENTRY_STEPS);

/** One period's measures; every listed key is there, zeros included, so that the release's relations hold. */
export function funderMeasures(part: FunderPart): Measures {
  const m: Measures = new Map(ZERO_MEASURES);
  const add = (key: string, count: unknown) => m.set(key, (m.get(key) ?? 0n) + integer(count));
  m.set("f.supported", integer(part.supported));
  for (const row of part.supportedBy) add(supportedKey(row.dimension, row.key), row.count);
  for (const row of part.receivedBy) add(receivedKey(row.dimension, row.key), row.count);
  // Reception, admission, orientation and exit are the network's own measures, given by `membersIndicators`.
  for (const row of part.entries) if (NEW_ENTRY_STEP_SET.has(row.step)) add(`f.entry:${row.step}`, row.count);
  for (const row of part.inContract) add(`f.inContract:${row.kind}`, row.count);
  for (const row of part.orientationsByPartnerKind) add(`f.orientedTo:${row.key}`, row.count);
  for (const row of part.followUps) {
    add(followUpKey(row.months), row.count);
    add(followUpKey(row.months, row.situation), row.count);
  }
  for (const [field, value] of Object.entries(part.support)) m.set(`f.${field}`, integer(value));
  return m;
}

/** Whether a cooperative's figures hold the funders' part (a members subgraph of an earlier release has none). */
export const hasFunderMeasures = (measures: Measures | undefined): boolean => measures?.has("f.supported") ?? false;

const list = (prefix: string, names: readonly string[]) => names.map((name) => `${prefix}:${name}`);
const byDimension = (total: string, keyOf: (dimension: string, key: string) => string) =>
  Object.entries(FUNDER_DIMENSIONS).map(([dimension, keys]) => ({ total, parts: keys.map((key) => keyOf(dimension, key)) }));

/**
 * The release's tables of the funders' figures. The receptions' and orientations' breakdowns
 * share their table with the network's own count (the total of each of their relations), so that
 * no breakdown gives away a hidden total or the reverse; without the funders' part they are the
 * plain counts they were.
 */
export const FUNDER_FAMILIES: Family[] = [
  {
    name: "supported",
    stock: false,
    eachPeriod: true,
    elements: ["f.supported", ...dimensionKeys(supportedKey)],
    relations: byDimension("f.supported", supportedKey),
  },
  {
    name: "receptions",
    stock: false,
    elements: ["receptions", ...dimensionKeys(receivedKey)],
    relations: byDimension("receptions", receivedKey),
  },
  {
    name: "orientations",
    stock: false,
    elements: ["orientations", ...list("f.orientedTo", PARTNER_KINDS)],
    relations: [{ total: "orientations", parts: list("f.orientedTo", PARTNER_KINDS) }],
  },
  { name: "entries", stock: false, elements: list("f.entry", NEW_ENTRY_STEPS), relations: [] },
  { name: "inContract", stock: false, eachPeriod: true, elements: list("f.inContract", CONTRACT_KINDS), relations: [] },
  {
    name: "followUps",
    stock: false,
    elements: FOLLOW_UP_MONTHS.flatMap((months) => [followUpKey(months), ...FOLLOW_UP_SITUATIONS.map((s) => followUpKey(months, s))]),
    relations: FOLLOW_UP_MONTHS.map((months) => ({
      total: followUpKey(months),
      parts: FOLLOW_UP_SITUATIONS.map((s) => followUpKey(months, s)),
    })),
  },
  // An individual session is one person's: sessions are counted like people, their hours and sheets hidden with them.
  {
    name: "sessions",
    stock: false,
    elements: ["f.individualSessions", "f.workshops"],
    relations: [],
    shadows: {
      "f.individualMinutes": "f.individualSessions",
      "f.workshopMinutes": "f.workshops",
      "f.workshopsWithSignedSheet": "f.workshops",
    },
  },
  { name: "workshopAttendances", stock: false, elements: ["f.workshopAttendances"], relations: [] },
  { name: "peopleReached", stock: false, eachPeriod: true, elements: ["f.peopleReached"], relations: [] },
];
