import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importSPKI, jwtVerify } from "jose";
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER } from "@cae/shared";
import { runCommand } from "./commands";

/** The development commands on their command line: `--help`, a mistake, and the key `npm run token` signs with. */

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cae-commands-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function verifiedWith(publicKeyFile: string, token: string) {
  const pem = readFileSync(publicKeyFile, "utf8");
  const key = await importSPKI(pem.slice(pem.indexOf("-----BEGIN")), "EdDSA");
  return (await jwtVerify(token, key, { issuer: DEVELOPMENT_ISSUER, audience: DEFAULT_AUDIENCE })).payload;
}

describe("every development command", () => {
  // npm start, npm run token, npm run keys, the template of prepare, and the Docker image's check.
  const commands: [string, string, string[]][] = [
    [
      "start",
      "Usage: npm start",
      ["--port", "--network-port", "--data-dir", "--timeout", "--registry", "START_TIMEOUT_SECONDS", "NETWORK_PORT"],
    ],
    ["token", "Usage: npm run token", ["--role", "--coop", "--data-dir", "--key-dir", "--expires"]],
    ["keys", "Usage: npm run keys -- <directory>", []],
    ["template", "Usage: node tools/dist/dev/template.js", []],
    ["dockerfile", "Usage: node tools/dist/dev/dockerfile.js", ["--keep"]],
  ];

  it.each(commands)("%s answers --help with its usage and options, exit 0, doing nothing else", async (command, usage, options) => {
    const dataDir = join(tempDir(), "data");
    const result = await runCommand(command, ["--help"], { DATA_DIR: dataDir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(usage)).toBe(true);
    for (const option of [...options, "-h, --help"]) expect(result.stdout).toContain(option);
    expect(existsSync(dataDir)).toBe(false);
  });

  // The commands share their parsing (tools/src/dev/cli.ts, cli.test.ts): the two an operator meets first stand for all.
  it.each(commands.slice(0, 2))("%s refuses an option it does not know, with its usage, exit 2", async (command, usage) => {
    const result = await runCommand(command, ["--no-such-option"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--no-such-option'");
    expect(result.stderr).toContain(usage);
  });
});

describe("npm run token", () => {
  it("signs with the development key of DATA_DIR, the network's, and says which key it used", async () => {
    const dataDir = tempDir();
    const result = await runCommand("token", ["--role", "COUNSELOR", "--coop", "alpes-entreprendre"], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Signed with the development key in ${join(dataDir, "auth")} (DATA_DIR)`);
    const claims = await verifiedWith(join(dataDir, "auth", "public.pem"), result.stdout.trim());
    expect(claims).toMatchObject({ role: "COUNSELOR", coop: "alpes-entreprendre", sub: "dev-counselor" });
  });

  it("takes --data-dir over DATA_DIR", async () => {
    const [fromOption, fromVariable] = [tempDir(), tempDir()];
    const result = await runCommand("token", ["--role", "NETWORK_ANALYST", "--data-dir", fromOption], { DATA_DIR: fromVariable });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${join(fromOption, "auth")} (--data-dir)`);
    await expect(verifiedWith(join(fromOption, "auth", "public.pem"), result.stdout.trim())).resolves.toMatchObject({
      role: "NETWORK_ANALYST",
    });
    expect(existsSync(join(fromVariable, "auth"))).toBe(false);
  });

  it("refuses a token the services would refuse, before signing", async () => {
    const result = await runCommand("token", ["--role", "COUNSELOR"], { DATA_DIR: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Cannot make this token");
    expect(result.stdout).toBe("");
  });
});

describe("npm run keys", () => {
  it("makes a key pair in the directory named, and refuses to run without one", async () => {
    const dir = join(tempDir(), "keys");
    const made = await runCommand("keys", [dir]);
    expect(made.code).toBe(0);
    expect(readFileSync(join(dir, "public.pem"), "utf8")).toContain("BEGIN PUBLIC KEY");
    expect(existsSync(join(dir, "private.pem"))).toBe(true);
    const none = await runCommand("keys");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Name one directory");
  });
});
