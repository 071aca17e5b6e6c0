import { formatRate, parseRate, type Bracket } from "../money/arithmetic";
import type { FinanceSettingsEntity } from "./settings.entity";
import type { FinanceSettings } from "./settings.type";

/** Numeric columns come back as "12.5000": shown as the shortest exact decimal with two places at least. */
export const rateText = (value: string): string => formatRate(parseRate(value, "rate"));

export function bracketsOf(entity: FinanceSettingsEntity): Bracket[] {
  return entity.contributionBrackets.map((bracket) => ({ fromCents: BigInt(bracket.fromCents), rate: parseRate(bracket.rate, "rate") }));
}

export function toFinanceSettings(entity: FinanceSettingsEntity): FinanceSettings {
  return {
    effectiveFrom: entity.effectiveFrom,
    legalName: entity.legalName,
    siret: entity.siret,
    vatNumber: entity.vatNumber,
    address: entity.address,
    contributionBasis: entity.contributionBasis,
    contributionBrackets: bracketsOf(entity).map((bracket) => ({ fromCents: bracket.fromCents, rate: formatRate(bracket.rate) })),
    invoicePrefix: entity.invoicePrefix,
    creditNotePrefix: entity.creditNotePrefix,
    paymentTermsDays: entity.paymentTermsDays,
    latePenaltyRate: rateText(entity.latePenaltyRate),
    recoveryFeeCents: entity.recoveryFeeCents,
    vatExemptionMention: entity.vatExemptionMention,
    employerChargeRate: rateText(entity.employerChargeRate),
    employeeChargeRate: rateText(entity.employeeChargeRate),
    vatOnDebits: entity.vatOnDebits,
    legalForm: entity.legalForm,
    shareCapital: entity.shareCapital,
    rcsNumber: entity.rcsNumber,
    rcsCity: entity.rcsCity,
    legalInterestRate: entity.legalInterestRate === null ? null : rateText(entity.legalInterestRate),
    territory: entity.territory,
    quotePrefix: entity.quotePrefix,
    decennialInsurance:
      entity.decennialInsurer && entity.decennialPolicy && entity.decennialCoverage
        ? { insurer: entity.decennialInsurer, policyNumber: entity.decennialPolicy, coverage: entity.decennialCoverage }
        : null,
  };
}
