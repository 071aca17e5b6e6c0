import { databaseBackends, ENTITIES_QUERY, execute, pdfText, startTestSubgraph, testCaller } from "@cae/tools/testing";
import {
  CONTRACT_KIND_LABELS,
  EDUCATION_LEVEL_LABELS,
  FOLLOW_UP_SITUATION_LABELS,
  FUNDER_DIMENSION_LABELS,
  FUNDER_KEY_LABELS,
  FUNDER_STEP_LABELS,
  FUNDER_SUPPORT_LABELS,
  funderKeyLabel,
  GENDER_LABELS,
  PARTNER_KIND_LABELS,
  SESSION_TOPIC_LABELS,
  type Caller,
  type SubgraphServer,
} from "@cae/shared";
import { members } from "../../index";
import { ExitFollowUpSituation } from "../../membership/follow-up.type";
import { Gender } from "../../people/person.type";
import { SessionTopic } from "../../support/support.type";
import { EducationLevel } from "../../welcome/entry-situation.type";
import { PartnerKind } from "../../welcome/welcome.type";
import { FunderDimension, FunderStep } from "../funder.type";

const COOP = "garonne-activites";
const LEGAL_NAME = "Garonne Activités SCOP SARL";
const FIGURES = `supported supportedBy { dimension key count } receivedBy { dimension key count } entries { step count }
  inContract { kind count } orientationsByPartnerKind { key count } followUps { months situation count }
  support { individualSessions individualMinutes workshops workshopMinutes workshopAttendances peopleReached workshopsWithSignedSheet }`;
const query = (selection: string) =>
  ENTITIES_QUERY(`... on Cooperative { membersIndicators(from: $from, to: $to) { funder { ${selection} } } }`).replace(
    "query ($representations: [_Any!]!)",
    "query ($representations: [_Any!]!, $from: Date!, $to: Date!)",
  );

type Breakdown = { dimension: string; key: string; count: number }[];
interface Funder {
  supported: number;
  supportedBy: Breakdown;
  receivedBy: Breakdown;
  entries: { step: string; count: number }[];
  inContract: { kind: string; count: number }[];
  orientationsByPartnerKind: { key: string; count: number }[];
  followUps: { months: number; situation: string; count: number }[];
  support: Record<string, number>;
  reportCsv: string;
  reportPdf: string;
}

/** A CSV file's records (";" between fields, CRLF, quoted fields with doubled quotes), after its byte order mark. */
function parseCsv(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let at = 1; at < csv.length; at += 1) {
    const char = csv[at];
    if (quoted) {
      if (char === '"' && csv[at + 1] === '"') [field, at] = [field + '"', at + 1];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") [record, field] = [[...record, field], ""];
    else if (char === "\r" && csv[at + 1] === "\n") {
      records.push([...record, field]);
      [record, field, at] = [[], "", at + 1];
    } else field += char;
  }
  expect([...record, field]).toEqual([""]);
  return records;
}

/** The report's head (label → value) and its sections (title → what it counts, and label → value in order). */
function readReport(csv: string) {
  const records = parseCsv(csv);
  const head = new Map<string, string>();
  const sections = new Map<string, { counts?: string; rows: [string, string][] }>();
  const blank = records.findIndex((record) => record.length === 1 && record[0] === "");
  for (const [label, value] of records.slice(1, blank)) head.set(label, value);
  let at = blank;
  while (at < records.length) {
    expect(records[at]).toEqual([""]);
    const [title] = records[at + 1];
    const header = records.findIndex((record, index) => index > at && record.join(";") === "Libellé;Valeur");
    const counts = header === at + 3 ? records[at + 2][0] : undefined;
    let end = header + 1;
    while (end < records.length && records[end].length === 2) end += 1;
    sections.set(title, { counts, rows: records.slice(header + 1, end).map(([label, value]) => [label, value]) });
    at = end;
  }
  return { title: records[0][0], head, sections };
}

// Readable fixed IDs: people 1xx, partners 2xx, counselor 300, meeting 400, sessions 5xx, contracts 6xx.
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const P = { A: uuid(101), B: uuid(102), C: uuid(103), D: uuid(104), E: uuid(105) };
const PARTNER = { employment: uuid(201), local: uuid(202) };
const COUNSELOR = uuid(300);
const SESSION = { S1: uuid(501), W1: uuid(511) };

/**
 * For the period 2026-01-01 .. 2026-06-30:
 * - A: received 2026-02-01 (admitted), referred by France Travail, a complete entry situation (Corsica); objective contract
 *   from 2026-03-01 and an individual session; first information meeting in January.
 * - B: received 2026-04-01, oriented to a local authority; entry situation with nothing answered; a workshop; the same meeting.
 * - C: no reception; CESA since 2025 (in force, not a first); the workshop; associate from 2026-02-01.
 * - D: CAPE in 2025 only; exited 2025-12-31, the 6-month follow-up (due 2026-06-30) recorded.
 * - E: exited 2025-03-15, the 12-month follow-up (due 2026-03-15) not recorded.
 */
const POPULATION = [
  `INSERT INTO cooperative_profile (legal_name, legal_form, siret, address, region) VALUES
     ('${LEGAL_NAME}', 'SCOP_SARL', '73282932000074', '1 place de la Coopération, 31000 Toulouse', 'Occitanie')`,
  `INSERT INTO partners (id, name, kind) VALUES
     ('${PARTNER.employment}', 'France Travail Toulouse', 'PUBLIC_EMPLOYMENT_SERVICE'), ('${PARTNER.local}', 'Mairie de Colomiers', 'LOCAL_AUTHORITY')`,
  `INSERT INTO counselors (id, first_name, last_name) VALUES ('${COUNSELOR}', 'Claire', 'Dupont')`,
  `INSERT INTO people (id, first_name, last_name, gender, birth_year, welcome_stage, first_contact_on, received_on, referring_partner_id) VALUES
     ('${P.A}', 'Alice', 'A', 'FEMALE', 1990, 'ADMITTED', '2026-01-10', '2026-02-01', '${PARTNER.employment}'),
     ('${P.B}', 'Bruno', 'B', 'MALE', 1960, 'ORIENTED', '2026-01-10', '2026-04-01', NULL),
     ('${P.C}', 'Camille', 'C', 'OTHER', NULL, 'PROSPECT', '2024-11-01', NULL, NULL),
     ('${P.D}', 'Dominique', 'D', 'UNDISCLOSED', 2001, 'ADMITTED', '2025-04-01', '2025-05-01', NULL),
     ('${P.E}', 'Emma', 'E', 'FEMALE', 1985, 'PROSPECT', '2024-03-01', NULL, NULL)`,
  `INSERT INTO receptions (person_id, received_on, project_summary, project_progress, sector, decision, decided_on, partner_id, orientation_reason) VALUES
     ('${P.A}', '2026-02-01', 'Ébénisterie', 'OUTLINED', 'CRAFTS', 'ADMITTED', '2026-02-10', NULL, NULL),
     ('${P.B}', '2026-04-01', 'Conseil', 'IDEA', 'SERVICES', 'ORIENTED', '2026-04-15', '${PARTNER.local}', 'Projet à mûrir'),
     ('${P.D}', '2025-05-01', 'Graphisme', 'READY', 'SERVICES', 'ADMITTED', '2025-05-10', NULL, NULL)`,
  `INSERT INTO entry_situations (person_id, job_seeker, job_seeker_since, unemployment_benefit, rsa, disability_recognised,
       education_level, priority_neighbourhood, departement, updated_on) VALUES
     ('${P.A}', true, '2024-12-01', true, false, false, 'LEVEL_4', true, '2A', '2026-02-01'),
     ('${P.B}', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-04-01'),
     ('${P.D}', false, NULL, false, true, true, 'LEVEL_7', false, '971', '2025-05-01')`,
  `INSERT INTO person_contracts (contract_id, person_id, kind, employment_type, monthly_hours, starts_on, last_day, ended) VALUES
     ('${uuid(601)}', '${P.A}', 'OBJECTIVE', NULL, NULL, '2026-03-01', '2026-08-31', false),
     ('${uuid(602)}', '${P.C}', 'EMPLOYMENT', 'OPEN_ENDED', 151.67, '2025-01-01', NULL, false),
     ('${uuid(603)}', '${P.D}', 'SUPPORT_AGREEMENT', NULL, NULL, '2025-06-01', '2025-12-31', true)`,
  `INSERT INTO associates (person_id, admitted_on, shares, share_value_cents) VALUES ('${P.C}', '2026-02-01', 1, 5000)`,
  `INSERT INTO exits (person_id, exited_on, reason) VALUES ('${P.D}', '2025-12-31', 'SALARIED_JOB'), ('${P.E}', '2025-03-15', 'ABANDONED')`,
  `INSERT INTO exit_follow_ups (person_id, months, situation, recorded_on) VALUES ('${P.D}', 6, 'SALARIED_JOB', '2026-06-20')`,
  `INSERT INTO information_meetings (id, held_on, place, facilitator_id) VALUES ('${uuid(400)}', '2026-01-15', 'Toulouse', '${COUNSELOR}')`,
  `INSERT INTO meeting_attendances (meeting_id, person_id) VALUES ('${uuid(400)}', '${P.A}'), ('${uuid(400)}', '${P.B}')`,
  `INSERT INTO support_sessions (id, counselor_id, held_on, duration_minutes, topic, kind) VALUES
     ('${SESSION.S1}', '${COUNSELOR}', '2026-03-10', 60, 'MARKETING', 'INDIVIDUAL'),
     ('${SESSION.W1}', '${COUNSELOR}', '2026-05-01', 120, 'COMMERCIAL', 'WORKSHOP')`,
  `INSERT INTO support_session_people (session_id, person_id) VALUES
     ('${SESSION.S1}', '${P.A}'), ('${SESSION.W1}', '${P.B}'), ('${SESSION.W1}', '${P.C}')`,
  `INSERT INTO workshop_signature_sheets (session_id, file_name, media_type, content, sha256, received_on) VALUES
     ('${SESSION.W1}', 'emargement-w1.pdf', 'application/pdf', '\\x25504446', repeat('a', 64), '2026-05-02')`,
];

describe("the labels of the funder report", () => {
  it("name every value of the members enums it prints", () => {
    const lists: [Record<string, string>, Readonly<Record<string, string>>][] = [
      [FunderDimension, FUNDER_DIMENSION_LABELS],
      [FunderStep, FUNDER_STEP_LABELS],
      [Gender, GENDER_LABELS],
      [EducationLevel, EDUCATION_LEVEL_LABELS],
      [ExitFollowUpSituation, FOLLOW_UP_SITUATION_LABELS],
      [PartnerKind, PARTNER_KIND_LABELS],
      [SessionTopic, SESSION_TOPIC_LABELS],
    ];
    for (const [values, labels] of lists)
      for (const value of Object.values(values)) expect([value, labels[value]]).toEqual([value, expect.any(String)]);
    expect(Object.keys(FUNDER_KEY_LABELS)).toEqual(Object.values(FunderDimension));
  });
});

describe.each(databaseBackends())("the funder report on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    // An empty database: every figure is the test's own population.
    server = (await startTestSubgraph(members, COOP, backend, { seeded: false })) as typeof server;
    for (const statement of POPULATION) await server.database.dataSource.query(statement);
  });
  afterAll(() => server?.stop());

  const ask = (selection: string, caller: Caller, from = "2026-01-01", to = "2026-06-30") =>
    execute(
      server,
      query(selection),
      { representations: [{ __typename: "Cooperative", id: COOP, contractMilestones: [] }], from, to },
      caller,
    );

  /** The figures and the report, and how many SQL statements the whole request cost. */
  const funder = async (selection: string, caller = testCaller("COUNSELOR", COOP)) => {
    const before = server.database.statementCount;
    const result = await ask(selection, caller);
    expect(result.errors).toBeUndefined();
    const figures = (result.data?._entities as { membersIndicators: { funder: Funder } }[])[0].membersIndicators.funder;
    return { ...figures, statements: server.database.statementCount - before };
  };

  it("writes as CSV the very figures the API gives, key by key, under their French labels", async () => {
    const figures = await funder(`${FIGURES} reportCsv`);
    // Not a vacuous population: every kind of section has figures.
    expect(figures.supported).toBe(3);
    expect(figures.followUps).toEqual([
      { months: 6, situation: "SALARIED_JOB", count: 1 },
      { months: 12, situation: "NOT_RECORDED", count: 1 },
    ]);

    const report = readReport(figures.reportCsv);
    expect(report.title).toBe("Rapport d'activité aux financeurs");
    expect(Object.fromEntries(report.head)).toMatchObject({
      Périmètre: LEGAL_NAME,
      Période: "du 01/01/2026 au 30/06/2026",
      "Édité le": expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/),
    });
    expect(figures.reportCsv).not.toContain("secret");

    const section = (title: string) => {
      const found = report.sections.get(title);
      if (!found) throw new Error(`no section "${title}" in ${[...report.sections.keys()].join(" | ")}`);
      expect(found.counts).toEqual(expect.any(String));
      return new Map(found.rows);
    };
    /** Each figure under its label, and every other row of the section a zero. */
    const expectRows = (title: string, expected: [label: string, count: number][], zerosElsewhere = true) => {
      const rows = section(title);
      for (const [label, count] of expected) expect([title, label, rows.get(label)]).toEqual([title, label, String(count)]);
      const labels = new Set(expected.map(([label]) => label));
      if (!zerosElsewhere) expect(rows.size).toBe(expected.length);
      else for (const [label, value] of rows) if (!labels.has(label)) expect([title, label, value]).toEqual([title, label, "0"]);
    };

    expectRows("Personnes accompagnées", [["Personnes accompagnées", figures.supported]]);
    expectRows(
      "Accompagnement réalisé",
      Object.entries(figures.support).map(([key, count]) => [FUNDER_SUPPORT_LABELS[key], count]),
    );
    expectRows(
      "Entrées dans le parcours",
      figures.entries.map((row) => [FUNDER_STEP_LABELS[row.step], row.count]),
    );
    expect(section("Entrées dans le parcours").size).toBe(Object.keys(FunderStep).length);
    expectRows(
      "Personnes sous contrat",
      figures.inContract.map((row) => [CONTRACT_KIND_LABELS[row.kind], row.count]),
    );
    for (const [population, breakdown] of [
      ["Personnes accompagnées", figures.supportedBy],
      ["Personnes accueillies", figures.receivedBy],
    ] as const) {
      for (const dimension of Object.values(FunderDimension)) {
        const rows = breakdown.filter((row) => row.dimension === dimension);
        expect(rows.length).toBeGreaterThan(0);
        // A hundred départements would be a hundred zeros: those with people only.
        expectRows(
          `${population} – ${FUNDER_DIMENSION_LABELS[dimension]}`,
          rows.map((row) => [funderKeyLabel(dimension, row.key), row.count]),
          dimension !== "DEPARTEMENT",
        );
      }
    }
    expectRows(
      "Orientations vers un partenaire",
      figures.orientationsByPartnerKind.map((row) => [PARTNER_KIND_LABELS[row.key], row.count]),
    );
    for (const months of [6, 12])
      expectRows(
        `Suivi ${months} mois après la sortie`,
        figures.followUps.filter((row) => row.months === months).map((row) => [FOLLOW_UP_SITUATION_LABELS[row.situation], row.count]),
      );
    // Nothing else: 4 sections, 12 dimensions of each population, the orientations and the 2 follow-ups.
    expect(report.sections.size).toBe(4 + 12 * 2 + 1 + 2);

    // Read as a funder reads it.
    expect([...section("Personnes accompagnées – Genre")]).toEqual([
      ["Femme", "1"],
      ["Homme", "1"],
      ["Autre", "1"],
      ["Non déclaré", "0"],
    ]);
    expect([...section("Personnes accompagnées – Département")]).toEqual([
      ["2A", "1"],
      ["Non renseigné", "2"],
    ]);
    expect(section("Personnes accueillies – Niveau de formation").get("Niveau 4 (bac)")).toBe("1");
    expect(section("Personnes accompagnées – Prescripteur").get("Sans prescripteur")).toBe("2");
    expect(section("Suivi 12 mois après la sortie").get("Non renseigné (suivi à faire)")).toBe("1");
  });

  it("prints the same report as a PDF: every section's title, labels and values", async () => {
    const figures = await funder("reportCsv reportPdf");
    const report = readReport(figures.reportCsv);
    const footer = `${report.title} – ${LEGAL_NAME} – du 01/01/2026 au 30/06/2026`;
    // The footers aside: a page break may fall anywhere in a table.
    const text = (await pdfText(figures.reportPdf)).replace(new RegExp(` ?${footer} Page \\d+ / \\d+`, "g"), "");
    expect(text).not.toContain(footer);
    for (const mention of [report.title, `Périmètre : ${LEGAL_NAME}`, "Période : du 01/01/2026 au 30/06/2026"])
      expect(text).toContain(mention);
    for (const [title, { counts, rows }] of report.sections) {
      expect(text).toContain(title);
      if (counts) expect(text).toContain(counts);
      // The table, whole and in order.
      expect(text).toContain(["Libellé Valeur", ...rows.map(([label, value]) => `${label} ${value}`)].join(" "));
    }
  });

  it("reads nothing more than the figures and the cooperative's name", async () => {
    // One statement for the other indicators, one for the funders' figures, one for the profile, however many reports.
    expect((await funder(FIGURES)).statements).toBe(2);
    expect((await funder(`${FIGURES} reportCsv reportPdf`)).statements).toBe(3);
  });

  it("is open to the gateway's credential and an administrator, closed to network roles and to an entrepreneur", async () => {
    for (const caller of [testCaller("NETWORK_SERVICE"), testCaller("COOP_ADMIN", COOP)])
      expect((await funder("reportCsv", caller)).reportCsv).toContain(`Périmètre;${LEGAL_NAME}`);
    for (const caller of [testCaller("NETWORK_ANALYST"), testCaller("NETWORK_ADMIN"), testCaller("ENTREPRENEUR", COOP, `${COOP}:${P.A}`)]) {
      const refused = await ask("reportCsv reportPdf", caller);
      expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(refused.data)).not.toContain("Rapport");
      expect(JSON.stringify(refused.data)).not.toContain("JVBERi0"); // "%PDF-" in base64
    }
  });

  // Last: it removes the profile.
  it("names the cooperative by its ID while its profile is not filled in", async () => {
    await server.database.dataSource.query(`DELETE FROM cooperative_profile`);
    const { reportCsv } = await funder("reportCsv");
    expect(readReport(reportCsv).head.get("Périmètre")).toBe(`Coopérative ${COOP} (identité à compléter par son administrateur)`);
  });
});
