import type { Sector } from "@cae/shared";
import type { CustomerEntity } from "../customers/customer.entity";
import type { FinanceSettingsEntity } from "../settings/settings.entity";
import type { LineRow } from "./lines";
import { EU_COUNTRIES, isEuBusiness, TERRITORY_RATES, type ReverseCharge } from "./vat-rules";

/** What is wrong with a document's VAT, and the input field that says it. */
export interface VatProblem {
  message: string;
  field: string;
}

/**
 * The day from which a French business customer's SIREN is a mandatory mention (the e-invoicing
 * reform: CGI art. 242 nonies A as amended by décret 2022-1299, in force with the reform's first
 * phase). Invoices issued before it are not refused for lacking it.
 */
export const CUSTOMER_SIREN_REQUIRED_FROM = "2026-09-01";

type VatCustomer = Pick<CustomerEntity, "kind" | "country" | "vatNumber" | "siren">;
type VatLine = Pick<LineRow, "vatRate" | "supply" | "vatExemption">;

/**
 * The first reason a sales document's VAT is not lawful, or null: rates the cooperative's
 * territory does not charge, an exemption ground that does not fit the customer or the line, a
 * reverse charge without its conditions (docs/finance.md, "Mentions"). Checked when a draft or a
 * quote is made (against the settings in force that day, if any) and again when it is issued.
 */
export function vatCaseProblem(
  document: { reverseCharge: ReverseCharge | null; lines: readonly VatLine[]; linesField: string },
  customer: VatCustomer,
  sector: Sector,
  settings: Pick<FinanceSettingsEntity, "territory"> | null,
): VatProblem | null {
  const { lines, linesField, reverseCharge } = document;
  const allowed: readonly string[] | null = settings ? TERRITORY_RATES[settings.territory] : null;
  for (const [i, line] of lines.entries()) {
    if (allowed && !allowed.includes(line.vatRate)) {
      return {
        message: `line ${i + 1}'s VAT rate ${line.vatRate} is not charged where the cooperative is (${settings?.territory}: ${allowed.join(", ")})`,
        field: `${linesField}.${i}.vatRate`,
      };
    }
    if (reverseCharge && (line.vatRate !== "EXEMPT" || line.vatExemption)) {
      return {
        message: `under reverse charge the customer pays the VAT: line ${i + 1} is EXEMPT, without an exemption ground`,
        field: `${linesField}.${i}.${line.vatRate !== "EXEMPT" ? "vatRate" : "vatExemption"}`,
      };
    }
    const problem = groundProblem(line, customer, settings);
    if (problem) return { message: `line ${i + 1}: ${problem}`, field: `${linesField}.${i}.vatExemption` };
  }
  if (reverseCharge === "BUILDING_SUBCONTRACTING") {
    if (sector !== "BUILDING") return { message: "the reverse charge of CGI art. 283-2 nonies is for building works: the activity is not in BUILDING", field: "input.reverseCharge" };
    if (customer.kind !== "BUSINESS") return { message: "a subcontractor's reverse charge is towards a business (the main contractor)", field: "input.customerId" };
  }
  if (reverseCharge === "EU_SERVICES") {
    if (!isEuBusiness(customer)) {
      return { message: "the reverse charge of CGI art. 283-2 is for a business customer established in another EU member state", field: "input.customerId" };
    }
    if (!customer.vatNumber) {
      return { message: "a business customer of another member state under reverse charge must have its VAT number recorded (CGI art. 242 nonies A, I-4°)", field: "input.customerId" };
    }
    const goods = lines.findIndex((line) => line.supply === "GOODS");
    if (goods >= 0) {
      return { message: `line ${goods + 1} delivers goods: an intra-EU delivery is exempt (ground INTRA_EU_GOODS), not reverse-charged`, field: `${linesField}.${goods}.supply` };
    }
  }
  return null;
} // prettier-ignore

function groundProblem(line: VatLine, customer: VatCustomer, settings: Pick<FinanceSettingsEntity, "territory"> | null): string | null {
  const inEu = EU_COUNTRIES.has(customer.country);
  switch (line.vatExemption) {
    case "INTRA_EU_GOODS":
      if (line.supply !== "GOODS") return "an intra-EU delivery is of goods (supply GOODS)";
      if (!isEuBusiness(customer) || !customer.vatNumber) {
        return "an intra-EU delivery is exempt towards a business of another member state with its VAT number recorded (CGI art. 262 ter I)";
      }
      return null;
    case "EXPORT":
      if (line.supply !== "GOODS") return "an export is of goods (supply GOODS)";
      return inEu ? "an export is to a customer outside the European Union" : null;
    case "SERVICES_OUTSIDE_EU":
      if (line.supply !== "SERVICES") return "this ground is for services (supply SERVICES)";
      return customer.kind !== "BUSINESS" || inEu ? "this ground is for a business customer established outside the European Union" : null;
    case "OVERSEAS_NOT_APPLICABLE":
      return settings && settings.territory !== "GUYANE" && settings.territory !== "MAYOTTE"
        ? "VAT is not applicable in Guyane and Mayotte only (CGI art. 294-1)"
        : null;
    default:
      return null;
  }
}

/** A French business customer's SIREN, once it is a mandatory mention. */
export function sirenProblem(customer: VatCustomer, issuedOn: string): VatProblem | null {
  if (customer.kind !== "BUSINESS" || customer.country !== "FR" || customer.siren || issuedOn < CUSTOMER_SIREN_REQUIRED_FROM) return null;
  return {
    message: `from ${CUSTOMER_SIREN_REQUIRED_FROM} an invoice to a French business names its SIREN: record the customer's SIREN or SIRET first`,
    field: "input.customerId",
  };
}

/** A building activity's quotes and invoices name its decennial insurance (Code des assurances L243-2). */
export function insuranceProblem(settings: Pick<FinanceSettingsEntity, "decennialInsurer">, sector: Sector): VatProblem | null {
  if (sector !== "BUILDING" || settings.decennialInsurer) return null;
  return {
    message:
      "a building activity's quotes and invoices name the decennial insurance (Code des assurances L243-2): the settings in force have none",
    field: "input.accountId",
  };
}
