import { ensureKeyPair } from "../keys";
import { resolve } from "node:path";

/**
 * `npm run keys -- <dir>`: an Ed25519 key pair for a deployment of your own (docker compose, a
 * trial): `private.pem` signs tokens, `public.pem` is what the gateway and subgraphs verify with.
 * Production networks use their identity provider's key or JWKS instead.
 */
async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: npm run keys -- <directory>");
  const files = await ensureKeyPair(resolve(dir), "# cae-network key pair made by `npm run keys`: keep private.pem secret");
  console.log(`Keys in ${resolve(dir)}: ${files.publicKeyFile} verifies, ${files.privateKeyFile} signs (keep it secret).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
