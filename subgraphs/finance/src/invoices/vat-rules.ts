import { checkVAT, countries } from "jsvat";
import { badUserInput } from "@cae/shared";
import type { VatRate } from "../money/arithmetic";
import { vatNumberOf } from "../settings/vat-number";

/**
 * The VAT rules a sales document follows beyond its rates (docs/finance.md, "Mentions"): where the
 * cooperative is (which rates it may charge), why an exempt line is exempt, when the customer pays
 * the VAT instead (reverse charge), and what identifies a customer for VAT.
 */

/** Where the cooperative is established, which decides the VAT rates it charges. */
export type Territory = "MAINLAND" | "GUADELOUPE" | "MARTINIQUE" | "REUNION" | "GUYANE" | "MAYOTTE";
export const TERRITORIES: readonly Territory[] = ["MAINLAND", "GUADELOUPE", "MARTINIQUE", "REUNION", "GUYANE", "MAYOTTE"];

/**
 * The rates a line may carry, by territory: mainland France the rates of CGI art. 278 and following;
 * Guadeloupe, Martinique and La Réunion 8.5 % and 2.1 % (CGI art. 296); Guyane and Mayotte none,
 * VAT being "provisionally not applicable" there (CGI art. 294-1). Corsica's own rates (CGI art.
 * 297) are not supported: a Corsican cooperative would be refused nothing but charged mainland rates.
 */
export const TERRITORY_RATES: Record<Territory, readonly VatRate[]> = {
  MAINLAND: ["STANDARD_20", "INTERMEDIATE_10", "REDUCED_5_5", "SUPER_REDUCED_2_1", "EXEMPT"],
  GUADELOUPE: ["OVERSEAS_8_5", "SUPER_REDUCED_2_1", "EXEMPT"],
  MARTINIQUE: ["OVERSEAS_8_5", "SUPER_REDUCED_2_1", "EXEMPT"],
  REUNION: ["OVERSEAS_8_5", "SUPER_REDUCED_2_1", "EXEMPT"],
  GUYANE: ["EXEMPT"],
  MAYOTTE: ["EXEMPT"],
};

export const TERRITORY_LABEL: Record<Territory, string> = {
  MAINLAND: "France métropolitaine",
  GUADELOUPE: "Guadeloupe",
  MARTINIQUE: "Martinique",
  REUNION: "La Réunion",
  GUYANE: "Guyane",
  MAYOTTE: "Mayotte",
};

/**
 * Why a line is exempt of VAT, each with the mention the law asks for (CGI art. 242 nonies A, I-9°:
 * "the provision of the code that exempts") and its codes in EN 16931 (VAT category, BT-118; reason
 * code, BT-121, from the CEF VATEX list). The franchise of CGI art. 293 B is not here: it is for
 * businesses under its turnover thresholds, which a cooperative invoicing for all its activities is not.
 */
export type VatExemptionGround = "TRAINING" | "MEDICAL" | "INTRA_EU_GOODS" | "EXPORT" | "SERVICES_OUTSIDE_EU" | "OVERSEAS_NOT_APPLICABLE";
export const VAT_EXEMPTION_GROUNDS: Record<
  VatExemptionGround,
  { mention: string; category: "E" | "K" | "G"; code: string | null; label: string }
> = {
  TRAINING: {
    mention: "Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)",
    category: "E",
    code: "VATEX-EU-132-1I",
    label: "Continuing vocational training (CGI art. 261-4-4° a).",
  },
  MEDICAL: {
    mention: "Exonération de TVA, art. 261-4-1° du CGI (soins dispensés par les professions médicales et paramédicales)",
    category: "E",
    code: "VATEX-EU-132-1C",
    label: "Care given by the medical and paramedical professions (CGI art. 261-4-1°).",
  },
  INTRA_EU_GOODS: {
    mention: "Exonération de TVA, art. 262 ter I du CGI (livraison intracommunautaire)",
    category: "K",
    code: "VATEX-EU-IC",
    label: "Goods delivered to a business customer in another EU member state, which has a VAT number there (CGI art. 262 ter I).",
  },
  EXPORT: {
    mention: "Exonération de TVA, art. 262 I du CGI (exportation)",
    category: "G",
    code: "VATEX-EU-G",
    label: "Goods exported outside the European Union (CGI art. 262 I).",
  },
  SERVICES_OUTSIDE_EU: {
    mention: "TVA non applicable, art. 259-1 du CGI (prestation de services à un preneur établi hors de l'Union européenne)",
    category: "G",
    code: "VATEX-EU-G",
    label: "Services to a business customer established outside the European Union: taxable where the customer is (CGI art. 259-1).",
  },
  OVERSEAS_NOT_APPLICABLE: {
    mention: "TVA non applicable, art. 294-1 du CGI",
    category: "E",
    // No VATEX code names this French provision: the mention (BT-120) says it.
    code: null,
    label: "Guyane and Mayotte, where VAT is provisionally not applicable (CGI art. 294-1).",
  },
};

/** When the customer, not the cooperative, pays the VAT (autoliquidation): the invoice carries none. */
export type ReverseCharge = "BUILDING_SUBCONTRACTING" | "EU_SERVICES";
export const REVERSE_CHARGES: Record<ReverseCharge, { mention: string; label: string }> = {
  BUILDING_SUBCONTRACTING: {
    mention: "Autoliquidation : TVA due par le preneur, art. 283-2 nonies du CGI (sous-traitance de travaux de construction)",
    label: "Building works subcontracted to the cooperative by a business: its contractor pays the VAT (CGI art. 283-2 nonies).",
  },
  EU_SERVICES: {
    mention:
      "Autoliquidation : TVA due par le preneur, art. 283-2 du CGI et art. 196 de la directive 2006/112/CE (prestation de services intracommunautaire, art. 259-1 du CGI)",
    label:
      "Services to a business customer established in another EU member state: taxable there, the customer pays the VAT (CGI art. 259-1 and 283-2).",
  },
};

/** The member states of the European Union (ISO 3166-1 alpha-2; Greece's VAT numbers begin with EL). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
  "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]); // prettier-ignore

const vatPrefix = (country: string) => (country === "GR" ? "EL" : country);

/** A business customer established in another member state: its services are taxed where it is. */
export const isEuBusiness = (customer: { kind: string; country: string }): boolean =>
  customer.kind === "BUSINESS" && customer.country !== "FR" && EU_COUNTRIES.has(customer.country);

/**
 * A customer's VAT number, normalized ("de 136 695 976" → "DE136695976"): it must be of the
 * customer's country (EL for Greece) and pass that country's format and check digits (jsvat); a
 * French one must be the key and SIREN of CGI annexe II art. 286 ter and agree with the SIREN given.
 */
export function customerVatNumber(value: string, country: string, siren: string | null, field: string): string {
  const vatNumber = value.replace(/[\s.-]/g, "").toUpperCase();
  if (!EU_COUNTRIES.has(country))
    throw badUserInput(`a VAT number is given for customers of the European Union; ${country} is not a member state`, field);
  if (!vatNumber.startsWith(vatPrefix(country))) {
    throw badUserInput(`"${value}" is not a VAT number of ${country}: it begins with ${vatPrefix(country)}`, field);
  }
  if (!checkVAT(vatNumber, countries).isValid) throw badUserInput(`"${value}" is not a valid VAT number (format or check digits)`, field);
  if (country === "FR" && siren !== null && vatNumber !== vatNumberOf(siren)) {
    throw badUserInput(`"${value}" is not the VAT number of SIREN ${siren} (${vatNumberOf(siren)})`, field);
  }
  return vatNumber;
}
