import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { callerFromClaims, ROLES, type CallerClaims, type Role } from "@cae/shared";
import { signToken } from "../keys";
import { ensureDevelopmentKeys } from "./tokens";

/**
 * `npm run token -- --role COUNSELOR --coop alpes-entreprendre`: prints a token signed with the
 * development key of `npm start` (made on first use), for curl, Sandbox or a front end;
 * `--key-dir <dir> --issuer <issuer>` signs with a pair of `npm run keys` instead.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      coop: { type: "string" },
      person: { type: "string" },
      subject: { type: "string" },
      expires: { type: "string", default: "12h" },
      "data-dir": { type: "string", default: process.env.DATA_DIR ?? ".data" },
      "key-dir": { type: "string" },
      issuer: { type: "string" },
    },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) {
    throw new Error(
      `--role must be one of ${ROLES.join(", ")}\nusage: npm run token -- --role COUNSELOR --coop <cooperative> [--person <person id>] [--expires 12h]`,
    );
  }
  // The development key of `npm start` unless another pair is named (`npm run keys`).
  const keys = values["key-dir"]
    ? { privateKeyFile: resolve(values["key-dir"], "private.pem") }
    : await ensureDevelopmentKeys(resolve(values["data-dir"]));
  const claims: CallerClaims = { sub: values.subject ?? `dev-${role.toLowerCase()}`, role, coop: values.coop, person: values.person };
  // The same rule the services apply: refuse here a token they would refuse.
  const problem = callerFromClaims({ ...claims });
  if (typeof problem === "string") throw new Error(`Cannot make this token: ${problem}`);
  const token = await signToken(keys.privateKeyFile, claims, {
    expiresIn: values.expires,
    ...(values.issuer && { issuer: values.issuer }),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
