import { DEFAULT_PAGE_SIZE } from "@cae/shared";

/**
 * What the query limits count for fields that are not one value (gateway/src/limits/limits.ts).
 * A test walks the supergraph so that every entry names a field that exists, with the type said.
 */

/**
 * How many items a list without `first` is counted for: its real maximum where the code bounds
 * it, else an estimate from the domain; a list not named here counts as a page
 * (`DEFAULT_PAGE_SIZE`), so no list is ever counted as one item.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = Object.freeze({
  // Documents hold at most 200 lines (finance, `MAX_LINES`), and one VAT amount per rate (5 rates).
  "Invoice.lines": 200,
  "Quote.lines": 200,
  "CreditNote.lines": 200,
  "Invoice.vatBreakdown": 5,
  "Quote.vatBreakdown": 5,
  "CreditNote.vatBreakdown": 5,
  // A cooperative's indicator periods span at most 10 years: 120 months, 40 quarters.
  "FinanceIndicators.monthly": 120,
  "FinanceIndicators.quarterly": 40,
  "MembersIndicators.monthly": 120,
  "ContractsIndicators.monthly": 120,
  // The network's indicators: a month, quarter or year for network roles, 36 months at most for a cooperative's staff.
  "NetworkIndicators.monthly": 36,
  // Counts by a key: one item per value of its enum (3 contract kinds, 9 path stages and 4 welcome
  // stages, 9 exit reasons, 7 sectors, 10 end reasons per kind, and the 6 age brackets).
  "ContractsIndicators.signedByKind": 3,
  "ContractsIndicators.runningByKind": 3,
  "ContractsMonth.signedByKind": 3,
  "ContractsMonth.runningByKind": 3,
  "ContractsIndicators.endsByReason": 30,
  "MembersIndicators.peopleByWelcomeStage": 4,
  "MembersIndicators.peopleByPathStage": 9,
  "MembersIndicators.exitsByReason": 9,
  "MembersIndicators.ageBrackets": 6,
  "MembersIndicators.activitiesBySector": 7,
  "MembersMonth.peopleByPathStage": 9,
  "MembersMonth.exitsByReason": 9,
  "MembersMonth.ageBrackets": 6,
  "MembersMonth.activitiesBySector": 7,
  "IndicatorSet.peopleByStage": 13,
  "IndicatorSet.exitsByReason": 9,
  "IndicatorSet.ageBrackets": 6,
  "IndicatorSet.activitiesBySector": 7,
  "IndicatorSet.contractsSignedByKind": 3,
  "IndicatorSet.runningContractsByKind": 3,
  "MonthIndicators.contractsSignedByKind": 3,
  // An information meeting, a support session: a room of people.
  "InformationMeeting.attendees": 50,
  "SupportSession.people": 50,
  // The network's cooperatives (about 75 today); the gateway counts its registry's instead (`networkListSizes`).
  "NetworkIndicators.byCooperative": 100,
  "NetworkIndicators.missingCooperatives": 100,
  "NetworkIndicators.byRegion": 18,
  "RegionIndicators.cooperativeIds": 100,
});

/** The real sizes of the lists of the network's cooperatives and regions, from the gateway's registry. */
export function networkListSizes(registry: { cooperatives: readonly { region: string }[] }): Record<string, number> {
  let sizes = listSizesOf.get(registry.cooperatives);
  if (!sizes) listSizesOf.set(registry.cooperatives, (sizes = countedListSizes(registry.cooperatives)));
  return sizes;
}

/** Counted once per list of cooperatives the registry holds (the gateway's follower replaces the list whole when it changes). */
const listSizesOf = new WeakMap<readonly { region: string }[], Record<string, number>>();

function countedListSizes(list: readonly { region: string }[]): Record<string, number> {
  const cooperatives = list.length;
  const regions = new Set(list.map((cooperative) => cooperative.region)).size;
  return {
    ...LIST_SIZES,
    "NetworkIndicators.byCooperative": cooperatives,
    "NetworkIndicators.missingCooperatives": cooperatives,
    "NetworkIndicators.byRegion": regions,
    "RegionIndicators.cooperativeIds": cooperatives,
  };
}

/** What a field costs itself, where it is far more than a value: a document rendered, a statement or simulation computed. */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  // A PDF is laid out and compressed on the finance process: tens of milliseconds of its CPU each,
  // so the default cost limit (20,000) lets one request render about forty of them, not thousands.
  "Invoice.pdf": 500,
  "CreditNote.pdf": 500,
  "Quote.pdf": 500,
  "Contract.pdf": 500,
  "EmployerCertificate.pdf": 500,
  "EmploymentAttestation.pdf": 500,
  "SupportAgreementAttestation.pdf": 500,
  "SupportSession.attendanceSheetPdf": 500,
  "CommitteeMeeting.minutesPdf": 500,
  // A funder report: the figures of a period (a release slice, or a cooperative's statement), then
  // the document, with charts when it is a PDF.
  "FunderFigures.reportPdf": 500,
  "FunderFigures.reportCsv": 100,
  "NetworkIndicators.funderReportPdf": 500,
  "NetworkIndicators.funderReportCsv": 100,
  "FundingAgreement.reportPdf": 500,
  "FundingAgreement.reportCsv": 100,
  // A contract's printed text, with its person and cooperative fetched from members.
  "Contract.document": 200,
  // A statement sums an account's books over a period; a simulation walks the pay rules.
  "ActivityAccount.statement": 50,
  "ActivityAccount.paySimulation": 20,
  "Cooperative.paySimulation": 20,
});

export const DEFAULT_LIST_SIZE = DEFAULT_PAGE_SIZE;
