import { pdfText } from "@cae/tools/testing";
import {
  FUNDER_REPORT_PART_KEYS,
  funderReport,
  funderReportCsv,
  funderReportPdf,
  networkReportNotes,
  reportPeriod,
  type FunderCounts,
  type FunderReport,
} from "../funder-report";

/** A territory's report as the network would make it: some figures hidden. */
const report = (sections: FunderReport["sections"], overrides: Partial<FunderReport> = {}): FunderReport => ({
  title: "Rapport d'activité aux financeurs",
  scope: "Région Bretagne",
  from: "2026-01-01",
  to: "2026-03-31",
  // 23:30 UTC on 31 March is already 1 April in France.
  generatedAt: "2026-03-31T23:30:00.000Z",
  notes: ["Effectifs de moins de 5 personnes masqués (secret statistique)."],
  sections,
  ...overrides,
});

const GENDER: FunderReport["sections"][number] = {
  part: "SUPPORTED",
  title: "Personnes accompagnées – Genre",
  counts: "Les personnes accompagnées dans la période, selon leur genre déclaré.",
  rows: [
    { label: "Femme", value: 12 },
    { label: "Homme", value: null },
    { label: "Autre", value: 0 },
  ],
  chart: true,
};

/** The CSV's lines, the byte order mark and the last line break checked and taken off. */
const csvLines = (csv: string) => {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  // Every line break is CRLF: no LF alone.
  expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  return csv.slice(1, -2).split("\r\n");
};

describe("the funder report as CSV", () => {
  it("starts with what it is, then a header line and label;value rows per section, hidden figures as secret", () => {
    const lines = csvLines(
      funderReportCsv(
        report([
          GENDER,
          {
            part: "SUPPORTED",
            title: "Accompagnement réalisé",
            rows: [
              { label: "Durée moyenne (heures)", value: 1.5 },
              { label: "Commentaire", value: "à suivre" },
            ],
          },
        ]),
      ),
    );
    expect(lines).toEqual([
      "Rapport d'activité aux financeurs",
      "Périmètre;Région Bretagne",
      "Période;1er trimestre 2026 (du 01/01/2026 au 31/03/2026)",
      "Édité le;01/04/2026",
      "Note;Effectifs de moins de 5 personnes masqués (secret statistique).",
      "",
      "Personnes accompagnées – Genre",
      "Les personnes accompagnées dans la période, selon leur genre déclaré.",
      "Libellé;Valeur",
      "Femme;12",
      "Homme;secret",
      "Autre;0",
      "",
      "Accompagnement réalisé",
      "Libellé;Valeur",
      "Durée moyenne (heures);1,5",
      "Commentaire;à suivre",
    ]);
  });

  it("says the period in words: a month, a year, or its dates", () => {
    expect(csvLines(funderReportCsv(report([], { from: "2026-03-01", to: "2026-03-31" })))[2]).toBe(
      "Période;mars 2026 (du 01/03/2026 au 31/03/2026)",
    );
    expect(csvLines(funderReportCsv(report([], { from: "2026-01-01", to: "2026-12-31" })))[2]).toBe(
      "Période;année 2026 (du 01/01/2026 au 31/12/2026)",
    );
    expect(reportPeriod("2026-01-15", "2026-02-10")).toBe("du 15/01/2026 au 10/02/2026");
  });

  it("quotes a field holding the separator, a quote or a line break, and defuses a formula", () => {
    const lines = csvLines(
      funderReportCsv(
        report(
          [
            {
              part: "SUPPORTED",
              title: 'Section "spéciale"; avec séparateur',
              rows: [
                { label: "Ligne\nsur deux", value: 3 },
                { label: "=SOMME(A1:A2)", value: "-1" },
              ],
            },
          ],
          { scope: "Coop; « Ouest »", notes: [] },
        ),
      ).replace("Ligne\nsur deux", "Ligne<LF>sur deux"),
    );
    expect(lines).toContain('Périmètre;"Coop; « Ouest »"');
    expect(lines).toContain('"Section ""spéciale""; avec séparateur"');
    expect(lines).toContain('"Ligne<LF>sur deux";3');
    // A text a spreadsheet would run as a formula is written as text.
    expect(lines).toContain("'=SOMME(A1:A2);'-1");
    expect(lines.filter((line) => line.startsWith("Note;"))).toEqual([]);
  });

  it("never writes a hidden figure as 0, nor a zero as secret", () => {
    const csv = funderReportCsv(
      report([
        {
          part: "SUPPORTED",
          title: "Masqués",
          rows: [
            { label: "A", value: null },
            { label: "B", value: 0 },
          ],
        },
      ]),
    );
    expect(csv).toContain("\r\nA;secret\r\n");
    expect(csv).toContain("\r\nB;0\r\n");
  });
});

describe("the funder report of a territory's figures", () => {
  it("keeps a hidden figure hidden in every section, lists every key with zeros, and says how to read the figures", () => {
    const hidden: FunderCounts = {
      supported: 212,
      supportedBy: [
        { dimension: "GENDER", key: "FEMALE", count: 120 },
        { dimension: "GENDER", key: "MALE", count: null },
        { dimension: "GENDER", key: "OTHER", count: null },
        { dimension: "DEPARTEMENT", key: "35", count: 180 },
        { dimension: "DEPARTEMENT", key: "22", count: null },
      ],
      receivedBy: [],
      entries: [{ step: "RECEPTION", count: null }],
      inContract: [{ kind: "EMPLOYMENT", count: 40 }],
      orientationsByPartnerKind: [],
      followUps: [{ months: 6, situation: "NOT_RECORDED", count: null }],
      support: {
        individualSessions: 300,
        individualMinutes: 18000,
        workshops: null,
        workshopMinutes: null,
        workshopAttendances: 90,
        peopleReached: 150,
        workshopsWithSignedSheet: null,
      },
    };
    const made = funderReport(hidden, { scope: "Région Bretagne", from: "2026-01-01", to: "2026-12-31", notes: networkReportNotes(5) });
    const rows = (title: string) => made.sections.find((section) => section.title === title)!.rows;
    expect(rows("Personnes accompagnées – Genre").map((row) => row.value)).toEqual([120, null, null, 0]);
    expect(rows("Personnes accompagnées – Département").map((row) => row.value)).toEqual([180, null]);
    expect(rows("Accompagnement réalisé").map((row) => row.value)).toEqual([300, 18000, null, null, 90, 150, null]);
    expect(made.notes.join(" ")).toContain("de 1 à 4 personnes sont masqués");
    expect(funderReportCsv(made)).toContain("\r\nNon déclaré;0\r\n");

    // A funding agreement owes some parts only: its report holds those, in the report's order.
    const owed = funderReport(hidden, { scope: "Région Bretagne", from: "2026-01-01", to: "2026-12-31", notes: [] }, [
      "FOLLOW_UPS",
      "SUPPORTED",
    ]);
    expect(owed.sections.map((section) => section.title)).toEqual(["Personnes accompagnées", "Suivi 6 mois après la sortie"]);
    expect(new Set(made.sections.map((section) => section.part))).toEqual(new Set(FUNDER_REPORT_PART_KEYS));
  });
});

describe("the funder report as PDF", () => {
  it("prints the title, scope, period, notes, and every section's title, labels and values, hidden ones as secret", async () => {
    const printed = report([
      GENDER,
      {
        part: "SUPPORTED",
        title: "Entrées dans le parcours",
        counts: "Nouvelles entrées à chaque étape dans la période.",
        rows: [
          { label: "Accueil individuel", value: 1234 },
          { label: "Admission", value: 7 },
        ],
        chart: true,
      },
      { part: "SUPPORTED", title: "Sans personne", rows: [] },
    ]);
    const pdf = await funderReportPdf(printed);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(Buffer.from(pdf));
    for (const mention of [
      "Rapport d'activité aux financeurs",
      "Périmètre : Région Bretagne",
      "Période : 1er trimestre 2026 (du 01/01/2026 au 31/03/2026)",
      "Édité le : 01/04/2026",
      "Effectifs de moins de 5 personnes masqués (secret statistique).",
      "Personnes accompagnées – Genre",
      "Les personnes accompagnées dans la période, selon leur genre déclaré.",
      "Libellé Valeur Femme 12 Homme secret Autre 0",
      "Entrées dans le parcours",
      // Thousands grouped the French way.
      "Accueil individuel 1 234 Admission 7",
      "Sans personne Aucun effectif sur la période.",
    ]) {
      expect(text).toContain(mention);
    }
    // The charts come after their tables: the genders' shows Femme and the hidden Homme, not the zero.
    const chart = text.slice(text.indexOf("Autre 0") + "Autre 0".length, text.indexOf("Entrées dans le parcours"));
    expect(chart.trim()).toBe("Femme 12 Homme secret");
    const entries = text.slice(text.indexOf("Admission 7") + "Admission 7".length, text.indexOf("Sans personne"));
    expect(entries.trim()).toBe("Accueil individuel 1 234 Admission 7");
  });

  it("goes on over the next pages for a long section, losing no row of its table or chart", async () => {
    // A hundred départements, as a territory's report can have.
    const rows = Array.from({ length: 101 }, (_, index) => ({
      label: `Département ${String(index + 1).padStart(3, "0")}`,
      value: index % 10 === 0 ? null : index % 7 === 0 ? 0 : index,
    }));
    const pdf = await funderReportPdf(report([{ part: "SUPPORTED", title: "Personnes accompagnées – Département", rows, chart: true }]));
    const text = await pdfText(Buffer.from(pdf));
    const pages = Number(/Page 1 \/ (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(2);
    // The footer on every page.
    expect(text.match(/Rapport d'activité aux financeurs – Région Bretagne – 1er trimestre 2026/g)).toHaveLength(pages);
    const shown = (row: (typeof rows)[number]) => `${row.label} ${row.value === null ? "secret" : row.value}`;
    // Every row in the table, in order, then those of the chart (no zero), in order: the footers aside, nothing between them.
    const body = text.replace(/ ?Rapport d'activité aux financeurs – Région Bretagne – 1er trimestre 2026[^P]*Page \d+ \/ \d+/g, "");
    const table = rows.map(shown).join(" ");
    const chart = rows
      .filter((row) => row.value !== 0)
      .map(shown)
      .join(" ");
    expect(body).toContain(`Libellé Valeur ${table} ${chart}`);
  });
});
