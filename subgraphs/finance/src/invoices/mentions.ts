import { frenchDate } from "@cae/shared";
import type { CustomerEntity } from "../customers/customer.entity";
import { euros } from "../money/arithmetic";
import type { FinanceSettingsEntity } from "../settings/settings.entity";
import { rateText } from "../settings/settings.mapper";
import type { LineRow } from "./lines";
import type { DocumentMentions } from "./invoice.type";

/** The mandatory mentions of a document, from the settings version in force on its issue date. */
export function documentMentions(
  settings: FinanceSettingsEntity,
  customer: Pick<CustomerEntity, "kind">,
  lines: readonly Pick<LineRow, "vatRate">[],
  terms: { paymentTermsDays: number; dueOn: string } | null,
): DocumentMentions {
  return {
    sellerLegalName: settings.legalName,
    sellerSiret: settings.siret,
    sellerVatNumber: settings.vatNumber,
    sellerAddress: settings.address,
    paymentTerms: terms
      ? `Paiement à ${terms.paymentTermsDays} jours, au plus tard le ${frenchDate(terms.dueOn)}. Pas d'escompte pour paiement anticipé.`
      : "Avoir à imputer sur la facture d'origine ou à rembourser.",
    latePenalties: `Pénalités de retard : ${rateText(settings.latePenaltyRate)} % par an, exigibles dès le lendemain de l'échéance.`,
    recoveryFee:
      customer.kind === "BUSINESS"
        ? `Indemnité forfaitaire pour frais de recouvrement : ${euros(settings.recoveryFeeCents)} (Code de commerce L441-10 et D441-5).`
        : null,
    vatExemption: lines.some((line) => line.vatRate === "EXEMPT") ? settings.vatExemptionMention : null,
  };
}
