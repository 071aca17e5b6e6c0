import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { dirname, join, normalize, resolve, sep } from "node:path";

/** The browser code, compiled by its own project (src/dashboard/client/tsconfig.json) into dist; the same path from src and dist. */
const BROWSER_DIR = resolve(__dirname, "..", "..", "dist", "dashboard", "browser");
const CLIENT = "gateway/src/dashboard/client/app.js";
/** graphql's ES modules: the client prints the generated typed document with graphql's own printer. */
const GRAPHQL_DIR = dirname(require.resolve("graphql/package.json"));

// "#project/" is the repository's root as the browser code was compiled (client/tsconfig.json's paths).
const IMPORT_MAP = JSON.stringify({
  imports: { "graphql/language/printer": "/dashboard/vendor/graphql/language/printer.mjs", "#project/": "/dashboard/assets/" },
});
const IMPORT_MAP_HASH = createHash("sha256").update(IMPORT_MAP).digest("base64");

const PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Indicateurs du réseau Coopérer pour Entreprendre</title>
<style>
  [hidden] { display: none !important; }
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2733; }
  h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.5rem; }
  form { display: flex; gap: .6rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
  textarea { width: 36rem; height: 4.5rem; font-family: monospace; }
  label { display: flex; flex-direction: column; font-size: .85rem; }
  .status p { margin: .2rem 0; } .status.incomplete { color: #a40000; font-weight: 600; }
  #totals, #funder-totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem; }
  .figure { border: 1px solid #c9d3de; border-radius: 6px; padding: .5rem; display: flex; flex-direction: column; }
  .figure strong { font-size: 1.3rem; } .figure small { color: #4a5866; margin-top: .3rem; }
  .suppressed { color: #7a5b00; font-style: italic; }
  #charts, #funder-charts { display: flex; flex-wrap: wrap; gap: 1rem; }
  .chart-title { font-weight: 600; } .bar { fill: #2f6db5; } .hidden-bar { fill: none; stroke: #b08900; stroke-dasharray: 4 2; }
  .bar-label, .bar-value { font-size: 11px; } .hidden-value { fill: #b08900; }
  table { border-collapse: collapse; margin-top: .5rem; } th, td { border: 1px solid #c9d3de; padding: .25rem .5rem; text-align: right; }
  th:first-child, td:first-child, td:nth-child(2) { text-align: left; }
</style>
<script type="importmap">${IMPORT_MAP}</script>
</head>
<body>
<h1>Indicateurs du réseau</h1>
<form id="signin">
  <label>Jeton d'accès (équipe du réseau, ou équipe d'une coopérative pour ses propres chiffres)<textarea id="token" required></textarea></label>
  <button id="signin-button" type="submit">Se connecter</button>
</form>
<form id="controls" hidden>
  <label>Période<select id="period-kind">
    <option value="year">Année</option><option value="quarter">Trimestre</option><option value="month">Mois</option>
    <option value="dates">Dates libres (sa coopérative)</option>
  </select></label>
  <label id="year-field">Année<input id="year" type="number" min="2000" max="2100" required></label>
  <label id="quarter-field">Trimestre<select id="quarter">
    <option value="1">1er trimestre</option><option value="2">2e trimestre</option><option value="3">3e trimestre</option><option value="4">4e trimestre</option>
  </select></label>
  <label id="month-field">Mois<select id="month">
    <option value="01">janvier</option><option value="02">février</option><option value="03">mars</option><option value="04">avril</option>
    <option value="05">mai</option><option value="06">juin</option><option value="07">juillet</option><option value="08">août</option>
    <option value="09">septembre</option><option value="10">octobre</option><option value="11">novembre</option><option value="12">décembre</option>
  </select></label>
  <span id="dates-fields">
    <label>Du<input id="from" type="date"></label>
    <label>Au<input id="to" type="date"></label>
  </span>
  <label>Région<select id="region"><option value="">Toutes les régions</option></select></label>
  <button id="show" type="submit">Afficher</button>
  <button id="export" type="button" disabled>Exporter (CSV)</button>
  <button id="signout" type="button">Se déconnecter</button>
</form>
<p id="message" role="status"></p>
<section id="status" class="status"></section>
<h2>Ensemble</h2>
<section id="totals"></section>
<h2>Graphiques</h2>
<section id="charts"></section>
<h2>Par coopérative et par région</h2>
<table id="by-cooperative"></table>
<h2>Rapport aux financeurs</h2>
<form id="funder-controls">
  <label>Personnes accompagnées selon<select id="funder-dimension"></select></label>
  <button id="report-pdf" type="button" disabled>Rapport (PDF)</button>
  <button id="report-csv" type="button" disabled>Rapport (CSV)</button>
</form>
<section id="funder-totals" class="totals"></section>
<section id="funder-charts" class="charts"></section>
<script type="module" src="/dashboard/assets/${CLIENT}"></script>
</body>
</html>
`;

const HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "content-security-policy": `default-src 'self'; script-src 'self' 'sha256-${IMPORT_MAP_HASH}'; style-src 'unsafe-inline'; img-src 'self' data:`,
};

/** A file under `root` named by a URL path, or null for anything outside it or of another kind. */
function fileUnder(root: string, path: string, extension: string): string | null {
  const file = normalize(join(root, decodeURIComponent(path)));
  return file.startsWith(root + sep) && file.endsWith(extension) ? file : null;
}

/** Serves the dashboard: GET /dashboard (the page), its compiled scripts, and graphql's printer. */
export async function serveDashboard(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  if (pathname !== "/dashboard" && !pathname.startsWith("/dashboard/")) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET", "content-type": "text/plain" }).end("Method not allowed");
    return true;
  }
  if (pathname === "/dashboard" || pathname === "/dashboard/") {
    res.writeHead(200, { ...HEADERS, "content-type": "text/html; charset=utf-8" }).end(PAGE);
    return true;
  }
  const asset = pathname.startsWith("/dashboard/assets/")
    ? fileUnder(BROWSER_DIR, pathname.slice("/dashboard/assets/".length), ".js")
    : pathname.startsWith("/dashboard/vendor/graphql/")
      ? fileUnder(GRAPHQL_DIR, pathname.slice("/dashboard/vendor/graphql/".length), ".mjs")
      : null;
  const body = asset ? await readFile(asset).catch(() => null) : null;
  if (!body) {
    const hint = pathname.endsWith("app.js") ? " (the dashboard's script is built by `npx tsc --build`)" : "";
    res.writeHead(404, { "content-type": "text/plain" }).end(`Not found: ${pathname}${hint}`);
    return true;
  }
  res.writeHead(200, { ...HEADERS, "content-type": "text/javascript; charset=utf-8" }).end(body);
  return true;
}

/** Puts the dashboard in front of a server's other routes (the API's /graphql and /health). */
export function mountDashboard(server: Server) {
  const others = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    serveDashboard(req, res)
      .then((served) => {
        if (!served) for (const listener of others) listener.call(server, req, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal server error");
      });
  });
}
