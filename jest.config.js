/** One Jest run over every workspace; tests run on the TypeScript sources (ts-jest, transpile only). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/shared/src", "<rootDir>/subgraphs", "<rootDir>/gateway/src"],
  testMatch: ["**/src/**/__tests__/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }] },
  moduleNameMapper: {
    "^@cae/shared$": "<rootDir>/shared/src",
    "^@cae/(members|contracts|finance)$": "<rootDir>/subgraphs/$1/src",
    "^@cae/gateway$": "<rootDir>/gateway/src",
  },
  setupFiles: ["reflect-metadata"],
  // Sized for a machine busy with another test run: starting a network of processes may take minutes there.
  testTimeout: 300000,
};
