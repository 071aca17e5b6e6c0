import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { callerFromClaims, ROLES, type CallerClaims, type Role } from "@cae/shared";
import { signToken } from "../keys";
import { parseCommandLine, runCommand, textOption, UsageError } from "./cli";
import { chooseDataDir, runningNetworks } from "./running";
import { developmentKeyDir, ensureDevelopmentKeys } from "./tokens";

const USAGE = `Usage: npm run token -- --role <role> [--coop <cooperative>] [--person <person id>] [options]

Prints a token (on stdout; which key signed it goes to stderr), for curl, the Sandbox or a front end.

  --role <role>        ${ROLES.join(", ")}
  --coop <id>          the cooperative, for its roles (ENTREPRENEUR, COUNSELOR, COOP_ADMIN)
  --person <id>        the entrepreneur's own person ID (<cooperative>:<uuid>)
  --subject <sub>      the token's subject (default dev-<role>)
  --expires <span>     how long it is valid: 30m, 12h, 30d... (default 12h)
  --data-dir <dir>     sign with the development key of the network started with this DATA_DIR
                       (default: DATA_DIR, else the running npm start's, else npm start's default .data)
  --key-dir <dir>      sign with the pair of \`npm run keys -- <dir>\` instead (give --issuer too)
  --issuer <issuer>    the token's issuer (default the development issuer)
  -h, --help           this help

e.g. npm run token -- --role COUNSELOR --coop alpes-entreprendre`;

/**
 * `npm run token -- --role COUNSELOR --coop alpes-entreprendre`: a token signed with the
 * development key of the `npm start` it is for (made on first use); `--key-dir <dir> --issuer
 * <issuer>` signs with a pair of `npm run keys` instead.
 */
async function main() {
  const line = parseCommandLine(USAGE, {
    role: { type: "string" },
    coop: { type: "string" },
    person: { type: "string" },
    subject: { type: "string" },
    expires: { type: "string", default: "12h" },
    "data-dir": { type: "string" },
    "key-dir": { type: "string" },
    issuer: { type: "string" },
  });
  if (!line) return;
  const role = textOption(line, "role") as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}\n\n${USAGE}`);
  const claims: CallerClaims = {
    sub: textOption(line, "subject") ?? `dev-${role.toLowerCase()}`,
    role,
    coop: textOption(line, "coop"),
    person: textOption(line, "person"),
  };
  // The same rule the services apply: refuse here a token they would refuse.
  const problem = callerFromClaims({ ...claims });
  if (typeof problem === "string") throw new UsageError(`Cannot make this token: ${problem}`);

  const keyDir = textOption(line, "key-dir");
  let privateKeyFile: string;
  if (keyDir) {
    privateKeyFile = resolve(keyDir, "private.pem");
    if (!existsSync(privateKeyFile)) throw new Error(`No ${privateKeyFile}: make the pair with npm run keys -- ${keyDir}`);
    console.error(`Signed with ${privateKeyFile} (--key-dir).`);
  } else {
    // The development key of the network the token is for: the services of a network started
    // with another DATA_DIR hold another key, and refuse it.
    const choice = chooseDataDir({ option: textOption(line, "data-dir"), env: process.env.DATA_DIR }, runningNetworks());
    const made = !existsSync(resolve(developmentKeyDir(choice.dataDir), "private.pem"));
    privateKeyFile = (await ensureDevelopmentKeys(choice.dataDir)).privateKeyFile;
    console.error(
      `Signed with the development key in ${developmentKeyDir(choice.dataDir)} (${choice.reason})${
        made ? "; made just now, so only a network started with this DATA_DIR from now on accepts it" : ""
      }.`,
    );
    if (choice.warning) console.error(choice.warning);
  }
  const issuer = textOption(line, "issuer");
  const token = await signToken(privateKeyFile, claims, { expiresIn: textOption(line, "expires"), ...(issuer && { issuer }) });
  process.stdout.write(`${token}\n`);
}

runCommand(main);
