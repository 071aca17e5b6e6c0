import { frenchDate, periodInFrench, todayInFrance } from "../dates";
import { printPdf, type DocumentBlock } from "../pdf/print";

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

export interface FunderReportSection {
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
