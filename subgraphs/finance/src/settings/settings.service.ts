import {
  badUserInput,
  conflict,
  isValidSiret,
  plannedDate,
  plausibleCents,
  requiredText,
  requireOwnCooperative,
  type Caller,
  recordAudit,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { conflictOn } from "../errors";
import { formatRate, parseRate } from "../money/arithmetic";
import { isoDate, lastDayOfMonth } from "../money/dates";
import { FinanceSettingsEntity } from "./settings.entity";
import type { UpdateFinanceSettingsInput } from "./settings.type";
import { vatNumberOf } from "./vat-number";

export const DEFAULT_VAT_EXEMPTION_MENTION = "Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)";
/** The fixed recovery fee of Code de commerce D441-5. */
export const LEGAL_RECOVERY_FEE_CENTS = 4000n;

/** The version in force on a day, or null when none is (nothing is guessed). */
export async function settingsOn(manager: EntityManager | DataSource, date: string): Promise<FinanceSettingsEntity | null> {
  return manager
    .getRepository(FinanceSettingsEntity)
    .createQueryBuilder("settings")
    .where("settings.effectiveFrom <= :date", { date })
    .orderBy("settings.effectiveFrom", "DESC")
    .limit(1)
    .getOne();
}

/**
 * The version in force on a day, for a figure about to be recorded with it. The SHARE lock lets
 * concurrent issuers through together but waits for (and holds off) a new version, so that none
 * is inserted before a date this transaction is recording.
 */
export async function requireSettingsOn(manager: EntityManager, date: string): Promise<FinanceSettingsEntity> {
  await manager.query("LOCK TABLE finance_settings IN SHARE MODE");
  const settings = await settingsOn(manager, date);
  if (!settings)
    throw conflict(`The cooperative has no finance settings in force on ${date}: its admin sets them first (updateFinanceSettings)`);
  return settings;
}

const PREFIX = /^[A-Z]{1,6}$/;
export const DEFAULT_QUOTE_PREFIX = "D";
/** A variable-capital company says so after its form (Code de commerce L231-1 and following); one with a fixed capital states it (R123-237). */
const VARIABLE_CAPITAL = /capital variable/i;

export async function updateFinanceSettings(db: DataSource, cooperativeId: string, actor: Caller, input: UpdateFinanceSettingsInput) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  // A version may be set ahead (next year's), within the planning horizon.
  plannedDate(input.effectiveFrom, "input.effectiveFrom");
  const siret = input.siret.replace(/\s/g, "");
  if (!isValidSiret(siret)) throw badUserInput(`"${input.siret}" is not a valid SIRET (14 digits with a valid check key)`, "input.siret");
  const vatNumber = input.vatNumber.replace(/\s/g, "").toUpperCase();
  if (vatNumber !== vatNumberOf(siret.slice(0, 9))) {
    throw badUserInput(
      `"${input.vatNumber}" is not the VAT number of SIREN ${siret.slice(0, 9)} (${vatNumberOf(siret.slice(0, 9))})`,
      "input.vatNumber",
    );
  }
  if (!PREFIX.test(input.invoicePrefix)) throw badUserInput("invoicePrefix must be 1 to 6 capital letters", "input.invoicePrefix");
  if (!PREFIX.test(input.creditNotePrefix) || input.creditNotePrefix === input.invoicePrefix) {
    throw badUserInput("creditNotePrefix must be 1 to 6 capital letters, other than the invoices' prefix", "input.creditNotePrefix");
  }
  const quotePrefix = input.quotePrefix ?? DEFAULT_QUOTE_PREFIX;
  if (!PREFIX.test(quotePrefix) || quotePrefix === input.invoicePrefix || quotePrefix === input.creditNotePrefix) {
    throw badUserInput(
      "quotePrefix must be 1 to 6 capital letters, other than the invoices' and credit notes' prefixes",
      "input.quotePrefix",
    );
  }
  const legalForm = requiredText(input.legalForm ?? "", "input.legalForm", 200);
  const shareCapital = input.shareCapital?.trim() ? requiredText(input.shareCapital, "input.shareCapital", 200) : null;
  if (shareCapital === null && !VARIABLE_CAPITAL.test(legalForm)) {
    throw badUserInput(
      'a company with a fixed capital states it (Code de commerce R123-237): give shareCapital, or a legal form "à capital variable"',
      "input.shareCapital",
    );
  }
  const rcsNumber = requiredText(input.rcsNumber ?? "", "input.rcsNumber", 20).replace(/\s/g, "");
  if (rcsNumber !== siret.slice(0, 9)) {
    throw badUserInput(`the RCS number is the SIREN of the SIRET (${siret.slice(0, 9)}), got "${input.rcsNumber}"`, "input.rcsNumber");
  }
  if (!input.legalInterestRate)
    throw badUserInput("input.legalInterestRate is required (Code de commerce L441-10)", "input.legalInterestRate");
  const legalInterestRate = parseRate(input.legalInterestRate, "input.legalInterestRate");
  const latePenaltyRate = parseRate(input.latePenaltyRate, "input.latePenaltyRate");
  if (latePenaltyRate < 3n * legalInterestRate) {
    throw badUserInput(
      `the late-penalty rate may not be below three times the legal interest rate (Code de commerce L441-10): at least ${formatRate(3n * legalInterestRate)} %`,
      "input.latePenaltyRate",
    );
  }
  const territory = input.territory ?? "MAINLAND";
  const insurance = input.decennialInsurance
    ? {
        decennialInsurer: requiredText(input.decennialInsurance.insurer, "input.decennialInsurance.insurer", 200),
        decennialPolicy: requiredText(input.decennialInsurance.policyNumber, "input.decennialInsurance.policyNumber", 100),
        decennialCoverage: requiredText(input.decennialInsurance.coverage, "input.decennialInsurance.coverage", 200),
      }
    : { decennialInsurer: null, decennialPolicy: null, decennialCoverage: null };
  if (!Number.isInteger(input.paymentTermsDays) || input.paymentTermsDays < 0 || input.paymentTermsDays > 60) {
    throw badUserInput("paymentTermsDays must be between 0 and 60 (Code de commerce L441-10)", "input.paymentTermsDays");
  }
  const brackets = input.contributionBrackets;
  if (brackets.length < 1 || brackets.length > 10) throw badUserInput("give 1 to 10 contribution brackets", "input.contributionBrackets");
  brackets.forEach((bracket, i) => {
    const field = `input.contributionBrackets.${i}`;
    plausibleCents(bracket.fromCents, `${field}.fromCents`);
    if (i === 0 ? bracket.fromCents !== 0n : bracket.fromCents <= brackets[i - 1].fromCents) {
      throw badUserInput("brackets start at 0 and increase strictly", `${field}.fromCents`);
    }
    parseRate(bracket.rate, `${field}.rate`);
  });
  const recoveryFeeCents = input.recoveryFeeCents ?? LEGAL_RECOVERY_FEE_CENTS;
  plausibleCents(recoveryFeeCents, "input.recoveryFeeCents");
  // D441-5 fixes the amount: neither less nor more (what recovery costs beyond it is claimed on proof, L441-10).
  if (recoveryFeeCents !== LEGAL_RECOVERY_FEE_CENTS)
    throw badUserInput("the recovery fee is exactly 40 EUR (4000), fixed by Code de commerce D441-5", "input.recoveryFeeCents");
  const version = {
    effectiveFrom: input.effectiveFrom,
    legalName: requiredText(input.legalName, "input.legalName", 200),
    siret,
    vatNumber,
    address: requiredText(input.address, "input.address", 500),
    contributionBasis: input.contributionBasis,
    contributionBrackets: brackets.map((bracket, i) => ({
      fromCents: bracket.fromCents.toString(),
      rate: formatRate(parseRate(bracket.rate, `input.contributionBrackets.${i}.rate`)),
    })),
    invoicePrefix: input.invoicePrefix,
    creditNotePrefix: input.creditNotePrefix,
    paymentTermsDays: input.paymentTermsDays,
    latePenaltyRate: formatRate(latePenaltyRate),
    recoveryFeeCents,
    vatExemptionMention: input.vatExemptionMention?.trim()
      ? requiredText(input.vatExemptionMention, "input.vatExemptionMention", 300)
      : DEFAULT_VAT_EXEMPTION_MENTION,
    employerChargeRate: formatRate(parseRate(input.employerChargeRate, "input.employerChargeRate")),
    employeeChargeRate: formatRate(parseRate(input.employeeChargeRate, "input.employeeChargeRate")),
    vatOnDebits: input.vatOnDebits ?? false,
    legalForm,
    shareCapital,
    rcsNumber,
    rcsCity: requiredText(input.rcsCity ?? "", "input.rcsCity", 100),
    legalInterestRate: formatRate(legalInterestRate),
    territory,
    quotePrefix,
    ...insurance,
  };
  return db.transaction(async (manager) => {
    // Settings, issuing and contributions take this lock in turn: no figure is computed with a version about to be shadowed.
    await manager.query("LOCK TABLE finance_settings IN SHARE ROW EXCLUSIVE MODE");
    const [{ last_version, last_issue, last_month }] = await manager.query(`SELECT
        (SELECT max(effective_from)::text FROM finance_settings) AS last_version,
        (SELECT max(last_issued_on)::text FROM invoice_series) AS last_issue,
        (SELECT max(month)::text FROM contribution_entries) AS last_month`);
    const bounds: [string | null, string][] = [
      [last_version ? isoDate(last_version) : null, "the last version's effective date"],
      [last_issue ? isoDate(last_issue) : null, "the last invoice or credit note issued"],
      [last_month ? lastDayOfMonth(isoDate(last_month)) : null, "the last month whose contribution is recorded"],
    ];
    for (const [bound, what] of bounds) {
      if (bound !== null && input.effectiveFrom <= bound) {
        throw conflictOn(`effectiveFrom must be after ${what} (${bound}): figures of the past do not move`, "input.effectiveFrom");
      }
    }
    const repository = manager.getRepository(FinanceSettingsEntity);
    const saved = await repository.save(repository.create(version));
    await recordAudit(manager, actor, {
      action: "updateFinanceSettings",
      entityType: "FinanceSettings",
      entityId: cooperativeId,
      details: { ...version, recoveryFeeCents: recoveryFeeCents.toString() },
    });
    return saved;
  });
}
