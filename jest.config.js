/**
 * One Jest run over every workspace, in three tiers a developer can run alone:
 *   unit      no database, no process, no port (`*.test.ts`)
 *   subgraph  one subgraph's layers on a real database, in process (`*.subgraph.test.ts`)
 *   e2e       the gateway and cooperatives' subgraphs over real HTTP (`*.e2e.test.ts`)
 * Tests run on the TypeScript sources (ts-jest, transpile only; `npm run check:types` type-checks them).
 */
const { availableParallelism } = require("node:os");

const tier = (displayName, testMatch, testPathIgnorePatterns = []) => ({
  displayName,
  testEnvironment: "node",
  roots: ["<rootDir>/shared/src", "<rootDir>/subgraphs", "<rootDir>/gateway/src", "<rootDir>/tools/src"],
  testMatch,
  testPathIgnorePatterns: ["/node_modules/", "/dist/", ...testPathIgnorePatterns],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }] },
  moduleNameMapper: {
    "^@cae/shared$": "<rootDir>/shared/src",
    "^@cae/(members|contracts|finance|network)$": "<rootDir>/subgraphs/$1/src",
    "^@cae/gateway$": "<rootDir>/gateway/src",
    "^@cae/tools$": "<rootDir>/tools/src",
    "^@cae/tools/testing$": "<rootDir>/tools/src/testing",
  },
  setupFiles: ["reflect-metadata"],
});

module.exports = {
  projects: [
    tier("unit", ["**/src/**/__tests__/**/*.test.ts"], ["\\.subgraph\\.test\\.ts$", "\\.e2e\\.test\\.ts$"]),
    tier("subgraph", ["**/src/**/__tests__/**/*.subgraph.test.ts"]),
    tier("e2e", ["**/src/**/__tests__/**/*.e2e.test.ts"]),
  ],
  // Where the database templates are kept (tools/src/testing/database.ts): made once, shared by the workers and the runs.
  globalSetup: "<rootDir>/tools/jest/global-setup.js",
  // Most of a test's time is PGlite's WebAssembly on the CPU: one worker per core, and two on a
  // two-core machine (Jest's default there is one), since a worker also waits on sockets.
  maxWorkers: Math.max(2, availableParallelism()),
  // Sized for a machine busy with another test run: starting a network may take minutes there.
  testTimeout: 300000,
};
