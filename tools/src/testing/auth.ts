import { DEVELOPMENT_ISSUER, type AuthConfig, type CallerClaims } from "@cae/shared";
import { ensureKeyPair, signToken, type SignOptions } from "../keys";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestAuth {
  auth: AuthConfig;
  /** A token signed with the test key (`issuer`, `audience`, `expiresIn` may be overridden to forge bad ones). */
  token(claims: CallerClaims, options?: SignOptions): Promise<string>;
  remove(): void;
}

/** A fresh key pair in a temporary folder, and the configuration that trusts it. */
export async function createTestAuth(): Promise<TestAuth> {
  const dir = mkdtempSync(join(tmpdir(), "cae-keys-"));
  const keys = await ensureKeyPair(dir, "# test key");
  return {
    auth: {
      key: { kind: "pem", pem: readFileSync(keys.publicKeyFile, "utf8"), source: keys.publicKeyFile },
      issuer: DEVELOPMENT_ISSUER,
      audience: "cae-network",
    },
    token: (claims, options) => signToken(keys.privateKeyFile, claims, options),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
