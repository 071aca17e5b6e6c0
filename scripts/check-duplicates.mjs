#!/usr/bin/env node
/* global console, process, URL */
// Fails when code is written again across packages: every rule lives in one place (shared/, most
// often) and the others import it. It reads each package's src (tests and generated files left
// out), normalises every line (white space folded; blank lines, comments, imports and lone
// punctuation passed over), and reports each run of WINDOW such lines that stands, the same to
// the letter, in two packages or more. A legitimate repeat goes in scripts/duplicates-allowed.txt
// (one normalised line of the run a line, as this script prints it), with the reason beside it.
// No dependency: plain Node, so that it runs wherever CI does.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = ["shared", "subgraphs/members", "subgraphs/contracts", "subgraphs/finance", "subgraphs/network", "gateway", "tools"];
/** Lines a run must have to count: enough for a rule, few enough that no copied rule hides below it. */
const WINDOW = Number(process.env.DUPLICATES_WINDOW ?? 6);
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const LEFT_OUT = [/(^|\/)__tests__\//, /\.test\.[cm]?[jt]sx?$/, /\.d\.ts$/, /(^|\/)generated\//, /(^|\/)(dist|node_modules)\//];

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name)) yield path;
  }
}

/** The lines that carry code, normalised, each with its line number. */
function codeLines(text) {
  const lines = [];
  let inComment = false;
  let inImport = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    let line = raw.trim();
    if (inComment) {
      if (!line.includes("*/")) return;
      line = line.slice(line.indexOf("*/") + 2).trim();
      inComment = false;
    }
    if (line.startsWith("/*")) {
      if (!line.includes("*/")) inComment = true;
      return;
    }
    if (line.startsWith("//") || line.startsWith("*")) return;
    if (inImport) {
      if (/^}( from\b|;?$)/.test(line)) inImport = false;
      return;
    }
    if (/^(import|export)\b.*\{$/.test(line) || /^import (type )?\{[^}]*$/.test(line)) {
      inImport = !/\bfrom\b/.test(line) && !/^export (const|function|class|interface|type|enum)\b/.test(line);
      if (inImport || /^import\b/.test(line)) return;
    }
    if (/^(import\b|export \* from|export \{[^}]*\} from)/.test(line)) return;
    line = line.replace(/\s+/g, " ");
    if (/^[\s{}()[\];,.:]*$/.test(line)) return; // lone punctuation
    lines.push({ line, number: index + 1 });
  });
  return lines;
}

const allowed = new Set(
  readFileSync(join(ROOT, "scripts/duplicates-allowed.txt"), "utf8")
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("#")),
);

/** For each window's hash: where it stands (package, file, first and last line). */
const places = new Map();
let files = 0;
for (const pkg of PACKAGES) {
  for (const file of sourceFiles(join(ROOT, pkg, "src"))) {
    const path = relative(ROOT, file).split(sep).join("/");
    if (LEFT_OUT.some((pattern) => pattern.test(path))) continue;
    files++;
    const lines = codeLines(readFileSync(file, "utf8"));
    for (let i = 0; i + WINDOW <= lines.length; i++) {
      const run = lines.slice(i, i + WINDOW);
      if (run.every(({ line }) => allowed.has(line))) continue;
      const hash = createHash("sha1")
        .update(run.map(({ line }) => line).join("\n"))
        .digest("hex");
      const place = { pkg, path, from: run[0].number, to: run[WINDOW - 1].number, run };
      const known = places.get(hash);
      if (known) known.push(place);
      else places.set(hash, [place]);
    }
  }
}

// Overlapping windows of one repeat are reported once: as the span from its first to its last line in each file.
const repeats = new Map();
for (const found of places.values()) {
  if (new Set(found.map((place) => place.pkg)).size < 2) continue;
  const key = found.map((place) => place.path).join(" ~ ");
  const spans = repeats.get(key);
  if (!spans) {
    repeats.set(key, { places: found.map((place) => ({ ...place })), lines: new Set(found[0].run.map(({ line }) => line)) });
    continue;
  }
  spans.places.forEach((span, i) => {
    span.from = Math.min(span.from, found[i].from);
    span.to = Math.max(span.to, found[i].to);
  });
  for (const { line } of found[0].run) spans.lines.add(line);
}

if (repeats.size === 0) {
  console.log(`No code repeated across packages (${files} files, runs of ${WINDOW} lines).`);
} else {
  console.error(`Code repeated across packages (${files} files, runs of ${WINDOW} lines): give the rule one place and import it.`);
  for (const { places: spans, lines } of repeats.values()) {
    console.error(`\n  ${spans.map((span) => `${span.path}:${span.from}-${span.to}`).join("\n  ~ ")}`);
    for (const line of lines) console.error(`    | ${line}`);
  }
  console.error("\n(A legitimate repeat: its lines in scripts/duplicates-allowed.txt, with the reason.)");
  process.exitCode = 1;
}
