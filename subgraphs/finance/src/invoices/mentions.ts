import { frenchDate, type Sector } from "@cae/shared";
import type { CustomerEntity } from "../customers/customer.entity";
import { euros } from "../money/arithmetic";
import type { FinanceSettingsEntity } from "../settings/settings.entity";
import { rateText } from "../settings/settings.mapper";
import type { LineRow } from "./lines";
import type { DocumentMentions } from "./invoice.type";
import { REVERSE_CHARGES, VAT_EXEMPTION_GROUNDS, type ReverseCharge } from "./vat-rules";

/** What of a document, beyond its lines, decides its mentions. */
export interface MentionedDocument {
  issuedOn: string;
  deliveredOn?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  reverseCharge?: ReverseCharge | null;
  /** The activity's sector: a building activity prints its decennial insurance. */
  sector: Sector;
}

type MentionedCustomer = Pick<CustomerEntity, "kind"> & Partial<Pick<CustomerEntity, "siren" | "vatNumber">>;

/** "732829320" → "732 829 320", as the registry prints it. */
const spacedSiren = (siren: string) => siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");

/** The legal form and capital, "SCOP SARL à capital variable, capital minimum 3 750 EUR". */
export function legalFormText(settings: Pick<FinanceSettingsEntity, "legalForm" | "shareCapital">): string | null {
  if (!settings.legalForm) return null;
  return settings.shareCapital ? `${settings.legalForm}, ${settings.shareCapital}` : settings.legalForm;
}

export const registrationText = (settings: Pick<FinanceSettingsEntity, "rcsNumber" | "rcsCity">): string | null =>
  settings.rcsNumber && settings.rcsCity ? `RCS ${settings.rcsCity} ${spacedSiren(settings.rcsNumber)}` : null;

export function decennialText(
  settings: Pick<FinanceSettingsEntity, "decennialInsurer" | "decennialPolicy" | "decennialCoverage">,
  sector: Sector,
): string | null {
  if (sector !== "BUILDING" || !settings.decennialInsurer) return null;
  return `Assurance décennale : ${settings.decennialInsurer}, contrat n° ${settings.decennialPolicy}, couverture géographique : ${settings.decennialCoverage} (Code des assurances, art. L243-2).`;
}

/**
 * The exemption mention of each exempt line, once per ground: its ground's, else the settings'
 * default mention (lines made before grounds existed, or naming none), which in Guyane and Mayotte
 * is the non-application of VAT. A reverse-charge invoice has its own mention instead.
 */
export function exemptionMentions(
  settings: Pick<FinanceSettingsEntity, "vatExemptionMention" | "territory">,
  lines: readonly Pick<LineRow, "vatRate" | "vatExemption">[],
  reverseCharge: ReverseCharge | null | undefined,
): string[] {
  if (reverseCharge) return [];
  const mentions = lines
    .filter((line) => line.vatRate === "EXEMPT")
    .map((line) =>
      line.vatExemption
        ? VAT_EXEMPTION_GROUNDS[line.vatExemption].mention
        : settings.territory === "GUYANE" || settings.territory === "MAYOTTE"
          ? VAT_EXEMPTION_GROUNDS.OVERSEAS_NOT_APPLICABLE.mention
          : settings.vatExemptionMention,
    );
  return [...new Set(mentions)];
}

function deliveryText(document: MentionedDocument): string | null {
  if (document.periodFrom && document.periodTo) {
    return `Période de la prestation : du ${frenchDate(document.periodFrom)} au ${frenchDate(document.periodTo)}`;
  }
  if (document.deliveredOn && document.deliveredOn !== document.issuedOn) {
    return `Date de la livraison ou de la prestation : ${frenchDate(document.deliveredOn)}`;
  }
  return null;
}

function natureText(lines: readonly Pick<LineRow, "supply">[]): string {
  const goods = lines.some((line) => line.supply === "GOODS");
  const services = lines.some((line) => line.supply === "SERVICES");
  return `Nature de l'opération : ${goods && services ? "livraison de biens et prestation de services" : goods ? "livraison de biens" : "prestation de services"}`;
}

/** The mandatory mentions of a document, from the settings version in force on its issue date. */
export function documentMentions(
  settings: FinanceSettingsEntity,
  customer: MentionedCustomer,
  lines: readonly Pick<LineRow, "vatRate" | "supply" | "vatExemption">[],
  terms: { paymentTermsDays: number; dueOn: string } | null,
  document: MentionedDocument,
): DocumentMentions {
  const vatExemptions = exemptionMentions(settings, lines, document.reverseCharge);
  return {
    sellerLegalName: settings.legalName,
    sellerSiret: settings.siret,
    sellerVatNumber: settings.vatNumber,
    sellerAddress: settings.address,
    sellerLegalForm: legalFormText(settings),
    sellerRegistration: registrationText(settings),
    customerSiren: customer.kind === "BUSINESS" ? (customer.siren ?? null) : null,
    customerVatNumber: customer.kind === "BUSINESS" ? (customer.vatNumber ?? null) : null,
    deliveryDate: deliveryText(document),
    operationNature: natureText(lines),
    reverseCharge: document.reverseCharge ? REVERSE_CHARGES[document.reverseCharge].mention : null,
    paymentTerms: terms
      ? `Paiement à ${terms.paymentTermsDays} jours, au plus tard le ${frenchDate(terms.dueOn)}. Pas d'escompte pour paiement anticipé.`
      : "Avoir à imputer sur la facture d'origine ou à rembourser.",
    latePenalties: `Pénalités de retard : ${rateText(settings.latePenaltyRate)} % par an, exigibles dès le lendemain de l'échéance.`,
    recoveryFee:
      customer.kind === "BUSINESS"
        ? `Indemnité forfaitaire pour frais de recouvrement : ${euros(settings.recoveryFeeCents)} (Code de commerce L441-10 et D441-5).`
        : null,
    vatExemptions,
    vatExemption: vatExemptions.length > 0 ? vatExemptions.join("; ") : null,
    vatOnDebits:
      settings.vatOnDebits && !document.reverseCharge && lines.some((line) => line.supply === "SERVICES" && line.vatRate !== "EXEMPT")
        ? "Option pour le paiement de la taxe d'après les débits."
        : null,
    decennialInsurance: decennialText(settings, document.sector),
  };
}
