import { frenchDate, periodInFrench, todayInFrance } from "../dates";
import { printPdf, type DocumentBlock } from "../pdf/print";
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
} from "../labels";

/**
 * The report a cooperative's staff (or, from the network's protected figures, the network for a
 * territory) hands to a funder's committee (docs/reporting.md, "The funder report"): what it is
 * about, then sections of labelled figures. Neutral: it knows no API type, so that whoever has the
 * figures builds it, and it is written as CSV or printed as PDF the same way for all.
 */
export interface FunderReport {
  /** The report's title ("Rapport d'activité aux financeurs"). */
  title: string;
  /** What the figures cover: a cooperative's name, or a territory ("Région Bretagne"). */
  scope: string;
  /** The period's first day (ISO date). */
  from: string;
  /** The period's last day (ISO date), included. */
  to: string;
  /** When the report was made (ISO instant). */
  generatedAt: string;
  /** Mentions the reader needs to read the figures right (where they come from, disclosure control). */
  notes: string[];
  sections: FunderReportSection[];
}

/**
 * The parts of the funder report, which a funding agreement lists as the indicators it owes (a
 * report for it holds those parts only), with what each is, in French for the documents.
 */
export const FUNDER_REPORT_PARTS = {
  SUPPORTED: "Personnes accompagnées",
  SUPPORT_GIVEN: "Accompagnement réalisé",
  ENTRIES: "Entrées dans le parcours",
  IN_CONTRACT: "Personnes sous contrat",
  SUPPORTED_PROFILE: "Profil des personnes accompagnées",
  ORIENTATIONS: "Orientations vers un partenaire",
  FOLLOW_UPS: "Suivi après la sortie",
  RECEIVED_PROFILE: "Profil des personnes accueillies",
} as const;
export type FunderReportPart = keyof typeof FUNDER_REPORT_PARTS;
export const FUNDER_REPORT_PART_KEYS = Object.keys(FUNDER_REPORT_PARTS) as FunderReportPart[];

export interface FunderReportSection {
  /** Which part of the report it belongs to. */
  part: FunderReportPart;
  title: string;
  /** What the section counts, in one sentence. */
  counts?: string;
  rows: FunderReportRow[];
  /** Also drawn as a horizontal bar chart in the PDF (its numbers other than zero, and its hidden values). */
  chart?: boolean;
}

export interface FunderReportRow {
  label: string;
  /** A count, a text, or null for a figure hidden by disclosure control: written "secret", never 0. */
  value: number | string | null;
}

/** What a hidden figure is written as (secret statistique). */
export const SECRET = "secret";

/** "mars 2026 (du 01/03/2026 au 31/03/2026)", or "du 15/01/2026 au 10/02/2026" when the period has no shorter name. */
export function reportPeriod(from: string, to: string): string {
  const words = periodInFrench(from, to);
  const dates = `du ${frenchDate(from)} au ${frenchDate(to)}`;
  return words === dates ? dates : `${words} (${dates})`;
}

/** The day the report was made, in France's calendar. */
const generatedOn = (report: FunderReport) => frenchDate(todayInFrance(new Date(report.generatedAt)));

/** A value as a French spreadsheet reads it: an integer as it is, a decimal with a comma, a hidden one as "secret". */
function csvValue(value: FunderReportRow["value"]): string {
  if (value === null) return SECRET;
  if (typeof value === "number") return String(value).replace(".", ",");
  return value;
}

/**
 * A CSV field: quoted when it holds the separator, a quote or a line break. A text a spreadsheet
 * would run as a formula ("=", "+", "-", "@" first: a cooperative's name is typed by its staff)
 * gets a leading apostrophe, as OWASP advises against CSV injection.
 */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The report as a CSV file a French spreadsheet opens as it is: UTF-8 with its byte order mark
 * (without it Excel reads Windows-1252), ";" between fields, CRLF. First what the report is (title,
 * scope, period in words, date, notes), then each section after a blank line: its title, what it
 * counts, a header line and a "label;value" line per row. Hidden figures say "secret", never 0.
 */
export function funderReportCsv(report: FunderReport): string {
  const lines: string[][] = [
    [report.title],
    ["Périmètre", report.scope],
    ["Période", reportPeriod(report.from, report.to)],
    ["Édité le", generatedOn(report)],
    ...report.notes.map((note) => ["Note", note]),
  ];
  for (const section of report.sections) {
    lines.push([], [section.title]);
    if (section.counts) lines.push([section.counts]);
    lines.push(["Libellé", "Valeur"], ...section.rows.map((row) => [row.label, csvValue(row.value)]));
  }
  return `\uFEFF${lines.map((line) => line.map(csvField).join(";")).join("\r\n")}\r\n`;
}

const FRENCH_NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A value as the printed report writes it: "1 234", a text as it is, "secret" for a hidden one. */
function printedValue(value: FunderReportRow["value"]): string {
  if (value === null) return SECRET;
  return typeof value === "number" ? FRENCH_NUMBER.format(value) : value;
}

/**
 * The report printed with the network's PDF engine (docs/documents.md): the title, the scope, the
 * period in words and the notes, then each section's title, what it counts and its table; a section
 * marked `chart` also gets a horizontal bar chart of its numbers other than zero and of its hidden
 * values (an outlined empty bar labelled "secret"). Long sections go on over the next pages.
 */
export async function funderReportPdf(report: FunderReport): Promise<Uint8Array> {
  const period = reportPeriod(report.from, report.to);
  const blocks: DocumentBlock[] = [
    {
      kind: "fields",
      rows: [
        ["Périmètre", report.scope],
        ["Période", period],
        ["Édité le", generatedOn(report)],
      ],
    },
    ...report.notes.map((text): DocumentBlock => ({ kind: "paragraph", text, align: "left" })),
  ];
  for (const section of report.sections) {
    blocks.push({ kind: "heading", text: section.title });
    if (section.counts) blocks.push({ kind: "paragraph", text: section.counts, align: "left" });
    if (section.rows.length === 0) {
      blocks.push({ kind: "paragraph", text: "Aucun effectif sur la période.", align: "left" });
      continue;
    }
    blocks.push({
      kind: "table",
      headers: ["Libellé", "Valeur"],
      widths: [4, 1],
      rows: section.rows.map((row) => [row.label, printedValue(row.value)]),
    });
    // Zeros are in the table; a chart of a hundred départements shows those with people only.
    const bars = section.chart
      ? section.rows.filter(
          (row): row is FunderReportRow & { value: number | null } =>
            row.value === null || (typeof row.value === "number" && row.value !== 0),
        )
      : [];
    if (bars.length > 0)
      blocks.push({ kind: "bars", bars: bars.map((row) => ({ label: row.label, value: row.value, text: printedValue(row.value) })) });
  }
  return printPdf(
    {
      title: report.title,
      subtitle: `${report.scope} – ${period}`,
      author: report.scope,
      blocks,
      footer: [`${report.title} – ${report.scope} – ${period}`],
    },
    { lang: "fr-FR", date: new Date(report.generatedAt) },
  );
}

/** A count of the funders' figures, or null where the network's disclosure control hides it. */
type Count = number | null;

/**
 * The funders' figures a report is made of: the members subgraph's `FunderFigures` (exact), or the
 * network's cells for a territory (a hidden one null), in the same flat shape.
 */
export interface FunderCounts {
  supported: Count;
  supportedBy: readonly { dimension: string; key: string; count: Count }[];
  receivedBy: readonly { dimension: string; key: string; count: Count }[];
  entries: readonly { step: string; count: Count }[];
  inContract: readonly { kind: string; count: Count }[];
  orientationsByPartnerKind: readonly { key: string; count: Count }[];
  followUps: readonly { months: number; situation: string; count: Count }[];
  support: Readonly<
    Record<
      | "individualSessions"
      | "individualMinutes"
      | "workshops"
      | "workshopMinutes"
      | "workshopAttendances"
      | "peopleReached"
      | "workshopsWithSignedSheet",
      Count
    >
  >;
}

/** How to read the network's figures for a territory: sums of the cooperatives', under disclosure control. */
export const networkReportNotes = (minCount: number): string[] => [
  "Chiffres du réseau : la somme des chiffres des coopératives du périmètre, tirés de leurs propres dossiers ; des effectifs, jamais une personne.",
  `Secret statistique : les effectifs de 1 à ${minCount - 1} personnes sont masqués (« secret »), avec les chiffres qui permettraient de les retrouver ; un chiffre masqué n'est jamais un zéro.`,
  "La période va de son premier à son dernier jour, tous deux inclus ; une personne accompagnée compte une fois dans la période, même si elle l'a été plusieurs mois.",
];

export const FUNDER_REPORT_TITLE = "Rapport d'activité aux financeurs";

/** Where the exact figures of one cooperative come from, and how to read them (docs/reporting.md). */
export const COOPERATIVE_REPORT_NOTES = [
  "Chiffres exacts de la coopérative, tirés de ses propres dossiers : des effectifs, jamais une personne.",
  "La période va de son premier à son dernier jour, tous deux inclus ; un contrat y compte quand il a été en vigueur au moins un jour de la période.",
  "« À l'entrée » : la situation notée à l'accueil, telle qu'elle est enregistrée aujourd'hui ; « Non renseigné » : aucune situation notée, ou la question restée sans réponse. " +
    "Les personnes dont les données personnelles ont été effacées comptent, sans leur âge ni leur situation à l'entrée.",
];

/** What each dimension sorts people by, as "… selon <criterion>" says it (docs/reporting.md, the dimensions' table). */
const CRITERIA: Readonly<Record<string, string>> = {
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
  counts: readonly { key: string; count: Count }[],
  labels: Readonly<Record<string, string>>,
  label = (key: string) => labelOf(labels, key),
): FunderReportRow[] {
  const byKey = new Map(counts.map((row) => [row.key, row.count]));
  const keys = [...Object.keys(labels), ...counts.map((row) => row.key).filter((key) => !(key in labels))];
  // A key the figures do not give is 0; one they give hidden (null) stays hidden.
  return keys.map((key) => ({ label: label(key), value: byKey.has(key) ? (byKey.get(key) as Count) : 0 }));
}

/** One population's sections, a dimension each. Départements are listed where someone lives only: there are a hundred. */
function dimensionSections(
  part: FunderReportPart,
  breakdown: FunderCounts["supportedBy"],
  title: string,
  counts: (criterion: string) => string,
  chart: boolean,
): FunderReportSection[] {
  return Object.keys(FUNDER_DIMENSION_LABELS).map((dimension) => {
    const rows = breakdown.filter((row) => row.dimension === dimension);
    return {
      part,
      title: `${title} – ${labelOf(FUNDER_DIMENSION_LABELS, dimension)}`,
      counts: counts(CRITERIA[dimension]),
      rows:
        dimension === "DEPARTEMENT"
          ? rows.filter((row) => row.count !== 0).map((row) => ({ label: funderKeyLabel(dimension, row.key), value: row.count }))
          : rowsOf(rows, FUNDER_KEY_LABELS[dimension]),
      chart,
    };
  });
}

/**
 * The funder report of a set of figures (docs/reporting.md, "The funder report"): one
 * cooperative's exact ones, or a territory's from the network's protected release (a hidden figure
 * null), under French labels, each section saying what it counts. Nothing is read here.
 */
export function funderReport(
  figures: FunderCounts,
  about: { scope: string; from: string; to: string; notes: readonly string[]; generatedAt?: Date },
  /** The parts it holds (what a funding agreement owes); all of them when absent. */
  parts: readonly FunderReportPart[] = FUNDER_REPORT_PART_KEYS,
): FunderReport {
  const sections: FunderReportSection[] = [
    {
      part: "SUPPORTED",
      title: "Personnes accompagnées",
      counts:
        "Personnes qui ont eu un contrat (contrat d'objectif, CAPE ou CESA) en vigueur au moins un jour de la période, ou qui ont participé à un entretien individuel ou à un atelier tenu dans la période ; chacune comptée une fois.",
      rows: [{ label: "Personnes accompagnées", value: figures.supported }],
    },
    {
      part: "SUPPORT_GIVEN",
      title: "Accompagnement réalisé",
      counts:
        "Entretiens individuels et ateliers collectifs tenus dans la période : leur nombre, leur durée (un atelier une fois, quel que soit son nombre de participants), les participations aux ateliers (une par personne et atelier), les personnes venues à au moins une séance (chacune une fois) et les ateliers dont la feuille d'émargement signée est conservée.",
      rows: Object.keys(FUNDER_SUPPORT_LABELS).map((key) => ({
        label: FUNDER_SUPPORT_LABELS[key],
        value: figures.support[key as keyof FunderCounts["support"]] ?? null,
      })),
    },
    {
      part: "ENTRIES",
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
      part: "IN_CONTRACT",
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
      "SUPPORTED_PROFILE",
      figures.supportedBy,
      "Personnes accompagnées",
      (criterion) =>
        `Les personnes accompagnées dans la période, selon ${criterion} ; chacune compte une fois, les effectifs font le total des personnes accompagnées.`,
      true,
    ),
    {
      part: "ORIENTATIONS",
      title: "Orientations vers un partenaire",
      counts:
        "Accueils conclus par une orientation vers un partenaire, décidée dans la période, selon le type du partenaire ; ils font le total des orientations des entrées.",
      rows: rowsOf(figures.orientationsByPartnerKind, PARTNER_KIND_LABELS),
      chart: true,
    },
    ...[...new Set(figures.followUps.map((row) => row.months))]
      .sort((a, b) => a - b)
      .map((months): FunderReportSection => ({
        part: "FOLLOW_UPS",
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
      "RECEIVED_PROFILE",
      figures.receivedBy,
      "Personnes accueillies",
      (criterion) =>
        `Les personnes reçues en accueil individuel dans la période, selon ${criterion} ; chacune compte une fois, les effectifs font le total des accueils de la période.`,
      false,
    ),
  ];
  return {
    title: FUNDER_REPORT_TITLE,
    scope: about.scope,
    from: about.from,
    to: about.to,
    generatedAt: (about.generatedAt ?? new Date()).toISOString(),
    notes: [...about.notes],
    sections: sections.filter((section) => parts.includes(section.part)),
  };
}
