import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callerFromClaims } from "../auth/caller";
import { authConfigFromEnv, createAuthenticator, DEVELOPMENT_ISSUER } from "../auth/verify";
import { ensureKeyPair, signToken } from "@cae/tools";

const PERSON = "alpes-entreprendre:3f2a9c4e-8b1d-4f6a-9e2c-7d5b1a0c3e4f";

describe("the claims of a token", () => {
  it.each([
    [
      { sub: "a", role: "COUNSELOR", coop: "alpes-entreprendre" },
      { subject: "a", role: "COUNSELOR", cooperativeId: "alpes-entreprendre" },
    ],
    [
      { sub: "e", role: "ENTREPRENEUR", coop: "alpes-entreprendre", person: PERSON },
      { subject: "e", role: "ENTREPRENEUR", cooperativeId: "alpes-entreprendre", personId: PERSON },
    ],
    [
      { sub: "n", role: "NETWORK_ANALYST" },
      { subject: "n", role: "NETWORK_ANALYST" },
    ],
  ])("make a caller of %j", (claims, caller) => {
    expect(callerFromClaims(claims)).toEqual(caller);
  });

  it.each([
    [{ role: "COUNSELOR", coop: "alpes-entreprendre" }, /subject/],
    [{ sub: "x", role: "ROOT" }, /not one of/],
    [{ sub: "x", role: "COOP_ADMIN" }, /must name its cooperative/],
    [{ sub: "x", role: "NETWORK_ADMIN", coop: "alpes-entreprendre" }, /must not name a cooperative/],
    [{ sub: "x", role: "ENTREPRENEUR", coop: "alpes-entreprendre" }, /must name their person/],
    [{ sub: "x", role: "ENTREPRENEUR", coop: "bretagne-cooperer", person: PERSON }, /an ID of cooperative "bretagne-cooperer"/],
  ])("refuse %j", (claims, reason) => {
    expect(callerFromClaims(claims)).toMatch(reason);
  });
});

describe("the verification settings", () => {
  const dir = mkdtempSync(join(tmpdir(), "cae-auth-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("need exactly one key source and an issuer", () => {
    expect(() => authConfigFromEnv({ AUTH_ISSUER: "urn:x" }, false)).toThrow(/exactly one of/);
    expect(() => authConfigFromEnv({ AUTH_ISSUER: "urn:x", AUTH_PUBLIC_KEY: "k", AUTH_JWKS_URL: "https://x" }, false)).toThrow(
      /exactly one of/,
    );
    expect(() => authConfigFromEnv({ AUTH_JWKS_URL: "https://idp.example/jwks" }, false)).toThrow(/AUTH_ISSUER/);
    expect(() => authConfigFromEnv({ AUTH_PUBLIC_KEY_FILE: join(dir, "missing.pem"), AUTH_ISSUER: "urn:x" }, false)).toThrow(/cannot read/);
    expect(authConfigFromEnv({ AUTH_JWKS_URL: "https://idp.example/jwks", AUTH_ISSUER: "urn:x" }, true)).toEqual({
      key: { kind: "jwks", url: "https://idp.example/jwks" },
      issuer: "urn:x",
      audience: "cae-network",
    });
  });

  it("refuse the development key and issuer in production, and accept them in development", async () => {
    const development = await ensureKeyPair(join(dir, "dev"));
    const env = { AUTH_PUBLIC_KEY_FILE: development.publicKeyFile, AUTH_ISSUER: DEVELOPMENT_ISSUER };
    expect(() => authConfigFromEnv(env, true)).toThrow(/refuses the development key/);
    expect(() => authConfigFromEnv({ ...env, AUTH_ISSUER: "urn:network" }, true)).toThrow(/refuses the development key/);
    expect(authConfigFromEnv(env, false).issuer).toBe(DEVELOPMENT_ISSUER);

    const own = await ensureKeyPair(join(dir, "own"), "# the network's key");
    expect(authConfigFromEnv({ AUTH_PUBLIC_KEY_FILE: own.publicKeyFile, AUTH_ISSUER: "urn:network" }, true).issuer).toBe("urn:network");
  });

  it("refuse a key that is not a public key", async () => {
    const config = authConfigFromEnv({ AUTH_PUBLIC_KEY: "not a key", AUTH_ISSUER: "urn:x" }, false);
    await expect(createAuthenticator(config)).rejects.toThrow(/not a PEM public key/);
  });

  it("verify a token of the configured key, issuer and audience", async () => {
    const keys = await ensureKeyPair(join(dir, "verify"));
    const authenticate = await createAuthenticator(
      authConfigFromEnv({ AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile, AUTH_ISSUER: DEVELOPMENT_ISSUER }, false),
    );
    const token = await signToken(keys.privateKeyFile, { sub: "c", role: "COUNSELOR", coop: "alpes-entreprendre" });
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual({
      subject: "c",
      role: "COUNSELOR",
      cooperativeId: "alpes-entreprendre",
    });
    await expect(authenticate(token)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
  });

  it("remember a verified token for a minute at most, and never past its expiry", async () => {
    const keys = await ensureKeyPair(join(dir, "remember"));
    const authenticate = await createAuthenticator(
      authConfigFromEnv({ AUTH_PUBLIC_KEY_FILE: keys.publicKeyFile, AUTH_ISSUER: DEVELOPMENT_ISSUER }, false),
    );
    const now = Date.now();
    const token = await signToken(
      keys.privateKeyFile,
      { sub: "c", role: "COUNSELOR", coop: "alpes-entreprendre" },
      { expiresIn: Math.floor(now / 1000) + 30 },
    );
    jest.useFakeTimers({ now, doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      await expect(authenticate(`Bearer ${token}`)).resolves.toMatchObject({ subject: "c" });
      jest.setSystemTime(now + 20_000);
      await expect(authenticate(`Bearer ${token}`)).resolves.toMatchObject({ subject: "c" });
      jest.setSystemTime(now + 31_000); // expired: the remembered verification does not outlive it
      await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    } finally {
      jest.useRealTimers();
    }
  });
});
