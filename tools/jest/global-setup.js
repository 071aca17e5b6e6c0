/* global process */
const { mkdtempSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

/** One directory of database templates per run: the workers inherit its path, and the teardown removes it. */
module.exports = async function globalSetup() {
  process.env.TEST_TEMPLATES_DIR = mkdtempSync(join(tmpdir(), "cae-test-templates-"));
};
