import { pdfText, startTestNetwork, type GraphQLResult, type TestNetwork } from "@cae/tools";
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { DEFAULT_SUPERGRAPH_FILE } from "../config";
import { startGateway, type RunningGateway } from "../gateway";
import { DEFAULT_QUERY_LIMITS } from "../limits/limits";
import {
  addAggregates,
  audit,
  AMOUNT_MEASURES,
  COUNT_MEASURES,
  key as cellKey,
  relations as knownRelations,
  sensitiveCells,
  yearPeriods,
} from "../indicators/__tests__/auditor";
import type { IndicatorsConfig } from "../indicators/indicators.service";

const ALPES = "alpes-entreprendre";
const GARONNE = "garonne-activites";
const BRETAGNE = "bretagne-cooperer";
const FROM = "2026-01-01";
const TO = "2026-12-31";

const CELL = "value suppressed reason";
const SET = `cooperatives people { ${CELL} } peopleByStage { key ${CELL} } receptions { ${CELL} } admissions { ${CELL} }
  orientations { ${CELL} } exits { ${CELL} } exitsByReason { key ${CELL} } associates { ${CELL} } associatesShare { ${CELL} }
  women { ${CELL} } genderDeclared { ${CELL} } womenShare { ${CELL} } ageBrackets { key ${CELL} } activitiesBySector { key ${CELL} }
  receptionToEmploymentContract { count { ${CELL} } averageDays { ${CELL} } } receptionToAdmission { count { ${CELL} } averageDays { ${CELL} } }
  contractsSigned { ${CELL} } contractsSignedByKind { key ${CELL} } amendments { ${CELL} } runningContractsByKind { key ${CELL} }
  runningEmploymentHours { ${CELL} } fullTimeEquivalent { ${CELL} } supportToEmployment { count { ${CELL} } averageDays { ${CELL} } }
  revenueExcludingVat { ${CELL} } revenueCollected { ${CELL} } contributions { ${CELL} } invoicesIssued { ${CELL} } creditNotesIssued { ${CELL} }`;
const INDICATORS = `query ($from: Date!, $to: Date!, $regions: [String!], $cooperativeIds: [ID!]) {
  network { indicators(from: $from, to: $to, regions: $regions, cooperativeIds: $cooperativeIds) {
    from to generatedAt ageSeconds complete missingCooperatives { id name reason } unavailableSources disclosureControl minCount
    totals { ${SET} } byCooperative { id name region indicators { ${SET} } } byRegion { region cooperativeIds indicators { ${SET} } }
    monthly { month receptions { ${CELL} } admissions { ${CELL} } exits { ${CELL} } revenueExcludingVat { ${CELL} } }
  } } }`;

type Cell = { value: number | null; suppressed: boolean; reason: string | null; key?: string };
type IndicatorSet = Record<string, unknown> & {
  cooperatives: number;
  people: Cell;
  receptionToAdmission: { count: Cell; averageDays: { value: string | null } };
};
type Answer = {
  generatedAt: string;
  ageSeconds: number;
  complete: boolean;
  missingCooperatives: { id: string; reason: string }[];
  disclosureControl: boolean;
  unavailableSources: string[];
  totals: IndicatorSet;
  byCooperative: { id: string; region: string; indicators: IndicatorSet }[];
  byRegion: { region: string; cooperativeIds: string[]; indicators: IndicatorSet }[];
  monthly: { month: string; receptions: Cell; admissions: Cell; exits: Cell; revenueExcludingVat: { value: string | null } }[];
};

const SCALARS = [
  "people",
  "receptions",
  "admissions",
  "orientations",
  "exits",
  "associates",
  "women",
  "genderDeclared",
  "contractsSigned",
  "amendments",
];
const LISTS = ["peopleByStage", "exitsByReason", "ageBrackets", "activitiesBySector", "contractsSignedByKind", "runningContractsByKind"];

/** Every count cell of a set, by a readable name ("people", "peopleByStage.EXITED"). */
function cellsOf(set: IndicatorSet): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const name of SCALARS) cells.set(name, set[name] as Cell);
  for (const name of LISTS) for (const cell of set[name] as Cell[]) cells.set(`${name}.${cell.key}`, cell);
  cells.set("receptionToAdmission.count", set.receptionToAdmission.count);
  cells.set("supportToEmployment.count", (set.supportToEmployment as { count: Cell }).count);
  return cells;
}

/** The figures read straight from a cooperative's members database, with the same definitions. */
async function fromDatabase(network: TestNetwork, cooperativeId: string): Promise<Map<string, number>> {
  const db = network.subgraph(cooperativeId, "members").database.dataSource;
  const one = async (sql: string) => Number((await db.query(sql, [FROM, TO]))[0].n);
  const grouped = async (prefix: string, sql: string) => {
    for (const row of (await db.query(sql, [FROM, TO])) as { k: string; n: number }[]) figures.set(`${prefix}.${row.k}`, Number(row.n));
  };
  const figures = new Map<string, number>();
  figures.set("people", await one("SELECT count(*) AS n FROM people WHERE first_contact_on <= $2 AND $1::date IS NOT NULL"));
  figures.set("receptions", await one("SELECT count(*) AS n FROM receptions WHERE received_on BETWEEN $1 AND $2"));
  figures.set("admissions", await one("SELECT count(*) AS n FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN $1 AND $2"));
  figures.set(
    "orientations",
    await one("SELECT count(*) AS n FROM receptions WHERE decision = 'ORIENTED' AND decided_on BETWEEN $1 AND $2"),
  );
  figures.set("exits", await one("SELECT count(*) AS n FROM exits WHERE exited_on BETWEEN $1 AND $2"));
  figures.set(
    "associates",
    await one(
      "SELECT count(*) AS n FROM associates WHERE admitted_on <= $2 AND (ended_on IS NULL OR ended_on > $2) AND $1::date IS NOT NULL",
    ),
  );
  figures.set(
    "women",
    await one("SELECT count(*) AS n FROM people WHERE first_contact_on <= $2 AND gender = 'FEMALE' AND $1::date IS NOT NULL"),
  );
  figures.set(
    "genderDeclared",
    await one("SELECT count(*) AS n FROM people WHERE first_contact_on <= $2 AND gender <> 'UNDISCLOSED' AND $1::date IS NOT NULL"),
  );
  await grouped("exitsByReason", "SELECT reason AS k, count(*) AS n FROM exits WHERE exited_on BETWEEN $1 AND $2 GROUP BY reason");
  await grouped(
    "activitiesBySector",
    "SELECT sector AS k, count(*) AS n FROM activities WHERE started_on <= $2 AND $1::date IS NOT NULL GROUP BY sector",
  );
  return figures;
}

/** The cells of a set by the release's measure names (null where suppressed); amounts as numbers (the demo's fit). */
function measuresOf(set: IndicatorSet): Map<string, number | null> {
  const cells = new Map<string, number | null>();
  const value = (cell: Cell | { value: string | null }) => (cell.value === null ? null : Number(cell.value));
  const plain: [string, string][] = [
    ["people", "people"],
    ["genderDeclared", "genderDeclared"],
    ["women", "women"],
    ["associates", "associates"],
    ["receptions", "receptions"],
    ["admissions", "admissions"],
    ["orientations", "orientations"],
    ["exits", "exits"],
    ["contractsSigned", "signed"],
    ["amendments", "amendments"],
    ["revenueExcludingVat", "revenueCents"],
    ["revenueCollected", "collectedCents"],
    ["contributions", "contributionsCents"],
    ["invoicesIssued", "invoices"],
    ["creditNotesIssued", "creditNotes"],
  ];
  for (const [field, measure] of plain) cells.set(measure, value(set[field] as Cell));
  const lists: [string, string][] = [
    ["peopleByStage", "stage"],
    ["ageBrackets", "age"],
    ["activitiesBySector", "sector"],
    ["runningContractsByKind", "running"],
    ["exitsByReason", "exit"],
    ["contractsSignedByKind", "signed"],
  ];
  for (const [field, prefix] of lists) for (const cell of set[field] as Cell[]) cells.set(`${prefix}:${cell.key}`, value(cell));
  for (const [field, measure] of [
    ["receptionToAdmission", "toAdmission"],
    ["receptionToEmploymentContract", "toEmployment"],
    ["supportToEmployment", "supportToEmployment"],
  ])
    cells.set(`${measure}.count`, value((set[field] as { count: Cell }).count));
  for (const measure of [...COUNT_MEASURES, ...AMOUNT_MEASURES]) if (!cells.has(measure)) throw new Error(`no cell for ${measure}`);
  return cells;
}

describe("the network's indicators, end to end", () => {
  let network: TestNetwork;
  let exact: RunningGateway;
  let strict: RunningGateway;
  const tokens: Record<string, string> = {};

  const gatewayWith = (indicators: Partial<IndicatorsConfig>, registry = network.registry, cooperativeTimeoutMs = 30_000) =>
    startGateway({
      registry,
      supergraphSdl: readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8"),
      port: 0,
      host: "127.0.0.1",
      cooperativeTimeoutMs,
      production: false,
      logLevel: "silent",
      auth: network.auth,
      limits: DEFAULT_QUERY_LIMITS,
      maxBodyBytes: 1_000_000,
      indicators,
      serviceToken: () => tokens.service,
    });
  const ask = async (gateway: RunningGateway | null, variables: Record<string, unknown>, token = tokens.analyst) => {
    const response = await fetch(gateway?.url ?? network.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: INDICATORS, variables: { from: FROM, to: TO, ...variables } }),
    });
    const result = (await response.json()) as GraphQLResult;
    return { result, answer: (result.data?.network as { indicators: Answer } | undefined)?.indicators };
  };

  beforeAll(async () => {
    network = await startTestNetwork([ALPES, GARONNE, BRETAGNE]);
    tokens.analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    tokens.service = await network.token({ sub: "gateway", role: "NETWORK_SERVICE" });
    tokens.alpes = await network.token({ sub: "counselor-a", role: "COUNSELOR", coop: ALPES });
    tokens.entrepreneur = await network.token({
      sub: "e",
      role: "ENTREPRENEUR",
      coop: ALPES,
      person: `${ALPES}:00000000-0000-4000-8000-000000000001`,
    });
    // These rules hide nothing: every figure can be checked against the databases.
    exact = await gatewayWith({ minCount: 1, minActivities: 1, dominancePercent: 100, cacheSeconds: 0 });
    strict = await gatewayWith({ minCount: 20, cacheSeconds: 300 });
    // Three cooperatives' subgraphs seeded on embedded PostgreSQL: slow on a busy 2-core machine.
  }, 300_000);
  afterAll(async () => {
    await exact?.stop();
    await strict?.stop();
    await network?.stop();
  });

  it("gives totals equal to the sum of the cooperatives' figures read from their own databases", async () => {
    const { answer } = await ask(exact, {});
    expect(answer?.complete).toBe(true);
    const databases = await Promise.all([ALPES, BRETAGNE, GARONNE].map((id) => fromDatabase(network, id)));
    const totals = cellsOf(answer!.totals);
    for (const name of new Set(databases.flatMap((figures) => [...figures.keys()]))) {
      const sum = databases.reduce((total, figures) => total + (figures.get(name) ?? 0), 0);
      expect([name, totals.get(name)?.value]).toEqual([name, sum]);
    }
    // Each cooperative's row is its own database's figures, and the totals are their sums, cell by cell.
    expect(answer!.byCooperative.map((row) => row.id)).toEqual([ALPES, BRETAGNE, GARONNE]);
    answer!.byCooperative.forEach((row, i) => {
      for (const [name, value] of databases[i])
        expect([row.id, name, cellsOf(row.indicators).get(name)?.value]).toEqual([row.id, name, value]);
    });
    for (const [name, cell] of totals) {
      const sum = answer!.byCooperative.reduce((total, row) => total + cellsOf(row.indicators).get(name)!.value!, 0);
      expect([name, cell.value]).toEqual([name, sum]);
    }
    // Stages and ages add up to the people; the months to the period.
    const list = (key: string) => (answer!.totals[key] as Cell[]).reduce((total, cell) => total + cell.value!, 0);
    expect(list("peopleByStage")).toBe(answer!.totals.people.value);
    expect(list("ageBrackets")).toBe(answer!.totals.people.value);
    expect(answer!.monthly).toHaveLength(12);
    expect(answer!.monthly.reduce((total, month) => total + month.receptions.value!, 0)).toBe(totals.get("receptions")!.value);
  });

  it("adds the contracts subgraph's aggregates exactly, and computes the full-time equivalent from the summed hours", async () => {
    const { answer } = await ask(exact, {});
    const query = `query ($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Cooperative {
      contractsIndicators(from: $from, to: $to) { signedByKind { kind count } runningByKind { kind count } runningEmploymentHours amendments
        supportToEmployment { count totalDays } } } } }`;
    type Contracts = {
      signedByKind: { kind: string; count: number }[];
      runningByKind: { kind: string; count: number }[];
      runningEmploymentHours: string;
      amendments: number;
      supportToEmployment: { count: number; totalDays: number };
    };
    const direct = await Promise.all(
      [ALPES, BRETAGNE, GARONNE].map(async (id) => {
        const result = await network.querySubgraph(
          id,
          "contracts",
          query,
          { r: [{ __typename: "Cooperative", id }], from: FROM, to: TO },
          tokens.service,
        );
        expect(result.errors).toBeUndefined();
        return (result.data?._entities as { contractsIndicators: Contracts }[])[0].contractsIndicators;
      }),
    );
    const totals = cellsOf(answer!.totals);
    for (const kind of ["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"]) {
      const signed = direct.reduce((total, c) => total + c.signedByKind.find((row) => row.kind === kind)!.count, 0);
      const running = direct.reduce((total, c) => total + c.runningByKind.find((row) => row.kind === kind)!.count, 0);
      expect([kind, totals.get(`contractsSignedByKind.${kind}`)?.value, totals.get(`runningContractsByKind.${kind}`)?.value]).toEqual([
        kind,
        signed,
        running,
      ]);
    }
    expect(totals.get("amendments")?.value).toBe(direct.reduce((total, c) => total + c.amendments, 0));
    expect(totals.get("supportToEmployment.count")?.value).toBe(direct.reduce((total, c) => total + c.supportToEmployment.count, 0));
    // Hours summed in hundredths, exactly; the FTE divides the sum, never averages per cooperative.
    const hundredths = direct.reduce((total, c) => total + BigInt(Math.round(Number(c.runningEmploymentHours) * 100)), 0n);
    expect(answer!.totals.runningEmploymentHours).toMatchObject({ value: (Number(hundredths) / 100).toFixed(2), suppressed: false });
    expect(answer!.totals.fullTimeEquivalent).toMatchObject({ value: (Number(hundredths) / 15167).toFixed(2) });
    expect(Number(hundredths)).toBeGreaterThan(0);
  });

  it("adds the finance subgraph's amounts exactly as big integers, period and months", async () => {
    const { answer } = await ask(exact, {});
    expect(answer?.unavailableSources).toEqual([]);
    const query = `query ($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Cooperative {
      financeIndicators(from: $from, to: $to) { revenueInvoicedCents revenueCollectedCents contributionsCents invoicesIssued creditNotesIssued
        monthly { month revenueInvoicedCents } } } } }`;
    type Finance = Record<"revenueInvoicedCents" | "revenueCollectedCents" | "contributionsCents", string> & {
      invoicesIssued: number;
      creditNotesIssued: number;
      monthly: { month: string; revenueInvoicedCents: string }[];
    };
    const direct = await Promise.all(
      [ALPES, BRETAGNE, GARONNE].map(async (id) => {
        const result = await network.querySubgraph(
          id,
          "finance",
          query,
          { r: [{ __typename: "Cooperative", id }], from: FROM, to: TO },
          tokens.service,
        );
        expect(result.errors).toBeUndefined();
        return (result.data?._entities as { financeIndicators: Finance }[])[0].financeIndicators;
      }),
    );
    const sum = (field: "revenueInvoicedCents" | "revenueCollectedCents" | "contributionsCents") =>
      direct.reduce((total, f) => total + BigInt(f[field]), 0n).toString();
    const totals = answer!.totals as unknown as Record<string, Cell>;
    expect(totals.revenueExcludingVat.value).toBe(sum("revenueInvoicedCents"));
    expect(totals.revenueCollected.value).toBe(sum("revenueCollectedCents"));
    expect(totals.contributions.value).toBe(sum("contributionsCents"));
    expect(totals.invoicesIssued.value).toBe(direct.reduce((total, f) => total + f.invoicesIssued, 0));
    expect(totals.creditNotesIssued.value).toBe(direct.reduce((total, f) => total + f.creditNotesIssued, 0));
    expect(BigInt(totals.revenueExcludingVat.value as unknown as string)).toBeGreaterThan(0n);
    for (const month of answer!.monthly) {
      const expected = direct.reduce(
        (total, f) => total + BigInt(f.monthly.find((m) => m.month === month.month)?.revenueInvoicedCents ?? "0"),
        0n,
      );
      expect([month.month, month.revenueExcludingVat.value]).toEqual([month.month, expected.toString()]);
    }
  });

  it("computes averages from sums, never as an average of averages", async () => {
    const { answer } = await ask(exact, {});
    const databases = await Promise.all(
      [ALPES, BRETAGNE, GARONNE].map((id) =>
        network
          .subgraph(id, "members")
          .database.dataSource.query(
            "SELECT count(*)::int AS n, coalesce(sum(decided_on - received_on), 0)::int AS days FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN $1 AND $2",
            [FROM, TO],
          ),
      ),
    );
    const n = databases.reduce((total, [row]) => total + row.n, 0);
    const days = databases.reduce((total, [row]) => total + row.days, 0);
    expect(answer!.totals.receptionToAdmission.count.value).toBe(n);
    expect(answer!.totals.receptionToAdmission.averageDays.value).toBe((Math.round((days / n) * 10) / 10).toFixed(1));
  });

  it("places people at their full path stage with the contracts subgraph's milestones (@requires through the plan)", async () => {
    const { answer } = await ask(exact, { cooperativeIds: [ALPES] });
    const stages = new Map((answer!.byCooperative[0].indicators.peopleByStage as Cell[]).map((cell) => [cell.key, cell.value]));
    const contracts = network.subgraph(ALPES, "contracts").database.dataSource;
    const [{ n }] = await contracts.query(
      "SELECT count(DISTINCT person_id)::int AS n FROM contracts WHERE kind = 'EMPLOYMENT' AND status <> 'DRAFT'",
    );
    // Everyone with a CESA is employed, an associate or gone: the employed stage cannot be empty when CESA exist.
    expect(n).toBeGreaterThan(0);
    expect(stages.get("EMPLOYMENT_CONTRACT")! + stages.get("ASSOCIATE")! + stages.get("EXITED")!).toBeGreaterThan(0);
    expect(stages.get("EMPLOYMENT_CONTRACT")).toBeGreaterThan(0);
  });

  it("cuts every answer of a year from one protected release that an attacker with linear programming cannot narrow", async () => {
    // Every cell an analyst can obtain for the year: the 12 months, 4 quarters and the year, every cooperative, region and the network.
    const periods = yearPeriods(2026);
    const bounds = (period: string) => {
      if (period.length === 4) return { from: `${period}-01-01`, to: `${period}-12-31` };
      const quarter = period.match(/Q(\d)$/);
      const first = quarter ? (Number(quarter[1]) - 1) * 3 + 1 : Number(period.slice(5, 7));
      const last = quarter ? first + 2 : first;
      const end = new Date(Date.UTC(2026, last, 0)).getUTCDate();
      return { from: `2026-${String(first).padStart(2, "0")}-01`, to: `2026-${String(last).padStart(2, "0")}-${end}` };
    };
    const published = new Map<string, number | null>();
    const truth = new Map<string, number>();
    const activities = new Map<string, { count: number; largest: number }>();
    const generatedAt = new Set<string>();
    let suppressedCells = 0;
    for (const period of periods.all) {
      const { answer } = await ask(strict, bounds(period));
      const { answer: real } = await ask(exact, bounds(period));
      expect(answer).toMatchObject({ complete: true, disclosureControl: true });
      generatedAt.add(answer!.generatedAt);
      const scopes: [string, IndicatorSet, IndicatorSet][] = [
        ["N", answer!.totals, real!.totals],
        ...answer!.byCooperative.map((row, i): [string, IndicatorSet, IndicatorSet] => [
          `C:${row.id}`,
          row.indicators,
          real!.byCooperative[i].indicators,
        ]),
        ...answer!.byRegion.map((row, i): [string, IndicatorSet, IndicatorSet] => [
          `R:${row.region}`,
          row.indicators,
          real!.byRegion[i].indicators,
        ]),
      ];
      for (const [scope, shown, exactSet] of scopes) {
        const real = measuresOf(exactSet);
        for (const [measure, value] of measuresOf(shown)) {
          published.set(cellKey(scope, period, measure), value);
          if (value === null) suppressedCells++;
          // A visible figure is the true one.
          else expect([scope, period, measure, value]).toEqual([scope, period, measure, real.get(measure)]);
        }
        for (const [measure, value] of real) truth.set(cellKey(scope, period, measure), value!);
        truth.set(cellKey(scope, period, "notWomen"), real.get("genderDeclared")! - real.get("women")!);
        truth.set(cellKey(scope, period, "undeclared"), real.get("people")! - real.get("genderDeclared")!);
      }
      // The activities behind each revenue cell, read from each cooperative's finance subgraph (the rules' input, never published).
      for (const id of [ALPES, BRETAGNE, GARONNE]) {
        const result = await network.querySubgraph(
          id,
          "finance",
          `query ($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Cooperative {
            financeIndicators(from: $from, to: $to) { activitiesWithRevenue largestActivityRevenueCents } } } }`,
          { r: [{ __typename: "Cooperative", id }], ...bounds(period) },
          tokens.service,
        );
        expect(result.errors).toBeUndefined();
        const figures = (
          result.data?._entities as { financeIndicators: { activitiesWithRevenue: number; largestActivityRevenueCents: string } }[]
        )[0].financeIndicators;
        activities.set(`C:${id}|${period}`, { count: figures.activitiesWithRevenue, largest: Number(figures.largestActivityRevenueCents) });
      }
    }
    // One release: every answer was cut from the same one.
    expect(generatedAt.size).toBe(1);
    const geography = { cooperatives: network.registry.cooperatives.map((c) => ({ id: c.id, region: c.region })) };
    addAggregates(geography, new Map(), activities);
    const sensitive = sensitiveCells(truth, activities, { minCount: 20, minActivities: 3, dominancePercent: 85 });
    expect(sensitive.size).toBeGreaterThan(100);
    expect(suppressedCells).toBeGreaterThan(0);
    const result = await audit({ published, truth, sensitive, rows: knownRelations(geography, 2026), minCount: 20, protectionPercent: 15 });
    expect(result.findings.slice(0, 5)).toEqual([]);
    expect(result.checked).toBe(sensitive.size);
    // Nothing hidden tells which cells are small: one reason for all.
    const { answer } = await ask(strict, bounds("2026-Q1"));
    const reasons = new Set(
      [...cellsOf(answer!.totals).values(), ...answer!.byCooperative.flatMap((row) => [...cellsOf(row.indicators).values()])].map(
        (c) => c.reason,
      ),
    );
    expect([...reasons].filter((reason) => reason !== null)).toEqual(["CONFIDENTIAL"]);
  });

  it("gives a funder's yearly report for a region: each figure the sum of the cooperatives' own, as their staff read them", async () => {
    const FUNDER = `supported { ${CELL} } supportedBy { dimension cells { key ${CELL} } } receivedBy { dimension cells { key ${CELL} } }
      entries { key ${CELL} } inContract { key ${CELL} } orientationsByPartnerKind { key ${CELL} }
      followUps { months due { ${CELL} } bySituation { key ${CELL} } }
      support { individualSessions { ${CELL} } individualHours { ${CELL} } workshops { ${CELL} } workshopHours { ${CELL} }
        workshopsWithSignedSheet { ${CELL} } workshopAttendances { ${CELL} } peopleReached { ${CELL} } }`;
    type Funder = Record<string, unknown>;
    const report = async (gateway: RunningGateway, from = FROM, to = TO) => {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens.analyst}` },
        body: JSON.stringify({
          query: `query ($from: Date!, $to: Date!, $regions: [String!]) { network { indicators(from: $from, to: $to, regions: $regions) {
            complete totals { receptions { ${CELL} } orientations { ${CELL} } funder { ${FUNDER} } } } } }`,
          variables: { from, to, regions: ["Auvergne-Rhône-Alpes"] },
        }),
      });
      const result = (await response.json()) as GraphQLResult;
      expect(result.errors).toBeUndefined();
      return (result.data!.network as { indicators: { complete: boolean; totals: { funder: Funder } & Record<string, Cell> } }).indicators;
    };
    /** Every count of the funders' figures, by a name of its own ("supportedBy.DEPARTEMENT.38", "support.workshops"). */
    const flat = (funder: Funder): Map<string, number | string | null> => {
      const cells = new Map<string, number | string | null>();
      const walk = (value: unknown, path: string) => {
        if (Array.isArray(value))
          for (const item of value as Record<string, unknown>[]) walk(item, `${path}.${String(item.dimension ?? item.key ?? item.months)}`);
        else if (value && typeof value === "object" && "suppressed" in value)
          cells.set(path, (value as unknown as { value: number | string | null }).value);
        else if (value && typeof value === "object")
          for (const [field, inner] of Object.entries(value))
            if (!["dimension", "key", "months"].includes(field)) walk(inner, field === "cells" ? path : `${path}.${field}`);
      };
      walk(funder, "");
      return cells;
    };
    // Each cooperative's staff read their own exact figures from their members subgraph, through the gateway.
    const own = await Promise.all(
      [ALPES, GARONNE].map(async (id) => {
        const token = await network.token({ sub: `admin-${id}`, role: "COOP_ADMIN", coop: id });
        const result = await network.query(
          `query ($id: ID!, $from: Date!, $to: Date!) { cooperative(id: $id) { membersIndicators(from: $from, to: $to) {
            receptions orientations exitsByReason { reason count } admissions
            funder { supported supportedBy { dimension key count } receivedBy { dimension key count } entries { step count }
              inContract { kind count } orientationsByPartnerKind { key count } followUps { months situation count }
              support { individualSessions individualMinutes workshops workshopMinutes workshopAttendances peopleReached workshopsWithSignedSheet } } } } }`,
          { id, from: FROM, to: TO },
          token,
        );
        expect(result.errors).toBeUndefined();
        type Row = { count: number } & Record<string, string | number>;
        const figures = (
          result.data!.cooperative as {
            membersIndicators: { funder: Record<string, Row[]> & { supported: number; support: Record<string, number> } };
          }
        ).membersIndicators.funder;
        const cells = new Map<string, number>([[".supported", figures.supported]]);
        const add = (name: string, count: number) => cells.set(name, (cells.get(name) ?? 0) + count);
        for (const row of figures.supportedBy) add(`.supportedBy.${row.dimension}.${row.key}`, row.count);
        for (const row of figures.receivedBy) add(`.receivedBy.${row.dimension}.${row.key}`, row.count);
        for (const row of figures.entries) add(`.entries.${row.step}`, row.count);
        for (const row of figures.inContract) add(`.inContract.${row.kind}`, row.count);
        for (const row of figures.orientationsByPartnerKind) add(`.orientationsByPartnerKind.${row.key}`, row.count);
        for (const row of figures.followUps) {
          add(`.followUps.${row.months}.due`, row.count);
          add(`.followUps.${row.months}.bySituation.${row.situation}`, row.count);
        }
        for (const [field, value] of Object.entries(figures.support)) cells.set(`.support.${field}`, value);
        return cells;
      }),
    );
    const exactReport = await report(exact);
    expect(exactReport.complete).toBe(true);
    const shown = flat(exactReport.totals.funder);
    expect(shown.get(".supported")).toBeGreaterThan(10);
    for (const [name, value] of shown) {
      const sum = (field: string) => own.reduce((total, cells) => total + (cells.get(field) ?? 0), 0);
      if (name === ".support.individualHours" || name === ".support.workshopHours") {
        const minutes = sum(name.replace("Hours", "Minutes"));
        expect([name, value]).toEqual([name, (minutes / 60).toFixed(2)]);
      } else expect([name, value]).toEqual([name, sum(name)]);
    }
    // Each dimension adds up to the people supported; the people received to the receptions.
    for (const dimension of exactReport.totals.funder.supportedBy as { dimension: string; cells: Cell[] }[])
      expect([dimension.dimension, dimension.cells.reduce((total, cell) => total + cell.value!, 0)]).toEqual([
        dimension.dimension,
        shown.get(".supported"),
      ]);
    for (const dimension of exactReport.totals.funder.receivedBy as { dimension: string; cells: Cell[] }[])
      expect(dimension.cells.reduce((total, cell) => total + cell.value!, 0)).toBe(exactReport.totals.receptions.value);
    // A quarter's people supported are its own figure, not the sum of its months'.
    const quarter = flat((await report(exact, "2026-04-01", "2026-06-30")).totals.funder).get(".supported") as number;
    const months = await Promise.all(
      [
        ["2026-04-01", "2026-04-30"],
        ["2026-05-01", "2026-05-31"],
        ["2026-06-01", "2026-06-30"],
      ].map(async ([from, to]) => flat((await report(exact, from, to)).totals.funder).get(".supported") as number),
    );
    expect(quarter).toBeGreaterThanOrEqual(Math.max(...months));
    expect(quarter).toBeLessThan(months.reduce((a, b) => a + b, 0));
    // Under the network's disclosure control: what is shown is the truth, small counts are hidden.
    const strictShown = flat((await report(strict)).totals.funder);
    let hidden = 0;
    for (const [name, value] of strictShown) {
      if (value === null) hidden++;
      else expect([name, value]).toEqual([name, shown.get(name)]);
    }
    expect(hidden).toBeGreaterThan(0);

    // The same figures as the report a funding agreement's committee is handed: CSV and PDF, hidden figures "secret".
    const files = await fetch(strict.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.analyst}` },
      body: JSON.stringify({
        query: `query { network { indicators(from: "${FROM}", to: "${TO}", regions: ["Auvergne-Rhône-Alpes"]) {
          totals { funder { supported { ${CELL} } supportedBy { dimension cells { key ${CELL} } } } } funderReportCsv funderReportPdf } } }`,
      }),
    }).then((response) => response.json() as Promise<GraphQLResult>);
    expect(files.errors).toBeUndefined();
    const reported = (
      files.data!.network as { indicators: { totals: { funder: Funder }; funderReportCsv: string; funderReportPdf: string } }
    ).indicators;
    const lines = reported.funderReportCsv
      .slice(1)
      .split("\r\n")
      .map((line) => line.split(";"));
    expect(lines[0]).toEqual(["Rapport d'activité aux financeurs"]);
    expect(lines[1]).toEqual(["Périmètre", "Région Auvergne-Rhône-Alpes"]);
    const supportedCell = (reported.totals.funder.supported as Cell).value;
    expect(lines).toContainEqual(["Personnes accompagnées", supportedCell === null ? "secret" : String(supportedCell)]);
    // Every hidden figure of the genders reads "secret" in the report, every shown one its value.
    const genders = (reported.totals.funder.supportedBy as { dimension: string; cells: Cell[] }[]).find((d) => d.dimension === "GENDER")!;
    const section = lines.findIndex((line) => line[0] === "Personnes accompagnées – Genre");
    const rows = lines.slice(section + 3, section + 3 + genders.cells.length).map((line) => line[1]);
    expect(rows).toEqual(genders.cells.map((cell) => (cell.value === null ? "secret" : String(cell.value))));
    const pdf = await pdfText(Buffer.from(reported.funderReportPdf, "base64"));
    expect(pdf).toContain("Région Auvergne-Rhône-Alpes");
    expect(pdf).toContain("Personnes accompagnées");
  });

  it("gives a cooperative's staff their own exact figures, and refuses them any other cooperative", async () => {
    const { answer } = await ask(null, { cooperativeIds: [ALPES] }, tokens.alpes);
    expect(answer).toMatchObject({ disclosureControl: false, complete: true, totals: { cooperatives: 1 } });
    const own = await fromDatabase(network, ALPES);
    const shown = cellsOf(answer!.totals);
    for (const [name, value] of own) expect([name, shown.get(name)?.value]).toEqual([name, value]);
    expect([...shown.values()].some((cell) => cell.suppressed)).toBe(false);
    const byDefault = await ask(null, {}, tokens.alpes);
    expect(byDefault.answer?.byCooperative.map((row) => row.id)).toEqual([ALPES]);
    const other = await ask(null, { cooperativeIds: [BRETAGNE] }, tokens.alpes);
    expect(other.result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(other.answer).toBeUndefined();
    const entrepreneur = await ask(null, {}, tokens.entrepreneur);
    expect(entrepreneur.result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("filters by region and by cooperative", async () => {
    const { answer } = await ask(exact, { regions: ["Auvergne-Rhône-Alpes"] });
    expect(answer!.byCooperative.map((row) => row.id)).toEqual([ALPES, GARONNE]);
    expect(answer!.byRegion.map((row) => row.region)).toEqual(["Auvergne-Rhône-Alpes"]);
    const sum = answer!.byCooperative.reduce((total, row) => total + row.indicators.people.value!, 0);
    expect(answer!.totals.people.value).toBe(sum);
    expect(answer!.byRegion[0].indicators.people.value).toBe(sum);
    const one = await ask(exact, { cooperativeIds: [GARONNE], regions: ["Auvergne-Rhône-Alpes"] });
    expect(one.answer!.byCooperative.map((row) => row.id)).toEqual([GARONNE]);
  });

  it("refuses bad input with a clear error naming the argument", async () => {
    const reversed = await ask(null, { from: "2026-12-31", to: "2026-01-01" });
    expect(reversed.result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    const unknownCoop = await ask(null, { cooperativeIds: ["nowhere-coop"] });
    expect(unknownCoop.result.errors?.[0]).toMatchObject({
      message: expect.stringContaining("nowhere-coop"),
      extensions: { code: "BAD_USER_INPUT", field: "cooperativeIds" },
    });
    const unknownRegion = await ask(null, { regions: ["Atlantis"] });
    expect(unknownRegion.result.errors?.[0]).toMatchObject({
      message: expect.stringContaining("Atlantis"),
      extensions: { code: "BAD_USER_INPUT", field: "regions" },
    });
    // Network roles: a calendar month, quarter or year only, so that every answer is a slice of the year's protected release.
    const notAMonth = await ask(null, { from: "2026-01-15", to: "2026-01-31" });
    expect(notAMonth.result.errors?.[0]).toMatchObject({
      message: expect.stringContaining("calendar month, a calendar quarter or a calendar year"),
      extensions: { code: "BAD_USER_INPUT", field: "from" },
    });
    const tenMonths = await ask(null, { from: "2026-01-01", to: "2026-10-31" });
    expect(tenMonths.result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const overlapping = await ask(null, { from: "2026-02-01", to: "2026-04-30" });
    expect(overlapping.result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    expect(overlapping.answer).toBeUndefined();
    // A cooperative's staff: any period of 36 months at most.
    const tooLong = await ask(null, { from: "2020-01-01", to: "2026-12-31" }, tokens.alpes);
    expect(tooLong.result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const own = await ask(null, { from: "2026-02-15", to: "2026-04-30" }, tokens.alpes);
    expect(own.answer).toMatchObject({ complete: true, disclosureControl: false });
  });

  it("keeps the year's release and cuts every other period's answer from it, without asking the cooperatives again", async () => {
    const statements = () => network.subgraph(ALPES, "members").database.statementCount;
    const first = await ask(null, { from: "2026-04-01", to: "2026-06-30" });
    expect(first.answer?.ageSeconds).toBe(0);
    const before = statements();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await ask(null, { from: "2026-04-01", to: "2026-06-30" });
    expect(statements()).toBe(before);
    expect(second.answer?.generatedAt).toBe(first.answer?.generatedAt);
    expect(second.answer?.ageSeconds).toBeGreaterThan(0);
    expect(second.answer?.totals).toEqual(first.answer?.totals);
    // Another period of the same year: the same release; its months are the quarter's monthly rows.
    const may = await ask(null, { from: "2026-05-01", to: "2026-05-31" });
    expect(statements()).toBe(before);
    expect(may.answer?.generatedAt).toBe(first.answer?.generatedAt);
    expect(may.answer?.totals.receptions).toEqual(first.answer?.monthly[1].receptions);
    // The caller's visibility is part of the key: a counselor does not get the analyst's answer.
    const counselor = await ask(null, { from: "2026-04-01", to: "2026-06-30" }, tokens.alpes);
    expect(counselor.answer?.disclosureControl).toBe(false);
    expect(counselor.answer?.ageSeconds).toBe(0);
  });

  it("shares the cache between two gateways through Redis", async () => {
    const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
    probe.on("error", () => undefined);
    await probe.ping().catch((error: Error) => {
      throw new Error(
        `This test needs Redis at ${redisUrl} (set TEST_REDIS_URL; Debian: apt-get install -y redis-server): ${error.message}`,
      );
    });
    probe.disconnect();
    const prefix = `cae-indicators-test-${process.pid}-${Date.now()}:`;
    const one = await gatewayWith({ redisUrl, cachePrefix: prefix, cacheSeconds: 60 });
    const two = await gatewayWith({ redisUrl, cachePrefix: prefix, cacheSeconds: 60 });
    try {
      const first = await ask(one, { from: "2026-07-01", to: "2026-09-30" });
      expect(first.answer?.ageSeconds).toBe(0);
      const second = await ask(two, { from: "2026-07-01", to: "2026-09-30" });
      expect(two.indicators.fanOuts).toBe(0);
      expect(second.answer?.generatedAt).toBe(first.answer?.generatedAt);
      expect(second.answer?.totals).toEqual(first.answer?.totals);
    } finally {
      await one.stop();
      await two.stop();
    }
  });

  describe("with a cooperative down or slow", () => {
    let silent: Server;
    let withSilent: RunningGateway;
    const sockets: Socket[] = [];

    beforeAll(async () => {
      // A cooperative that accepts connections and never answers.
      silent = createServer((socket) => sockets.push(socket)).listen(0, "127.0.0.1");
      await new Promise((resolve) => silent.once("listening", resolve));
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
      withSilent = await gatewayWith(
        {},
        {
          cooperatives: [
            ...network.registry.cooperatives,
            { id: "silent-coop", name: "Silent", region: "Normandie", subgraphs: { members: url, contracts: url, finance: url } },
          ],
        },
        // Long enough for the live cooperatives to answer on a busy machine; the silent one never does.
        8000,
      );
    });
    afterAll(async () => {
      await withSilent?.stop();
      sockets.forEach((socket) => socket.destroy());
      silent?.close();
    });

    it("answers within the deadline without a partial release: the cells are unavailable and the silent cooperative named", async () => {
      // The silent cooperative never answers: an answer at all shows the deadline ended the wait (no duration is bounded here).
      const { result, answer } = await ask(withSilent, {});
      expect(answer!.complete).toBe(false);
      expect(answer!.missingCooperatives).toEqual([{ id: "silent-coop", name: "Silent", reason: "no answer within 8000 ms" }]);
      const incomplete = (result.errors ?? []).filter((error) => error.extensions?.code === "INCOMPLETE_INDICATORS");
      expect(incomplete.map((error) => error.extensions?.cooperativeId)).toEqual(["silent-coop"]);
      expect(incomplete[0].message).toMatch(/silent-coop/);
      // No release protected otherwise than the complete one: every cell unavailable, none computed from the others alone.
      for (const row of [answer!.totals, ...answer!.byCooperative.map((r) => r.indicators), ...answer!.byRegion.map((r) => r.indicators)])
        for (const [name, cell] of cellsOf(row))
          expect([name, cell]).toEqual([name, expect.objectContaining({ value: null, suppressed: false, reason: "UNAVAILABLE" })]);
      expect(answer!.byCooperative.map((row) => row.id)).toEqual([ALPES, BRETAGNE, GARONNE, "silent-coop"]);
      const again = await ask(withSilent, {});
      expect(again.answer!.complete).toBe(false);
      expect(withSilent.indicators.releasesBuilt).toBe(0);
    });

    it("serves the last complete release while a cooperative is stopped, and names it when there is none", async () => {
      const kept = await gatewayWith({ cacheSeconds: 1 });
      try {
        const complete = await ask(kept, { from: "2026-01-01", to: "2026-03-31" });
        expect(complete.answer!.complete).toBe(true);
        await network.subgraph(BRETAGNE, "members").stop();
        // The release's lifetime passes: the next question would build a new one, but Bretagne cannot answer.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const later = await ask(kept, { from: "2026-01-01", to: "2026-03-31" });
        expect(later.answer).toMatchObject({ complete: true, generatedAt: complete.answer!.generatedAt });
        expect(later.answer!.totals).toEqual(complete.answer!.totals);
        expect(kept.indicators.releasesBuilt).toBe(1);
      } finally {
        await kept.stop();
      }
      const { result, answer } = await ask(exact, { regions: ["Bretagne", "Auvergne-Rhône-Alpes"] });
      expect(answer!.complete).toBe(false);
      expect(answer!.missingCooperatives.map((missing) => missing.id)).toEqual([BRETAGNE]);
      expect(answer!.missingCooperatives[0].reason).toMatch(/members/);
      const named = (result.errors ?? [])
        .filter((e) => e.extensions?.code === "INCOMPLETE_INDICATORS")
        .map((e) => e.extensions?.cooperativeId);
      expect(named).toEqual([BRETAGNE]);
      expect(answer!.totals.people).toEqual({ value: null, suppressed: false, reason: "UNAVAILABLE" });
      // A cooperative's staff still read their own figures.
      const own = await ask(null, { cooperativeIds: [ALPES] }, tokens.alpes);
      expect(own.answer).toMatchObject({ complete: true, totals: { cooperatives: 1 } });
    });
  });
});
