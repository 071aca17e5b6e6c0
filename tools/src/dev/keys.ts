import { resolve } from "node:path";
import { ensureKeyPair } from "../keys";
import { parseCommandLine, runCommand, UsageError } from "./cli";

const USAGE = `Usage: npm run keys -- <directory>

Makes an Ed25519 key pair in <directory> unless one is there: private.pem signs tokens
(npm run token -- --key-dir <directory> --issuer <issuer> ...), public.pem is what the gateway and
the subgraphs verify them with (AUTH_PUBLIC_KEY_FILE). For a deployment of your own (docker
compose, a trial); production networks use their identity provider's key or JWKS instead.

  -h, --help   this help

e.g. npm run keys -- docker/keys`;

/** `npm run keys -- <dir>`: an Ed25519 key pair for a deployment of your own. */
async function main() {
  const line = parseCommandLine(USAGE, {}, { allowPositionals: true });
  if (!line) return;
  if (line.positionals.length !== 1) throw new UsageError(`Name one directory.\n\n${USAGE}`);
  const dir = resolve(line.positionals[0]);
  const files = await ensureKeyPair(dir, "# cae-network key pair made by `npm run keys`: keep private.pem secret");
  console.log(`Keys in ${dir}: ${files.publicKeyFile} verifies, ${files.privateKeyFile} signs (keep it secret).`);
}

runCommand(main);
