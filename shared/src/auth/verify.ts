import { readFileSync } from "node:fs";
import type { CleanedEnv } from "envalid";
import { LRUCache } from "lru-cache";
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyLike } from "jose";
import { envText, envVar, optionalEnvText, parseEnv } from "../env";
import { codedError, ConfigError } from "../errors";
import { callerFromClaims, type Caller } from "./caller";

/** Only asymmetric algorithms: `none` and shared-secret HMAC tokens are refused whatever their header says. */
export const TOKEN_ALGORITHMS = ["EdDSA", "RS256"];
export const DEFAULT_AUDIENCE = "cae-network";
/** The issuer of the tokens `npm run token` signs with the local development key. */
export const DEVELOPMENT_ISSUER = "urn:cae-network:development";
/** First line of the development key files, so that production can recognise and refuse them. */
export const DEVELOPMENT_KEY_MARKER = "# cae-network development key: never use it in production";

export interface AuthConfig {
  /** A public key (PEM, SPKI) or the URL of a JWKS. */
  key: { kind: "pem"; pem: string; source: string } | { kind: "jwks"; url: string };
  issuer: string;
  audience: string;
}

/** The variables of token verification, part of the gateway's and every subgraph's environment schema. */
export const AUTH_ENV_SHAPE = {
  AUTH_PUBLIC_KEY_FILE: optionalEnvText(),
  AUTH_PUBLIC_KEY: optionalEnvText(),
  AUTH_JWKS_URL: optionalEnvText(),
  AUTH_ISSUER: envVar(
    (value) => value || undefined,
    () => "AUTH_ISSUER must name the issuer whose tokens are accepted",
  ),
  AUTH_AUDIENCE: envText(DEFAULT_AUDIENCE),
};
export type AuthEnv = CleanedEnv<typeof AUTH_ENV_SHAPE>;

/** Environment variables of token verification, read by the gateway and every subgraph. */
export const AUTH_ENV = Object.keys(AUTH_ENV_SHAPE) as (keyof typeof AUTH_ENV_SHAPE)[];

/** What the variables, each valid, say together: one key, readable, and not the development one in production. */
export function authConfigOf(vars: AuthEnv, production: boolean): AuthConfig {
  const given = (["AUTH_PUBLIC_KEY_FILE", "AUTH_PUBLIC_KEY", "AUTH_JWKS_URL"] as const).filter((name) => vars[name]);
  if (given.length !== 1) {
    throw new ConfigError(
      `Set exactly one of AUTH_PUBLIC_KEY_FILE, AUTH_PUBLIC_KEY or AUTH_JWKS_URL to verify tokens (got ${given.length})`,
    );
  }
  let key: AuthConfig["key"];
  if (vars.AUTH_JWKS_URL) {
    key = { kind: "jwks", url: vars.AUTH_JWKS_URL };
  } else if (vars.AUTH_PUBLIC_KEY_FILE) {
    try {
      key = { kind: "pem", pem: readFileSync(vars.AUTH_PUBLIC_KEY_FILE, "utf8"), source: vars.AUTH_PUBLIC_KEY_FILE };
    } catch (error) {
      throw new ConfigError(
        `AUTH_PUBLIC_KEY_FILE: cannot read ${vars.AUTH_PUBLIC_KEY_FILE}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  } else {
    key = { kind: "pem", pem: vars.AUTH_PUBLIC_KEY ?? "", source: "AUTH_PUBLIC_KEY" };
  }
  const issuer = vars.AUTH_ISSUER;
  if (production && (issuer === DEVELOPMENT_ISSUER || (key.kind === "pem" && key.pem.includes(DEVELOPMENT_KEY_MARKER)))) {
    throw new ConfigError("Production (NODE_ENV=production) refuses the development key and issuer: configure the network's own key");
  }
  return { key, issuer, audience: vars.AUTH_AUDIENCE };
}

/** Token verification's part of an environment alone (a process parses it within its whole schema). */
export const authConfigFromEnv = (env: NodeJS.ProcessEnv, production: boolean): AuthConfig =>
  authConfigOf(parseEnv(AUTH_ENV_SHAPE, env), production);

export type Authenticate = (authorization: string | null | undefined) => Promise<Caller>;

/** Unauthenticated, with HTTP 401: a missing or bad token never reaches a resolver. */
export const unauthenticatedRequest = (reason: string) =>
  codedError("UNAUTHENTICATED", `Authentication required: ${reason}`, { http: { status: 401 } });

/** Builds the request authenticator of a service: it verifies signature, algorithm, expiry, issuer and audience. */
export async function createAuthenticator(config: AuthConfig): Promise<Authenticate> {
  let key: KeyLike | JWTVerifyGetKey;
  if (config.key.kind === "jwks") {
    key = createRemoteJWKSet(new URL(config.key.url));
  } else {
    const pem = config.key.pem.slice(config.key.pem.indexOf("-----BEGIN"));
    key = await importPublicKey(pem, config.key.source);
  }
  // Clients send the same token with every request for hours: a signature once verified is
  // remembered for a minute at most (never past the token's expiry), for the most recently used tokens.
  const verified = new LRUCache<string, Caller>({
    max: VERIFIED_TOKENS_KEPT,
    ttl: VERIFIED_TOKEN_MS,
    // Expiry is wall-clock time (`exp`): measured with Date.now, at every look-up (no cached clock).
    perf: { now: () => Date.now() },
    ttlResolution: 0,
  });
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match) throw unauthenticatedRequest('send a token as "Authorization: Bearer <token>"');
    const known = verified.get(match[1]);
    if (known) return known;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1], key as KeyLike, {
        algorithms: TOKEN_ALGORITHMS,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (error) {
      throw unauthenticatedRequest(describeTokenError(error));
    }
    const caller = callerFromClaims(payload);
    if (typeof caller === "string") throw unauthenticatedRequest(caller);
    const ttl = Math.min(VERIFIED_TOKEN_MS, (payload.exp as number) * 1000 - Date.now());
    // A ttl of 0 would mean "forever": a token about to expire is not remembered at all.
    if (ttl >= 1) verified.set(match[1], caller, { ttl });
    return caller;
  };
}

const VERIFIED_TOKENS_KEPT = 10_000;
const VERIFIED_TOKEN_MS = 60_000;

async function importPublicKey(pem: string, source: string): Promise<KeyLike> {
  for (const algorithm of TOKEN_ALGORITHMS) {
    try {
      return await importSPKI(pem, algorithm);
    } catch {
      // try the next algorithm
    }
  }
  throw new ConfigError(`${source} is not a PEM public key (SPKI) for ${TOKEN_ALGORITHMS.join(" or ")}`);
}

function describeTokenError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return "the token has expired";
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return `the token's algorithm is not accepted (only ${TOKEN_ALGORITHMS.join(", ")})`;
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
    case "ERR_JWKS_NO_MATCHING_KEY":
      return "the token's signature does not verify";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      return `the token's claims are not accepted (${error instanceof Error ? error.message : ""})`;
    default:
      return "the token is not a valid signed JWT";
  }
}
