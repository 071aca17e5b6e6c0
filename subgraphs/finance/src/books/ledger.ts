import type { Sector } from "@cae/shared";
import type { VatRate } from "../money/arithmetic";

/** The VAT rates a ledger account is kept for: every rate but exemption. */
export type TaxedRate = Exclude<VatRate, "EXEMPT">;
export const TAXED_RATES: readonly TaxedRate[] = ["STANDARD_20", "INTERMEDIATE_10", "REDUCED_5_5", "SUPER_REDUCED_2_1", "OVERSEAS_8_5"];

/**
 * What a posting rule names instead of an account number: the cooperative maps each role to its
 * own number in its chart (`ledger_accounts`), the defaults below following the French chart of
 * accounts (plan comptable général, règlement ANC 2014-03). Revenue roles may be mapped per sector.
 */
export type LedgerRole =
  | "CUSTOMERS"
  | "SUPPLIERS"
  | "BANK"
  | "CHECKS_TO_CASH"
  | "CASH"
  | `VAT_COLLECTED_${TaxedRate}`
  | `VAT_ON_RECEIPTS_${TaxedRate}`
  | "VAT_DEDUCTIBLE_GOODS_SERVICES"
  | "VAT_DEDUCTIBLE_FIXED_ASSETS"
  | "VAT_DUE"
  | "VAT_CREDIT"
  | "REVENUE_SERVICES"
  | "REVENUE_GOODS"
  | `EXPENSE_${ExpenseRoleCategory}`
  | "MILEAGE"
  | "EXPENSE_REPORTS_DUE"
  | "CONTRIBUTION_CHARGE"
  | "CONTRIBUTION_INCOME"
  | "SALARIES"
  | "SOCIAL_CHARGES"
  | "SALARIES_DUE"
  | "SOCIAL_BODIES";

export type ExpenseRoleCategory =
  "PURCHASES" | "SUPPLIES" | "TRAVEL" | "EQUIPMENT" | "RENT" | "SUBCONTRACTING" | "INSURANCE" | "TELECOM" | "TRAINING" | "FEES" | "OTHER";

export interface LedgerAccountDefault {
  number: string;
  label: string;
  description: string;
}

const RATE_LABEL: Record<TaxedRate, string> = {
  STANDARD_20: "20 %",
  INTERMEDIATE_10: "10 %",
  REDUCED_5_5: "5,5 %",
  SUPER_REDUCED_2_1: "2,1 %",
  OVERSEAS_8_5: "8,5 %",
};
const RATE_DIGIT: Record<TaxedRate, string> = {
  STANDARD_20: "1",
  INTERMEDIATE_10: "2",
  REDUCED_5_5: "3",
  SUPER_REDUCED_2_1: "4",
  OVERSEAS_8_5: "5",
};

const vatAccounts = Object.fromEntries(
  TAXED_RATES.flatMap((rate) => [
    [
      `VAT_COLLECTED_${rate}`,
      {
        number: `44571${RATE_DIGIT[rate]}`,
        label: `TVA collectée ${RATE_LABEL[rate]}`,
        description: `VAT due to the State at ${RATE_LABEL[rate]}.`,
      },
    ],
    [
      `VAT_ON_RECEIPTS_${rate}`,
      {
        number: `44580${RATE_DIGIT[rate]}`,
        label: `TVA collectée en attente d'encaissement ${RATE_LABEL[rate]}`,
        description: `VAT invoiced on services at ${RATE_LABEL[rate]}, due only once the customer pays (CGI art. 269-2 c).`,
      },
    ],
  ]),
) as Record<`VAT_COLLECTED_${TaxedRate}` | `VAT_ON_RECEIPTS_${TaxedRate}`, LedgerAccountDefault>;

/** The chart a cooperative starts with (PCG numbers, six digits). */
export const DEFAULT_LEDGER: Record<LedgerRole, LedgerAccountDefault> = {
  CUSTOMERS: { number: "411000", label: "Clients", description: "What customers owe (one auxiliary account per customer)." },
  SUPPLIERS: {
    number: "401000",
    label: "Fournisseurs",
    description: "What the cooperative owes suppliers (one auxiliary account per supplier).",
  },
  BANK: { number: "512000", label: "Banque", description: "The cooperative's bank account." },
  CHECKS_TO_CASH: { number: "511200", label: "Chèques à encaisser", description: "Checks received, not yet on the bank account." },
  CASH: { number: "530000", label: "Caisse", description: "Cash received." },
  ...vatAccounts,
  VAT_DEDUCTIBLE_GOODS_SERVICES: {
    number: "445660",
    label: "TVA déductible sur autres biens et services",
    description: "VAT paid on purchases and expenses, deducted from the VAT due.",
  },
  VAT_DEDUCTIBLE_FIXED_ASSETS: { number: "445620", label: "TVA déductible sur immobilisations", description: "VAT paid on fixed assets." },
  VAT_DUE: { number: "445510", label: "TVA à décaisser", description: "The VAT a return leaves to pay." },
  VAT_CREDIT: { number: "445670", label: "Crédit de TVA à reporter", description: "The VAT credit a return carries forward." },
  REVENUE_SERVICES: { number: "706000", label: "Prestations de services", description: "Revenue from services." },
  REVENUE_GOODS: { number: "707000", label: "Ventes de marchandises", description: "Revenue from goods sold." },
  EXPENSE_PURCHASES: { number: "607000", label: "Achats de marchandises", description: "Goods bought for resale." },
  EXPENSE_SUPPLIES: { number: "606400", label: "Fournitures administratives", description: "Office supplies." },
  EXPENSE_TRAVEL: { number: "625100", label: "Voyages et déplacements", description: "Travel." },
  EXPENSE_EQUIPMENT: {
    number: "606300",
    label: "Fournitures d'entretien et de petit équipement",
    description: "Small equipment, expensed.",
  },
  EXPENSE_RENT: { number: "613200", label: "Locations immobilières", description: "Rent." },
  EXPENSE_SUBCONTRACTING: { number: "611000", label: "Sous-traitance générale", description: "Subcontracting." },
  EXPENSE_INSURANCE: { number: "616000", label: "Primes d'assurances", description: "Insurance." },
  EXPENSE_TELECOM: { number: "626000", label: "Frais postaux et de télécommunications", description: "Post and telecommunications." },
  EXPENSE_TRAINING: { number: "618500", label: "Frais de colloques, séminaires, conférences", description: "Training and events." },
  EXPENSE_FEES: { number: "622600", label: "Honoraires", description: "Fees." },
  EXPENSE_OTHER: { number: "628000", label: "Divers", description: "Other expenses." },
  MILEAGE: { number: "625110", label: "Indemnités kilométriques", description: "Mileage allowances on the official scale." },
  EXPENSE_REPORTS_DUE: {
    number: "467100",
    label: "Notes de frais à rembourser",
    description: "What the cooperative owes entrepreneurs for expenses they advanced (one auxiliary account per person).",
  },
  CONTRIBUTION_CHARGE: {
    number: "658800",
    label: "Contribution aux services de la coopérative",
    description: "The contribution, a charge of the activity.",
  },
  CONTRIBUTION_INCOME: {
    number: "758800",
    label: "Contributions des activités",
    description: "The contribution, an income of the cooperative's structure.",
  },
  SALARIES: { number: "641000", label: "Rémunérations du personnel", description: "Gross pay." },
  SOCIAL_CHARGES: { number: "645000", label: "Charges de sécurité sociale et de prévoyance", description: "Employer contributions." },
  SALARIES_DUE: { number: "421000", label: "Personnel - rémunérations dues", description: "Net pay owed to employees." },
  SOCIAL_BODIES: { number: "431000", label: "Sécurité sociale", description: "Contributions owed to social bodies." },
};

export const LEDGER_ROLES = Object.keys(DEFAULT_LEDGER) as LedgerRole[];

/** Revenue roles are the ones a cooperative may map per sector. */
export const SECTOR_ROLES: readonly LedgerRole[] = ["REVENUE_SERVICES", "REVENUE_GOODS"];

/** An account number as the FEC wants it: its first three characters are PCG digits. */
export const LEDGER_NUMBER = /^[1-8][0-9]{2}[0-9A-Z]{0,17}$/;

/**
 * A person's auxiliary account on a third-party role (what is owed them as pay, as expenses):
 * finance holds no names (they are the members subgraph's), so the number and label are made from
 * the person's ID, after the role's prefix.
 */
export function personAccount(prefix: string, label: string, personId: string): { number: string; label: string } {
  const hex = personId.replace(/-/g, "").toUpperCase();
  return { number: `${prefix}${hex}`, label: `${label} ${hex.slice(0, 8)}` };
}

/** The analytic code of the cooperative's own structure (what is not one activity's). */
export const STRUCTURE_ANALYTIC_CODE = "STRUCTURE";

export type { Sector };
