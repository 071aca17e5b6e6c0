/* global process */
const { rmSync } = require("node:fs");

module.exports = async function globalTeardown() {
  if (process.env.TEST_TEMPLATES_DIR) rmSync(process.env.TEST_TEMPLATES_DIR, { recursive: true, force: true });
};
