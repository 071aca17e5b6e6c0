import {
  CONTRACT_KIND_LABELS,
  FOLLOW_UP_SITUATION_LABELS,
  FUNDER_DIMENSION_LABELS,
  FUNDER_KEY_LABELS,
  FUNDER_STEP_LABELS,
  FUNDER_SUPPORT_LABELS,
  funderKeyLabel,
  labelOf,
  PARTNER_KIND_LABELS,
  type FunderReport,
  type FunderReportRow,
  type FunderReportSection,
} from "@cae/shared";
import { FunderDimension, type FunderFigures } from "./funder.type";

export const FUNDER_REPORT_TITLE = "Rapport d'activité aux financeurs";

/** Where the exact figures of one cooperative come from, and how to read them (docs/reporting.md). */
export const COOPERATIVE_REPORT_NOTES = [
  "Chiffres exacts de la coopérative, tirés de ses propres dossiers : des effectifs, jamais une personne.",
  "La période va de son premier à son dernier jour, tous deux inclus ; un contrat y compte quand il a été en vigueur au moins un jour de la période.",
  "« À l'entrée » : la situation notée à l'accueil, telle qu'elle est enregistrée aujourd'hui ; « Non renseigné » : aucune situation notée, ou la question restée sans réponse. " +
    "Les personnes dont les données personnelles ont été effacées comptent, sans leur âge ni leur situation à l'entrée.",
];

/** What each dimension sorts people by, as "… selon <criterion>" says it (docs/reporting.md, the dimensions' table). */
const CRITERIA: Record<FunderDimension, string> = {
  GENDER: "leur genre déclaré",
  AGE_BRACKET: "leur âge au dernier jour de la période (l'année de ce jour moins leur année de naissance)",
  JOB_SEEKER: "qu'elles étaient ou non inscrites comme demandeuses d'emploi à leur entrée",
  LONG_TERM_JOB_SEEKER:
    "qu'elles étaient ou non inscrites comme demandeuses d'emploi depuis 12 mois ou plus à la date de leur accueil (« Non renseigné » aussi sans date d'inscription ou sans accueil)",
  UNEMPLOYMENT_BENEFIT: "qu'elles percevaient ou non l'allocation chômage (ARE) à leur entrée",
  RSA: "qu'elles percevaient ou non le RSA à leur entrée",
  DISABILITY: "qu'elles étaient ou non reconnues travailleurs handicapés (RQTH) à leur entrée",
  EDUCATION_LEVEL: "leur plus haut niveau de diplôme à leur entrée (nomenclature nationale de 2019)",
  PRIORITY_NEIGHBOURHOOD: "qu'elles habitaient ou non un quartier prioritaire de la ville (QPV) à leur entrée",
  DEPARTEMENT: "le département où elles habitaient à leur entrée (seuls ceux où habite au moins l'une d'elles)",
  SECTOR: "le secteur de leur projet noté à l'accueil",
  REFERRING_PARTNER_KIND: "le type du partenaire qui les a orientées vers la coopérative (prescripteur)",
};

/**
 * The rows of a list of counts: every key of `labels` in its order, zeros included (a funder reads
 * "0 RQTH" as an answer), then any key the labels do not know yet, as the figures give it.
 */
function rowsOf(
  counts: readonly { key: string; count: number }[],
  labels: Readonly<Record<string, string>>,
  label = (key: string) => labelOf(labels, key),
): FunderReportRow[] {
  const byKey = new Map(counts.map((row) => [row.key, row.count]));
  const keys = [...Object.keys(labels), ...counts.map((row) => row.key).filter((key) => !(key in labels))];
  return keys.map((key) => ({ label: label(key), value: byKey.get(key) ?? 0 }));
}

/** One population's sections, a dimension each. Départements are listed where someone lives only: there are a hundred. */
function dimensionSections(
  breakdown: FunderFigures["supportedBy"],
  title: string,
  counts: (criterion: string) => string,
  chart: boolean,
): FunderReportSection[] {
  return Object.values(FunderDimension).map((dimension) => {
    const rows = breakdown.filter((row) => row.dimension === dimension);
    return {
      title: `${title} – ${labelOf(FUNDER_DIMENSION_LABELS, dimension)}`,
      counts: counts(CRITERIA[dimension]),
      rows:
        dimension === FunderDimension.DEPARTEMENT
          ? rows.map((row) => ({ label: funderKeyLabel(dimension, row.key), value: row.count }))
          : rowsOf(rows, FUNDER_KEY_LABELS[dimension]),
      chart,
    };
  });
}

/**
 * The funder report of one cooperative's exact figures (docs/reporting.md, "The funder report"):
 * the figures as `membersIndicators { funder }` gives them, under French labels, each section
 * saying what it counts. Nothing is read here: the figures are those already computed.
 */
export function cooperativeFunderReport(
  figures: FunderFigures,
  period: { from: string; to: string },
  scope: string,
  generatedAt: Date = new Date(),
): FunderReport {
  const sections: FunderReportSection[] = [
    {
      title: "Personnes accompagnées",
      counts:
        "Personnes qui ont eu un contrat (contrat d'objectif, CAPE ou CESA) en vigueur au moins un jour de la période, ou qui ont participé à un entretien individuel ou à un atelier tenu dans la période ; chacune comptée une fois.",
      rows: [{ label: "Personnes accompagnées", value: figures.supported }],
    },
    {
      title: "Accompagnement réalisé",
      counts:
        "Entretiens individuels et ateliers collectifs tenus dans la période : leur nombre, leur durée (un atelier une fois, quel que soit son nombre de participants), les participations aux ateliers (une par personne et atelier), les personnes venues à au moins une séance (chacune une fois) et les ateliers dont la feuille d'émargement signée est conservée.",
      rows: Object.keys(FUNDER_SUPPORT_LABELS).map((key) => ({
        label: FUNDER_SUPPORT_LABELS[key],
        value: figures.support[key as keyof FunderFigures["support"]],
      })),
    },
    {
      title: "Entrées dans le parcours",
      counts:
        "Nouvelles entrées à chaque étape dans la période : personnes dont la première réunion d'information suivie s'y est tenue, accueils individuels, admissions et orientations décidées (date de la décision), personnes dont le premier contrat de chaque type y a commencé (un deuxième contrat du même type n'est pas une entrée), associé·es admis·es, sorties.",
      rows: rowsOf(
        figures.entries.map((row) => ({ key: row.step, count: row.count })),
        FUNDER_STEP_LABELS,
      ),
      chart: true,
    },
    {
      title: "Personnes sous contrat",
      counts:
        "Personnes ayant au moins un contrat de chaque type en vigueur au moins un jour de la période, chacune une fois par type : une personne passée de la CAPE au CESA dans la période compte dans les deux.",
      rows: rowsOf(
        figures.inContract.map((row) => ({ key: row.kind, count: row.count })),
        CONTRACT_KIND_LABELS,
      ),
      chart: true,
    },
    ...dimensionSections(
      figures.supportedBy,
      "Personnes accompagnées",
      (criterion) =>
        `Les personnes accompagnées dans la période, selon ${criterion} ; chacune compte une fois, les effectifs font le total des personnes accompagnées.`,
      true,
    ),
    {
      title: "Orientations vers un partenaire",
      counts:
        "Accueils conclus par une orientation vers un partenaire, décidée dans la période, selon le type du partenaire ; ils font le total des orientations des entrées.",
      rows: rowsOf(figures.orientationsByPartnerKind, PARTNER_KIND_LABELS),
      chart: true,
    },
    ...[6, 12].map((months): FunderReportSection => ({
      title: `Suivi ${months} mois après la sortie`,
      counts: `Suivis dus ${months} mois après une sortie (le même jour du mois, ou le dernier jour du mois qui n'en a pas) dont l'échéance tombe dans la période, selon la situation notée, quelle que soit sa date ; « Non renseigné (suivi à faire) » : aucune situation notée à ce jour.`,
      rows: rowsOf(
        figures.followUps.filter((row) => row.months === months).map((row) => ({ key: row.situation, count: row.count })),
        FOLLOW_UP_SITUATION_LABELS,
      ),
      chart: true,
    })),
    // The people received are the welcome's public: their profile as a table, the charts being the people supported's.
    ...dimensionSections(
      figures.receivedBy,
      "Personnes accueillies",
      (criterion) =>
        `Les personnes reçues en accueil individuel dans la période, selon ${criterion} ; chacune compte une fois, les effectifs font le total des accueils de la période.`,
      false,
    ),
  ];
  return {
    title: FUNDER_REPORT_TITLE,
    scope,
    from: period.from,
    to: period.to,
    generatedAt: generatedAt.toISOString(),
    notes: [...COOPERATIVE_REPORT_NOTES],
    sections,
  };
}
