import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, ID } from "type-graphql";
import { CentsScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";
import type { ContributionBasis as ContributionBasisValue } from "./settings.entity";
import { TERRITORY_LABEL, type Territory as TerritoryValue } from "../invoices/vat-rules";

export const ContributionBasis = { REVENUE: "REVENUE", GROSS_MARGIN: "GROSS_MARGIN" } as const;
registerEnumType(ContributionBasis, {
  name: "ContributionBasis",
  description: "What the cooperative contribution (contribution coopérative) is a share of.",
  valuesConfig: {
    REVENUE: { description: "Revenue excluding VAT (chiffre d'affaires HT): invoices issued in the month minus credit notes." },
    GROSS_MARGIN: { description: "Gross margin (marge brute): that revenue minus the month's expenses excluding VAT." },
  },
});

export const Territory = Object.fromEntries(Object.keys(TERRITORY_LABEL).map((key) => [key, key])) as {
  [K in TerritoryValue]: K;
};
registerEnumType(Territory, {
  name: "Territory",
  description: 'Where the cooperative is established, which decides the VAT rates its lines may carry (docs/finance.md, "Mentions").',
  valuesConfig: {
    MAINLAND: { description: "Mainland France (métropole): 20 %, 10 %, 5.5 %, 2.1 % and exemption." },
    GUADELOUPE: { description: "Guadeloupe: 8.5 %, 2.1 % and exemption (CGI art. 296)." },
    MARTINIQUE: { description: "Martinique: 8.5 %, 2.1 % and exemption (CGI art. 296)." },
    REUNION: { description: "La Réunion: 8.5 %, 2.1 % and exemption (CGI art. 296)." },
    GUYANE: { description: "Guyane: VAT not applicable (CGI art. 294-1), every line EXEMPT." },
    MAYOTTE: { description: "Mayotte: VAT not applicable (CGI art. 294-1), every line EXEMPT." },
  },
});

@ObjectType({
  description:
    "The decennial insurance (assurance décennale) of the cooperative's building activities, printed on their quotes and invoices (Code des assurances L243-2).",
})
export class DecennialInsurance {
  @Field(() => String, { description: "The insurer." })
  insurer: string;

  @Field(() => String, { description: "The policy number." })
  policyNumber: string;

  @Field(() => String, { description: 'Where the cover applies ("France métropolitaine").' })
  coverage: string;
}

@InputType({ description: "The decennial insurance of the building activities." })
export class DecennialInsuranceInput {
  @Field(() => String, { description: "The insurer, 1 to 200 characters." })
  insurer: string;

  @Field(() => String, { description: "The policy number, 1 to 100 characters." })
  policyNumber: string;

  @Field(() => String, { description: "Geographic coverage, 1 to 200 characters." })
  coverage: string;
}

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

  @Field(() => Boolean, {
    description:
      "Whether the cooperative opted for VAT on debits (option pour les débits, CGI art. 269-2 c): VAT on services is then due on the invoice, not on the payment, and invoices say so.",
  })
  vatOnDebits: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Legal form (forme juridique), "SCOP SARL à capital variable" (Code de commerce R123-237). Null on a version recorded before it was asked.',
  })
  legalForm: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The share capital as printed ("capital minimum 3 750 EUR"); null when the capital is variable and none is stated.',
  })
  shareCapital: string | null;

  @Field(() => String, { nullable: true, description: "RCS number: the SIREN (R123-237). Null on an older version." })
  rcsNumber: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'City of the trade registry (greffe) the cooperative is registered at ("Toulouse").',
  })
  rcsCity: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "The legal interest rate in force, percent a year, for creditors other than private persons (taux de l'intérêt légal, Code monétaire et financier L313-2): the late-penalty rate is at least three times it (L441-10).",
  })
  legalInterestRate: string | null;

  @Field(() => Territory, { description: "Where the cooperative is established: which VAT rates its lines may carry." })
  territory: TerritoryValue;

  @Field(() => String, { nullable: true, description: 'Prefix of quote numbers ("D" gives "D2026-000012"); null on an older version.' })
  quotePrefix: string | null;

  @Field(() => DecennialInsurance, {
    nullable: true,
    description: "The decennial insurance of the building activities; without it, a BUILDING activity makes no quote nor invoice.",
  })
  decennialInsurance: DecennialInsurance | null;
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

  @Field(() => DecimalScalar, {
    description: "Late-payment penalty rate, percent a year: at least three times legalInterestRate (L441-10).",
  })
  latePenaltyRate: string;

  // The four fields below are required by the service (BAD_USER_INPUT when absent) but nullable in the schema, so that
  // the schema stays compatible with the last release's (docs/operations.md): a required input field would break it.
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Required: the legal interest rate in force on effectiveFrom for creditors other than private persons, percent a year (published each half-year by arrêté).",
  })
  legalInterestRate?: string | null;

  @Field(() => CentsScalar, {
    nullable: true,
    description: "Fixed recovery fee: exactly 4000 (40 EUR, Code de commerce D441-5), the default.",
  })
  recoveryFeeCents?: bigint | null;

  @Field(() => String, { nullable: true, description: "Mention for VAT-exempt lines; the training exemption by default." })
  vatExemptionMention?: string | null;

  @Field(() => DecimalScalar, { description: "Estimated employer charges, percent of gross pay." })
  employerChargeRate: string;

  @Field(() => DecimalScalar, { description: "Estimated employee charges, percent of gross pay." })
  employeeChargeRate: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "The option for VAT on debits; false (VAT on services due on receipts) by default.",
  })
  vatOnDebits?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required: the legal form with, for a cooperative, "à capital variable": "SCOP SARL à capital variable".',
  })
  legalForm?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The capital as printed ("capital minimum 3 750 EUR"); required unless the legal form says "à capital variable".',
  })
  shareCapital?: string | null;

  @Field(() => String, { nullable: true, description: "Required: the RCS number, the SIREN of the SIRET (spaces allowed)." })
  rcsNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Required: the city of the trade registry." })
  rcsCity?: string | null;

  @Field(() => Territory, { nullable: true, description: "Where the cooperative is established; MAINLAND by default." })
  territory?: TerritoryValue | null;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix of quote numbers: 1 to 6 capital letters, other than the others; "D" by default.',
  })
  quotePrefix?: string | null;

  @Field(() => DecennialInsuranceInput, {
    nullable: true,
    description: "The decennial insurance of the building activities: needed for a BUILDING activity to make a quote or an invoice.",
  })
  decennialInsurance?: DecennialInsuranceInput | null;
}

@ArgsType()
export class SettingsOnArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: "The day whose settings to give; today by default." })
  on?: string | null;
}
