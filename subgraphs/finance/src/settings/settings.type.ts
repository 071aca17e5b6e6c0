import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, ID } from "type-graphql";
import { CentsScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";
import type { ContributionBasis as ContributionBasisValue } from "./settings.entity";

export const ContributionBasis = { REVENUE: "REVENUE", GROSS_MARGIN: "GROSS_MARGIN" } as const;
registerEnumType(ContributionBasis, {
  name: "ContributionBasis",
  description: "What the cooperative contribution (contribution coopérative) is a share of.",
  valuesConfig: {
    REVENUE: { description: "Revenue excluding VAT (chiffre d'affaires HT): invoices issued in the month minus credit notes." },
    GROSS_MARGIN: { description: "Gross margin (marge brute): that revenue minus the month's expenses excluding VAT." },
  },
});

@ObjectType({ description: "One bracket of the contribution: its rate applies to the year's cumulative basis from `fromCents` on." })
export class ContributionBracket {
  @Field(() => CentsScalar, { description: "Where the bracket starts, in cumulative basis of the calendar year (the first starts at 0)." })
  fromCents: bigint;

  @Field(() => DecimalScalar, { description: 'Rate in percent ("12.5").' })
  rate: string;
}

@ObjectType({
  description:
    "The cooperative's finance settings in force from a date (paramètres financiers): the identity printed on its invoices, its series, terms and the contribution. A change is a new version from a later date; figures of the past do not move.",
})
export class FinanceSettings {
  @Field(() => LocalDateScalar, { description: "First day this version is in force." })
  effectiveFrom: string;

  @Field(() => String, { description: "Legal name of the cooperative (raison sociale), printed on invoices." })
  legalName: string;

  @Field(() => String, { description: "SIRET of the cooperative (14 digits): every activity invoices under it." })
  siret: string;

  @Field(() => String, { description: 'Intra-community VAT number (numéro de TVA intracommunautaire, "FR..").' })
  vatNumber: string;

  @Field(() => String, { description: "Postal address of the registered office (siège)." })
  address: string;

  @Field(() => ContributionBasis, { description: "What the contribution is a share of." })
  contributionBasis: ContributionBasisValue;

  @Field(() => [ContributionBracket], {
    description: "The contribution's rates by cumulative basis of the year; one bracket for a flat rate.",
  })
  contributionBrackets: ContributionBracket[];

  @Field(() => String, { description: 'Prefix of invoice numbers ("F" gives "F2026-000123").' })
  invoicePrefix: string;

  @Field(() => String, { description: 'Prefix of credit-note (avoir) numbers ("AV" gives "AV2026-000007").' })
  creditNotePrefix: string;

  @Field(() => Int, { description: "Default payment terms in days after the issue date (délai de paiement), at most 60." })
  paymentTermsDays: number;

  @Field(() => DecimalScalar, { description: "Late-payment penalty rate, percent a year (pénalités de retard, Code de commerce L441-10)." })
  latePenaltyRate: string;

  @Field(() => CentsScalar, {
    description: "Fixed recovery fee owed by a business customer paying late (indemnité forfaitaire, D441-5: 40 EUR).",
  })
  recoveryFeeCents: bigint;

  @Field(() => String, {
    description: 'The legal mention printed when a line is exempt of VAT ("Exonération de TVA, art. 261-4-4° du CGI").',
  })
  vatExemptionMention: string;

  @Field(() => DecimalScalar, { description: "Estimated employer charges, percent of gross pay, used by the pay simulation." })
  employerChargeRate: string;

  @Field(() => DecimalScalar, { description: "Estimated employee charges, percent of gross pay, used by the pay simulation." })
  employeeChargeRate: string;
}

@InputType({ description: "One bracket of the contribution." })
export class ContributionBracketInput {
  @Field(() => CentsScalar, { description: "Where the bracket starts, in cumulative basis of the year; the first must be 0." })
  fromCents: bigint;

  @Field(() => DecimalScalar, { description: 'Rate in percent ("10").' })
  rate: string;
}

@InputType({ description: "A new version of the cooperative's finance settings (cooperative admins only)." })
export class UpdateFinanceSettingsInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => LocalDateScalar, {
    description:
      "First day the new version is in force: after the last version's, after the last invoice or credit note issued and after the last month whose contribution is recorded.",
  })
  effectiveFrom: string;

  @Field(() => String, { description: "Legal name (raison sociale)." })
  legalName: string;

  @Field(() => String, { description: "SIRET: 14 digits, spaces allowed, checked by its key." })
  siret: string;

  @Field(() => String, { description: "Intra-community VAT number, whose SIREN must be the SIRET's." })
  vatNumber: string;

  @Field(() => String, { description: "Postal address of the registered office." })
  address: string;

  @Field(() => ContributionBasis, { description: "What the contribution is a share of." })
  contributionBasis: ContributionBasisValue;

  @Field(() => [ContributionBracketInput], { description: "1 to 10 brackets in increasing order, the first from 0." })
  contributionBrackets: ContributionBracketInput[];

  @Field(() => String, { description: "Prefix of invoice numbers: 1 to 6 capital letters." })
  invoicePrefix: string;

  @Field(() => String, { description: "Prefix of credit-note numbers: 1 to 6 capital letters, not the invoices'." })
  creditNotePrefix: string;

  @Field(() => Int, { description: "Default payment terms in days, 0 to 60 (Code de commerce L441-10)." })
  paymentTermsDays: number;

  @Field(() => DecimalScalar, { description: "Late-payment penalty rate, percent a year." })
  latePenaltyRate: string;

  @Field(() => CentsScalar, { nullable: true, description: "Fixed recovery fee; 4000 (40 EUR, the legal amount) by default." })
  recoveryFeeCents?: bigint | null;

  @Field(() => String, { nullable: true, description: "Mention for VAT-exempt lines; the training exemption by default." })
  vatExemptionMention?: string | null;

  @Field(() => DecimalScalar, { description: "Estimated employer charges, percent of gross pay." })
  employerChargeRate: string;

  @Field(() => DecimalScalar, { description: "Estimated employee charges, percent of gross pay." })
  employeeChargeRate: string;
}

@ArgsType()
export class SettingsOnArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: "The day whose settings to give; today by default." })
  on?: string | null;
}
