import { frenchDate as date, frenchEuros } from "@cae/shared";
import type { AmendmentEntity, CommitmentEntity, ContractEntity, RenewalEntity } from "../contracts/contract.entity";
import {
  associateDeadline,
  conclusionDate,
  foisEnToutesLettres,
  SUPPORT_AGREEMENT_MAX_MONTHS,
  SUPPORT_AGREEMENT_MAX_RENEWALS,
  SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS,
  trialPeriodLatestEnd,
} from "../contracts/contract.rules";

export interface ContractDocumentParts {
  contract: ContractEntity;
  cooperative: { legalName: string; siret: string; address: string } | null;
  person: { firstName: string; lastName: string };
  commitments: readonly CommitmentEntity[];
  renewals: readonly RenewalEntity[];
  amendments: readonly AmendmentEntity[];
  /** Days of the earlier contracts between the parties (`priorContractDays`), deducted from the trial period and the associate deadline. */
  priorDays: number;
}

const TITLES: Record<ContractEntity["kind"], string> = {
  OBJECTIVE: "Contrat d'objectif",
  SUPPORT_AGREEMENT: "Contrat d'appui au projet d'entreprise pour la création ou la reprise d'une activité économique (CAPE)",
  EMPLOYMENT: "Contrat d'entrepreneur salarié associé (CESA)",
};
const LEGAL_BASIS: Record<ContractEntity["kind"], string> = {
  OBJECTIVE: "Engagements réciproques préalables à l'accompagnement de la coopérative.",
  SUPPORT_AGREEMENT: "Articles L127-1 et suivants du Code de commerce.",
  EMPLOYMENT: "Articles L7331-1 et suivants du Code du travail (contenu prévu à l'article L7331-2).",
};
const PARTY = { ENTREPRENEUR: "L'entrepreneur", COOPERATIVE: "La coopérative" } as const;
const COMMITMENT = {
  SKILLS: "Compétences",
  OFFER_AND_PRICES: "Offre et tarifs",
  MARKET_STUDY: "Pré-étude de marché",
  LEGAL_INFORMATION: "Information juridique",
  OTHER: "Autre",
} as const;

/** Text made safe for HTML: every name and free text of the document goes through it. */
const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!);

/** 182308n → "1 823,08 €" (exact, from cents). */
export const euros = frenchEuros;
const hours = (value: string): string => `${value.replace(".", ",")}\u00a0h`;

/**
 * The contract as a document to print and sign: the cooperative's identity, the parties, the
 * terms of its kind, the renewals or amendments, and the signature blocks. Plain HTML with its
 * own print stylesheet: any browser prints it or saves it as PDF.
 */
export function renderContractDocument(parts: ContractDocumentParts): string {
  const { contract, cooperative, person } = parts;
  const rows: [string, string][] = [
    ["Date de début", date(contract.startsOn)],
    ["Date de fin", contract.endsOn ? date(contract.endsOn) : contract.kind === "EMPLOYMENT" ? "Durée indéterminée" : "Non fixée"],
  ];
  const sections: string[] = [];
  if (contract.kind === "OBJECTIVE") {
    rows.push(["Date de bilan", date(contract.reviewOn!)]);
    sections.push(
      section(
        "Engagements réciproques",
        table(
          ["Partie", "Objet", "Engagement", "Échéance"],
          parts.commitments.map((c) => [PARTY[c.party], COMMITMENT[c.kind], escape(c.description), date(c.dueOn)]),
        ),
      ),
    );
  }
  if (contract.kind === "SUPPORT_AGREEMENT") {
    rows.push(["Appui apporté par la coopérative", escape(contract.supportGiven!)]);
    if (contract.revenueGoalCents !== null) rows.push(["Objectif de chiffre d'affaires", euros(contract.revenueGoalCents)]);
    rows.push([
      "Durée",
      `${SUPPORT_AGREEMENT_MAX_MONTHS} mois au plus, renouvelable ${foisEnToutesLettres(SUPPORT_AGREEMENT_MAX_RENEWALS)}, ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} mois au total pour l'ensemble des contrats d'appui de l'entrepreneur`,
    ]);
    if (parts.renewals.length > 0) {
      sections.push(
        section(
          "Renouvellements",
          table(
            ["N°", "Décidé le", "Fin précédente", "Nouvelle fin"],
            parts.renewals.map((r) => [String(r.number), date(r.decidedOn), date(r.previousEndsOn), date(r.endsOn)]),
          ),
        ),
      );
    }
  }
  if (contract.kind === "EMPLOYMENT") {
    const trialLatest = trialPeriodLatestEnd(contract.startsOn, parts.priorDays);
    rows.push(
      ["Nature", contract.employmentType === "FIXED_TERM" ? "Contrat à durée déterminée" : "Contrat à durée indéterminée"],
      ["Durée mensuelle de travail", hours(contract.monthlyHours!)],
      ["Rémunération brute mensuelle, part fixe", euros(contract.fixedMonthlyPayCents!)],
      ["Part variable", escape(contract.variablePay!)],
      [
        "Période d'essai",
        contract.trialPeriodEndsOn
          ? `jusqu'au ${date(contract.trialPeriodEndsOn)} (au plus tard le ${date(trialLatest!)} : 8 mois moins la durée des contrats antérieurs entre les parties, L7332-1)`
          : "Aucune",
      ],
      [
        "Sociétariat",
        `L'entrepreneur devient associé au plus tard le ${date(associateDeadline(conclusionDate(contract), parts.priorDays))} (3 ans à compter de la conclusion du contrat${contract.signedOn ? "" : ", comptés depuis la date de début prévue tant qu'il n'est pas signé"}, moins la durée des contrats antérieurs entre les parties, L7331-3), faute de quoi le contrat prend fin.`,
      ],
    );
    if (contract.directHireReason) rows.push(["Embauche sans CAPE préalable", escape(contract.directHireReason)]);
    if (parts.amendments.length > 0) {
      sections.push(
        section(
          "Avenants",
          table(
            ["N°", "Date d'effet", "Durée mensuelle", "Part fixe", "Motif"],
            parts.amendments.map((a) => [
              String(a.number),
              date(a.effectiveOn),
              hours(a.monthlyHours),
              euros(a.fixedMonthlyPayCents),
              escape(a.reason),
            ]),
          ),
        ),
      );
    }
  }
  const coop = cooperative
    ? `${escape(cooperative.legalName)}, SIRET ${escape(cooperative.siret)}, ${escape(cooperative.address)}`
    : "Identité de la coopérative non renseignée (profil à compléter par son administrateur)";
  const entrepreneur = `${escape(person.firstName)} ${escape(person.lastName)}`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${TITLES[contract.kind]} — ${entrepreneur}</title>
<style>body{font:11pt/1.45 Georgia,serif;max-width:48em;margin:2em auto;color:#111}h1{font-size:16pt}h2{font-size:12pt;margin-top:1.6em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}
.signatures{display:flex;gap:3em;margin-top:3em}.signatures div{flex:1;border-top:1px solid #111;padding-top:.5em;min-height:6em}
@media print{body{margin:0}}</style></head>
<body>
<h1>${TITLES[contract.kind]}</h1>
<p>${LEGAL_BASIS[contract.kind]}</p>
<h2>Entre les soussignés</h2>
<p><strong>La coopérative</strong> : ${coop}, ci-après « la coopérative » ;</p>
<p><strong>L'entrepreneur</strong> : ${entrepreneur}, ci-après « l'entrepreneur ».</p>
${section("Conditions", table(["", ""], rows, true))}
${sections.join("\n")}
<p>Statut : ${contract.signedOn ? `signé le ${date(contract.signedOn)}` : "projet non signé"}.</p>
<div class="signatures"><div>Pour la coopérative</div><div>L'entrepreneur</div></div>
</body></html>
`;
}

const section = (title: string, body: string): string => `<h2>${title}</h2>\n${body}`;

function table(headers: string[], rows: string[][], headerless = false): string {
  const head = headerless ? "" : `<tr>${headers.map((header) => `<th>${header}</th>`).join("")}</tr>`;
  const body = rows.map(
    (cells) => `<tr>${cells.map((cell, index) => (headerless && index === 0 ? `<th>${cell}</th>` : `<td>${cell}</td>`)).join("")}</tr>`,
  );
  return `<table>${head}${body.join("")}</table>`;
}
