import { createHash } from "node:crypto";
import {
  addDays,
  addMonths,
  DEFAULT_MINIMUM_WAGE,
  FULL_TIME_MONTHLY_HOURS_HUNDREDTHS,
  hoursToHundredths,
  hundredthsToHours,
  minimumMonthlyPayCents,
} from "@cae/shared";
import { demoProfile, demoUuid, generateDemoCooperative, type DemoContract } from "..";
import type { DataSource } from "typeorm";
import {
  AmendmentEntity,
  CommitmentEntity,
  ContractEntity,
  RenewalEntity,
  supportDaysBefore,
  trialPeriodLatestEnd,
  underPartTimeMinimum,
  type ContractEndReason,
  type LegalTerms,
} from "@cae/contracts";

import { seedDemoPersonPaths } from "./sibling-facts";

const DEMO_TODAY = "2026-11-01";

/** A number in [0, 1) drawn from the parts: the same contract always gets the same details. */
const draw = (...parts: string[]): number => createHash("sha256").update(parts.join("\u0000")).digest().readUInt32BE(0) / 2 ** 32;

/**
 * A signed contract was signed up to two weeks before its first day, and never after the demo's
 * today: a signature is never in the future (shared/src/plausible-dates.ts).
 */
function signedOn(contract: DemoContract): string {
  const day = addDays(contract.startsOn, -Math.floor(draw(contract.id, "signed") * 15));
  return day < DEMO_TODAY ? day : DEMO_TODAY;
}

const VARIABLE_PAY =
  "Part variable : résultat de l'activité après charges directes et contribution coopérative, versé en complément du fixe à la clôture de l'exercice (L7332-3).";
const SUPPORT_GIVEN = [
  "Rendez-vous individuels mensuels, ateliers collectifs (commercial, gestion), hébergement juridique, comptable et fiscal de l'activité.",
  "Suivi individuel, formation à la gestion, accès aux outils de facturation et à l'assurance de la coopérative.",
];
/** The same support, item by item, as the contracts list it. */
const SUPPORT_MEANS = [
  [
    "Rendez-vous individuels mensuels",
    "Ateliers collectifs (commercial, gestion)",
    "Hébergement juridique, comptable et fiscal de l'activité",
  ],
  ["Suivi individuel", "Formation à la gestion", "Outils de facturation et assurance de la coopérative"],
];
const COMMITMENTS: [CommitmentEntity["party"], CommitmentEntity["kind"], string][] = [
  ["ENTREPRENEUR", "MARKET_STUDY", "Réaliser une pré-étude de marché : clientèle visée, concurrence, prix pratiqués."],
  ["ENTREPRENEUR", "OFFER_AND_PRICES", "Définir l'offre de services et une grille de tarifs."],
  ["COOPERATIVE", "LEGAL_INFORMATION", "Présenter le statut d'entrepreneur salarié, la CAPE et le CESA."],
  ["COOPERATIVE", "SKILLS", "Faire le point sur les compétences de gestion et proposer les ateliers utiles."],
];
/** How a CESA ended in law (docs/contracts.md): what the person went on to do is their exit's reason, in the members seed. */
const EARLY_END_REASONS: ContractEndReason[] = ["RESIGNATION", "MUTUAL_AGREEMENT"];

export interface DemoContractRecords {
  contracts: Omit<ContractEntity, "createdAt">[];
  renewals: Omit<RenewalEntity, "id">[];
  amendments: Omit<AmendmentEntity, "id">[];
  commitments: Omit<CommitmentEntity, "id">[];
}

/**
 * The contracts of the demo generator, with what the contracts subgraph adds: signature dates,
 * commitments, renewals (a support agreement followed at once by another becomes one renewed
 * agreement), amendments that grow a CESA's hours and pay, trial periods and end reasons.
 */
export function demoContractRecords(cooperativeId: string): DemoContractRecords {
  const demo = generateDemoCooperative(demoProfile(cooperativeId));
  const records: DemoContractRecords = { contracts: [], renewals: [], amendments: [], commitments: [] };
  const byPerson = new Map<string, DemoContract[]>();
  for (const contract of demo.contracts) byPerson.set(contract.personId, [...(byPerson.get(contract.personId) ?? []), contract]);

  for (const own of byPerson.values()) {
    const everyContractEnded = own.every((contract) => contract.status === "ENDED");
    const kept: ContractEntity[] = [];
    for (const demoContract of own) {
      const previous = kept[kept.length - 1];
      if (
        demoContract.kind === "SUPPORT_AGREEMENT" &&
        previous?.kind === "SUPPORT_AGREEMENT" &&
        addDays(previous.endsOn!, 1) === demoContract.startsOn
      ) {
        records.renewals.push({
          contractId: previous.id,
          number: 1,
          previousEndsOn: previous.endsOn!,
          endsOn: demoContract.endsOn!,
          decidedOn: addDays(previous.endsOn!, -20),
        });
        previous.endsOn = demoContract.endsOn;
        continue;
      }
      const signed = demoContract.status !== "DRAFT";
      const contract: ContractEntity = {
        id: demoContract.id,
        personId: demoContract.personId,
        kind: demoContract.kind,
        state: signed ? "SIGNED" : "DRAFT",
        startsOn: demoContract.startsOn,
        endsOn: demoContract.endsOn,
        signedOn: signed ? signedOn(demoContract) : null,
        endedOn: null,
        endReason: null,
        endNote: null,
        cancelledOn: null,
        cancelReason: null,
        reviewOn: demoContract.kind === "OBJECTIVE" ? (demoContract.endsOn ?? addMonths(demoContract.startsOn, 3)) : null,
        supportGiven: demoContract.kind === "SUPPORT_AGREEMENT" ? SUPPORT_GIVEN[Math.floor(draw(demoContract.id, "support") * 2)] : null,
        revenueGoalCents:
          demoContract.kind === "SUPPORT_AGREEMENT" && draw(demoContract.id, "goal") < 0.5
            ? BigInt(Math.floor(1 + draw(demoContract.id, "g") * 4)) * 1_000_000n
            : null,
        employmentType: demoContract.kind === "EMPLOYMENT" ? (demoContract.endsOn ? "FIXED_TERM" : "OPEN_ENDED") : null,
        monthlyHours: demoContract.monthlyHours,
        fixedMonthlyPayCents: demoContract.fixedMonthlyPayCents,
        variablePay: demoContract.kind === "EMPLOYMENT" ? VARIABLE_PAY : null,
        trialPeriodEndsOn: null,
        directHireReason: null,
        legalTerms: null,
        templateVersionId: null,
        createdAt: new Date(`${demoContract.startsOn}T09:00:00Z`),
      };
      if (contract.kind === "EMPLOYMENT") {
        // An employment contract that ended before its planned end (the person left), with its legal mode.
        if (everyContractEnded) {
          contract.state = "ENDED";
          contract.endedOn = contract.endsOn;
          contract.endReason = EARLY_END_REASONS[Math.floor(draw(contract.id, "end") * EARLY_END_REASONS.length)];
          contract.endsOn = null;
          contract.employmentType = "OPEN_ENDED";
        }
        if (!kept.some((other) => other.kind === "SUPPORT_AGREEMENT")) {
          contract.directHireReason = "Activité déjà lancée avec une clientèle : embauche directe en CESA décidée en comité d'accueil.";
        }
        const latestTrialEnd = trialPeriodLatestEnd(contract.startsOn, supportDaysBefore(kept, contract.startsOn));
        if (latestTrialEnd) {
          const twoMonths = addDays(addMonths(contract.startsOn, 2), -1);
          contract.trialPeriodEndsOn = twoMonths < latestTrialEnd ? twoMonths : latestTrialEnd;
        }
        records.amendments.push(...demoAmendments(contract));
      }
      if (contract.kind === "OBJECTIVE") {
        COMMITMENTS.forEach(([party, kind, description], position) => {
          const dueOn = addDays(contract.startsOn, 30 * (position + 1));
          const done = signed && dueOn < DEMO_TODAY && draw(contract.id, "done", String(position)) < 0.8;
          records.commitments.push({
            contractId: contract.id,
            party,
            kind,
            description,
            dueOn,
            doneOn: done ? addDays(dueOn, -5) : null,
            position,
          });
        });
      }
      contract.legalTerms = demoLegalTerms(contract);
      kept.push(contract);
      // Now and then a support agreement was first drafted on other dates, then cancelled.
      if (contract.kind === "SUPPORT_AGREEMENT" && signed && draw(contract.id, "cancelled") < 0.08) {
        const draftedOn = addDays(contract.startsOn, -40);
        kept.push({
          ...contract,
          id: demoUuid(cooperativeId, "cancelled-contract", contract.id),
          state: "CANCELLED",
          startsOn: addDays(contract.startsOn, 14),
          endsOn: addDays(addMonths(contract.startsOn, 12), 13),
          signedOn: null,
          cancelledOn: addDays(draftedOn, 10),
          cancelReason: "Dates revues avec l'entrepreneur : convention refaite.",
          revenueGoalCents: null,
          createdAt: new Date(`${draftedOn}T09:00:00Z`),
        });
      }
    }
    records.contracts.push(...kept);
  }
  // Every cooperative shows a draft: if chance left none, the latest contract yet to start is still being prepared.
  if (!records.contracts.some((contract) => contract.state === "DRAFT")) {
    const upcoming = records.contracts.filter((contract) => contract.state === "SIGNED" && contract.startsOn > DEMO_TODAY);
    const latest = upcoming.sort((a, b) => a.startsOn.localeCompare(b.startsOn)).at(-1);
    if (latest) Object.assign(latest, { state: "DRAFT", signedOn: null });
  }
  return records;
}

/**
 * What the law requires a CESA (L7331-2) or a CAPE (R127-1) to state, as the cooperative would have
 * written it: the part-time request under 24 hours a week, the ground of a fixed-term contract.
 */
function demoLegalTerms(contract: ContractEntity): LegalTerms | null {
  const supportMeans = SUPPORT_MEANS[Math.floor(draw(contract.id, "support") * 2)];
  if (contract.kind === "SUPPORT_AGREEMENT") {
    return {
      kind: "SUPPORT_AGREEMENT",
      programmeBeforeStart: "Étude de marché accompagnée, construction de l'offre et des prix, prévisionnel d'activité.",
      programmeAfterStart: "Rendez-vous mensuels de suivi, ateliers commerciaux et de gestion, bilan à mi-parcours.",
      supportMeans,
      supportBodyPayCents: 0n,
      thirdPartyCommitmentsNature: "Achats de fournitures, de marchandises et de petits matériels nécessaires à l'activité",
      thirdPartyCommitmentsMaxCents: BigInt(Math.floor(1 + draw(contract.id, "ceiling") * 5)) * 100_000n,
      thirdPartyCommitmentsBorneBy: draw(contract.id, "bearer") < 0.7 ? "SUPPORT_BODY" : "BENEFICIARY_REIMBURSES",
      accountingInformation:
        "Chaque mois, le bénéficiaire remet ses pièces de recettes et de dépenses ; la coopérative lui adresse l'état de son compte d'activité.",
      earlyTermination: "Chaque partie peut mettre fin au contrat avant son terme par lettre recommandée, avec un préavis de quinze jours.",
      beneficiaryMonthlyPayCents: 0n,
      socialProtection:
        "Le bénéficiaire conserve ses droits de demandeur d'emploi ; la coopérative l'assure pour les accidents survenus pendant l'appui.",
    };
  }
  if (contract.kind !== "EMPLOYMENT") return null;
  const requestedOn = addDays(contract.startsOn, -20);
  return {
    kind: "EMPLOYMENT",
    objectives: "Développer l'activité auprès de sa clientèle et atteindre un revenu régulier dans les trois ans.",
    minimumAnnualRevenueCents: BigInt(Math.floor(12 + draw(contract.id, "minimum") * 18)) * 100_000n,
    supportMeans,
    controlMeans: "Revue trimestrielle du compte d'activité avec le conseiller et bilan annuel.",
    contributionRule: "10 % du chiffre d'affaires hors taxes encaissé par l'activité, taux voté par l'assemblée générale.",
    statutesVersion: "Statuts de la SCOP modifiés par l'assemblée générale extraordinaire",
    statutesAdoptedOn: "2019-06-15",
    customerRights: "ENTREPRENEUR_KEEPS",
    rightsNote: null,
    partTimeRequest: underPartTimeMinimum(contract.monthlyHours!)
      ? {
          requestedOn: requestedOn < DEMO_TODAY ? requestedOn : DEMO_TODAY,
          reason: "Démarrage progressif de l'activité, à côté d'autres revenus.",
        }
      : null,
    fixedTermGround:
      contract.employmentType === "FIXED_TERM"
        ? { case: "TEMPORARY_INCREASE", detail: "Commande importante d'un client sur une durée limitée." }
        : null,
  };
}

/** Yearly amendments of a running CESA: more hours as the activity grows, never below the SMIC of their date. */
function demoAmendments(contract: ContractEntity): Omit<AmendmentEntity, "id">[] {
  const amendments: Omit<AmendmentEntity, "id">[] = [];
  let hundredths = hoursToHundredths(contract.monthlyHours!)!;
  let pay = contract.fixedMonthlyPayCents!;
  const last = contract.endedOn ?? contract.endsOn ?? DEMO_TODAY;
  for (
    let effectiveOn = addMonths(contract.startsOn, 12);
    effectiveOn <= last && effectiveOn <= DEMO_TODAY;
    effectiveOn = addMonths(effectiveOn, 12)
  ) {
    if (hundredths >= FULL_TIME_MONTHLY_HOURS_HUNDREDTHS || draw(contract.id, "amend", effectiveOn) < 0.3) continue;
    const grown = Math.min(FULL_TIME_MONTHLY_HOURS_HUNDREDTHS, hundredths + 1733);
    // The pay grows with the hours, and never stays below the SMIC of the amendment's date.
    const scaled = (pay * BigInt(grown)) / BigInt(hundredths);
    const minimum = minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, effectiveOn, grown)!;
    [hundredths, pay] = [grown, scaled > minimum ? scaled : minimum];
    amendments.push({
      contractId: contract.id,
      number: amendments.length + 1,
      effectiveOn,
      monthlyHours: hundredthsToHours(hundredths),
      fixedMonthlyPayCents: pay,
      reason: "Augmentation du temps de travail avec la croissance du chiffre d'affaires de l'activité.",
    });
  }
  return amendments;
}

/** Writes the cooperative's demo contracts, once: a restart finds them and writes nothing. */
export async function seedContractsDemo(db: DataSource, cooperativeId: string): Promise<void> {
  await db.transaction(async (manager) => {
    if ((await manager.getRepository(ContractEntity).count()) > 0) return;
    const records = demoContractRecords(cooperativeId);
    // Signed contracts keep the template version they were signed with: the shipped version 1 here.
    const templates: { id: string; kind: string }[] = await manager.query("SELECT id, kind FROM contract_templates WHERE version = 1");
    for (const contract of records.contracts) {
      if (contract.signedOn) contract.templateVersionId = templates.find((template) => template.kind === contract.kind)?.id ?? null;
    }
    await manager.getRepository(ContractEntity).insert(records.contracts);
    for (const [entity, rows] of [
      [RenewalEntity, records.renewals],
      [AmendmentEntity, records.amendments],
      [CommitmentEntity, records.commitments],
    ] as const) {
      if (rows.length > 0) await manager.getRepository(entity).insert(rows as never[]);
    }
    await seedDemoPersonPaths(manager, cooperativeId);
  });
}
