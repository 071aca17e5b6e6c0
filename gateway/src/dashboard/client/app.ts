/**
 * The network dashboard: signs in with a pasted token, asks the gateway for the network's
 * indicators with the typed operation graphql-codegen generates from examples/operations.graphql,
 * and draws them. Hidden cells (secret statistique) are shown as such, never as zero.
 */
import { print } from "graphql/language/printer";
import {
  NetworkIndicatorsDocument,
  type NetworkIndicatorsQuery,
  type NetworkIndicatorsQueryVariables,
} from "../../../../examples/generated/graphql.js";
import { barChart, timeChart, type Bar } from "./charts.js";
// The shared rules this page needs are plain modules without imports, compiled for the browser too;
// "#project/" is the repository's root (this folder's tsconfig.json, and the page's import map).
import { todayInFrance } from "#project/shared/src/dates.js";
import { formatEuros } from "#project/shared/src/euros.js";

type Indicators = NetworkIndicatorsQuery["network"]["indicators"];
type Figures = Indicators["totals"];
interface Cell {
  value?: string | number | null;
  suppressed: boolean;
  reason?: string | null;
}
interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

const TOKEN_KEY = "cae-dashboard-token";
const QUERY = print(NetworkIndicatorsDocument);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Euros from a string of cents, exactly ("123456" → "1 234.56 €"), by the network's one rule. */
const euros = (cents: string): string => formatEuros(cents, { group: " ", unit: " €" });

function show(cell: Cell, format: (value: string | number) => string = String): string {
  if (cell.value !== null && cell.value !== undefined) return format(cell.value);
  if (cell.reason === "UNAVAILABLE") return "n/a";
  return cell.suppressed ? "secret" : "–";
}

const percent = (value: string | number) => `${(Number(value) * 100).toFixed(1)} %`;
const bar = (label: string, cell: Cell): Bar => ({
  label,
  value: cell.value === null || cell.value === undefined ? null : Number(cell.value),
  note: cell.reason === "UNAVAILABLE" ? "n/a" : "secret",
});

/** The figures shown for one set, each with the name a test (or a reader) can find it by. */
function figureList(figures: Figures): [string, string, Cell, (value: string | number) => string][] {
  return [
    ["people", "People welcomed", figures.people, String],
    ["receptions", "Receptions (accueils)", figures.receptions, String],
    ["exits", "Exits (sorties)", figures.exits, String],
    ["associates", "Associates (sociétaires)", figures.associates, String],
    ["womenShare", "Women's share", figures.womenShare, percent],
    ["contractsSigned", "Contracts signed", figures.contractsSigned, String],
    ["fullTimeEquivalent", "Running CESA, full-time equivalent", figures.fullTimeEquivalent, String],
    ["revenueExcludingVat", "Revenue excl. VAT", figures.revenueExcludingVat, (value) => euros(String(value))],
    ["daysToCesa", "Average days from reception to CESA", figures.receptionToEmploymentContract.averageDays, String],
  ];
}

function renderTotals(indicators: Indicators) {
  const totals = $("totals");
  totals.replaceChildren(
    ...figureList(indicators.totals).map(([name, label, cell, format]) => {
      const card = document.createElement("div");
      card.className = `figure${cell.suppressed ? " suppressed" : ""}`;
      const value = document.createElement("strong");
      value.dataset.figure = `totals.${name}`;
      value.textContent = show(cell, format);
      if (cell.reason) value.title = cell.reason;
      const caption = document.createElement("span");
      caption.textContent = label;
      card.append(value, caption);
      return card;
    }),
  );
}

function renderTable(indicators: Indicators) {
  const table = $<HTMLTableElement>("by-cooperative");
  const names = figureList(indicators.totals);
  const head = document.createElement("tr");
  for (const text of ["Cooperative", "Region", ...names.map(([, label]) => label)]) {
    const th = document.createElement("th");
    th.textContent = text;
    head.append(th);
  }
  const rows = [
    ...indicators.byCooperative.map((row) => ({ key: row.id, name: row.name, region: row.region, figures: row.indicators })),
    ...indicators.byRegion.map((row) => ({
      key: `region:${row.region}`,
      name: `All of ${row.region}`,
      region: row.region,
      figures: row.indicators,
    })),
  ].map(({ key, name, region, figures }) => {
    const tr = document.createElement("tr");
    tr.dataset.row = key;
    const cells = [name, region, ...figureList(figures).map(([figure, , cell, format]) => [figure, show(cell, format), cell] as const)];
    for (const content of cells) {
      const td = document.createElement("td");
      if (typeof content === "string") td.textContent = content;
      else {
        const [figure, text, cell] = content;
        td.dataset.figure = `${key}.${figure}`;
        td.textContent = text;
        if (cell.suppressed) td.className = "suppressed";
      }
      tr.append(td);
    }
    return tr;
  });
  table.replaceChildren(head, ...rows);
}

function renderCharts(indicators: Indicators) {
  const charts = $("charts");
  const people = indicators.byCooperative.map((row) => bar(row.name, row.indicators.people));
  const regions = indicators.byRegion.map((row) => bar(row.region, row.indicators.people));
  const revenue = indicators.byCooperative.map((row) => bar(row.name, row.indicators.revenueExcludingVat));
  const stages = indicators.totals.peopleByStage.map((cell) => bar(cell.key, cell));
  const charted = [
    barChart("People welcomed, per cooperative", people),
    barChart("People welcomed, per region", regions),
    barChart("People by stage of the path (network)", stages),
    timeChart(
      "Receptions per month",
      indicators.monthly.map((month) => bar(month.month, month.receptions)),
    ),
    timeChart(
      "Contracts signed per month",
      indicators.monthly.map((month) => bar(month.month, month.contractsSigned)),
    ),
    barChart("Revenue excl. VAT, per cooperative", revenue, (cents) => euros(String(cents))),
  ];
  charted.forEach(
    (chart, i) =>
      (chart.dataset.chart = [
        "people-by-cooperative",
        "people-by-region",
        "stages",
        "receptions-by-month",
        "contracts-by-month",
        "revenue-by-cooperative",
      ][i]),
  );
  charts.replaceChildren(...charted);
}

function renderStatus(indicators: Indicators, errors: GraphQLError[]) {
  const status = $("status");
  const lines = [
    `Period ${indicators.from} to ${indicators.to}; figures ${Math.round(indicators.ageSeconds)} s old (${indicators.generatedAt}).`,
    indicators.disclosureControl
      ? `Counts below ${indicators.minCount} and revenue of fewer than 3 activities or dominated by one are hidden ("secret"), with the cells that would give them away.`
      : "Exact figures of your own cooperative.",
  ];
  if (!indicators.complete) {
    lines.push(
      `INCOMPLETE: totals cover the answering cooperatives only. Missing: ${indicators.missingCooperatives.map((m) => `${m.name} (${m.reason})`).join("; ")}.`,
    );
  }
  if (indicators.unavailableSources.length > 0)
    lines.push(`Not available yet: ${indicators.unavailableSources.join(", ")} figures ("n/a").`);
  status.className = indicators.complete ? "status" : "status incomplete";
  status.dataset.complete = String(indicators.complete);
  status.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
  void errors;
}

async function load() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return;
  const variables: NetworkIndicatorsQueryVariables = {
    from: $<HTMLInputElement>("from").value,
    to: $<HTMLInputElement>("to").value,
    ...($<HTMLSelectElement>("region").value && { regions: [$<HTMLSelectElement>("region").value] }),
  };
  $("message").textContent = "Loading…";
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  const result = (await response.json()) as { data?: NetworkIndicatorsQuery | null; errors?: GraphQLError[] };
  const indicators = result.data?.network?.indicators;
  if (!indicators) {
    $("message").textContent =
      `Refused: ${(result.errors ?? []).map((error) => `${error.message} (${error.extensions?.code ?? response.status})`).join("; ")}`;
    if (response.status === 401) signOut();
    return;
  }
  $("message").textContent = "";
  const regions = $<HTMLSelectElement>("region");
  if (regions.options.length <= 1) {
    for (const row of indicators.byRegion) regions.append(new Option(row.region, row.region));
  }
  renderStatus(indicators, result.errors ?? []);
  renderTotals(indicators);
  renderCharts(indicators);
  renderTable(indicators);
  document.body.dataset.loaded = "true";
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  $("signin").hidden = false;
  $("controls").hidden = true;
}

function start() {
  const year = todayInFrance().slice(0, 4);
  $<HTMLInputElement>("from").value ||= `${year}-01-01`;
  $<HTMLInputElement>("to").value ||= `${year}-12-31`;
  $("signin").addEventListener("submit", (event) => {
    event.preventDefault();
    const token = $<HTMLTextAreaElement>("token")
      .value.trim()
      .replace(/^Bearer\s+/i, "");
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    $("signin").hidden = true;
    $("controls").hidden = false;
    void load();
  });
  $("controls").addEventListener("submit", (event) => {
    event.preventDefault();
    void load();
  });
  $("signout").addEventListener("click", signOut);
  if (sessionStorage.getItem(TOKEN_KEY)) {
    $("signin").hidden = true;
    $("controls").hidden = false;
    void load();
  }
}

start();
