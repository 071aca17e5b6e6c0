import { pdfText, startTestNetwork, type TestNetwork } from "@cae/tools";
import { FUNDER_STEP_LABELS, funderKeyLabel, labelOf } from "@cae/shared";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, print, type DefinitionNode } from "graphql";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const ALPES = "alpes-entreprendre";
const BRETAGNE = "bretagne-cooperer";
/** Debian's chromium: Playwright's own browser download cannot run here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Cell = { value?: string | number | null; suppressed: boolean; reason?: string | null };
type Figures = Record<string, Cell> & { people: Cell; peopleByStage: Cell[] };
type Funder = {
  supported: Cell;
  supportedBy: { dimension: string; cells: (Cell & { key: string })[] }[];
  entries: (Cell & { key: string })[];
};
type Indicators = {
  disclosureControl: boolean;
  totals: Figures & { funder: Funder };
  byCooperative: { id: string; name: string; region: string; indicators: Figures }[];
  byRegion: { region: string; indicators: Figures }[];
  monthly: { month: string; receptions: Cell }[];
};

/** The dashboard's own operation, from the file graphql-codegen generates its typed document from. */
const OPERATION = (() => {
  const document = parse(readFileSync(join(__dirname, "..", "..", "..", "examples", "operations.graphql"), "utf8"));
  const wanted = ["NetworkIndicators", "DashboardFigures", "DashboardFunder", "CountFields"];
  const named = (definition: DefinitionNode) => ("name" in definition && definition.name ? definition.name.value : "");
  return print({ ...document, definitions: document.definitions.filter((definition) => wanted.includes(named(definition))) });
})();

/** What the page must show for a cell, as the API gives it. */
const expected = (cell: Cell, format: (value: string | number) => string = String) =>
  cell.value !== null && cell.value !== undefined ? format(cell.value) : cell.reason === "UNAVAILABLE" ? "n.d." : "secret";
/** A share as the page writes it, in French: "45,2 %". */
const percent = (value: string | number) => `${(Number(value) * 100).toFixed(1).replace(".", ",")} %`;

describe("the network dashboard in headless Chromium", () => {
  let network: TestNetwork;
  let browser: BrowserContext;
  let profile: string;
  const year = new Date().getFullYear();
  const variables = { from: `${year}-01-01`, to: `${year}-12-31` };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`The dashboard test needs Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; or set CHROMIUM_PATH)`);
    }
    const client = join(__dirname, "..", "..", "dist", "dashboard", "browser", "gateway", "src", "dashboard", "client", "app.js");
    if (!existsSync(client)) throw new Error(`The dashboard's browser code is not built (${client}): run npx tsc --build first`);
    network = await startTestNetwork([ALPES, BRETAGNE]);
    profile = mkdtempSync(join(tmpdir(), "cae-dashboard-chromium-"));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await network?.stop();
  });

  const signIn = async (token: string): Promise<Page> => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on("pageerror", (error) => failures.push(error.message));
    await page.goto(new URL("/dashboard", network.gateway.url).toString());
    await page.fill("#token", token);
    await page.click("#signin-button");
    await page.waitForSelector("body[data-loaded=true]", { timeout: 30_000 }).catch((error: Error) => {
      throw new Error(`${error.message}; page errors: ${failures.join("; ") || "none"}`);
    });
    return page;
  };
  const api = async (token: string, period = variables): Promise<Indicators> => {
    const result = await network.query(OPERATION, period, token);
    return (result.data as { network: { indicators: Indicators } }).network.indicators;
  };
  const text = (page: Page, figure: string) => page.textContent(`[data-figure="${figure}"]`);

  it("shows an analyst the same figures as the API: totals, per cooperative, per region, charts and months", async () => {
    const token = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    const page = await signIn(token);
    const indicators = await api(token);
    expect(indicators.disclosureControl).toBe(true);

    expect(await text(page, "totals.people")).toBe(expected(indicators.totals.people));
    expect(await text(page, "totals.receptions")).toBe(expected(indicators.totals.receptions));
    expect(await text(page, "totals.exits")).toBe(expected(indicators.totals.exits));
    expect(await text(page, "totals.womenShare")).toBe(expected(indicators.totals.womenShare, percent));
    for (const row of indicators.byCooperative) {
      expect([row.id, await text(page, `${row.id}.people`)]).toEqual([row.id, expected(row.indicators.people)]);
      expect([row.id, await text(page, `${row.id}.associates`)]).toEqual([row.id, expected(row.indicators.associates)]);
      const bar = await page.getAttribute(`svg[data-chart="people-by-cooperative"] g[data-label="${row.name}"]`, "data-value");
      expect(bar).toBe(row.indicators.people.value === null ? "" : String(row.indicators.people.value));
    }
    for (const row of indicators.byRegion) {
      expect(await text(page, `region:${row.region}.people`)).toBe(expected(row.indicators.people));
      const bar = await page.getAttribute(`svg[data-chart="people-by-region"] g[data-label="${row.region}"]`, "data-value");
      expect(bar).toBe(row.indicators.people.value === null ? "" : String(row.indicators.people.value));
    }
    const months = await page.$$eval('svg[data-chart="receptions-by-month"] g', (groups) =>
      groups.map((group) => [group.getAttribute("data-label"), group.getAttribute("data-value")]),
    );
    expect(months).toEqual(
      indicators.monthly.map((month) => [month.month, month.receptions.value === null ? "" : String(month.receptions.value)]),
    );
    // Hidden cells are shown as hidden, never as a number.
    const stages = await page.$$eval('svg[data-chart="stages"] g', (groups) => groups.map((group) => group.getAttribute("data-value")));
    expect(stages).toEqual(indicators.totals.peopleByStage.map((cell) => (cell.value === null ? "" : String(cell.value))));
    await page.close();
  });

  it("shows a cooperative's counselor their own exact figures", async () => {
    const token = await network.token({ sub: "counselor", role: "COUNSELOR", coop: ALPES });
    const page = await signIn(token);
    const indicators = await api(token);
    expect(indicators.disclosureControl).toBe(false);
    expect(await text(page, "totals.people")).toBe(String(indicators.totals.people.value));
    expect(await page.textContent("#status")).toContain("Chiffres exacts de votre coopérative");
    expect(await page.$$eval("tr[data-row]", (rows) => rows.map((row) => row.getAttribute("data-row")))).toEqual([
      ALPES,
      "region:Auvergne-Rhône-Alpes",
      "totals",
    ]);
    await page.close();
  });

  it("speaks French: every key has its label, every figure says what it counts", async () => {
    const token = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    const page = await signIn(token);
    const text = await page.innerText("body");
    // No raw key of the API (OBJECTIVE_CONTRACT, UNAVAILABLE, SUPPORT_AGREEMENT...) reaches the reader.
    expect(text.match(/\b[A-Z]{2,}(?:_[A-Z]+)+\b/g)).toBeNull();
    const stages = await page.$$eval('svg[data-chart="stages"] g', (groups) => groups.map((group) => group.getAttribute("data-label")));
    expect(stages).toEqual([
      "Réunion d'information",
      "Accueil individuel",
      "Orientation vers un partenaire",
      "Admission",
      "Contrat d'objectif",
      "CAPE",
      "CESA",
      "Associé·e",
      "Sortie",
    ]);
    const definitions = await page.$$eval("[data-counts]", (items) => items.map((item) => item.textContent ?? ""));
    expect(definitions).toHaveLength(14);
    for (const definition of definitions) expect(definition.length).toBeGreaterThan(20);
    expect(await page.textContent("#status")).toContain(`année ${year}`);
    await page.close();
  });

  it("offers the usual periods: a quarter and a month give the API's figures for them", async () => {
    const token = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    const page = await signIn(token);
    const choose = async (kind: string, field: string, value: string, period: { from: string; to: string }, said: string) => {
      await page.selectOption("#period-kind", kind);
      await page.selectOption(field, value);
      await page.click("#show");
      await page.locator("#status", { hasText: said }).waitFor();
      await page.waitForSelector("body[data-loaded=true]");
      const indicators = await api(token, period);
      expect([said, await text(page, "totals.people")]).toEqual([said, expected(indicators.totals.people)]);
      expect([said, await text(page, "totals.receptions")]).toEqual([said, expected(indicators.totals.receptions)]);
      const months = await page.$$eval('svg[data-chart="receptions-by-month"] g', (groups) =>
        groups.map((group) => group.getAttribute("data-label")),
      );
      expect(months).toEqual(indicators.monthly.map((month) => month.month));
    };
    await choose("quarter", "#quarter", "2", { from: `${year}-04-01`, to: `${year}-06-30` }, `2e trimestre ${year}`);
    await choose("month", "#month", "03", { from: `${year}-03-01`, to: `${year}-03-31` }, `mars ${year}`);
    await page.close();
  });

  it("exports the table as shown, as a CSV file a French spreadsheet opens", async () => {
    const token = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    const page = await signIn(token);
    const indicators = await api(token);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
    expect(download.suggestedFilename()).toBe(`indicateurs-${year}-01-01-${year}-12-31.csv`);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv
      .slice(1)
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(";"));
    expect(lines[0]).toEqual([`Indicateurs du réseau, année ${year}`]);
    expect(lines[1].slice(0, 3)).toEqual(["Coopérative", "Région", "Personnes accueillies"]);
    const rows = new Map(lines.slice(2).map((line) => [line[0], line]));
    for (const row of indicators.byCooperative) {
      const line = rows.get(row.name)!;
      expect([row.name, line[1], line[2], line[5]]).toEqual([
        row.name,
        row.region,
        expected(row.indicators.people),
        expected(row.indicators.associates),
      ]);
    }
    expect(rows.get("Ensemble")![2]).toBe(expected(indicators.totals.people));
    expect(rows.size).toBe(indicators.byCooperative.length + indicators.byRegion.length + 1);
    await page.close();
  });

  it("shows the funders' figures under French labels, and downloads their report as PDF and CSV", async () => {
    const token = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    const page = await signIn(token);
    const { funder } = (await api(token)).totals;
    expect(await text(page, "funder.supported")).toBe(expected(funder.supported));
    await page.selectOption("#funder-dimension", "EDUCATION_LEVEL");
    const education = funder.supportedBy.find((row) => row.dimension === "EDUCATION_LEVEL")!;
    const bars = await page.$$eval('svg[data-chart="supported-by-dimension"] g', (groups) =>
      groups.map((group) => [group.getAttribute("data-label"), group.getAttribute("data-value")]),
    );
    expect(bars).toEqual(
      education.cells.map((cell) => [funderKeyLabel("EDUCATION_LEVEL", cell.key), cell.value === null ? "" : String(cell.value)]),
    );
    expect(bars.map(([label]) => label)).toContain("Niveau 4 (bac)");
    const steps = await page.$$eval('svg[data-chart="entries"] g', (groups) => groups.map((group) => group.getAttribute("data-label")));
    expect(steps).toEqual(funder.entries.map((cell) => labelOf(FUNDER_STEP_LABELS, cell.key)));

    const [pdf] = await Promise.all([page.waitForEvent("download"), page.click("#report-pdf")]);
    expect(pdf.suggestedFilename()).toBe(`rapport-financeurs-${year}-01-01-${year}-12-31.pdf`);
    const printed = readFileSync((await pdf.path())!);
    expect(printed.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await pdfText(printed)).toContain("Ensemble du réseau");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#report-csv")]);
    const lines = readFileSync((await csv.path())!, "utf8")
      .slice(1)
      .split("\r\n");
    expect(lines).toContain(`Personnes accompagnées;${expected(funder.supported)}`);
    await page.close();
  });

  it("says plainly when a token is refused", async () => {
    const token = await network.token({
      sub: "e",
      role: "ENTREPRENEUR",
      coop: ALPES,
      person: `${ALPES}:00000000-0000-4000-8000-000000000001`,
    });
    const page = await browser.newPage();
    await page.goto(new URL("/dashboard", network.gateway.url).toString());
    await page.fill("#token", token);
    await page.click("#signin-button");
    await page.locator("#message", { hasText: "Refusé" }).waitFor();
    expect(await page.textContent("#message")).toContain("FORBIDDEN");
    await page.close();
  });
});
