import { writeEmbeddedTemplate } from "@cae/shared";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseCommandLine, runCommand } from "./cli";

/**
 * The dump of an empty embedded PostgreSQL cluster that `npm start` gives its subgraphs, so that
 * a new database is unpacked instead of initialized. It lives in node_modules' cache: it belongs
 * to the installed PGlite, and a fresh install (`npm ci`, which runs `prepare`) makes it again.
 */
export const TEMPLATE_FILE = resolve(__dirname, "..", "..", "..", "node_modules", ".cache", "cae-network", "pglite-template.tar.gz");

export async function ensureTemplate(): Promise<string> {
  if (!existsSync(TEMPLATE_FILE)) {
    mkdirSync(dirname(TEMPLATE_FILE), { recursive: true });
    await writeEmbeddedTemplate(TEMPLATE_FILE);
  }
  return TEMPLATE_FILE;
}

const USAGE = `Usage: node tools/dist/dev/template.js

Makes the dump of an empty embedded PostgreSQL cluster that npm start unpacks new databases from,
unless it is there (npm ci makes it, through the prepare script):
  ${TEMPLATE_FILE}

  -h, --help   this help`;

if (require.main === module) {
  runCommand(async () => {
    if (parseCommandLine(USAGE, {})) await ensureTemplate();
  });
}
