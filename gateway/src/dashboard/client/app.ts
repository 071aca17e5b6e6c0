/**
 * The network dashboard: signs in with a pasted token, asks the gateway for the network's
 * indicators with the typed operation graphql-codegen generates from examples/operations.graphql,
 * and draws them, in French, each figure with what it counts. Hidden cells (secret statistique) are
 * shown as such, never as zero. What is shown can be exported as a CSV file for a spreadsheet.
 */
import { print } from "graphql/language/printer";
import {
  FunderReportFilesDocument,
  NetworkIndicatorsDocument,
  type FunderReportFilesQuery,
  type NetworkIndicatorsQuery,
  type NetworkIndicatorsQueryVariables,
} from "../../../../examples/generated/graphql.js";
import { barChart, timeChart, type Bar } from "./charts.js";
// The shared rules this page needs are plain modules without imports, compiled for the browser too;
// "#project/" is the repository's root (this folder's tsconfig.json, and the page's import map).
import { periodDates, periodInFrench, todayInFrance } from "#project/shared/src/dates.js";
import { FRENCH_EUROS, formatEuros } from "#project/shared/src/euros.js";
import {
  FOLLOW_UP_SITUATION_LABELS,
  FUNDER_DIMENSION_LABELS,
  FUNDER_STEP_LABELS,
  funderKeyLabel,
  labelOf,
  PATH_STAGE_LABELS,
} from "#project/shared/src/labels.js";

type Indicators = NetworkIndicatorsQuery["network"]["indicators"];
/** A set of figures the table shows for every row; only the totals carry the funders' figures. */
type Figures = Omit<Indicators["totals"], "funder">;
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
const REPORT_QUERY = print(FunderReportFilesDocument);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Euros from a string of cents, exactly and as written in French ("123456" → "1 234,56 €"), by the network's one rule. */
const euros = (cents: string): string => formatEuros(cents, FRENCH_EUROS);
/** A decimal from the API ("12.5") as written in French ("12,5"). */
const decimal = (value: string | number) => String(value).replace(".", ",");

/** What a cell shows: its value, "secret" when the disclosure control hides it, "n.d." (non disponible) when its source does not give it. */
function show(cell: Cell, format: (value: string | number) => string = String): string {
  if (cell.value !== null && cell.value !== undefined) return format(cell.value);
  if (cell.reason === "UNAVAILABLE") return "n.d.";
  return cell.suppressed ? "secret" : "–";
}

const percent = (value: string | number) => `${decimal((Number(value) * 100).toFixed(1))} %`;
const bar = (label: string, cell: Cell): Bar => ({
  label,
  value: cell.value === null || cell.value === undefined ? null : Number(cell.value),
  note: cell.reason === "UNAVAILABLE" ? "n.d." : "secret",
});

/** One figure shown: the name a test (or a reader) finds it by, its label, what it counts, its cell and how it is written. */
type Figure = [name: string, label: string, counts: string, cell: Cell, format: (value: string | number) => string];

/** The figures shown for one set, each saying what it counts. */
function figureList(figures: Figures): Figure[] {
  return [
    [
      "people",
      "Personnes accueillies",
      "Toutes les personnes venues au plus tard le dernier jour de la période (premier contact), quel que soit leur parcours depuis.",
      figures.people,
      String,
    ],
    ["receptions", "Accueils individuels", "Accueils individuels tenus pendant la période.", figures.receptions, String],
    ["exits", "Sorties", "Personnes sorties de la coopérative pendant la période.", figures.exits, String],
    ["associates", "Associé·es", "Associé·es (sociétaires) au dernier jour de la période.", figures.associates, String],
    [
      "womenShare",
      "Part des femmes",
      "Femmes parmi les personnes accueillies qui ont déclaré leur genre, au dernier jour de la période.",
      figures.womenShare,
      percent,
    ],
    ["contractsSigned", "Contrats signés", "Contrats d'objectif, CAPE et CESA signés pendant la période.", figures.contractsSigned, String],
    [
      "fullTimeEquivalent",
      "CESA en cours (ETP)",
      "Heures mensuelles des CESA en cours au dernier jour de la période, divisées par 151,67 (un temps plein).",
      figures.fullTimeEquivalent,
      decimal,
    ],
    [
      "revenueExcludingVat",
      "Chiffre d'affaires HT",
      "Facturé pendant la période, hors taxes, avoirs déduits.",
      figures.revenueExcludingVat,
      (value) => euros(String(value)),
    ],
    [
      "daysToCesa",
      "Jours de l'accueil au CESA",
      "Moyenne, pour les premiers CESA commencés pendant la période : total des jours depuis l'accueil divisé par leur nombre.",
      figures.receptionToEmploymentContract.averageDays,
      decimal,
    ],
  ];
}

function renderTotals(indicators: Indicators) {
  const totals = $("totals");
  totals.replaceChildren(
    ...figureList(indicators.totals).map(([name, label, counts, cell, format]) => {
      const card = document.createElement("div");
      card.className = `figure${cell.suppressed ? " suppressed" : ""}`;
      const value = document.createElement("strong");
      value.dataset.figure = `totals.${name}`;
      value.textContent = show(cell, format);
      if (cell.reason) value.title = cell.reason === "UNAVAILABLE" ? "Non disponible" : "Secret statistique";
      const caption = document.createElement("span");
      caption.textContent = label;
      const definition = document.createElement("small");
      definition.dataset.counts = name;
      definition.textContent = counts;
      card.append(value, caption, definition);
      return card;
    }),
  );
}

/** The rows of the table and of its export: every cooperative, every region, then the whole. */
function tableRows(indicators: Indicators): { key: string; name: string; region: string; figures: Figures }[] {
  return [
    ...indicators.byCooperative.map((row) => ({ key: row.id, name: row.name, region: row.region, figures: row.indicators })),
    ...indicators.byRegion.map((row) => ({
      key: `region:${row.region}`,
      name: `Ensemble ${row.region}`,
      region: row.region,
      figures: row.indicators,
    })),
    { key: "totals", name: "Ensemble", region: "", figures: indicators.totals },
  ];
}

const TABLE_HEAD = ["Coopérative", "Région"];

function renderTable(indicators: Indicators) {
  const table = $<HTMLTableElement>("by-cooperative");
  const head = document.createElement("tr");
  for (const [text, title] of [
    ...TABLE_HEAD.map((text) => [text, ""]),
    ...figureList(indicators.totals).map(([, label, counts]) => [label, counts]),
  ]) {
    const th = document.createElement("th");
    th.textContent = text;
    if (title) th.title = title;
    head.append(th);
  }
  const rows = tableRows(indicators).map(({ key, name, region, figures }) => {
    const tr = document.createElement("tr");
    tr.dataset.row = key;
    const cells = [name, region, ...figureList(figures).map(([figure, , , cell, format]) => [figure, show(cell, format), cell] as const)];
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
  const stages = indicators.totals.peopleByStage.map((cell) => bar(labelOf(PATH_STAGE_LABELS, cell.key), cell));
  const charted = [
    barChart("Personnes accueillies, par coopérative", people),
    barChart("Personnes accueillies, par région", regions),
    barChart("Personnes selon l'étape la plus avancée de leur parcours", stages),
    timeChart(
      "Accueils individuels par mois",
      indicators.monthly.map((month) => bar(month.month, month.receptions)),
    ),
    timeChart(
      "Contrats signés par mois",
      indicators.monthly.map((month) => bar(month.month, month.contractsSigned)),
    ),
    barChart("Chiffre d'affaires HT, par coopérative", revenue, (cents) => euros(String(cents))),
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

/** The funders' figures of the totals: the people supported and reached, sessions, then charts by step, contract, dimension and follow-up. */
function renderFunder(indicators: Indicators) {
  const funder = indicators.totals.funder;
  const cards: [string, string, string, Cell][] = [
    [
      "supported",
      "Personnes accompagnées",
      "Personnes qui ont eu un contrat en vigueur au moins un jour de la période, ou qui sont venues à un entretien ou un atelier tenu dans la période ; chacune une fois.",
      funder.supported,
    ],
    [
      "peopleReached",
      "Personnes venues à une séance",
      "Personnes venues à au moins un entretien individuel ou un atelier dans la période.",
      funder.support.peopleReached,
    ],
    ["individualSessions", "Entretiens individuels", "Entretiens individuels tenus dans la période.", funder.support.individualSessions],
    ["workshops", "Ateliers collectifs", "Ateliers tenus dans la période.", funder.support.workshops],
    ["workshopAttendances", "Participations aux ateliers", "Une par personne et par atelier.", funder.support.workshopAttendances],
  ];
  $("funder-totals").replaceChildren(
    ...cards.map(([name, label, counts, cell]) => {
      const card = document.createElement("div");
      card.className = `figure${cell.suppressed ? " suppressed" : ""}`;
      const value = document.createElement("strong");
      value.dataset.figure = `funder.${name}`;
      value.textContent = show(cell);
      const caption = document.createElement("span");
      caption.textContent = label;
      const definition = document.createElement("small");
      definition.dataset.counts = `funder.${name}`;
      definition.textContent = counts;
      card.append(value, caption, definition);
      return card;
    }),
  );
  const dimension = $<HTMLSelectElement>("funder-dimension");
  if (dimension.options.length === 0)
    for (const row of funder.supportedBy) dimension.append(new Option(labelOf(FUNDER_DIMENSION_LABELS, row.dimension), row.dimension));
  const chosen = funder.supportedBy.find((row) => row.dimension === dimension.value) ?? funder.supportedBy[0];
  // A hundred départements: those with people, and those hidden, only.
  const cells = chosen.dimension === "DEPARTEMENT" ? chosen.cells.filter((cell) => cell.value !== 0) : chosen.cells;
  const charted = [
    barChart(
      `Personnes accompagnées – ${labelOf(FUNDER_DIMENSION_LABELS, chosen.dimension)}`,
      cells.map((cell) => bar(funderKeyLabel(chosen.dimension, cell.key), cell)),
    ),
    barChart(
      "Entrées dans le parcours",
      funder.entries.map((cell) => bar(labelOf(FUNDER_STEP_LABELS, cell.key), cell)),
    ),
    ...funder.followUps.map((followUp) =>
      barChart(
        `Suivi ${followUp.months} mois après la sortie`,
        followUp.bySituation.map((cell) => bar(labelOf(FOLLOW_UP_SITUATION_LABELS, cell.key), cell)),
      ),
    ),
  ];
  ["supported-by-dimension", "entries", ...funder.followUps.map((followUp) => `follow-up-${followUp.months}`)].forEach(
    (name, i) => (charted[i].dataset.chart = name),
  );
  $("funder-charts").replaceChildren(...charted);
}

/** The funders' report of what is shown, printed by the gateway, downloaded as a file. */
async function downloadReport(kind: "pdf" | "csv") {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token || !shown) return;
  $("message").textContent = "Préparation du rapport…";
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: REPORT_QUERY, variables: shownVariables }),
  });
  const result = (await response.json()) as { data?: FunderReportFilesQuery | null; errors?: GraphQLError[] };
  const files = result.data?.network?.indicators;
  if (!files) {
    $("message").textContent = `Refusé : ${(result.errors ?? []).map((error) => error.message).join(" ; ")}`;
    return;
  }
  $("message").textContent = "";
  const blob =
    kind === "pdf"
      ? new Blob([Uint8Array.from(atob(files.funderReportPdf), (c) => c.charCodeAt(0))], { type: "application/pdf" })
      : new Blob([files.funderReportCsv], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `rapport-financeurs-${shown.from}-${shown.to}.${kind}`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function renderStatus(indicators: Indicators, errors: GraphQLError[]) {
  const status = $("status");
  const lines = [
    `Période : ${periodInFrench(indicators.from, indicators.to)} ; chiffres calculés il y a ${Math.round(indicators.ageSeconds)} s (${indicators.generatedAt}).`,
    indicators.disclosureControl
      ? `Secret statistique : les effectifs de 1 à ${indicators.minCount - 1} personnes et les chiffres d'affaires de moins de 3 activités ou dominés par l'une d'elles sont masqués (« secret »), avec les cases qui permettraient de les retrouver.`
      : "Chiffres exacts de votre coopérative.",
  ];
  if (!indicators.complete) {
    lines.push(
      `INCOMPLET : les totaux ne comptent que les coopératives qui ont répondu. Manquent : ${indicators.missingCooperatives.map((m) => `${m.name} (${m.reason})`).join(" ; ")}.`,
    );
  }
  if (indicators.unavailableSources.length > 0)
    lines.push(`Pas encore disponibles (« n.d. ») : les chiffres du service ${indicators.unavailableSources.join(", ")}.`);
  status.className = indicators.complete ? "status" : "status incomplete";
  status.dataset.complete = String(indicators.complete);
  status.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
  void errors;
}

/** The last figures shown, and what they were asked with, for the exports. */
let shown: Indicators | undefined;
let shownVariables: NetworkIndicatorsQueryVariables | undefined;

/** The period chosen: a calendar month, quarter or year (what network roles may ask), or free dates (a cooperative's staff). */
function chosenPeriod(): { from: string; to: string } {
  const kind = $<HTMLSelectElement>("period-kind").value;
  const year = $<HTMLInputElement>("year").value;
  if (kind === "month") return periodDates(`${year}-${$<HTMLSelectElement>("month").value}`);
  if (kind === "quarter") return periodDates(`${year}-Q${$<HTMLSelectElement>("quarter").value}`);
  if (kind === "year") return periodDates(year);
  return { from: $<HTMLInputElement>("from").value, to: $<HTMLInputElement>("to").value };
}

/** Shows the controls of the kind of period chosen. */
function showPeriodControls() {
  const kind = $<HTMLSelectElement>("period-kind").value;
  $("month-field").hidden = kind !== "month";
  $("quarter-field").hidden = kind !== "quarter";
  $("year-field").hidden = kind === "dates";
  $("dates-fields").hidden = kind !== "dates";
}

async function load() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return;
  const { from, to } = chosenPeriod();
  const variables: NetworkIndicatorsQueryVariables = {
    from,
    to,
    ...($<HTMLSelectElement>("region").value && { regions: [$<HTMLSelectElement>("region").value] }),
  };
  $("message").textContent = "Chargement…";
  document.body.dataset.loaded = "false";
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  const result = (await response.json()) as { data?: NetworkIndicatorsQuery | null; errors?: GraphQLError[] };
  const indicators = result.data?.network?.indicators;
  if (!indicators) {
    $("message").textContent =
      `Refusé : ${(result.errors ?? []).map((error) => `${error.message} (${error.extensions?.code ?? response.status})`).join(" ; ")}`;
    if (response.status === 401) signOut();
    return;
  }
  $("message").textContent = "";
  const regions = $<HTMLSelectElement>("region");
  if (regions.options.length <= 1) {
    for (const row of indicators.byRegion) regions.append(new Option(row.region, row.region));
  }
  shown = indicators;
  shownVariables = variables;
  for (const id of ["export", "report-pdf", "report-csv"]) $<HTMLButtonElement>(id).disabled = false;
  renderStatus(indicators, result.errors ?? []);
  renderTotals(indicators);
  renderCharts(indicators);
  renderTable(indicators);
  renderFunder(indicators);
  document.body.dataset.loaded = "true";
}

/** A CSV field: quoted when it holds the separator, a quote or a line break. */
const csvField = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * The table as shown, as a CSV file a French spreadsheet opens as it is: ";" between fields,
 * decimal commas, UTF-8 with its byte order mark; hidden figures say "secret", never 0.
 */
function tableCsv(indicators: Indicators): string {
  const figures = figureList(indicators.totals);
  const lines = [
    [`Indicateurs du réseau, ${periodInFrench(indicators.from, indicators.to)}`],
    [...TABLE_HEAD, ...figures.map(([, label]) => label)],
    ...tableRows(indicators).map(({ name, region, figures: row }) => [
      name,
      region,
      ...figureList(row).map(([, , , cell, format]) => show(cell, format)),
    ]),
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(";")).join("\r\n")}\r\n`;
}

function exportCsv() {
  if (!shown) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([tableCsv(shown)], { type: "text/csv;charset=utf-8" }));
  link.download = `indicateurs-${shown.from}-${shown.to}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  $("signin").hidden = false;
  $("controls").hidden = true;
}

function start() {
  const today = todayInFrance();
  $<HTMLInputElement>("year").value ||= today.slice(0, 4);
  $<HTMLSelectElement>("month").value = today.slice(5, 7);
  $<HTMLSelectElement>("quarter").value = String(Math.ceil(Number(today.slice(5, 7)) / 3));
  $<HTMLInputElement>("from").value ||= `${today.slice(0, 4)}-01-01`;
  $<HTMLInputElement>("to").value ||= `${today.slice(0, 4)}-12-31`;
  showPeriodControls();
  $("period-kind").addEventListener("change", showPeriodControls);
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
  $("export").addEventListener("click", exportCsv);
  $("report-pdf").addEventListener("click", () => void downloadReport("pdf"));
  $("report-csv").addEventListener("click", () => void downloadReport("csv"));
  $("funder-dimension").addEventListener("change", () => shown && renderFunder(shown));
  if (sessionStorage.getItem(TOKEN_KEY)) {
    $("signin").hidden = true;
    $("controls").hidden = false;
    void load();
  }
}

start();
