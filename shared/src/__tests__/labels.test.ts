import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AGE_BRACKET_LABELS,
  CONTRACT_KIND_LABELS,
  EDUCATION_LEVEL_LABELS,
  FOLLOW_UP_SITUATION_LABELS,
  FUNDER_DIMENSION_LABELS,
  FUNDER_KEY_LABELS,
  FUNDER_STEP_LABELS,
  FUNDER_SUPPORT_LABELS,
  funderKeyLabel,
  GENDER_LABELS,
  PARTNER_KIND_LABELS,
  SECTOR_LABELS,
  SESSION_TOPIC_LABELS,
  YES_NO_LABELS,
} from "../labels";

// The members subgraph's enums and keys, listed here: shared never imports a subgraph. The members
// subgraph's own test (funder-report.subgraph.test.ts) checks these lists against its enums.
const MEMBERS_KEYS = {
  dimensions: [
    "GENDER",
    "AGE_BRACKET",
    "JOB_SEEKER",
    "LONG_TERM_JOB_SEEKER",
    "UNEMPLOYMENT_BENEFIT",
    "RSA",
    "DISABILITY",
    "EDUCATION_LEVEL",
    "PRIORITY_NEIGHBOURHOOD",
    "DEPARTEMENT",
    "SECTOR",
    "REFERRING_PARTNER_KIND",
  ],
  yesNo: ["YES", "NO", "UNKNOWN"],
  genders: ["FEMALE", "MALE", "OTHER", "UNDISCLOSED"],
  educationLevels: ["BELOW_LEVEL_3", "LEVEL_3", "LEVEL_4", "LEVEL_5", "LEVEL_6", "LEVEL_7", "LEVEL_8", "UNKNOWN"],
  steps: [
    "INFORMATION_MEETING",
    "RECEPTION",
    "ADMISSION",
    "ORIENTATION",
    "OBJECTIVE_CONTRACT",
    "SUPPORT_AGREEMENT",
    "EMPLOYMENT_CONTRACT",
    "ASSOCIATE",
    "EXIT",
  ],
  followUpSituations: ["OWN_COMPANY_ACTIVE", "SALARIED_JOB", "TRAINING", "JOB_SEEKING", "OTHER", "NOT_REACHED", "NOT_RECORDED"],
  // The CHECK list of `partners.kind` (migration CreatePartnersAndReceptions) and `PartnerKind`.
  partnerKinds: [
    "PUBLIC_EMPLOYMENT_SERVICE",
    "UNEMPLOYMENT_INSURER",
    "LABOUR_ADMINISTRATION",
    "LOCAL_AUTHORITY",
    "FUNDER",
    "BANK",
    "BUSINESS_NETWORK",
    "OTHER",
  ],
  topics: ["MARKETING", "COMMUNICATION", "COMMERCIAL", "ACCOUNTING", "FINANCE", "ORGANISATION", "LEGAL", "OTHER"],
  support: [
    "individualSessions",
    "individualMinutes",
    "workshops",
    "workshopMinutes",
    "workshopAttendances",
    "peopleReached",
    "workshopsWithSignedSheet",
  ],
};

/** Every label of a list is written, and no two keys read the same. */
const expectReadable = (labels: Readonly<Record<string, string>>) => {
  const values = Object.values(labels);
  for (const value of values) expect(value.trim()).not.toBe("");
  expect(new Set(values).size).toBe(values.length);
};

describe("French labels of the funders' keys", () => {
  it("name every value of each members enum, in the enum's order, each differently", () => {
    const lists: [Readonly<Record<string, string>>, string[]][] = [
      [FUNDER_DIMENSION_LABELS, MEMBERS_KEYS.dimensions],
      [YES_NO_LABELS, MEMBERS_KEYS.yesNo],
      [GENDER_LABELS, MEMBERS_KEYS.genders],
      [EDUCATION_LEVEL_LABELS, MEMBERS_KEYS.educationLevels],
      [FUNDER_STEP_LABELS, MEMBERS_KEYS.steps],
      [FOLLOW_UP_SITUATION_LABELS, MEMBERS_KEYS.followUpSituations],
      [PARTNER_KIND_LABELS, MEMBERS_KEYS.partnerKinds],
      [SESSION_TOPIC_LABELS, MEMBERS_KEYS.topics],
      [FUNDER_SUPPORT_LABELS, MEMBERS_KEYS.support],
    ];
    for (const [labels, keys] of lists) {
      expect(Object.keys(labels)).toEqual(keys);
      expectReadable(labels);
    }
    expect(FUNDER_DIMENSION_LABELS).toMatchObject({ UNEMPLOYMENT_BENEFIT: "ARE", DISABILITY: "RQTH", PRIORITY_NEIGHBOURHOOD: "QPV" });
    expect(YES_NO_LABELS).toEqual({ YES: "Oui", NO: "Non", UNKNOWN: "Non renseigné" });
    expect(EDUCATION_LEVEL_LABELS.LEVEL_4).toBe("Niveau 4 (bac)");
  });

  it("label every key of every funder dimension, a département by its code", () => {
    expect(Object.keys(FUNDER_KEY_LABELS)).toEqual(MEMBERS_KEYS.dimensions);
    for (const dimension of MEMBERS_KEYS.dimensions) expectReadable(FUNDER_KEY_LABELS[dimension]);
    expect(Object.keys(FUNDER_KEY_LABELS.SECTOR)).toEqual([...Object.keys(SECTOR_LABELS), "UNKNOWN"]);
    expect(Object.keys(FUNDER_KEY_LABELS.REFERRING_PARTNER_KIND)).toEqual([...MEMBERS_KEYS.partnerKinds, "NONE"]);
    expect(FUNDER_KEY_LABELS.AGE_BRACKET).toBe(AGE_BRACKET_LABELS);
    expect(FUNDER_KEY_LABELS.EDUCATION_LEVEL).toBe(EDUCATION_LEVEL_LABELS);
    for (const dimension of ["JOB_SEEKER", "LONG_TERM_JOB_SEEKER", "UNEMPLOYMENT_BENEFIT", "RSA", "DISABILITY", "PRIORITY_NEIGHBOURHOOD"])
      expect(FUNDER_KEY_LABELS[dimension]).toBe(YES_NO_LABELS);
    expect(funderKeyLabel("GENDER", "FEMALE")).toBe("Femme");
    expect(funderKeyLabel("REFERRING_PARTNER_KIND", "NONE")).toBe("Sans prescripteur");
    expect(funderKeyLabel("DEPARTEMENT", "2A")).toBe("2A");
    expect(funderKeyLabel("DEPARTEMENT", "UNKNOWN")).toBe("Non renseigné");
    // A key or a dimension a newer API sends is shown as it is, never dropped.
    expect(funderKeyLabel("GENDER", "SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(funderKeyLabel("NEW_DIMENSION", "X")).toBe("X");
    expect(Object.keys(CONTRACT_KIND_LABELS)).toEqual(["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"]);
  });

  it("stay a module without imports, which the dashboard's page compiles in as it is", () => {
    expect(readFileSync(join(__dirname, "..", "labels.ts"), "utf8")).not.toMatch(/^\s*(import|export .* from)\b/m);
  });
});
