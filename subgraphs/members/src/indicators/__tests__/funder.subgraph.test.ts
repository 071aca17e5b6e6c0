import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { addDays, addMonths, todayInFrance, type Caller, type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const FUNDER = ENTITIES_QUERY(`... on Cooperative { membersIndicators(from: $from, to: $to) { receptions funder {
  supported supportedBy { dimension key count } receivedBy { dimension key count } entries { step count }
  inContract { kind count } orientationsByPartnerKind { key count } followUps { months situation count }
  support { individualSessions individualMinutes workshops workshopMinutes workshopAttendances peopleReached workshopsWithSignedSheet } } } }`).replace(
  "query ($representations: [_Any!]!)",
  "query ($representations: [_Any!]!, $from: Date!, $to: Date!)",
);

type Breakdown = { dimension: string; key: string; count: number }[];
type Funder = {
  supported: number;
  supportedBy: Breakdown;
  receivedBy: Breakdown;
  entries: { step: string; count: number }[];
  inContract: { kind: string; count: number }[];
  orientationsByPartnerKind: { key: string; count: number }[];
  followUps: { months: number; situation: string; count: number }[];
  support: Record<string, number>;
};

const DIMENSIONS = [
  "GENDER",
  "AGE_BRACKET",
  "JOB_SEEKER",
  "LONG_TERM_JOB_SEEKER",
  "UNEMPLOYMENT_BENEFIT",
  "RSA",
  "DISABILITY",
  "EDUCATION_LEVEL",
  "PRIORITY_NEIGHBOURHOOD",
  "DEPARTEMENT",
  "SECTOR",
  "REFERRING_PARTNER_KIND",
];

/** A breakdown from "key=count, key=count" per dimension, in the order the API gives it (keys bytewise within a dimension). */
const breakdown = (rows: Record<string, string>): Breakdown =>
  Object.entries(rows).flatMap(([dimension, keys]) =>
    keys.split(", ").map((pair) => {
      const at = pair.lastIndexOf("=");
      return { dimension, key: pair.slice(0, at), count: Number(pair.slice(at + 1)) };
    }),
  );

/** Each dimension's total: every person counts once in each. */
const totals = (rows: Breakdown) => {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.dimension, (sums.get(row.dimension) ?? 0) + row.count);
  return Object.fromEntries(sums);
};

// Readable fixed IDs: people 1xx, partners 2xx, counselor 300, meetings 4xx, sessions 5xx, contracts 6xx.
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const P = { A: uuid(101), B: uuid(102), C: uuid(103), D: uuid(104), E: uuid(105), F: uuid(106), G: uuid(107) };
const Q = { H: uuid(108), I: uuid(109), K: uuid(110), N: uuid(111) };
const PARTNER = { employment: uuid(201), local: uuid(202), funder: uuid(203), bank: uuid(204) };
const COUNSELOR = uuid(300);
const MEETING = { december: uuid(401), january: uuid(402), march: uuid(403) };
const SESSION = { S1: uuid(501), S2: uuid(502), S3: uuid(503), S4: uuid(504), W1: uuid(511), W2: uuid(512), W3: uuid(513) };

/**
 * The population, for the period 2026-01-01 .. 2026-06-30 (one line a person: what makes them count or not):
 * - A: received 2026-02-01, admitted 2026-02-10; first information meeting in January; objective contract from 2026-03-01
 *   (its first); an individual session and a workshop. Long-term job seeker (registered 14 months before reception).
 * - B: received in 2025; CAPE ending on 2026-01-01 (the period's first day); CESA from 2026-06-30 (its last day, open-ended);
 *   associate from 2026-06-15; first information meeting in December 2025 (another one in March does not make an entry).
 * - C: no reception, no entry situation, referred by a funder; two workshops; first information meeting in March.
 * - D: received 2026-05-05, oriented to a local authority 2026-05-20; entry situation with nothing answered;
 *   a workshop on 2026-07-02 (after the period): received, not supported.
 * - E: CESA ended 2025-12-31 and a session that day (the day before the period): not supported; exited 2025-12-31,
 *   6-month follow-up due 2026-06-30, recorded.
 * - F: received 2026-06-30; a workshop in the period, a session and a CAPE from 2026-07-01 (the day after).
 * - G: CESA from 2025-08-01 ended 2026-01-20 (in force, not a first); exited 2026-01-20; registered job seeker exactly
 *   12 months before reception; associate since 2025.
 * - H: exited 2025-07-01: 6-month follow-up due 2026-01-01, not recorded.
 * - I: exited 2025-06-30: 12-month follow-up due 2026-06-30 recorded; the 6-month one (2025-12-30) is outside.
 * - K: erased; an individual session in February: counted, age unknown.
 * - N: objective contract 2025-10-01 .. 2026-01-31, another from 2026-02-01 (no end): in force, counted once, not a first.
 */
const POPULATION = [
  `INSERT INTO partners (id, name, kind) VALUES
     ('${PARTNER.employment}', 'France Travail Toulouse', 'PUBLIC_EMPLOYMENT_SERVICE'),
     ('${PARTNER.local}', 'Mairie de Colomiers', 'LOCAL_AUTHORITY'),
     ('${PARTNER.funder}', 'Fondation Garonne', 'FUNDER'),
     ('${PARTNER.bank}', 'Banque du Midi', 'BANK')`,
  `INSERT INTO counselors (id, first_name, last_name) VALUES ('${COUNSELOR}', 'Claire', 'Dupont')`,
  `INSERT INTO people (id, first_name, last_name, gender, birth_year, welcome_stage, first_contact_on, received_on, referring_partner_id, erased_at) VALUES
     ('${P.A}', 'Alice', 'A', 'FEMALE', 1990, 'ADMITTED', '2026-01-10', '2026-02-01', '${PARTNER.employment}', NULL),
     ('${P.B}', 'Bruno', 'B', 'MALE', 2002, 'ADMITTED', '2025-09-20', '2025-10-01', NULL, NULL),
     ('${P.C}', 'Camille', 'C', 'OTHER', NULL, 'PROSPECT', '2026-03-01', NULL, '${PARTNER.funder}', NULL),
     ('${P.D}', 'Dominique', 'D', 'UNDISCLOSED', 1960, 'ORIENTED', '2025-12-01', '2026-05-05', '${PARTNER.bank}', NULL),
     ('${P.E}', 'Emma', 'E', 'FEMALE', 1985, 'ADMITTED', '2025-05-20', '2025-06-01', NULL, NULL),
     ('${P.F}', 'Farid', 'F', 'MALE', 1995, 'RECEIVED', '2026-03-15', '2026-06-30', NULL, NULL),
     ('${P.G}', 'Gaëlle', 'G', 'FEMALE', 1975, 'ADMITTED', '2024-01-05', '2024-01-10', '${PARTNER.employment}', NULL),
     ('${Q.H}', 'Hugo', 'H', 'MALE', 1980, 'PROSPECT', '2025-03-01', NULL, NULL, NULL),
     ('${Q.I}', 'Inès', 'I', 'FEMALE', 1988, 'PROSPECT', '2025-03-01', NULL, NULL, NULL),
     ('${Q.K}', '(effacé)', '(effacé)', 'MALE', NULL, 'PROSPECT', '2025-11-01', NULL, NULL, now()),
     ('${Q.N}', 'Noé', 'N', 'MALE', 1999, 'ADMITTED', '2025-08-20', '2025-09-01', '${PARTNER.local}', NULL)`,
  `INSERT INTO receptions (person_id, received_on, project_summary, project_progress, sector, decision, decided_on, partner_id, orientation_reason) VALUES
     ('${P.A}', '2026-02-01', 'Ébénisterie', 'OUTLINED', 'CRAFTS', 'ADMITTED', '2026-02-10', NULL, NULL),
     ('${P.B}', '2025-10-01', 'Maraîchage', 'READY', 'AGRICULTURE', 'ADMITTED', '2025-10-15', NULL, NULL),
     ('${P.D}', '2026-05-05', 'Conseil', 'IDEA', 'SERVICES', 'ORIENTED', '2026-05-20', '${PARTNER.local}', 'Projet à mûrir'),
     ('${P.E}', '2025-06-01', 'Maçonnerie', 'READY', 'BUILDING', 'ADMITTED', '2025-06-10', NULL, NULL),
     ('${P.F}', '2026-06-30', 'Graphisme', 'IDEA', 'SERVICES', 'PENDING', NULL, NULL, NULL),
     ('${P.G}', '2024-01-10', 'Formation bureautique', 'READY', 'TRAINING', 'ADMITTED', '2024-01-20', NULL, NULL),
     ('${Q.N}', '2025-09-01', 'Food truck', 'OUTLINED', 'MOBILE_TRADE', 'ADMITTED', '2025-09-05', NULL, NULL)`,
  `INSERT INTO entry_situations (person_id, job_seeker, job_seeker_since, unemployment_benefit, rsa, disability_recognised,
       education_level, priority_neighbourhood, departement, updated_on) VALUES
     ('${P.A}', true, '2024-12-01', true, false, false, 'LEVEL_5', true, '31', '2026-02-01'),
     ('${P.B}', false, NULL, false, true, true, 'BELOW_LEVEL_3', false, '2A', '2025-10-01'),
     ('${P.D}', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-05-05'),
     ('${P.E}', false, NULL, false, false, false, 'LEVEL_7', false, '75', '2025-06-01'),
     ('${P.F}', true, '2026-01-01', true, false, false, 'LEVEL_6', false, '13', '2026-06-30'),
     ('${P.G}', true, '2023-01-10', true, true, false, 'LEVEL_3', true, '971', '2024-01-10'),
     ('${Q.N}', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-09-01')`,
  `INSERT INTO person_contracts (contract_id, person_id, kind, employment_type, monthly_hours, starts_on, last_day, ended) VALUES
     ('${uuid(601)}', '${P.A}', 'OBJECTIVE', NULL, NULL, '2026-03-01', '2026-08-31', false),
     ('${uuid(602)}', '${P.B}', 'SUPPORT_AGREEMENT', NULL, NULL, '2025-11-01', '2026-01-01', false),
     ('${uuid(603)}', '${P.B}', 'EMPLOYMENT', 'OPEN_ENDED', 151.67, '2026-06-30', NULL, false),
     ('${uuid(604)}', '${P.E}', 'EMPLOYMENT', 'OPEN_ENDED', 151.67, '2025-09-01', '2025-12-31', true),
     ('${uuid(605)}', '${P.F}', 'SUPPORT_AGREEMENT', NULL, NULL, '2026-07-01', '2027-06-30', false),
     ('${uuid(606)}', '${P.G}', 'OBJECTIVE', NULL, NULL, '2024-02-01', '2024-07-31', false),
     ('${uuid(607)}', '${P.G}', 'SUPPORT_AGREEMENT', NULL, NULL, '2024-08-01', '2025-07-31', false),
     ('${uuid(608)}', '${P.G}', 'EMPLOYMENT', 'OPEN_ENDED', 151.67, '2025-08-01', '2026-01-20', true),
     ('${uuid(609)}', '${Q.N}', 'OBJECTIVE', NULL, NULL, '2025-10-01', '2026-01-31', false),
     ('${uuid(610)}', '${Q.N}', 'OBJECTIVE', NULL, NULL, '2026-02-01', NULL, false)`,
  `INSERT INTO associates (person_id, admitted_on, shares, share_value_cents) VALUES
     ('${P.B}', '2026-06-15', 1, 5000), ('${P.G}', '2025-01-01', 2, 5000)`,
  `INSERT INTO exits (person_id, exited_on, reason) VALUES
     ('${P.E}', '2025-12-31', 'SALARIED_JOB'), ('${P.G}', '2026-01-20', 'OWN_COMPANY'),
     ('${Q.H}', '2025-07-01', 'ABANDONED'), ('${Q.I}', '2025-06-30', 'OTHER')`,
  `INSERT INTO exit_follow_ups (person_id, months, situation, recorded_on) VALUES
     ('${P.E}', 6, 'SALARIED_JOB', '2026-07-02'),
     ('${Q.I}', 6, 'NOT_REACHED', '2026-01-05'), ('${Q.I}', 12, 'OWN_COMPANY_ACTIVE', '2026-06-30')`,
  `INSERT INTO information_meetings (id, held_on, place, facilitator_id) VALUES
     ('${MEETING.december}', '2025-12-10', 'Toulouse', '${COUNSELOR}'),
     ('${MEETING.january}', '2026-01-15', 'Toulouse', '${COUNSELOR}'),
     ('${MEETING.march}', '2026-03-20', 'Colomiers', '${COUNSELOR}')`,
  `INSERT INTO meeting_attendances (meeting_id, person_id) VALUES
     ('${MEETING.january}', '${P.A}'), ('${MEETING.december}', '${P.B}'), ('${MEETING.march}', '${P.B}'),
     ('${MEETING.march}', '${P.C}'), ('${MEETING.december}', '${P.D}')`,
  `INSERT INTO support_sessions (id, counselor_id, held_on, duration_minutes, topic, kind) VALUES
     ('${SESSION.S1}', '${COUNSELOR}', '2026-03-10', 60, 'MARKETING', 'INDIVIDUAL'),
     ('${SESSION.S2}', '${COUNSELOR}', '2025-12-31', 45, 'ACCOUNTING', 'INDIVIDUAL'),
     ('${SESSION.S3}', '${COUNSELOR}', '2026-07-01', 30, 'LEGAL', 'INDIVIDUAL'),
     ('${SESSION.S4}', '${COUNSELOR}', '2026-02-02', 30, 'FINANCE', 'INDIVIDUAL'),
     ('${SESSION.W1}', '${COUNSELOR}', '2026-04-01', 120, 'COMMERCIAL', 'WORKSHOP'),
     ('${SESSION.W2}', '${COUNSELOR}', '2026-06-30', 90, 'COMMUNICATION', 'WORKSHOP'),
     ('${SESSION.W3}', '${COUNSELOR}', '2026-07-02', 60, 'ORGANISATION', 'WORKSHOP')`,
  `INSERT INTO support_session_people (session_id, person_id) VALUES
     ('${SESSION.S1}', '${P.A}'), ('${SESSION.S2}', '${P.E}'), ('${SESSION.S3}', '${P.F}'), ('${SESSION.S4}', '${Q.K}'),
     ('${SESSION.W1}', '${P.C}'), ('${SESSION.W1}', '${P.A}'), ('${SESSION.W1}', '${P.F}'),
     ('${SESSION.W2}', '${P.C}'), ('${SESSION.W3}', '${P.D}')`,
  `INSERT INTO workshop_signature_sheets (session_id, file_name, media_type, content, sha256, received_on) VALUES
     ('${SESSION.W1}', 'emargement-w1.pdf', 'application/pdf', '\\x25504446', repeat('a', 64), '2026-04-02'),
     ('${SESSION.W3}', 'emargement-w3.pdf', 'application/pdf', '\\x25504446', repeat('b', 64), '2026-07-03')`,
];

describe.each(databaseBackends())("the funders' figures on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    // An empty database: every figure here is the test's own population.
    server = (await startTestSubgraph(members, COOP, backend, { seeded: false })) as typeof server;
    for (const statement of POPULATION) await server.database.dataSource.query(statement);
  });
  afterAll(() => server?.stop());

  const ask = (from: string, to: string, caller: Caller) =>
    execute(server, FUNDER, { representations: [{ __typename: "Cooperative", id: COOP, contractMilestones: [] }], from, to }, caller);

  /** The figures, and how many SQL statements the whole request cost. */
  const funder = async (from: string, to: string, caller = testCaller("COUNSELOR", COOP)) => {
    const before = server.database.statementCount;
    const result = await ask(from, to, caller);
    expect(result.errors).toBeUndefined();
    const indicators = (result.data?._entities as { membersIndicators: { receptions: number; funder: Funder } }[])[0].membersIndicators;
    return { ...indicators.funder, receptions: indicators.receptions, statements: server.database.statementCount - before };
  };

  it("count the people supported and received in the period, once in each dimension", async () => {
    const figures = await funder("2026-01-01", "2026-06-30");
    // A, B, C, F, G, K (erased) and N; not D (received, workshop after the period) nor E (contract and session the day before).
    expect(figures.supported).toBe(7);
    expect(figures.supportedBy).toEqual(
      breakdown({
        GENDER: "FEMALE=2, MALE=4, OTHER=1",
        AGE_BRACKET: "26-35=2, 36-45=1, 46-55=1, under 26=1, unknown=2",
        JOB_SEEKER: "NO=1, UNKNOWN=2, YES=4",
        // A: 14 months before reception; G: exactly 12; B: not a job seeker; N: no registration date; C, K: no entry situation.
        LONG_TERM_JOB_SEEKER: "NO=2, UNKNOWN=3, YES=2",
        UNEMPLOYMENT_BENEFIT: "NO=1, UNKNOWN=3, YES=3",
        RSA: "NO=2, UNKNOWN=3, YES=2",
        DISABILITY: "NO=3, UNKNOWN=3, YES=1",
        EDUCATION_LEVEL: "BELOW_LEVEL_3=1, LEVEL_3=1, LEVEL_5=1, LEVEL_6=1, UNKNOWN=3",
        PRIORITY_NEIGHBOURHOOD: "NO=2, UNKNOWN=3, YES=2",
        DEPARTEMENT: "13=1, 2A=1, 31=1, 971=1, UNKNOWN=3",
        SECTOR: "AGRICULTURE=1, CRAFTS=1, MOBILE_TRADE=1, SERVICES=1, TRAINING=1, UNKNOWN=2",
        REFERRING_PARTNER_KIND: "FUNDER=1, LOCAL_AUTHORITY=1, NONE=3, PUBLIC_EMPLOYMENT_SERVICE=2",
      }),
    );
    expect(totals(figures.supportedBy)).toEqual(Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, figures.supported])));
    // A, D and F were received in the period.
    expect(figures.receivedBy).toEqual(
      breakdown({
        GENDER: "FEMALE=1, MALE=1, UNDISCLOSED=1",
        AGE_BRACKET: "26-35=1, 36-45=1, over 55=1",
        JOB_SEEKER: "UNKNOWN=1, YES=2",
        // F registered 6 months before reception.
        LONG_TERM_JOB_SEEKER: "NO=1, UNKNOWN=1, YES=1",
        UNEMPLOYMENT_BENEFIT: "UNKNOWN=1, YES=2",
        RSA: "NO=2, UNKNOWN=1",
        DISABILITY: "NO=2, UNKNOWN=1",
        EDUCATION_LEVEL: "LEVEL_5=1, LEVEL_6=1, UNKNOWN=1",
        PRIORITY_NEIGHBOURHOOD: "NO=1, UNKNOWN=1, YES=1",
        DEPARTEMENT: "13=1, 31=1, UNKNOWN=1",
        SECTOR: "CRAFTS=1, SERVICES=2",
        REFERRING_PARTNER_KIND: "BANK=1, NONE=1, PUBLIC_EMPLOYMENT_SERVICE=1",
      }),
    );
    expect(totals(figures.receivedBy)).toEqual(Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, figures.receptions])));
    expect(figures.receptions).toBe(3);
  });

  it("count the entries at each step, the people in each contract, the orientations and the follow-ups", async () => {
    const figures = await funder("2026-01-01", "2026-06-30");
    // No first CAPE started in the period: the step is left out. N's second objective contract is not a first.
    expect(figures.entries).toEqual([
      { step: "INFORMATION_MEETING", count: 2 },
      { step: "RECEPTION", count: 3 },
      { step: "ADMISSION", count: 1 },
      { step: "ORIENTATION", count: 1 },
      { step: "OBJECTIVE_CONTRACT", count: 1 },
      { step: "EMPLOYMENT_CONTRACT", count: 1 },
      { step: "ASSOCIATE", count: 1 },
      { step: "EXIT", count: 1 },
    ]);
    expect(figures.inContract).toEqual([
      { kind: "OBJECTIVE", count: 2 },
      { kind: "SUPPORT_AGREEMENT", count: 1 },
      { kind: "EMPLOYMENT", count: 2 },
    ]);
    expect(figures.orientationsByPartnerKind).toEqual([{ key: "LOCAL_AUTHORITY", count: 1 }]);
    expect(figures.followUps).toEqual([
      { months: 6, situation: "NOT_RECORDED", count: 1 },
      { months: 6, situation: "SALARIED_JOB", count: 1 },
      { months: 12, situation: "OWN_COMPANY_ACTIVE", count: 1 },
    ]);
    expect(figures.support).toEqual({
      individualSessions: 2,
      individualMinutes: 90,
      workshops: 2,
      workshopMinutes: 210,
      workshopAttendances: 4,
      peopleReached: 4,
      workshopsWithSignedSheet: 1,
    });
  });

  it("move with the period's edges: a day later, the contract ending on the first day and the session on the last no longer count", async () => {
    const figures = await funder("2026-01-02", "2026-06-29");
    // B's CAPE ended 2026-01-01 and the CESA starts 2026-06-30; C's second workshop and F's reception are on 2026-06-30.
    expect(figures.inContract).toEqual([
      { kind: "OBJECTIVE", count: 2 },
      { kind: "SUPPORT_AGREEMENT", count: 0 },
      { kind: "EMPLOYMENT", count: 1 },
    ]);
    expect(figures.supported).toBe(6);
    expect(figures.support).toMatchObject({ workshops: 1, workshopMinutes: 120, workshopAttendances: 3 });
    // H's 6-month follow-up was due 2026-01-01; E's 6-month and I's 12-month ones 2026-06-30.
    expect(figures.followUps).toEqual([]);
    expect(figures.entries.find((row) => row.step === "EMPLOYMENT_CONTRACT")).toBeUndefined();
  });

  it("are zeros for a period with nothing in it, every contract kind still listed", async () => {
    const figures = await funder("2020-01-01", "2020-12-31");
    expect(figures).toMatchObject({
      supported: 0,
      supportedBy: [],
      receivedBy: [],
      entries: [],
      inContract: [
        { kind: "OBJECTIVE", count: 0 },
        { kind: "SUPPORT_AGREEMENT", count: 0 },
        { kind: "EMPLOYMENT", count: 0 },
      ],
      orientationsByPartnerKind: [],
      followUps: [],
      support: {
        individualSessions: 0,
        individualMinutes: 0,
        workshops: 0,
        workshopMinutes: 0,
        workshopAttendances: 0,
        peopleReached: 0,
        workshopsWithSignedSheet: 0,
      },
    });
  });

  it("are open to the gateway's credential and an administrator, closed to network roles and to an entrepreneur", async () => {
    const service = await funder("2026-01-01", "2026-06-30", testCaller("NETWORK_SERVICE"));
    expect(service.supported).toBe(7);
    expect((await funder("2026-01-01", "2026-06-30", testCaller("COOP_ADMIN", COOP))).supported).toBe(7);
    for (const caller of [testCaller("NETWORK_ANALYST"), testCaller("NETWORK_ADMIN"), testCaller("ENTREPRENEUR", COOP, `${COOP}:${P.A}`)]) {
      const refused = await ask("2026-01-01", "2026-06-30", caller);
      expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(refused.data)).not.toContain("supported");
    }
  });

  // Last: it adds people to the population.
  it("cost one statement more than the other indicators, however many people there are", async () => {
    const few = await funder("2026-01-01", "2026-06-30");
    const more = (n: string) => `('00000000-0000-4000-9000-' || lpad(${n}::text, 12, '0'))::uuid`;
    await server.database.dataSource.query(
      `INSERT INTO people (id, first_name, last_name, gender, birth_year, welcome_stage, first_contact_on)
       SELECT ${more("n")}, 'Personne', 'N' || n, 'FEMALE', 1990, 'PROSPECT', '2026-01-05' FROM generate_series(1, 45) AS n`,
    );
    await server.database.dataSource.query(
      `INSERT INTO support_sessions (id, counselor_id, held_on, duration_minutes, topic, kind)
       VALUES ('${uuid(514)}', '${COUNSELOR}', '2026-05-15', 60, 'MARKETING', 'WORKSHOP')`,
    );
    await server.database.dataSource.query(
      `INSERT INTO support_session_people (session_id, person_id) SELECT '${uuid(514)}', ${more("n")} FROM generate_series(1, 45) AS n`,
    );
    await server.database.dataSource.query(
      `INSERT INTO person_contracts (contract_id, person_id, kind, starts_on, last_day, ended)
       SELECT gen_random_uuid(), ${more("n")}, 'OBJECTIVE', '2026-05-01', NULL, false FROM generate_series(1, 45) AS n`,
    );
    const many = await funder("2026-01-01", "2026-06-30");
    expect(many.supported).toBe(few.supported + 45);
    expect(totals(many.supportedBy)).toEqual(Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, many.supported])));
    expect(many.inContract[0]).toEqual({ kind: "OBJECTIVE", count: 47 });
    expect(many.support).toMatchObject({ workshops: 3, workshopAttendances: 49, peopleReached: 49 });
    // One statement for the other indicators, one for the funders' figures, for 7 people as for 52.
    expect(few.statements).toBe(2);
    expect(many.statements).toBe(2);
  });

  // Last: it adds an exit and erases a person.
  it("count a follow-up once it is due, and not an erased person's that can no longer be taken", async () => {
    const db = server.database.dataSource;
    const today = todayInFrance();
    const around = { from: addMonths(today, -1), to: addMonths(today, 1) };
    const before = await funder(around.from, around.to);
    // D leaves so that their 6-month follow-up falls due tomorrow: not to do yet, whatever the period says.
    await db.query("INSERT INTO exits (person_id, exited_on, reason) VALUES ($1, $2, 'OTHER')", [P.D, addDays(addMonths(today, -6), 1)]);
    expect((await funder(around.from, around.to)).followUps).toEqual(before.followUps);
    // H's 6-month follow-up was never taken; once H is erased nobody can take it: it is no longer counted as to do.
    const first = await funder("2026-01-01", "2026-06-30");
    expect(first.followUps).toContainEqual({ months: 6, situation: "NOT_RECORDED", count: 1 });
    await db.query("UPDATE people SET erased_at = now() WHERE id = $1", [Q.H]);
    const after = await funder("2026-01-01", "2026-06-30");
    expect(after.followUps).toEqual(first.followUps.filter((row) => row.situation !== "NOT_RECORDED"));
  });
});
