/* global process */
const { createHash } = require("node:crypto");
const { mkdirSync, readdirSync, readFileSync, rmSync, statSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = join(__dirname, "..", "..");
const cache = join(root, "node_modules", ".cache", "cae-network", "test-templates");

/** What a test database's content follows from: migrations, entities, rules and the demo generator, and the installed PGlite. */
const SOURCES = [
  "shared/src",
  "subgraphs/members/src",
  "subgraphs/contracts/src",
  "subgraphs/finance/src",
  "tools/src/demo",
  "tools/src/testing",
];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "__tests__") yield* files(path);
    } else if (/\.(ts|json)$/.test(entry.name)) yield path;
  }
}

/**
 * The database templates (tools/src/testing/database.ts) live in a directory named by the hash of
 * everything they are made from: a run after a change to a migration or to the demo data makes
 * them again, a run after none reuses them. The workers inherit the path.
 */
module.exports = async function globalSetup() {
  const hash = createHash("sha256").update(readFileSync(join(root, "package-lock.json")));
  for (const source of SOURCES) {
    for (const file of [...files(join(root, source))].sort()) hash.update(relative(root, file)).update(readFileSync(file));
  }
  const key = hash.digest("hex").slice(0, 16);
  mkdirSync(cache, { recursive: true });
  // Templates of other sources go, once no run can still be reading them (a run beside this one may be of other sources).
  const hourAgo = Date.now() - 3_600_000;
  for (const old of readdirSync(cache)) {
    if (old !== key && statSync(join(cache, old)).mtimeMs < hourAgo) rmSync(join(cache, old), { recursive: true, force: true });
  }
  process.env.TEST_TEMPLATES_DIR = join(cache, key);
};
