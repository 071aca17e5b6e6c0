import { frenchDate as date, frenchEuros as euros, type PrintedDocument } from "@cae/shared";
import type { AmendmentEntity, ContractEndReason, ContractEntity, RenewalEntity } from "../contracts/contract.entity";
import { termsOn } from "../contracts/contract.rules";
import { weeklyHours, type SupportAgreementLegalTerms } from "../contracts/legal-terms";
import { CONTRACT_TITLES, cooperativeLines } from "./contract-pdf";

/**
 * The attestations a cooperative issues about a contract (docs/contracts.md, "Attestations"): what
 * each states, as data, and as a printed document built from that very data, so that the two never
 * say different things.
 */
export interface AttestationParties {
  cooperative: { legalName: string; siret: string; address: string } | null;
  person: { firstName: string; lastName: string };
  /** The day it is issued. */
  issuedOn: string;
}

export const END_MODES_FR: Record<ContractEndReason, string> = {
  TERM_REACHED: "fin du contrat à durée déterminée à son terme",
  RESIGNATION: "démission",
  MUTUAL_AGREEMENT: "rupture conventionnelle",
  DISMISSAL: "licenciement",
  TRIAL_PERIOD: "rupture pendant la période d'essai",
  ASSOCIATE_DEADLINE: "fin du contrat faute d'accession au sociétariat dans le délai légal (L7331-3 du Code du travail)",
  NEXT_CONTRACT: "remplacé par le contrat suivant du parcours",
  PROJECT_ABANDONED: "abandon du projet",
  OWN_COMPANY: "création d'entreprise",
  OTHER: "autre motif",
};

const hours = (value: string): string => `${value.replace(".", ",")} heures`;
const fullName = (person: AttestationParties["person"]) => `${person.firstName} ${person.lastName}`;
const issuer = (parties: AttestationParties) =>
  parties.cooperative
    ? `${parties.cooperative.legalName}, SIRET ${parties.cooperative.siret}, ${parties.cooperative.address}`
    : "La coopérative";

function attestation(parties: AttestationParties, title: string, subtitle: string, statements: string[]): PrintedDocument {
  return {
    title,
    subtitle,
    author: parties.cooperative?.legalName,
    letterhead: cooperativeLines(parties.cooperative),
    blocks: [
      ...statements.map((text) => ({ kind: "paragraph" as const, text })),
      {
        kind: "signatures",
        placeAndDate: `Fait pour servir et valoir ce que de droit, le ${date(parties.issuedOn)}.`,
        signers: [{ label: "Pour la coopérative, son représentant légal", lines: [parties.cooperative?.legalName ?? ""] }],
      },
    ],
    footer: [`${parties.cooperative?.legalName ?? "La coopérative"} – attestation établie le ${date(parties.issuedOn)}`],
  };
}

/** What the CAPE attestation for the employment service states. */
export interface SupportAgreementAttestationData {
  startsOn: string;
  /** The last day agreed, renewals included. */
  endsOn: string;
  /** The actual last day, once ended (early or at the term). */
  endedOn: string | null;
  renewals: number;
  beneficiaryMonthlyPayCents: bigint | null;
  socialProtection: string | null;
  issuedOn: string;
}

export function supportAgreementAttestation(
  contract: ContractEntity,
  renewals: readonly RenewalEntity[],
  endedOn: string | null,
  issuedOn: string,
): SupportAgreementAttestationData {
  const legal = contract.legalTerms as SupportAgreementLegalTerms | null;
  return {
    startsOn: contract.startsOn,
    endsOn: contract.endsOn!,
    endedOn,
    renewals: renewals.length,
    beneficiaryMonthlyPayCents: legal?.beneficiaryMonthlyPayCents ?? null,
    socialProtection: legal?.socialProtection ?? null,
    issuedOn,
  };
}

export function supportAgreementAttestationDocument(data: SupportAgreementAttestationData, parties: AttestationParties): PrintedDocument {
  const over = data.endedOn !== null && data.endedOn <= data.issuedOn;
  const period = over
    ? `du ${date(data.startsOn)} au ${date(data.endedOn!)}`
    : `depuis le ${date(data.startsOn)}, jusqu'au ${date(data.endsOn)}`;
  return attestation(parties, "Attestation de contrat d'appui au projet d'entreprise", "Destinée à France Travail", [
    `${issuer(parties)}, personne morale responsable de l'appui, atteste que ${fullName(parties.person)} ${over ? "a bénéficié" : "bénéficie"} d'un ${CONTRACT_TITLES.SUPPORT_AGREEMENT.charAt(0).toLowerCase()}${CONTRACT_TITLES.SUPPORT_AGREEMENT.slice(1)} (articles L127-1 à L127-7 du Code de commerce), ${period}.`,
    data.renewals === 0
      ? "Le contrat n'a pas été renouvelé."
      : `Le contrat a été renouvelé ${data.renewals === 1 ? "une fois" : `${data.renewals} fois`} ; sa date de fin renouvellements compris est le ${date(data.endsOn)}.`,
    data.beneficiaryMonthlyPayCents === null
      ? "Rémunération versée par la coopérative au bénéficiaire : non renseignée."
      : data.beneficiaryMonthlyPayCents === 0n
        ? "La coopérative ne verse pas de rémunération au bénéficiaire au titre de ce contrat."
        : `Rémunération versée par la coopérative au bénéficiaire : ${euros(data.beneficiaryMonthlyPayCents)} bruts par mois.`,
    `Protection sociale du bénéficiaire : ${data.socialProtection ?? "non renseignée"}`,
  ]);
}

/** The terms of an employment contract on a day, amendments included. */
const termsAt = (contract: ContractEntity, amendments: readonly AmendmentEntity[], day: string) =>
  termsOn({ monthlyHours: contract.monthlyHours!, fixedMonthlyPayCents: contract.fixedMonthlyPayCents! }, amendments, day);

/** What the employer's end-of-contract certificate states (attestation employeur). */
export interface EmployerCertificateData {
  startsOn: string;
  endedOn: string;
  employmentType: string;
  monthlyHours: string;
  weeklyHours: string;
  endReason: ContractEndReason;
  /** The fixed gross monthly pay in force on the last day: the contract's terms; the payslips are payroll's. */
  lastFixedMonthlyPayCents: bigint;
  issuedOn: string;
}

export function employerCertificate(
  contract: ContractEntity,
  amendments: readonly AmendmentEntity[],
  end: { endedOn: string; endReason: ContractEndReason },
  issuedOn: string,
): EmployerCertificateData {
  const terms = termsAt(contract, amendments, end.endedOn);
  return {
    startsOn: contract.startsOn,
    endedOn: end.endedOn,
    employmentType: contract.employmentType!,
    monthlyHours: terms.monthlyHours,
    weeklyHours: weeklyHours(terms.monthlyHours),
    endReason: end.endReason,
    lastFixedMonthlyPayCents: terms.fixedMonthlyPayCents,
    issuedOn,
  };
}

const employmentKind = (type: string) =>
  `${CONTRACT_TITLES.EMPLOYMENT.toLowerCase()} (CESA), à durée ${type === "FIXED_TERM" ? "déterminée" : "indéterminée"}`;

export function employerCertificateDocument(data: EmployerCertificateData, parties: AttestationParties): PrintedDocument {
  return attestation(parties, "Attestation employeur", "Fin du contrat de travail", [
    `${issuer(parties)}, employeur, atteste avoir employé ${fullName(parties.person)} du ${date(data.startsOn)} au ${date(data.endedOn)} par un ${employmentKind(data.employmentType)}.`,
    `Durée du travail au dernier jour du contrat : ${hours(data.monthlyHours)} par mois, soit ${hours(data.weeklyHours)} par semaine.`,
    `Motif de la fin du contrat : ${END_MODES_FR[data.endReason]}.`,
    `Dernière rémunération brute mensuelle, part fixe : ${euros(data.lastFixedMonthlyPayCents)}, à laquelle s'ajoute la part variable prévue au contrat.`,
  ]);
}

/** What an attestation of employment states (attestation de travail): employed since, or from and to. */
export interface EmploymentAttestationData {
  startsOn: string;
  /** The last day, when it has passed: the person is no longer employed. */
  endedOn: string | null;
  employmentType: string;
  monthlyHours: string;
  weeklyHours: string;
  issuedOn: string;
}

export function employmentAttestation(
  contract: ContractEntity,
  amendments: readonly AmendmentEntity[],
  endedOn: string | null,
  issuedOn: string,
): EmploymentAttestationData {
  const over = endedOn !== null && endedOn < issuedOn ? endedOn : null;
  const day = over ?? (issuedOn < contract.startsOn ? contract.startsOn : issuedOn);
  const terms = termsAt(contract, amendments, day);
  return {
    startsOn: contract.startsOn,
    endedOn: over,
    employmentType: contract.employmentType!,
    monthlyHours: terms.monthlyHours,
    weeklyHours: weeklyHours(terms.monthlyHours),
    issuedOn,
  };
}

export function employmentAttestationDocument(data: EmploymentAttestationData, parties: AttestationParties): PrintedDocument {
  const period =
    data.endedOn !== null
      ? `a été employé(e) du ${date(data.startsOn)} au ${date(data.endedOn)}`
      : data.startsOn > data.issuedOn
        ? `est engagé(e) à compter du ${date(data.startsOn)}`
        : `est employé(e) depuis le ${date(data.startsOn)}`;
  return attestation(parties, "Attestation de travail", "Attestation d'emploi délivrée par l'employeur", [
    `${issuer(parties)}, employeur, atteste que ${fullName(parties.person)} ${period} en qualité d'entrepreneur salarié associé, par un ${employmentKind(data.employmentType)}.`,
    `Durée du travail : ${hours(data.monthlyHours)} par mois, soit ${hours(data.weeklyHours)} par semaine.`,
  ]);
}
