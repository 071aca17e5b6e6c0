import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parsePort, SUBGRAPH_ENV, subgraphConfigFromEnv } from "../config";
import { envVar, parseEnv, wholeNumber } from "../env";
import { ConfigError } from "../errors";

const publicKey = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }) as string;
const valid = { COOPERATIVE_ID: "alpes-entreprendre", PORT: "4101", AUTH_PUBLIC_KEY: publicKey, AUTH_ISSUER: "urn:test" };

describe("a subgraph's environment", () => {
  it("reads every variable, with its default", () => {
    const config = subgraphConfigFromEnv("members", valid);
    expect(config).toMatchObject({
      cooperativeId: "alpes-entreprendre",
      port: 4101,
      host: "127.0.0.1",
      production: false,
    });
    expect(config.database).toEqual({ kind: "embedded", dataDir: resolve(".data", "alpes-entreprendre", "members"), template: undefined });
    expect(config.auth).toMatchObject({ issuer: "urn:test", audience: "cae-network", key: { kind: "pem" } });
    const server = subgraphConfigFromEnv("finance", { ...valid, DATABASE_URL: "postgres://db/x", HOST: "0.0.0.0" });
    expect(server).toMatchObject({ database: { kind: "server", url: "postgres://db/x" }, host: "0.0.0.0" });
  });

  it("reads how the subgraph reaches its siblings: their URLs, the events secret (or its file), polling by backend", () => {
    const dir = mkdtempSync(join(tmpdir(), "cae-events-secret-"));
    const secretFile = join(dir, "events.secret");
    writeFileSync(secretFile, `${"s".repeat(40)}\n`);
    const embedded = subgraphConfigFromEnv("contracts", {
      ...valid,
      MEMBERS_URL: "http://members:4101/graphql",
      CONTRACTS_URL: "http://contracts:4102/graphql",
      FINANCE_URL: "http://finance:4103/graphql",
      EVENTS_SECRET_FILE: secretFile,
    });
    // Its own URL is not a sibling's; the file's secret without its newline.
    expect(embedded.events).toEqual({
      secret: "s".repeat(40),
      siblings: { members: "http://members:4101/graphql", finance: "http://finance:4103/graphql" },
      settings: { pollMs: 0, maxAttempts: 10 },
    });
    const server = subgraphConfigFromEnv("members", { ...valid, DATABASE_URL: "postgres://db/x", EVENTS_MAX_ATTEMPTS: "3" });
    expect(server.events).toEqual({ secret: undefined, siblings: {}, settings: { pollMs: 1000, maxAttempts: 3 } });
  });

  it("names every variable it reads", () => {
    expect([...SUBGRAPH_ENV].sort()).toEqual(
      [
        "COOPERATIVE_ID",
        "PORT",
        "HOST",
        "DATABASE_URL",
        "DATA_DIR",
        "NODE_ENV",
        "PGLITE_TEMPLATE",
        "MINIMUM_WAGE_FILE",
        "LOG_LEVEL",
        "AUTH_PUBLIC_KEY_FILE",
        "AUTH_PUBLIC_KEY",
        "AUTH_JWKS_URL",
        "AUTH_ISSUER",
        "AUTH_AUDIENCE",
        "EVENTS_SECRET",
        "EVENTS_SECRET_FILE",
        "MEMBERS_URL",
        "CONTRACTS_URL",
        "FINANCE_URL",
        "EVENTS_POLL_MS",
        "EVENTS_MAX_ATTEMPTS",
      ].sort(),
    );
  });

  it.each([
    [{ COOPERATIVE_ID: "Alpes" }, 'COOPERATIVE_ID must be a cooperative slug (lowercase letters, digits and dashes), got "Alpes"'],
    [{ COOPERATIVE_ID: undefined }, 'COOPERATIVE_ID must be a cooperative slug (lowercase letters, digits and dashes), got ""'],
    [{ PORT: undefined }, 'PORT must be a port number (0 to 65535), got ""'],
    [{ PORT: "65536" }, 'PORT must be a port number (0 to 65535), got "65536"'],
    [{ PORT: "80.5" }, 'PORT must be a port number (0 to 65535), got "80.5"'],
    [{ AUTH_ISSUER: "" }, "AUTH_ISSUER must name the issuer whose tokens are accepted"],
    [{ AUTH_PUBLIC_KEY: undefined }, "Set exactly one of AUTH_PUBLIC_KEY_FILE, AUTH_PUBLIC_KEY or AUTH_JWKS_URL to verify tokens (got 0)"],
    [{ MINIMUM_WAGE_FILE: join(tmpdir(), "absent-smic.json") }, /^MINIMUM_WAGE_FILE .*absent-smic\.json cannot be read as JSON/],
    [{ EVENTS_SECRET: "too short" }, "EVENTS_SECRET must be at least 32 characters long"],
    [{ EVENTS_SECRET_FILE: join(tmpdir(), "absent-events.secret") }, /^EVENTS_SECRET_FILE .*absent-events\.secret cannot be read/],
    [{ EVENTS_SECRET: "a".repeat(32), EVENTS_SECRET_FILE: "/etc/hostname" }, "Set EVENTS_SECRET or EVENTS_SECRET_FILE, not both"],
    [{ CONTRACTS_URL: "not a url" }, 'CONTRACTS_URL must be a URL, got "not a url"'],
    [{ EVENTS_MAX_ATTEMPTS: "0" }, 'EVENTS_MAX_ATTEMPTS must be a whole number from 1 to 1000, got "0"'],
    [{ EVENTS_POLL_MS: "-5" }, 'EVENTS_POLL_MS must be milliseconds (0 to 3600000), got "-5"'],
    [{ NODE_ENV: "production" }, "Production (NODE_ENV=production) needs EVENTS_SECRET, shared by the cooperative's three subgraphs only"],
  ])("refuses %j with a ConfigError naming the variable", (change, message) => {
    const read = () => subgraphConfigFromEnv("members", { ...valid, ...change });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it("refuses the development key in production", () => {
    const dir = mkdtempSync(join(tmpdir(), "cae-config-"));
    writeFileSync(join(dir, "public.pem"), `# cae-network development key: never use it in production\n${publicKey}`);
    const env = { ...valid, AUTH_PUBLIC_KEY: undefined, AUTH_PUBLIC_KEY_FILE: join(dir, "public.pem") };
    expect(subgraphConfigFromEnv("members", env).production).toBe(false);
    expect(() => subgraphConfigFromEnv("members", { ...env, NODE_ENV: "production" })).toThrow(/refuses the development key/);
  });
});

describe("environment schemas", () => {
  const schema = {
    A: envVar(wholeNumber(1, 10), (value) => `A must be from 1 to 10, got "${value}"`, 5),
    B: envVar(
      (value) => value || undefined,
      () => "B must be set",
    ),
  };

  it("applies a variable's default when it is unset, not when it is empty", () => {
    expect(parseEnv(schema, { B: "x" })).toMatchObject({ A: 5, B: "x" });
    expect(() => parseEnv(schema, { A: "", B: "x" })).toThrow('A must be from 1 to 10, got ""');
  });

  it("names the first variable refused, in the schema's order, unset or not", () => {
    expect(() => parseEnv(schema, { A: "11" })).toThrow('A must be from 1 to 10, got "11"');
    expect(() => parseEnv(schema, { A: "2" })).toThrow(new ConfigError("B must be set"));
    expect(() => parseEnv(schema, { A: "2", B: "" })).toThrow(new ConfigError("B must be set"));
  });

  it("reads whole numbers as Number does, within their bounds", () => {
    expect([" 7", "1e1", "10", "0", "2.5", "abc", "11"].map(wholeNumber(1, 10))).toEqual([
      7,
      10,
      10,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads a port alone", () => {
    expect(parsePort("0", "PORT")).toBe(0);
    expect(() => parsePort("-1", "BENCH_PORT")).toThrow('BENCH_PORT must be a port number (0 to 65535), got "-1"');
    expect(() => parsePort(undefined, "BENCH_PORT")).toThrow('BENCH_PORT must be a port number (0 to 65535), got ""');
  });
});

describe("LOG_LEVEL", () => {
  const valid = { COOPERATIVE_ID: "alpes-entreprendre", PORT: "4101", AUTH_PUBLIC_KEY: "x", AUTH_ISSUER: "urn:test" };
  it("is info unless set, and refuses a level pino does not have, naming it", () => {
    expect(subgraphConfigFromEnv("members", valid).logLevel).toBe("info");
    expect(subgraphConfigFromEnv("members", { ...valid, LOG_LEVEL: "warn" }).logLevel).toBe("warn");
    expect(() => subgraphConfigFromEnv("members", { ...valid, LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of .*got "verbose"/);
  });
});
