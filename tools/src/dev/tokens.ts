import { DEVELOPMENT_ISSUER, type Role } from "@cae/shared";
import { generateDemoCooperative } from "../demo/generate";
import { demoProfile } from "../demo/profile";
import { ensureKeyPair, signToken, type KeyFiles } from "../keys";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

/** Where `npm start` keeps the development key pair: beside the demo data, never in the repository. */
export function developmentKeyDir(dataDir: string): string {
  return resolve(dataDir, "auth");
}

export function ensureDevelopmentKeys(dataDir: string): Promise<KeyFiles> {
  return ensureKeyPair(developmentKeyDir(dataDir));
}

/** The environment that makes a service accept the development tokens. */
export function developmentAuthEnv(keys: KeyFiles): Record<string, string> {
  return { AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile, AUTH_ISSUER: DEVELOPMENT_ISSUER };
}

/** One ready-made token per role, for the first demo cooperative; the entrepreneur is one with an employment contract. */
export async function demoTokens(keys: KeyFiles, cooperativeId: string): Promise<Record<Exclude<Role, "NETWORK_SERVICE">, string>> {
  const demo = generateDemoCooperative(demoProfile(cooperativeId));
  const employed = demo.contracts.find((contract) => contract.kind === "EMPLOYMENT")?.personId ?? demo.people[0].id;
  const sign = (role: Role, extra: { coop?: string; person?: string } = {}) =>
    signToken(keys.privateKeyFile, { sub: `demo-${role.toLowerCase()}`, role, ...extra }, { expiresIn: "12h" });
  return {
    ENTREPRENEUR: await sign("ENTREPRENEUR", { coop: cooperativeId, person: `${cooperativeId}:${employed}` }),
    COUNSELOR: await sign("COUNSELOR", { coop: cooperativeId }),
    COOP_ADMIN: await sign("COOP_ADMIN", { coop: cooperativeId }),
    NETWORK_ANALYST: await sign("NETWORK_ANALYST"),
    NETWORK_ADMIN: await sign("NETWORK_ADMIN"),
  };
}

/**
 * The gateway's own credential for development, kept beside the key pair (an identity provider
 * issues it in a deployment): valid 30 days, made anew at every start.
 */
export async function writeNetworkServiceToken(keys: KeyFiles, dataDir: string): Promise<string> {
  const file = resolve(developmentKeyDir(dataDir), "network-service.jwt");
  const token = await signToken(keys.privateKeyFile, { sub: "gateway", role: "NETWORK_SERVICE" }, { expiresIn: "30d" });
  writeFileSync(file, token, { mode: 0o600 });
  return file;
}
