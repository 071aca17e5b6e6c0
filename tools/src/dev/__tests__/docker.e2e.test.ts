import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { reproduceBuild } from "../dockerfile";
import { freePort, ROOT } from "./commands";

/**
 * The Docker image and the compose file, without a Docker engine (none runs where the tests run):
 * the image's build stage built from the files its COPY lines take alone, and the compose file's
 * health probes run as the containers run them.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cae-image-test-"));
  dirs.push(dir);
  return dir;
}

describe("the Docker image", () => {
  it("builds from the files the Dockerfile copies from a clean checkout, and holds what the runtime stage takes", async () => {
    const dir = tempDir();
    const { copied, taken } = await reproduceBuild({ dir });
    // The dashboard's browser code compiles in the generated operation types (gateway/src/dashboard/client/tsconfig.json).
    expect(copied).toContain("examples/generated/graphql.ts");
    expect(taken).toEqual(expect.arrayContaining(["/app/gateway/dist", "/app/tools/dist", "/app/gateway/supergraph.graphql"]));
    // What the gateway serves at /dashboard, in the image.
    expect(existsSync(join(dir, "app/gateway/dist/dashboard/browser/gateway/src/dashboard/client/app.js"))).toBe(true);
    expect(existsSync(join(dir, "app/gateway/dist/dashboard/browser/shared/src/dates.js"))).toBe(true);
  });

  it("is refused when a file the build needs is not copied", async () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    const withoutExamples = dockerfile.replace(/^COPY examples\/.*$/m, "");
    expect(withoutExamples).not.toBe(dockerfile);
    // The dashboard's project alone, so that this check of the check stays short.
    const broken = withoutExamples.replace(/^RUN npx tsc --build$/m, "RUN npx tsc --build gateway/src/dashboard/client");
    expect(broken).not.toBe(withoutExamples);
    await expect(reproduceBuild({ dockerfile: broken, dir: tempDir() })).rejects.toThrow(
      /RUN npx tsc --build gateway\/src\/dashboard\/client failed[\s\S]*examples\/generated\/graphql/,
    );
  });
});

describe("the compose file's health probes", () => {
  const compose = parse(readFileSync(join(ROOT, "docker-compose.yml"), "utf8"), { merge: true }) as {
    services: Record<string, { healthcheck?: { test?: string[] }; environment?: Record<string, string> }>;
  };
  // Each distinct probe of the services that run the image (postgres has its own, pg_isready).
  const probes = [
    ...new Set(
      Object.entries(compose.services)
        .filter(([name]) => name !== "postgres")
        .map(([name, service]) => {
          const test = service.healthcheck?.test ?? [];
          if (test[0] !== "CMD" || test[1] !== "node") throw new Error(`service ${name}: its healthcheck is not a node command`);
          return JSON.stringify(test.slice(1));
        }),
    ),
  ].map((probe) => JSON.parse(probe) as string[]);

  let status = 200;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((request, response) => response.writeHead(request.url === "/health" ? status : 404).end());
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  /** The probe's exit code, run as the container runs it, with the service's PORT. */
  function probe(command: string[], probedPort: number): Promise<number | null> {
    return new Promise((done) => {
      const child = spawn(command[0] === "node" ? process.execPath : command[0], command.slice(1), {
        env: { PATH: process.env.PATH, PORT: String(probedPort) },
        stdio: "ignore",
      });
      child.on("exit", (code) => done(code));
    });
  }

  it("pass when /health answers 200 on the service's PORT, and fail when it answers otherwise or nothing listens", async () => {
    expect(probes.length).toBeGreaterThan(0);
    for (const command of probes) {
      status = 200;
      expect(await probe(command, port)).toBe(0);
      status = 503;
      expect(await probe(command, port)).toBe(1);
      expect(await probe(command, await freePort())).toBe(1);
    }
  });
});

describe("the compose file", () => {
  // `docker compose config` needs no engine, but a Compose client: Docker's plugin, or Debian's docker-compose.
  const client = [["docker", "compose"], ["docker-compose"]].find(
    ([command, ...args]) => spawnSync(command, [...args, "version"], { stdio: "ignore" }).status === 0,
  );
  (client ? it : it.skip)(`is valid for ${client?.join(" ") ?? "docker compose (no Compose client on this machine)"}`, () => {
    const [command, ...args] = client!;
    const result = spawnSync(command, [...args, "config", "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status === 0 ? "valid" : `exit code ${result.status}: ${result.stderr}`).toBe("valid");
  });
});
