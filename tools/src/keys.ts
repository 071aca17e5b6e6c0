import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT } from "jose";
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER, DEVELOPMENT_KEY_MARKER, type CallerClaims } from "@cae/shared";

export interface KeyFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

/** Makes an Ed25519 key pair in `dir` unless it is there; `marker` heads both files. */
export async function ensureKeyPair(dir: string, marker = DEVELOPMENT_KEY_MARKER): Promise<KeyFiles> {
  const files = { privateKeyFile: join(dir, "private.pem"), publicKeyFile: join(dir, "public.pem") };
  if (existsSync(files.privateKeyFile) && existsSync(files.publicKeyFile)) return files;
  mkdirSync(dir, { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  writeFileSync(files.privateKeyFile, `${marker}\n${await exportPKCS8(privateKey)}`, { mode: 0o600 });
  writeFileSync(files.publicKeyFile, `${marker}\n${await exportSPKI(publicKey)}`);
  return files;
}

export interface SignOptions {
  issuer?: string;
  audience?: string;
  /** A jose time span ("8h", "30d") or seconds since the epoch. */
  expiresIn?: string | number;
}

/** Signs a token with a private key file (PEM, PKCS#8, Ed25519). */
export async function signToken(privateKeyFile: string, claims: CallerClaims, options: SignOptions = {}): Promise<string> {
  const pem = readFileSync(privateKeyFile, "utf8");
  const key = await importPKCS8(pem.slice(pem.indexOf("-----BEGIN")), "EdDSA");
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "EdDSA", typ: "JWT" })
    .setSubject(sub)
    .setIssuer(options.issuer ?? DEVELOPMENT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "8h")
    .sign(key);
}
