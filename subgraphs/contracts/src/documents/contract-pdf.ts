import { frenchDate as date, frenchEuros as euros, type DocumentBlock, type PrintedDocument } from "@cae/shared";
import {
  associateDeadline,
  conclusionDate,
  foisEnToutesLettres,
  SUPPORT_AGREEMENT_MAX_MONTHS,
  SUPPORT_AGREEMENT_MAX_RENEWALS,
  SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS,
  trialPeriodLatestEnd,
} from "../contracts/contract.rules";
import {
  COMMITMENT_BEARER_FR,
  CUSTOMER_RIGHTS_FR,
  FIXED_TERM_CASES_FR,
  underPartTimeMinimum,
  weeklyHours,
  type EmploymentLegalTerms,
  type SupportAgreementLegalTerms,
} from "../contracts/legal-terms";
import type { ContractDocumentParts } from "./contract-document";
import { fillTemplate } from "../templates/placeholders";
import type { ContractTemplateEntity } from "../templates/template.entity";

/** The legal titles: the CAPE's is the one L127-1 Code de commerce gives it, a "contrat", not a "convention". */
export const CONTRACT_TITLES: Record<ContractDocumentParts["contract"]["kind"], string> = {
  OBJECTIVE: "Contrat d'objectif",
  SUPPORT_AGREEMENT: "Contrat d'appui au projet d'entreprise pour la création ou la reprise d'une activité économique",
  EMPLOYMENT: "Contrat d'entrepreneur salarié associé",
};
const SUBTITLES: Record<ContractDocumentParts["contract"]["kind"], string> = {
  OBJECTIVE: "Engagements réciproques préalables à l'accompagnement de la coopérative",
  SUPPORT_AGREEMENT: "CAPE – articles L127-1 à L127-7 et R127-1 du Code de commerce",
  EMPLOYMENT: "CESA – articles L7331-1 et suivants du Code du travail",
};

const NOT_KEPT = "Non renseigné : contrat enregistré avant que ce contenu ne soit tenu.";
const hours = (value: string): string => `${value.replace(".", ",")} heures`;
const list = (items: readonly string[]): string => items.map((item) => `– ${item}`).join("\n");
const COMMITMENT_PARTY = { ENTREPRENEUR: "L'entrepreneur", COOPERATIVE: "La coopérative" } as const;

export const cooperativeLines = (cooperative: ContractDocumentParts["cooperative"]): string[] =>
  cooperative
    ? [cooperative.legalName, cooperative.address, `SIRET ${cooperative.siret}`]
    : ["Identité de la coopérative non renseignée (profil à compléter par son administrateur)"];

/** The value of every placeholder of the contract's kind (templates/placeholders.ts), in French. */
export function placeholderValues(parts: ContractDocumentParts): Record<string, string> {
  const { contract, cooperative, person } = parts;
  const values: Record<string, string> = {
    "person.fullName": `${person.firstName} ${person.lastName}`.trim(),
    "person.firstName": person.firstName,
    "person.lastName": person.lastName,
    "cooperative.legalName": cooperative?.legalName ?? "la coopérative",
    "cooperative.siret": cooperative?.siret ?? "non renseigné",
    "cooperative.address": cooperative?.address ?? "non renseignée",
    "contract.title": CONTRACT_TITLES[contract.kind],
    "contract.startsOn": date(contract.startsOn),
    "contract.endsOn": contract.endsOn ? date(contract.endsOn) : contract.kind === "EMPLOYMENT" ? "durée indéterminée" : "non fixée",
    "contract.signedOn": contract.signedOn ? date(contract.signedOn) : "projet non signé",
  };
  if (contract.kind === "OBJECTIVE") {
    values["contract.reviewOn"] = date(contract.reviewOn!);
    values["contract.commitments"] = list(
      parts.commitments.map((c) => `${COMMITMENT_PARTY[c.party]} : ${c.description} (échéance le ${date(c.dueOn)})`),
    );
  }
  if (contract.kind === "SUPPORT_AGREEMENT") {
    const legal = contract.legalTerms as SupportAgreementLegalTerms | null;
    Object.assign(values, {
      "contract.duration": `Le contrat est conclu pour ${SUPPORT_AGREEMENT_MAX_MONTHS} mois au plus ; il peut être renouvelé ${foisEnToutesLettres(SUPPORT_AGREEMENT_MAX_RENEWALS)}, dans la limite de ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} mois au total (L127-1 du Code de commerce).`,
      "contract.supportGiven": contract.supportGiven ?? "",
      "contract.revenueGoal":
        contract.revenueGoalCents === null
          ? "Aucun objectif chiffré n'est fixé."
          : `Objectif de chiffre d'affaires : ${euros(contract.revenueGoalCents)}.`,
      "legal.programmeBeforeStart": legal?.programmeBeforeStart ?? NOT_KEPT,
      "legal.programmeAfterStart": legal?.programmeAfterStart ?? NOT_KEPT,
      "legal.supportMeans": legal ? list(legal.supportMeans) : NOT_KEPT,
      "legal.supportBodyPay": !legal
        ? NOT_KEPT
        : legal.supportBodyPayCents === 0n
          ? "La coopérative apporte son appui sans rémunération."
          : `La coopérative perçoit pour son appui une rémunération de ${euros(legal.supportBodyPayCents)}.`,
      "legal.thirdPartyCommitments": legal
        ? `Nature des engagements que le bénéficiaire peut prendre à l'égard des tiers : ${legal.thirdPartyCommitmentsNature}. Montant maximal : ${euros(legal.thirdPartyCommitmentsMaxCents)}. Prise en charge : ${COMMITMENT_BEARER_FR[legal.thirdPartyCommitmentsBorneBy]}.`
        : NOT_KEPT,
      "legal.accountingInformation": legal?.accountingInformation ?? NOT_KEPT,
      "legal.earlyTermination": legal?.earlyTermination ?? NOT_KEPT,
      "legal.beneficiaryPay": !legal
        ? NOT_KEPT
        : legal.beneficiaryMonthlyPayCents === 0n
          ? "Rémunération du bénéficiaire : la coopérative ne lui verse pas de rémunération."
          : `Rémunération du bénéficiaire : ${euros(legal.beneficiaryMonthlyPayCents)} bruts par mois.`,
      "legal.socialProtection": legal ? `Protection sociale du bénéficiaire : ${legal.socialProtection}` : NOT_KEPT,
    });
  }
  if (contract.kind === "EMPLOYMENT") {
    const legal = contract.legalTerms as EmploymentLegalTerms | null;
    const trialLatest = trialPeriodLatestEnd(contract.startsOn, parts.priorDays);
    const partTime = underPartTimeMinimum(contract.monthlyHours!);
    Object.assign(values, {
      "contract.employmentType": contract.employmentType === "FIXED_TERM" ? "Contrat à durée déterminée." : "Contrat à durée indéterminée.",
      "contract.monthlyHours": hours(contract.monthlyHours!),
      "contract.weeklyHours": hours(weeklyHours(contract.monthlyHours!)),
      "contract.fixedPay": euros(contract.fixedMonthlyPayCents!),
      "contract.variablePay": contract.variablePay ?? "",
      "contract.trialPeriod": contract.trialPeriodEndsOn
        ? `Le contrat comporte une période d'essai qui prend fin le ${date(contract.trialPeriodEndsOn)} (au plus tard le ${date(trialLatest!)} : 8 mois moins la durée des contrats antérieurs entre les parties, L7332-1).`
        : "Le contrat ne comporte pas de période d'essai.",
      "contract.associateDeadline": `L'entrepreneur devient associé au plus tard le ${date(associateDeadline(conclusionDate(contract), parts.priorDays))} (3 ans à compter de la conclusion du contrat${contract.signedOn ? "" : ", comptés depuis la date de début prévue tant qu'il n'est pas signé"}, moins la durée des contrats antérieurs entre les parties, L7331-3), faute de quoi le contrat prend fin.`,
      "contract.directHire": contract.directHireReason ? `Embauche sans CAPE préalable : ${contract.directHireReason}` : "",
      "legal.objectives": legal ? `Objectifs : ${legal.objectives}` : NOT_KEPT,
      "legal.minimumActivity": legal
        ? `Activité minimale : un chiffre d'affaires hors taxes d'au moins ${euros(legal.minimumAnnualRevenueCents)} par an.`
        : NOT_KEPT,
      "legal.supportMeans": legal ? list(legal.supportMeans) : NOT_KEPT,
      "legal.controlMeans": legal?.controlMeans ?? NOT_KEPT,
      "legal.contribution": legal
        ? `Contribution de l'entrepreneur au financement des services mutualisés : ${legal.contributionRule}`
        : NOT_KEPT,
      "legal.statutes": legal
        ? `L'entrepreneur déclare avoir reçu les statuts de la coopérative en vigueur (${legal.statutesVersion}, adoptés le ${date(legal.statutesAdoptedOn)}), auxquels le présent contrat fait référence.`
        : NOT_KEPT,
      "legal.customerRights": legal ? [CUSTOMER_RIGHTS_FR[legal.customerRights], legal.rightsNote].filter(Boolean).join(" ") : NOT_KEPT,
      "legal.partTimeRequest": !partTime
        ? ""
        : legal?.partTimeRequest
          ? `La durée de travail, ${hours(weeklyHours(contract.monthlyHours!))} par semaine, est inférieure à 24 heures à la demande écrite et motivée de l'entrepreneur du ${date(legal.partTimeRequest.requestedOn)} (L3123-7 et L3123-27 du Code du travail). Motifs : ${legal.partTimeRequest.reason}`
          : `Durée inférieure à 24 heures par semaine : demande écrite du salarié ${NOT_KEPT.toLowerCase()}`,
      "legal.fixedTermGround":
        contract.employmentType !== "FIXED_TERM"
          ? ""
          : legal?.fixedTermGround
            ? `Motif du recours au contrat à durée déterminée : ${FIXED_TERM_CASES_FR[legal.fixedTermGround.case]}. ${legal.fixedTermGround.detail}`
            : `Motif du recours au contrat à durée déterminée : ${NOT_KEPT.toLowerCase()}`,
    });
  }
  return values;
}

/**
 * The contract as a printed document: the cooperative's letterhead, the legal title, the parties,
 * the articles of the template version (the one it was signed with, else the one in force), the
 * renewals or amendments as tables, the signature blocks, and a footer naming the version.
 */
export function contractPdfDocument(parts: ContractDocumentParts, template: ContractTemplateEntity): PrintedDocument {
  const { contract, cooperative, person } = parts;
  const filled = fillTemplate(template.body, placeholderValues(parts));
  const beneficiary = contract.kind === "SUPPORT_AGREEMENT" ? "Le bénéficiaire" : "L'entrepreneur";
  const blocks: DocumentBlock[] = [
    {
      kind: "parties",
      intro: "Entre les soussignés",
      parties: [
        { role: "La coopérative", lines: [...cooperativeLines(cooperative), "ci-après « la coopérative »"] },
        { role: beneficiary, lines: [`${person.firstName} ${person.lastName}`, `ci-après « ${beneficiary.toLowerCase()} »`] },
      ],
    },
    ...filled.preamble.map((text): DocumentBlock => ({ kind: "paragraph", text })),
    ...filled.articles.map((article): DocumentBlock => ({ kind: "article", title: article.title, paragraphs: article.paragraphs })),
  ];
  if (parts.renewals.length > 0) {
    blocks.push(
      { kind: "heading", text: "Renouvellements" },
      {
        kind: "table",
        headers: ["N°", "Décidé le", "Fin précédente", "Nouvelle fin"],
        rows: parts.renewals.map((r) => [String(r.number), date(r.decidedOn), date(r.previousEndsOn), date(r.endsOn)]),
      },
    );
  }
  if (parts.amendments.length > 0) {
    blocks.push(
      { kind: "heading", text: "Avenants" },
      {
        kind: "table",
        headers: ["N°", "Date d'effet", "Durée mensuelle", "Part fixe", "Motif"],
        widths: [1, 2, 2, 2, 5],
        rows: parts.amendments.map((a) => [
          String(a.number),
          date(a.effectiveOn),
          hours(a.monthlyHours),
          euros(a.fixedMonthlyPayCents),
          a.reason,
        ]),
      },
    );
  }
  blocks.push(
    { kind: "paragraph", text: contract.signedOn ? `Contrat signé le ${date(contract.signedOn)}.` : "Projet de contrat, non signé." },
    {
      kind: "signatures",
      placeAndDate: `Fait en deux exemplaires${contract.signedOn ? `, le ${date(contract.signedOn)}` : ""}.`,
      signers: [
        { label: "Pour la coopérative", lines: [cooperative?.legalName ?? ""] },
        { label: beneficiary, lines: [`${person.firstName} ${person.lastName}`, "Lu et approuvé"] },
      ],
    },
  );
  return {
    title: CONTRACT_TITLES[contract.kind],
    subtitle: SUBTITLES[contract.kind],
    author: cooperative?.legalName,
    letterhead: cooperativeLines(cooperative),
    blocks,
    footer: [
      `${cooperative?.legalName ?? "La coopérative"} – modèle de contrat version ${template.version} en vigueur depuis le ${date(template.effectiveFrom)}`,
    ],
  };
}
