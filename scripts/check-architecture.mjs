#!/usr/bin/env node
/* global console, process, URL */
// Fails when a package that runs reaches past what it may: the gateway and the subgraphs meet only
// through the supergraph, the subgraphs never import each other, and the tooling (tools/) is
// imported by nothing that runs. It reads every import of each package's src (tests left out,
// since tests may use the tooling) and each package.json's dependencies.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** What each package that runs may import of the project's packages and of the libraries that are tooling. */
const RULES = {
  shared: { packages: [], forbidden: ["@apollo/composition", "@apollo/gateway", "autocannon", "highs"] },
  "subgraphs/members": { packages: ["@cae/shared"], forbidden: ["@apollo/composition", "@apollo/gateway", "autocannon", "highs"] },
  "subgraphs/contracts": { packages: ["@cae/shared"], forbidden: ["@apollo/composition", "@apollo/gateway", "autocannon", "highs"] },
  "subgraphs/finance": { packages: ["@cae/shared"], forbidden: ["@apollo/composition", "@apollo/gateway", "autocannon", "highs"] },
  "subgraphs/network": { packages: ["@cae/shared"], forbidden: ["@apollo/composition", "@apollo/gateway", "autocannon", "highs"] },
  gateway: { packages: ["@cae/shared"], forbidden: ["@apollo/composition", "autocannon", "highs", "pg"] },
};
/**
 * The dashboard's browser code is compiled into a bundle of its own (gateway/src/dashboard/client/
 * tsconfig.json) and cannot load the Node package: it compiles in the pure modules (dates, euros, French labels) it
 * shares with the server, and the client types graphql-codegen writes.
 */
const BROWSER_REACH = {
  "gateway/src/dashboard/client/app.ts": [
    "shared/src/dates.js",
    "shared/src/euros.js",
    "shared/src/labels.js",
    "examples/generated/graphql.js",
  ],
};
/** The browser code's name for the repository's root (its tsconfig.json's paths, the page's import map). */
const PROJECT_ROOT = "#project/";
const LEFT_OUT = /(^|\/)(__tests__|dist|node_modules)(\/|$)/;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (LEFT_OUT.test(relative(ROOT, path))) continue;
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|cts|js|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) yield path;
  }
}

const problems = [];
for (const [pkg, rule] of Object.entries(RULES)) {
  const manifest = JSON.parse(readFileSync(join(ROOT, pkg, "package.json"), "utf8"));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    if (dependency.startsWith("@cae/") && !rule.packages.includes(dependency))
      problems.push(`${pkg}/package.json depends on ${dependency}`);
    if (rule.forbidden.includes(dependency)) problems.push(`${pkg}/package.json depends on ${dependency}, which is tooling`);
  }
  for (const file of sourceFiles(join(ROOT, pkg, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(/(?:from\s+|import\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)) {
      const where = relative(ROOT, file);
      const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
      if (specifier.startsWith(PROJECT_ROOT)) {
        if (!BROWSER_REACH[where]?.includes(specifier.slice(PROJECT_ROOT.length))) problems.push(`${where} reaches into ${specifier}`);
      } else if (name.startsWith("@cae/") && !rule.packages.includes(name)) problems.push(`${where} imports ${specifier}`);
      else if (rule.forbidden.includes(name)) problems.push(`${where} imports ${specifier}, which is tooling`);
      else if (specifier.startsWith(".") && /(^|\/)(dist|tools)\//.test(specifier)) problems.push(`${where} reaches into ${specifier}`);
      else if (
        specifier.startsWith(".") &&
        !join(file, "..", specifier).startsWith(join(ROOT, pkg)) &&
        !BROWSER_REACH[where]?.includes(relative(ROOT, join(file, "..", specifier)))
      )
        problems.push(`${where} reaches out of ${pkg} with ${specifier}`);
    }
  }
}

if (problems.length > 0) {
  console.error(`The architecture is broken:\n\n${problems.map((problem) => `  ${problem}`).join("\n")}\n`);
  console.error(
    "The gateway meets the subgraphs through the supergraph; the subgraphs never import each other; nothing that runs imports tools/.",
  );
  process.exit(1);
}
console.log(`Architecture kept: ${Object.keys(RULES).join(", ")} import only what they run.`);
