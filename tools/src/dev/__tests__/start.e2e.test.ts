import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, holdPort, oneCooperativeRegistry, runCommand, startCommand, type RunningCommand } from "./commands";

/**
 * `npm start` as an operator meets it: it says "ready" only for a network that runs, tells what
 * to do when a port is taken or a process is too slow, prints the addresses that answer, runs the
 * network's own subgraph whose registry the gateway follows, and does not exit 0 when the network
 * it started stops under it.
 */

const COOPERATIVE = "launcher-test";
const dirs: string[] = [];
const running: RunningCommand[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cae-start-data-"));
  dirs.push(dir);
  return dir;
}

async function freeRegistry() {
  return oneCooperativeRegistry(tempDir(), COOPERATIVE, {
    members: await freePort(),
    contracts: await freePort(),
    finance: await freePort(),
  });
}

/** A request over node:http (which, unlike fetch, reaches any port): the status and body. */
function httpRequest(
  url: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const sent = request(url, { method: options.body ? "POST" : "GET", headers: options.headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => done({ status: response.statusCode ?? 0, body }));
    });
    sent.on("error", fail);
    sent.end(options.body);
  });
}

/** A GraphQL query to the gateway or a subgraph, with a token: the parsed answer. */
async function graphql(url: string, token: string, query: string): Promise<unknown> {
  const answer = await httpRequest(url, {
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body);
}

afterAll(async () => {
  for (const command of running) if (command.child.exitCode === null && command.child.signalCode === null) command.child.kill("SIGTERM");
  await Promise.all(running.map((command) => command.finished));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("refuses a gateway port in use before anything starts, naming the port and the variable that moves it", async () => {
    const { port, server } = await holdPort();
    const dataDir = join(tempDir(), "data");
    try {
      const result = await runCommand("start", ["--registry", await freeRegistry()], {
        PORT: String(port),
        NETWORK_PORT: String(await freePort()),
        DATA_DIR: dataDir,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("The network could not start");
      expect(result.stderr).toMatch(new RegExp(`${port}\\s+in use: the gateway's \\(PORT or --port sets it\\)`));
      expect(result.stderr).toContain("Is another npm start running?");
      expect(result.stdout).not.toContain("ready");
      // Checked before anything is made: no key, no database.
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      server.close();
    }
  });

  it("refuses a network subgraph port in use, naming the variable and the option that move it", async () => {
    const { port, server } = await holdPort();
    const dataDir = join(tempDir(), "data");
    try {
      const result = await runCommand("start", ["--registry", await freeRegistry(), "--port", String(await freePort())], {
        NETWORK_PORT: String(port),
        DATA_DIR: dataDir,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `${port}\\s+in use: the network subgraph's \\(NETWORK_PORT or --network-port sets it; by default the gateway's \\+ 90\\)`,
        ),
      );
      expect(result.stdout).not.toContain("ready");
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      server.close();
    }
  });

  it("refuses a subgraph port in use, naming the cooperative, the registry that sets it and the option that changes it", async () => {
    const { port, server } = await holdPort();
    try {
      const registry = oneCooperativeRegistry(tempDir(), COOPERATIVE, {
        members: await freePort(),
        contracts: port,
        finance: await freePort(),
      });
      const result = await runCommand("start", [
        "--registry",
        registry,
        "--port",
        String(await freePort()),
        "--network-port",
        String(await freePort()),
        "--data-dir",
        tempDir(),
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`${port}\\s+in use: ${COOPERATIVE}/contracts's \\(.*registry\\.json sets it; --registry <file>`),
      );
    } finally {
      server.close();
    }
  });

  it("says which processes were not ready within the deadline, and what sets it", async () => {
    const result = await runCommand(
      "start",
      [
        "--registry",
        await freeRegistry(),
        "--port",
        String(await freePort()),
        "--network-port",
        String(await freePort()),
        "--timeout",
        "0.5",
      ],
      { DATA_DIR: tempDir() },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("not ready within 0.5 s (START_TIMEOUT_SECONDS or --timeout sets the deadline)");
    expect(result.stderr).toMatch(new RegExp(`${COOPERATIVE}/members demo data did not finish in time`));
    expect(result.stdout).not.toContain("is ready");
  });

  it("refuses a deadline that is not a number of seconds", async () => {
    const result = await runCommand("start", [], { START_TIMEOUT_SECONDS: "soon" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('START_TIMEOUT_SECONDS must be a number of seconds above 0, got "soon"');
  });

  it("refuses a network subgraph port that is no port", async () => {
    const notAPort = await runCommand("start", ["--network-port", "70000"]);
    expect(notAPort.code).toBe(2);
    expect(notAPort.stderr).toContain('--network-port must be a port number from 1 to 65535, got "70000"');
  });

  it("prints addresses that answer once every process does, and exits 1 when the gateway stops under it", async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const networkPort = await freePort();
    const registry = await freeRegistry();
    const start = startCommand("start", ["--registry", registry], {
      PORT: String(port),
      NETWORK_PORT: String(networkPort),
      DATA_DIR: dataDir,
    });
    running.push(start);
    await start.waitFor(/Ctrl-C stops everything/);
    const banner = start.output().stdout;
    expect(banner).toMatch(/The network is ready in [\d.]+ s: 1 cooperatives x 3 subgraphs/);
    const address = (label: string) => new RegExp(`${label}:\\s+(http://\\S+)`).exec(banner)?.[1];
    const gatewayUrl = `http://127.0.0.1:${port}`;
    expect(address("GraphQL API")).toBe(`${gatewayUrl}/graphql`);
    expect(address("Apollo Sandbox \\(a browser\\)")).toBe(`${gatewayUrl}/graphql`);
    expect(address("Dashboard")).toBe(`${gatewayUrl}/dashboard`);
    expect(address("Health of every cooperative")).toBe(`${gatewayUrl}/health`);
    expect(address("Network subgraph")).toBe(`http://127.0.0.1:${networkPort}/graphql`);
    // Its registry is the file's on a first start: nothing to say about it.
    expect(banner).not.toContain("The network's registry");

    // Each address answers as it says: the Sandbox page to a browser, the dashboard's page, the health of the cooperative.
    const sandbox = await httpRequest(address("Apollo Sandbox \\(a browser\\)")!, { headers: { accept: "text/html" } });
    expect(sandbox.status).toBe(200);
    expect(sandbox.body.toLowerCase()).toContain("<html");
    const dashboard = await httpRequest(address("Dashboard")!);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toContain("Indicateurs du réseau");
    const health = await httpRequest(address("Health of every cooperative")!);
    expect(health.status).toBe(200);
    expect(health.body).toContain(COOPERATIVE);
    // The network's subgraph answers for itself, its registry started from the registry file.
    const networkHealth = await httpRequest(`http://127.0.0.1:${networkPort}/health`);
    expect(networkHealth.status).toBe(200);
    expect(JSON.parse(networkHealth.body)).toMatchObject({ ok: true, subgraph: "network", cooperatives: 1 });

    // The gateway serves the network's registry, from its subgraph, to the network's admin.
    const adminToken = /^\s+NETWORK_ADMIN\s+(\S+)$/m.exec(banner)?.[1] ?? "";
    expect(await graphql(`${gatewayUrl}/graphql`, adminToken, "{ registry { cooperativeId } }")).toEqual({
      data: { registry: [{ cooperativeId: COOPERATIVE }] },
    });

    // npm run token, given the network's DATA_DIR, signs with its key: the gateway accepts the token.
    const token = await runCommand("token", ["--role", "COUNSELOR", "--coop", COOPERATIVE], { DATA_DIR: dataDir });
    expect(token.code).toBe(0);
    expect(token.stderr).toContain(`Signed with the development key in ${join(dataDir, "auth")} (DATA_DIR)`);
    const answer = await httpRequest(`${gatewayUrl}/graphql`, {
      headers: { "content-type": "application/json", authorization: `Bearer ${token.stdout.trim()}` },
      body: JSON.stringify({ query: `{ cooperative(id: "${COOPERATIVE}") { id } }` }),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { cooperative: { id: COOPERATIVE } } });

    // Without DATA_DIR, npm run token finds the running network's. Another network may run on this
    // machine (a developer's npm start, another test run): then it names both and asks for one.
    const found = await runCommand("token", ["--role", "COUNSELOR", "--coop", COOPERATIVE]);
    if (found.code === 0) {
      expect(found.stderr).toContain(`Signed with the development key in ${join(dataDir, "auth")} (the DATA_DIR of the running npm start`);
      const accepted = await httpRequest(`${gatewayUrl}/graphql`, {
        headers: { "content-type": "application/json", authorization: `Bearer ${found.stdout.trim()}` },
        body: JSON.stringify({ query: `{ cooperative(id: "${COOPERATIVE}") { id } }` }),
      });
      expect(accepted.status).toBe(200);
    } else {
      expect(found.stderr).toContain("Several networks run");
      expect(found.stderr).toContain(`DATA_DIR=${dataDir}`);
    }

    // A network admin registers a cooperative the registry file does not name.
    const added = "launcher-added";
    const endpoint = `http://127.0.0.1:${await freePort()}/graphql`;
    expect(
      await graphql(
        `${gatewayUrl}/graphql`,
        adminToken,
        `mutation { registerCooperative(input: { cooperativeId: "${added}", name: "Launcher Added", region: "Bretagne", ` +
          `endpoints: { members: "${endpoint}", contracts: "${endpoint}", finance: "${endpoint}" } }) { cooperativeId } }`,
      ),
    ).toEqual({ data: { registerCooperative: { cooperativeId: added } } });

    // The gateway stops: the launcher says so, stops the rest, and exits 1, not 0.
    expect(banner).toMatch(/^\s+\d+\s+network$/m);
    const gatewayPid = Number(/^\s+(\d+)\s+gateway$/m.exec(banner)?.[1]);
    expect(gatewayPid).toBeGreaterThan(0);
    process.kill(gatewayPid, "SIGKILL");
    const result = await start.finished;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[gateway] stopped (SIGKILL): the network serves nothing without it");
    expect(result.stderr).toContain("Exit code 1: stopped while the network ran: gateway (SIGKILL)");

    // Started again on the same data: the network's registry is kept, not started anew from the file,
    // and the launcher says how it differs from the file, which it runs. Ctrl-C then stops it with 0.
    const again = startCommand("start", ["--registry", registry], {
      PORT: String(port),
      NETWORK_PORT: String(networkPort),
      DATA_DIR: dataDir,
    });
    running.push(again);
    await again.waitFor(/Ctrl-C stops everything/);
    const secondBanner = again.output().stdout;
    expect(secondBanner).toContain(`The network's registry (in ${join(dataDir, "network")}) is not`);
    expect(secondBanner).toContain(`${added}: in the network's registry only; the gateway routes to it, the launcher does not run it`);
    expect(secondBanner).not.toContain(`${COOPERATIVE}: in`);
    expect(await graphql(`${gatewayUrl}/graphql`, adminToken, "{ registry { cooperativeId } }")).toEqual({
      data: { registry: expect.arrayContaining([{ cooperativeId: COOPERATIVE }, { cooperativeId: added }]) },
    });
    again.child.kill("SIGINT");
    const stopped = await again.finished;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain("Stopping the network...");
  });
});
