#!/usr/bin/env node
/* global console, process, URL */
// Cooperatives upgrade one at a time, so the gateway of a new release serves subgraphs of the
// previous one. `check` fails when a subgraph's schema lacks anything the last release's had
// (a field removed, a type changed, an argument made required): a cooperative still on that
// release would then be asked for what it does not have, or the reverse. `save` records the
// current schemas as the release of the root package.json's version, when a release is cut.
// Needs the gateway built (`tsc --build`): it reads schemas as the gateway's check does.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SUBGRAPHS = ["members", "contracts", "finance"];
const RELEASES = join(ROOT, "releases");
const { lackingFrom, subgraphSchemaOf } = await import(join(ROOT, "gateway/dist/registry/compatibility.js"));

const byVersion = (a, b) => {
  const [x, y] = [a, b].map((version) => version.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
const current = (name) => readFileSync(join(ROOT, "subgraphs", name, "schema.graphql"), "utf8");

const [mode] = process.argv.slice(2);
if (mode === "save") {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  mkdirSync(join(RELEASES, version), { recursive: true });
  for (const name of SUBGRAPHS) copyFileSync(join(ROOT, "subgraphs", name, "schema.graphql"), join(RELEASES, version, `${name}.graphql`));
  console.log(`Saved the subgraphs' schemas as release ${version} (releases/${version}/)`);
} else if (mode === "check") {
  const releases = existsSync(RELEASES)
    ? readdirSync(RELEASES)
        .filter((name) => /^\d+\.\d+\.\d+$/.test(name))
        .sort(byVersion)
    : [];
  const last = releases.at(-1);
  if (!last) {
    console.error("No release recorded in releases/: run `npm run release:schemas -- save` when a release is cut");
    process.exit(1);
  }
  const problems = SUBGRAPHS.flatMap((name) => {
    const previous = subgraphSchemaOf(name, readFileSync(join(RELEASES, last, `${name}.graphql`), "utf8"));
    const now = subgraphSchemaOf(name, current(name));
    return (
      lackingFrom(previous, now)
        // An output field made nullable breaks no cooperative on the last release: its subgraph still
        // returns a value, which the nullable field takes. (Clients are told in the release notes.)
        .filter((change) => !/ changed type from (\S+)! to \1\.$/.test(change))
        .map((change) => `${name}: ${change}`)
    );
  });
  if (problems.length > 0) {
    console.error(`These changes would break a cooperative still on release ${last}:\n  ${problems.join("\n  ")}`);
    console.error("Keep the old field beside the new one (deprecated) until every cooperative has upgraded (docs/operations.md).");
    process.exit(1);
  }
  console.log(`Schemas compatible with release ${last}: a cooperative on it can be served by this gateway, and upgrade when it likes.`);
} else {
  console.log("Usage: node scripts/release-schemas.mjs check | save");
  process.exit(mode === "--help" ? 0 : 1);
}
