import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ConfigError } from "@cae/shared";
import { DEFAULT_SUPERGRAPH_FILE, GATEWAY_ENV, gatewayConfigFromEnv } from "../config";
import { DEFAULT_QUERY_LIMITS } from "../limits/limits";

const publicKey = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }) as string;
const valid = { REGISTRY_FILE: "registry.json", AUTH_PUBLIC_KEY: publicKey, AUTH_ISSUER: "urn:test" };

describe("the gateway's environment", () => {
  it("reads every variable, with its default", () => {
    const config = gatewayConfigFromEnv(valid);
    expect(config).toMatchObject({
      port: 4000,
      host: "127.0.0.1",
      registryFile: resolve("registry.json"),
      supergraphFile: DEFAULT_SUPERGRAPH_FILE,
      cooperativeTimeoutMs: 5000,
      production: false,
      maxBodyBytes: 1_000_000,
      limits: DEFAULT_QUERY_LIMITS,
      indicators: { minCount: 5, cacheSeconds: 300, redisUrl: undefined, cachePrefix: "cae-indicators:" },
      serviceToken: undefined,
    });
    const changed = gatewayConfigFromEnv({
      ...valid,
      PORT: "0",
      COOPERATIVE_TIMEOUT_MS: "100",
      MAX_QUERY_DEPTH: "3",
      REDIS_URL: "rediss://cache:6380",
      INDICATORS_CACHE_SECONDS: "0",
    });
    expect(changed).toMatchObject({ port: 0, cooperativeTimeoutMs: 100, limits: { maxDepth: 3 }, indicators: { cacheSeconds: 0 } });
    expect(changed.indicators.redisUrl).toBe("rediss://cache:6380");
    expect(gatewayConfigFromEnv({ ...valid, REDIS_URL: "" }).indicators.redisUrl).toBeUndefined();
  });

  it("names every variable it reads, token verification's and the limits' included", () => {
    expect(GATEWAY_ENV).toEqual(expect.arrayContaining(["REGISTRY_FILE", "NETWORK_SERVICE_TOKEN_FILE", "AUTH_ISSUER", "MAX_PAGE_SIZE"]));
    expect(GATEWAY_ENV).toEqual(expect.arrayContaining(["LOG_LEVEL"]));
    expect(GATEWAY_ENV).toEqual(expect.arrayContaining(["NETWORK_URL", "REGISTRY_REFRESH_MS"]));
    expect(GATEWAY_ENV).toHaveLength(25);
  });

  it("follows the network's subgraph when NETWORK_URL is set, with or without a registry file to start from", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cae-gateway-config-")), "service.jwt");
    writeFileSync(file, "token\n");
    const config = gatewayConfigFromEnv({
      ...valid,
      REGISTRY_FILE: undefined,
      NETWORK_URL: "http://network:4090/graphql",
      NETWORK_SERVICE_TOKEN_FILE: file,
    });
    expect(config).toMatchObject({ networkUrl: "http://network:4090/graphql", registryRefreshMs: 5000, registryFile: undefined });
    expect(gatewayConfigFromEnv(valid)).toMatchObject({ networkUrl: undefined, registryFile: expect.stringMatching(/registry\.json$/) });
    // In production, only with the hosts the registry may name.
    const production = { ...valid, NODE_ENV: "production", NETWORK_URL: "http://network:4090/graphql", NETWORK_SERVICE_TOKEN_FILE: file };
    expect(() => gatewayConfigFromEnv(production)).toThrow(/Production with NETWORK_URL needs REGISTRY_ALLOWED_HOSTS/);
    const allowed = gatewayConfigFromEnv({
      ...production,
      REGISTRY_ALLOWED_HOSTS: " *.cae-network.fr , members.alpes.example",
    }).registryAllowedHosts!;
    const allows = (host: string) => allowed.some((pattern) => pattern.test(host));
    expect(["loire.cae-network.fr", "members.alpes.example"].map(allows)).toEqual([true, true]);
    expect(["cae-network.fr", "evil.example", "members.alpes.example.evil", "a.b.cae-network.fr"].map(allows)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("reads the gateway's own token at each use, so that a rotated file is picked up", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cae-gateway-config-")), "service.jwt");
    writeFileSync(file, "first\n");
    const config = gatewayConfigFromEnv({ ...valid, NETWORK_SERVICE_TOKEN_FILE: file });
    expect(config.serviceToken?.()).toBe("first");
    writeFileSync(file, "second\n");
    expect(config.serviceToken?.()).toBe("second");
  });

  it.each([
    [{ REGISTRY_FILE: undefined }, /Set NETWORK_URL .* or REGISTRY_FILE/],
    [{ NETWORK_URL: "network:4090" }, /NETWORK_URL must be the URL of the network subgraph's \/graphql, got "network:4090"/],
    [{ NETWORK_URL: "http://network:4090/graphql" }, /NETWORK_URL needs NETWORK_SERVICE_TOKEN_FILE/],
    [{ REGISTRY_REFRESH_MS: "50" }, 'REGISTRY_REFRESH_MS must be a whole number of milliseconds from 100 to 3600000, got "50"'],
    [{ PORT: "http" }, 'PORT must be a port number (0 to 65535), got "http"'],
    [{ COOPERATIVE_TIMEOUT_MS: "5s" }, 'COOPERATIVE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got "5s"'],
    [{ COOPERATIVE_TIMEOUT_MS: "99" }, 'COOPERATIVE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got "99"'],
    [{ MAX_BODY_BYTES: "1023" }, 'MAX_BODY_BYTES must be a whole number of bytes, at least 1024, got "1023"'],
    [{ INDICATORS_MIN_COUNT: "1" }, 'INDICATORS_MIN_COUNT must be a whole number from 2 to 1000, got "1"'],
    [{ INDICATORS_CACHE_SECONDS: "86401" }, 'INDICATORS_CACHE_SECONDS must be a whole number of seconds from 0 to 86400, got "86401"'],
    [{ REDIS_URL: "http://cache" }, 'REDIS_URL must be a redis:// or rediss:// URL, got "http://cache"'],
    [{ NETWORK_SERVICE_TOKEN_FILE: "/absent/token" }, 'NETWORK_SERVICE_TOKEN_FILE names "/absent/token", which does not exist'],
    [{ MAX_QUERY_COST: "0" }, 'MAX_QUERY_COST must be a positive whole number, got "0"'],
    [{ AUTH_ISSUER: undefined }, "AUTH_ISSUER must name the issuer whose tokens are accepted"],
    [{ AUTH_JWKS_URL: "https://idp.example/jwks" }, /Set exactly one of .* \(got 2\)/],
  ])("refuses %j with a ConfigError naming the variable", (change, message) => {
    const read = () => gatewayConfigFromEnv({ ...valid, ...change });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });
});
