import { badUserInput, pastDate, plausibleCents, requiredText } from "@cae/shared";

/**
 * What the law requires a written CESA or CAPE to state (docs/contracts.md, "Legal content"), as
 * stored in `contracts.legal_terms` (JSONB: the clauses of one contract are read and printed as a
 * whole, never queried one by one). Amounts are kept as strings of cents in JSON and are bigints
 * everywhere else.
 */

/** Who keeps the customers and the intellectual property, during the contract and after it (L7331-2 2° f). */
export type CustomerRights = "ENTREPRENEUR_KEEPS" | "ENTREPRENEUR_TAKES_BACK_ON_LEAVING" | "COOPERATIVE_KEEPS";

/** The cases of article L1242-2 of the Code du travail in which a fixed-term contract may be concluded. */
export type FixedTermCase =
  "REPLACEMENT" | "TEMPORARY_INCREASE" | "SEASONAL_OR_CUSTOMARY" | "BUSINESS_HEAD_REPLACEMENT" | "FARM_HEAD_REPLACEMENT" | "DEFINED_OBJECT";

/**
 * Who finally bears the commitments the CAPE's beneficiary takes towards third parties (R127-1): towards
 * the third parties the support body answers for them either way.
 */
export type CommitmentBearer = "SUPPORT_BODY" | "BENEFICIARY_REIMBURSES";

/** The employee's written, reasoned request for fewer than 24 hours a week (L3123-7, L3123-27). */
export interface PartTimeRequest {
  requestedOn: string;
  reason: string;
}

/** The legal ground of a fixed-term CESA (L1242-2) and its circumstances. */
export interface FixedTermGround {
  case: FixedTermCase;
  detail: string;
}

/** L7331-2 2° Code du travail: what a CESA states, items a to f, and the conditional clauses. */
export interface EmploymentLegalTerms {
  kind: "EMPLOYMENT";
  /** a: the objectives and the minimum activity. */
  objectives: string;
  minimumAnnualRevenueCents: bigint;
  /** b: the means of support and control the cooperative provides. */
  supportMeans: string[];
  controlMeans: string;
  /** c: how the contribution to the cooperative's services is computed. */
  contributionRule: string;
  /** d: the fixed pay is the contract's fixedMonthlyPayCents; the variable part its variablePay. */
  /** e: the statutes in force. */
  statutesVersion: string;
  statutesAdoptedOn: string;
  /** f: the rights over customers and intellectual property, during and after the contract. */
  customerRights: CustomerRights;
  rightsNote: string | null;
  partTimeRequest: PartTimeRequest | null;
  fixedTermGround: FixedTermGround | null;
}

/** R127-1 Code de commerce: what a CAPE states. */
export interface SupportAgreementLegalTerms {
  kind: "SUPPORT_AGREEMENT";
  programmeBeforeStart: string;
  programmeAfterStart: string;
  supportMeans: string[];
  /** The pay of the support body (the cooperative) for its support; zero when it is given for free. */
  supportBodyPayCents: bigint;
  thirdPartyCommitmentsNature: string;
  thirdPartyCommitmentsMaxCents: bigint;
  thirdPartyCommitmentsBorneBy: CommitmentBearer;
  accountingInformation: string;
  earlyTermination: string;
  /** The beneficiary's monthly pay from the cooperative, zero when it pays none. */
  beneficiaryMonthlyPayCents: bigint;
  socialProtection: string;
}

export type LegalTerms = EmploymentLegalTerms | SupportAgreementLegalTerms;

/** 24 hours a week (L3123-7) in monthly hours, the unit of the contract: 24 × 52 / 12 = 104. */
export const PART_TIME_MINIMUM_WEEKLY_HOURS = 24;
export const PART_TIME_MINIMUM_MONTHLY_HUNDREDTHS = 10400;

/** Monthly hours ("70.00") as weekly hours, to the hundredth: × 12 / 52. */
export function weeklyHours(monthlyHours: string): string {
  const hundredths = Math.round(Number(monthlyHours) * 100);
  return (Math.round((hundredths * 12) / 52) / 100).toFixed(2);
}

/** Whether the contract's hours are under 24 a week, which needs the employee's written request. */
export function underPartTimeMinimum(monthlyHours: string): boolean {
  return Math.round(Number(monthlyHours) * 100) < PART_TIME_MINIMUM_MONTHLY_HUNDREDTHS;
}

const TEXT_MAX = 4000;
const MEANS_MAX = 20;

function meansList(means: readonly string[] | null | undefined, field: string): string[] {
  if (!means || means.length === 0) throw badUserInput(`${field}: list at least one means the cooperative provides`, field);
  if (means.length > MEANS_MAX) throw badUserInput(`${field}: ${MEANS_MAX} items at most`, field);
  return means.map((item, index) => requiredText(item, `${field}.${index}`, 500));
}

/** What a client gives for a CESA's legal content (the GraphQL input, field for field). */
export interface EmploymentLegalTermsGiven {
  objectives: string;
  minimumAnnualRevenueCents: bigint;
  supportMeans: string[];
  controlMeans: string;
  contributionRule: string;
  statutesVersion: string;
  statutesAdoptedOn: string;
  customerRights: CustomerRights;
  rightsNote?: string | null;
  partTimeRequest?: PartTimeRequest | null;
  fixedTermGround?: FixedTermGround | null;
}

export type SupportAgreementLegalTermsGiven = Omit<SupportAgreementLegalTerms, "kind">;

/**
 * A CESA's legal content as given, checked field by field against the contract's terms: the
 * part-time request under 24 hours a week, the legal ground of a fixed-term contract.
 */
export function employmentLegalTerms(
  given: EmploymentLegalTermsGiven | null | undefined,
  contract: { employmentType: string | null; monthlyHours: string | null; startsOn: string },
  today: string,
  field = "input.legal",
): EmploymentLegalTerms {
  if (!given) {
    throw badUserInput(
      `An employment contract (CESA) states its objectives and minimum activity, the cooperative's means of support and control, the contribution, the statutes in force and the rights over customers and intellectual property (L7331-2 Code du travail): give ${field}`,
      field,
    );
  }
  plausibleCents(given.minimumAnnualRevenueCents, `${field}.minimumAnnualRevenueCents`);
  pastDate(given.statutesAdoptedOn, `${field}.statutesAdoptedOn`, today);
  const terms: EmploymentLegalTerms = {
    kind: "EMPLOYMENT",
    objectives: requiredText(given.objectives, `${field}.objectives`, TEXT_MAX),
    minimumAnnualRevenueCents: given.minimumAnnualRevenueCents,
    supportMeans: meansList(given.supportMeans, `${field}.supportMeans`),
    controlMeans: requiredText(given.controlMeans, `${field}.controlMeans`, TEXT_MAX),
    contributionRule: requiredText(given.contributionRule, `${field}.contributionRule`, TEXT_MAX),
    statutesVersion: requiredText(given.statutesVersion, `${field}.statutesVersion`, 200),
    statutesAdoptedOn: given.statutesAdoptedOn,
    customerRights: given.customerRights,
    rightsNote: given.rightsNote?.trim() ? requiredText(given.rightsNote, `${field}.rightsNote`, TEXT_MAX) : null,
    partTimeRequest: null,
    fixedTermGround: null,
  };
  if (given.partTimeRequest) {
    pastDate(given.partTimeRequest.requestedOn, `${field}.partTimeRequest.requestedOn`, today);
    if (given.partTimeRequest.requestedOn > contract.startsOn) {
      throw badUserInput(
        `The written request for part time is made before the contract starts (${contract.startsOn})`,
        `${field}.partTimeRequest.requestedOn`,
      );
    }
    terms.partTimeRequest = {
      requestedOn: given.partTimeRequest.requestedOn,
      reason: requiredText(given.partTimeRequest.reason, `${field}.partTimeRequest.reason`, TEXT_MAX),
    };
  }
  if (contract.monthlyHours !== null && underPartTimeMinimum(contract.monthlyHours) && !terms.partTimeRequest) {
    throw badUserInput(
      `${contract.monthlyHours} hours a month is ${weeklyHours(contract.monthlyHours)} hours a week, under ${PART_TIME_MINIMUM_WEEKLY_HOURS}: the contract needs the employee's written, reasoned request (L3123-7 and L3123-27 Code du travail): give ${field}.partTimeRequest`,
      `${field}.partTimeRequest`,
    );
  }
  if (given.fixedTermGround) {
    if (contract.employmentType !== "FIXED_TERM") {
      throw badUserInput("An open-ended contract has no fixed-term ground: leave fixedTermGround out", `${field}.fixedTermGround`);
    }
    terms.fixedTermGround = {
      case: given.fixedTermGround.case,
      detail: requiredText(given.fixedTermGround.detail, `${field}.fixedTermGround.detail`, TEXT_MAX),
    };
  } else if (contract.employmentType === "FIXED_TERM") {
    throw badUserInput(
      `A fixed-term employment contract states its legal ground, one of the cases of L1242-2 Code du travail: give ${field}.fixedTermGround`,
      `${field}.fixedTermGround`,
    );
  }
  return terms;
}

/** A CAPE's legal content as given (R127-1 Code de commerce), checked field by field. */
export function supportAgreementLegalTerms(
  given: SupportAgreementLegalTermsGiven | null | undefined,
  field = "input.legal",
): SupportAgreementLegalTerms {
  if (!given) {
    throw badUserInput(
      `A support agreement (CAPE) states its programme of support before and after the start, the means provided, the support body's pay, the commitments to third parties, the accounting information exchanged, how it ends early and the beneficiary's pay and social protection (R127-1 Code de commerce): give ${field}`,
      field,
    );
  }
  for (const name of ["supportBodyPayCents", "thirdPartyCommitmentsMaxCents", "beneficiaryMonthlyPayCents"] as const) {
    plausibleCents(given[name], `${field}.${name}`);
  }
  return {
    kind: "SUPPORT_AGREEMENT",
    programmeBeforeStart: requiredText(given.programmeBeforeStart, `${field}.programmeBeforeStart`, TEXT_MAX),
    programmeAfterStart: requiredText(given.programmeAfterStart, `${field}.programmeAfterStart`, TEXT_MAX),
    supportMeans: meansList(given.supportMeans, `${field}.supportMeans`),
    supportBodyPayCents: given.supportBodyPayCents,
    thirdPartyCommitmentsNature: requiredText(given.thirdPartyCommitmentsNature, `${field}.thirdPartyCommitmentsNature`, TEXT_MAX),
    thirdPartyCommitmentsMaxCents: given.thirdPartyCommitmentsMaxCents,
    thirdPartyCommitmentsBorneBy: given.thirdPartyCommitmentsBorneBy,
    accountingInformation: requiredText(given.accountingInformation, `${field}.accountingInformation`, TEXT_MAX),
    earlyTermination: requiredText(given.earlyTermination, `${field}.earlyTermination`, TEXT_MAX),
    beneficiaryMonthlyPayCents: given.beneficiaryMonthlyPayCents,
    socialProtection: requiredText(given.socialProtection, `${field}.socialProtection`, TEXT_MAX),
  };
}

const CENTS_FIELDS = ["minimumAnnualRevenueCents", "supportBodyPayCents", "thirdPartyCommitmentsMaxCents", "beneficiaryMonthlyPayCents"];

/** The JSONB column's transformer: bigints as strings of cents in JSON, bigints again when read. */
export const legalTermsColumn = {
  to: (terms: LegalTerms | null | undefined) =>
    terms == null
      ? terms
      : Object.fromEntries(Object.entries(terms).map(([key, value]) => [key, typeof value === "bigint" ? value.toString() : value])),
  from: (stored: Record<string, unknown> | null) =>
    stored === null
      ? null
      : (Object.fromEntries(
          Object.entries(stored).map(([key, value]) => [key, CENTS_FIELDS.includes(key) ? BigInt(value as string) : value]),
        ) as unknown as LegalTerms),
};

export const CUSTOMER_RIGHTS_FR: Record<CustomerRights, string> = {
  ENTREPRENEUR_KEEPS:
    "La clientèle développée et les droits de propriété intellectuelle créés par l'entrepreneur dans le cadre de son activité lui appartiennent pendant le contrat ; il les conserve à son départ.",
  ENTREPRENEUR_TAKES_BACK_ON_LEAVING:
    "Pendant le contrat, les contrats clients sont conclus au nom de la coopérative et les droits de propriété intellectuelle sont exploités par elle pour le compte de l'activité ; à la fin du contrat, la clientèle et ces droits sont transférés à l'entrepreneur.",
  COOPERATIVE_KEEPS:
    "La clientèle et les droits de propriété intellectuelle issus de l'activité appartiennent à la coopérative pendant le contrat et après son terme.",
};

export const FIXED_TERM_CASES_FR: Record<FixedTermCase, string> = {
  REPLACEMENT: "remplacement d'un salarié absent ou dont le contrat est suspendu (L1242-2 1°)",
  TEMPORARY_INCREASE: "accroissement temporaire de l'activité (L1242-2 2°)",
  SEASONAL_OR_CUSTOMARY: "emploi à caractère saisonnier ou pour lequel il est d'usage de ne pas recourir au CDI (L1242-2 3°)",
  BUSINESS_HEAD_REPLACEMENT: "remplacement d'un chef d'entreprise ou d'un associé non salarié (L1242-2 4°)",
  FARM_HEAD_REPLACEMENT: "remplacement d'un chef d'exploitation agricole ou d'un aide familial (L1242-2 5°)",
  DEFINED_OBJECT: "recrutement d'ingénieurs et de cadres en vue de la réalisation d'un objet défini (L1242-2 6°)",
};

export const COMMITMENT_BEARER_FR: Record<CommitmentBearer, string> = {
  SUPPORT_BODY: "la coopérative, personne morale responsable de l'appui, qui les assume à l'égard des tiers et les prend en charge",
  BENEFICIARY_REIMBURSES:
    "la coopérative à l'égard des tiers, le bénéficiaire lui en remboursant la charge sur les recettes de son activité",
};
