import { existsSync, readFileSync } from "node:fs";
import { dirname, posix, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { SUBGRAPH_ENV, SUBGRAPH_NAMES, subgraphConfigFromEnv, type SubgraphName } from "@cae/shared";
import { NETWORK_SUBGRAPH_ENV, networkSubgraphConfigFromEnv } from "@cae/network";
import { DEFAULT_SUPERGRAPH_FILE, GATEWAY_ENV, gatewayConfigFromEnv } from "../config";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

/**
 * The containers read their public key from a mount of docker/keys, which `npm run keys` fills on
 * the user's machine. Here a throwaway key stands in for it, once the mount itself is checked.
 */
const standInPublicKey = (() => {
  const file = `${mkdtempSync(`${tmpdir()}/cae-compose-key-`)}/public.pem`;
  writeFileSync(file, generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }) as string);
  return file;
})();

/** A stand-in for the gateway's token file (made by `npm run token`), which the parser checks exists. */
const standInServiceToken = (() => {
  const file = `${mkdtempSync(`${tmpdir()}/cae-compose-token-`)}/network-service.jwt`;
  writeFileSync(file, "stand-in");
  return file;
})();

/** A stand-in for a cooperative's events secret (made with openssl on the user's machine). */
const standInEventsSecret = (() => {
  const file = `${mkdtempSync(`${tmpdir()}/cae-compose-events-`)}/events.secret`;
  writeFileSync(file, "stand-in events secret, 32 characters or more");
  return file;
})();

function withStandInKey(service: Pick<Service, "name" | "env" | "mounts">, problems: string[]): NodeJS.ProcessEnv {
  const env = { ...service.env };
  const files = {
    AUTH_PUBLIC_KEY_FILE: standInPublicKey,
    NETWORK_SERVICE_TOKEN_FILE: standInServiceToken,
    EVENTS_SECRET_FILE: standInEventsSecret,
  };
  for (const [variable, standIn] of Object.entries(files)) {
    const file = service.env[variable];
    if (file === undefined) continue;
    const mounted = service.mounts.some(
      (mount) => resolve(root, mount.source) === resolve(root, "docker/keys") && file.startsWith(`${mount.target.replace(/\/$/, "")}/`),
    );
    if (!mounted) problems.push(`${service.name}: ${variable} ${file} is not in a mount of docker/keys`);
    env[variable] = standIn;
  }
  return env;
}
import { parseRegistry, type Registry } from "../registry/registry";

/** The tooling's demo seeder, which a demo container runs before its subgraph (tools/src/demo/seed/main.ts). */
const DEMO_SEEDER = "tools/dist/demo/seed/main.js";
/** The network's own subgraph's entry point: one service for the whole network, not one per cooperative. */
const NETWORK_ENTRY = "subgraphs/network/dist/main.js";

/*
 * No Docker engine runs where the tests run, so the deployment files cannot be tried for real:
 * this test holds them to the code's own configuration parsers and registry validator instead,
 * so a renamed variable, a moved entry point or a port changed on one side only fails here.
 * tools/src/dev/__tests__/docker.e2e.test.ts builds the image's build stage from the files the
 * Dockerfile copies, runs the health probes, and has a Compose client validate the file when one is installed.
 */

const root = resolve(__dirname, "..", "..", "..");

interface DeploymentFiles {
  compose: string;
  registry: string;
  initSql: string;
  dockerfile: string;
  dockerignore: string;
}

function readDeployment(): DeploymentFiles {
  const read = (path: string) => readFileSync(resolve(root, path), "utf8");
  return {
    compose: read("docker-compose.yml"),
    registry: read("docker/registry.json"),
    initSql: read("docker/postgres-init.sql"),
    dockerfile: read("Dockerfile"),
    dockerignore: read(".dockerignore"),
  };
}

// ---------------------------------------------------------------------------------------------
// The compose file, as far as these checks need it.

interface Mount {
  source: string;
  target: string;
}

interface Service {
  name: string;
  image?: string;
  build?: { context: string; dockerfile: string };
  env: NodeJS.ProcessEnv;
  command: string[];
  dependsOn: Record<string, string>;
  mounts: Mount[];
  containerPorts: number[];
  healthcheck: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function parseService(name: string, raw: unknown): Service {
  const service = isRecord(raw) ? raw : {};
  const env: NodeJS.ProcessEnv = {};
  if (Array.isArray(service.environment)) {
    for (const item of service.environment.map(String)) {
      const equals = item.indexOf("=");
      if (equals < 0) env[item] = undefined;
      else env[item.slice(0, equals)] = item.slice(equals + 1);
    }
  } else if (isRecord(service.environment)) {
    for (const [key, value] of Object.entries(service.environment)) env[key] = scalar(value);
  }

  const command = Array.isArray(service.command) ? service.command.map(String) : (scalar(service.command)?.split(/\s+/) ?? []);

  // A list means "started"; only the long form can ask for a healthy dependency.
  const dependsOn: Record<string, string> = {};
  if (Array.isArray(service.depends_on)) for (const other of service.depends_on) dependsOn[String(other)] = "service_started";
  else if (isRecord(service.depends_on)) {
    for (const [other, spec] of Object.entries(service.depends_on))
      dependsOn[other] = (isRecord(spec) && scalar(spec.condition)) || "service_started";
  }

  const mounts: Mount[] = [];
  for (const volume of Array.isArray(service.volumes) ? service.volumes : []) {
    if (isRecord(volume)) mounts.push({ source: scalar(volume.source) ?? "", target: scalar(volume.target) ?? "" });
    else {
      const [source, target] = String(volume).split(":");
      mounts.push({ source, target: target ?? source });
    }
  }

  const containerPorts: number[] = [];
  for (const port of Array.isArray(service.ports) ? service.ports : []) {
    const target = isRecord(port) ? scalar(port.target) : String(port).split(":").pop();
    containerPorts.push(Number(target?.replace(/\/(tcp|udp)$/, "")));
  }

  const build = isRecord(service.build)
    ? { context: scalar(service.build.context) ?? ".", dockerfile: scalar(service.build.dockerfile) ?? "Dockerfile" }
    : typeof service.build === "string"
      ? { context: service.build, dockerfile: "Dockerfile" }
      : undefined;
  const test = isRecord(service.healthcheck) ? service.healthcheck.test : undefined;
  const healthcheck = Array.isArray(test) ? test.map(String) : scalar(test) !== undefined ? [String(test)] : [];

  return { name, image: scalar(service.image), build, env, command, dependsOn, mounts, containerPorts, healthcheck };
}

// ---------------------------------------------------------------------------------------------
// The Dockerfile, as far as these checks need it.

interface DockerStage {
  name?: string;
  /** The image or earlier stage this one starts from. */
  base: string;
  workdir: string;
  instructions: { keyword: string; args: string; workdir: string }[];
}

function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  const lines = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? ["", line, ""];
    const upper = keyword.toUpperCase();
    if (upper === "FROM") {
      const [base, as, name] = args.split(/\s+/).filter((word) => !word.startsWith("--"));
      const parent = stages.find((stage) => stage.name === base);
      stages.push({ name: as?.toUpperCase() === "AS" ? name : undefined, base, workdir: parent?.workdir ?? "/", instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue;
    if (upper === "WORKDIR") stage.workdir = posix.resolve(stage.workdir, args);
    stage.instructions.push({ keyword: upper, args, workdir: stage.workdir });
  }
  return stages;
}

/** The stage and the stages it is built on, nearest first. */
function lineage(stages: DockerStage[], stage: DockerStage): DockerStage[] {
  const chain = [stage];
  for (let parent = stages.find((other) => other.name === stage.base); parent; parent = stages.find((other) => other.name === parent!.base))
    chain.push(parent);
  return chain;
}

interface Copy {
  from?: string;
  /** The copied path as a path of the repository ("" for the whole of it). */
  source: string;
  /** Where it lands in the image. */
  target: string;
}

function copiesOf(stages: DockerStage[], stage: DockerStage): Copy[] {
  return stage.instructions
    .filter((instruction) => instruction.keyword === "COPY" || instruction.keyword === "ADD")
    .flatMap(({ args, workdir }) => {
      const words = args.trim().startsWith("[") ? (JSON.parse(args) as string[]) : args.split(/\s+/);
      const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
      const paths = words.filter((word) => !word.startsWith("--"));
      const destination = paths.pop() ?? "";
      const intoDirectory = destination.endsWith("/") || destination === "." || paths.length > 1;
      // A source in an earlier stage is read against that stage's WORKDIR, where the repository was laid out.
      const sourceRoot = from ? (stages.find((other) => other.name === from)?.workdir ?? "/") : "/";
      return paths.map((path) => {
        const source = posix.relative(sourceRoot, posix.resolve(sourceRoot, path));
        const target = posix.resolve(workdir, destination);
        return { from, source, target: intoDirectory ? posix.join(target, posix.basename(source)) : target };
      });
    });
}

/**
 * Where the stage puts the repository's file or folder `path`, if it copies it by name. A copy of
 * a whole stage (`COPY --from=deps /app ./`) is not taken as proof: what that stage holds is unknown here.
 */
function placedAt(copies: Copy[], path: string): string[] {
  return copies
    .filter((copy) => copy.source !== "" && (path === copy.source || path.startsWith(`${copy.source}/`)))
    .map((copy) => posix.join(copy.target, path.slice(copy.source.length)));
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns the problems it finds, so a failure lists all of them at once.

interface Deployment {
  services: Map<string, Service>;
  /** The services that run one cooperative's subgraph, named `<cooperative>-<subgraph>`. */
  subgraphServices: { service: Service; cooperativeId: string; subgraph: SubgraphName }[];
  /** The services that run the network's own subgraph (one is expected). */
  networkServices: Service[];
  registry?: Registry;
  registryError?: string;
  databases: Set<string>;
  stages: DockerStage[];
  dockerignore: string[];
  files: DeploymentFiles;
}

function parseDeployment(files: DeploymentFiles): Deployment {
  const compose: unknown = parse(files.compose, { merge: true });
  const rawServices = isRecord(compose) && isRecord(compose.services) ? compose.services : {};
  const services = new Map(Object.entries(rawServices).map(([name, raw]) => [name, parseService(name, raw)]));
  const subgraphServices = [...services.values()].flatMap((service) => {
    const subgraph = SUBGRAPH_NAMES.find((name) => service.name.endsWith(`-${name}`));
    return subgraph ? [{ service, subgraph, cooperativeId: service.name.slice(0, -subgraph.length - 1) }] : [];
  });

  let registry: Registry | undefined;
  let registryError: string | undefined;
  try {
    registry = parseRegistry(JSON.parse(files.registry), "docker/registry.json");
  } catch (error) {
    registryError = error instanceof Error ? error.message : String(error);
  }

  const sql = files.initSql.replace(/--.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
  const databases = new Set(
    [...sql.matchAll(/CREATE\s+DATABASE\s+(?:"([^"]+)"|([A-Za-z_][A-Za-z0-9_$]*))/gi)].map(
      ([, quoted, bare]) => quoted ?? bare.toLowerCase(),
    ),
  );

  return {
    services,
    subgraphServices,
    networkServices: [...services.values()].filter((service) => service.command.includes(NETWORK_ENTRY)),
    registry,
    registryError,
    databases,
    stages: parseDockerfile(files.dockerfile),
    dockerignore: files.dockerignore
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#")),
    files,
  };
}

const runtimeStage = (deployment: Deployment) => deployment.stages[deployment.stages.length - 1];
const repoPath = (absolute: string) => relative(root, absolute).split(sep).join("/");

function checkRegistry(deployment: Deployment): string[] {
  if (!deployment.registry) return [`docker/registry.json is refused by the gateway's validator: ${deployment.registryError}`];
  const problems: string[] = [];
  const referenced = new Set<string>();
  for (const cooperative of deployment.registry.cooperatives) {
    for (const subgraph of SUBGRAPH_NAMES) {
      const url = new URL(cooperative.subgraphs[subgraph]);
      const where = `registry ${cooperative.id}.${subgraph} (${url.href})`;
      const port = url.port || (url.protocol === "https:" ? "443" : "80");
      const service = deployment.services.get(url.hostname);
      referenced.add(url.hostname);
      if (url.pathname !== "/graphql") problems.push(`${where}: subgraphs serve GraphQL at /graphql, not ${url.pathname}`);
      if (!service) {
        problems.push(`${where}: no compose service is named ${url.hostname}`);
        continue;
      }
      if (service.env.PORT !== port)
        problems.push(`${where}: service ${service.name} listens on PORT ${service.env.PORT ?? "(unset)"}, not ${port}`);
      if (service.env.COOPERATIVE_ID !== cooperative.id)
        problems.push(`${where}: service ${service.name} runs for ${service.env.COOPERATIVE_ID ?? "(unset)"}`);
      if (!service.command.includes(`subgraphs/${subgraph}/dist/main.js`))
        problems.push(`${where}: service ${service.name} does not run the ${subgraph} subgraph`);
    }
  }
  for (const { service } of deployment.subgraphServices) {
    if (!referenced.has(service.name))
      problems.push(`service ${service.name}: no registry URL points to it, so the gateway never routes there`);
  }
  return problems;
}

function checkSubgraphServices(deployment: Deployment): string[] {
  const problems: string[] = [];
  const known = new Set<string>(SUBGRAPH_ENV);
  const registryIds = new Set(deployment.registry?.cooperatives.map((cooperative) => cooperative.id));
  if (deployment.subgraphServices.length === 0) problems.push("the compose file has no subgraph service (named <cooperative>-<subgraph>)");
  for (const service of deployment.services.values()) {
    if (
      service.command.some((word) => /^subgraphs\/[^/]+\/dist\/main\.js$/.test(word)) &&
      !service.command.includes(NETWORK_ENTRY) &&
      !deployment.subgraphServices.some((entry) => entry.service === service)
    ) {
      problems.push(`service ${service.name}: runs a subgraph but is not named <cooperative>-<subgraph>`);
    }
  }
  for (const { service, subgraph, cooperativeId } of deployment.subgraphServices) {
    const where = `service ${service.name}`;
    const unknown = Object.keys(service.env).filter((key) => !known.has(key));
    if (unknown.length > 0)
      problems.push(`${where}: the subgraph reads none of ${unknown.join(", ")} (it knows ${SUBGRAPH_ENV.join(", ")})`);
    if (service.env.COOPERATIVE_ID !== cooperativeId)
      problems.push(`${where}: COOPERATIVE_ID is ${service.env.COOPERATIVE_ID ?? "(unset)"}, the name says ${cooperativeId}`);
    if (!registryIds.has(service.env.COOPERATIVE_ID ?? ""))
      problems.push(`${where}: cooperative ${service.env.COOPERATIVE_ID ?? "(unset)"} is not in docker/registry.json`);
    const entry = `subgraphs/${subgraph}/dist/main.js`;
    if (!service.command.includes(entry)) problems.push(`${where}: command ${JSON.stringify(service.command)} does not run ${entry}`);
    const seeder = service.command.indexOf(DEMO_SEEDER);
    if (seeder >= 0 && service.command[seeder + 1] !== subgraph)
      problems.push(`${where}: the demo seeder writes ${service.command[seeder + 1]}'s data, not ${subgraph}'s`);
    if (!existsSync(resolve(root, `subgraphs/${subgraph}/src/main.ts`)))
      problems.push(`${where}: subgraphs/${subgraph}/src/main.ts, which ${entry} is built from, does not exist`);
    if (service.dependsOn.postgres !== "service_healthy")
      problems.push(`${where}: must wait for postgres to be healthy (migrations run at start)`);
    const probe = probeProblem(service);
    if (probe) problems.push(`${where}: ${probe}`);
    try {
      const config = subgraphConfigFromEnv(subgraph, withStandInKey(service, problems));
      if (config.database.kind !== "server")
        problems.push(`${where}: would use an ${config.database.kind} database inside the container, not the postgres service`);
      if (config.host !== "0.0.0.0") problems.push(`${where}: listens on ${config.host}, unreachable from the gateway's container`);
    } catch (error) {
      problems.push(`${where}: the subgraph refuses its environment: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

/**
 * What is wrong with a service's health probe: it must ask for /health on the service's own PORT
 * (tools/src/dev/__tests__/docker.e2e.test.ts runs the probes against a server).
 */
function probeProblem(service: Service): string | undefined {
  const probe = service.healthcheck.join(" ");
  if (!probe) return "has no healthcheck";
  if (!probe.includes("/health")) return "its healthcheck does not probe /health";
  if (!probe.includes("process.env.PORT") && !(service.env.PORT && probe.includes(`:${service.env.PORT}`)))
    return `its healthcheck does not probe its own PORT (${service.env.PORT ?? "unset"})`;
  return undefined;
}

/** What is wrong with where a service reads docker/registry.json (`variable` names the file in the image), if anything. */
function registryFileProblem(deployment: Deployment, service: Service, variable: string): string | undefined {
  const runtime = runtimeStage(deployment);
  const workdir = runtime?.workdir ?? "/";
  const copies = runtime ? copiesOf(deployment.stages, runtime) : [];
  const registryFile = posix.resolve(workdir, service.env[variable] ?? "");
  const mounted = service.mounts.some(
    (mount) =>
      resolve(root, mount.source) === resolve(root, "docker/registry.json") && posix.resolve(workdir, mount.target) === registryFile,
  );
  if (!mounted && !placedAt(copies, "docker/registry.json").includes(registryFile)) {
    return `${variable} is ${registryFile}, where docker/registry.json is neither mounted nor copied`;
  }
  return undefined;
}

/**
 * The network's own subgraph: one service, on a database of its own (checkDatabases), its
 * registry started from the registry the gateway knows, with an environment its parser accepts.
 */
function checkNetworkService(deployment: Deployment): string[] {
  if (deployment.networkServices.length === 0) return [`the compose file has no service running the network's subgraph (${NETWORK_ENTRY})`];
  if (deployment.networkServices.length > 1)
    return [
      `services ${deployment.networkServices.map((service) => service.name).join(", ")} all run the network's subgraph: one holds its registry`,
    ];
  const [service] = deployment.networkServices;
  const where = `service ${service.name}`;
  const problems: string[] = [];
  const known = new Set<string>(NETWORK_SUBGRAPH_ENV);
  const unknown = Object.keys(service.env).filter((key) => !known.has(key));
  if (unknown.length > 0)
    problems.push(`${where}: the network's subgraph reads none of ${unknown.join(", ")} (it knows ${NETWORK_SUBGRAPH_ENV.join(", ")})`);
  if (service.command.includes(DEMO_SEEDER))
    problems.push(`${where}: the demo seeder has no network data; the subgraph starts its registry from REGISTRY_SEED_FILE`);
  if (!existsSync(resolve(root, "subgraphs/network/src/main.ts")))
    problems.push(`${where}: subgraphs/network/src/main.ts, which ${NETWORK_ENTRY} is built from, does not exist`);
  if (service.dependsOn.postgres !== "service_healthy")
    problems.push(`${where}: must wait for postgres to be healthy (migrations run at start)`);
  const probe = probeProblem(service);
  if (probe) problems.push(`${where}: ${probe}`);
  if (!service.env.REGISTRY_SEED_FILE)
    problems.push(`${where}: no REGISTRY_SEED_FILE, so its registry starts empty and the gateway routes to no cooperative`);
  else {
    const seed = registryFileProblem(deployment, service, "REGISTRY_SEED_FILE");
    if (seed) problems.push(`${where}: ${seed}`);
  }
  try {
    const config = networkSubgraphConfigFromEnv(withStandInKey(service, problems));
    if (config.database.kind !== "server")
      problems.push(`${where}: would use an ${config.database.kind} database inside the container, not the postgres service`);
    if (config.host !== "0.0.0.0") problems.push(`${where}: listens on ${config.host}, unreachable from the gateway's container`);
    if (!config.production) problems.push(`${where}: NODE_ENV is not production, so introspection and stack traces stay on`);
  } catch (error) {
    problems.push(`${where}: the network's subgraph refuses its environment: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}

function checkDatabases(deployment: Deployment): string[] {
  const problems: string[] = [];
  const postgres = deployment.services.get("postgres");
  if (!postgres) return ["the compose file has no postgres service"];
  if (!postgres.healthcheck.length) problems.push("service postgres: has no healthcheck for the subgraphs to wait on");
  if (
    !postgres.mounts.some(
      (mount) =>
        resolve(root, mount.source) === resolve(root, "docker/postgres-init.sql") &&
        mount.target.startsWith("/docker-entrypoint-initdb.d/"),
    )
  ) {
    problems.push("service postgres: does not mount docker/postgres-init.sql into /docker-entrypoint-initdb.d/");
  }
  const owners = new Map<string, string>();
  for (const service of deployment.services.values()) {
    const value = service.env.DATABASE_URL;
    if (value === undefined) continue;
    const where = `service ${service.name}`;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${where}: DATABASE_URL is not a URL`);
      continue;
    }
    const database = decodeURIComponent(url.pathname.slice(1));
    if (!deployment.databases.has(database)) problems.push(`${where}: database ${database} is not created by docker/postgres-init.sql`);
    if (url.hostname !== "postgres" || (url.port || "5432") !== "5432")
      problems.push(`${where}: DATABASE_URL does not reach the postgres service on 5432`);
    if (
      decodeURIComponent(url.username) !== (postgres.env.POSTGRES_USER ?? "postgres") ||
      decodeURIComponent(url.password) !== postgres.env.POSTGRES_PASSWORD
    ) {
      problems.push(`${where}: DATABASE_URL's credentials are not postgres's POSTGRES_USER / POSTGRES_PASSWORD`);
    }
    // Each cooperative's subgraph owns its database: sharing one would let a subgraph read another's tables.
    const owner = owners.get(database);
    if (owner) problems.push(`${where}: shares database ${database} with ${owner}`);
    owners.set(database, service.name);
  }
  return problems;
}

function checkGateway(deployment: Deployment): string[] {
  const gateway = deployment.services.get("gateway");
  if (!gateway) return ["the compose file has no gateway service"];
  const problems: string[] = [];
  const known = new Set<string>(GATEWAY_ENV);
  const unknown = Object.keys(gateway.env).filter((key) => !known.has(key));
  if (unknown.length > 0) problems.push(`gateway: reads none of ${unknown.join(", ")} (it knows ${GATEWAY_ENV.join(", ")})`);
  const probe = probeProblem(gateway);
  if (probe) problems.push(`gateway: ${probe}`);
  if (!gateway.command.includes("gateway/dist/main.js"))
    problems.push(`gateway: command ${JSON.stringify(gateway.command)} does not run gateway/dist/main.js`);
  if (!existsSync(resolve(root, "gateway/src/main.ts")))
    problems.push("gateway: gateway/src/main.ts, which gateway/dist/main.js is built from, does not exist");
  try {
    const config = gatewayConfigFromEnv(withStandInKey(gateway, problems));
    if (config.host !== "0.0.0.0") problems.push(`gateway: listens on ${config.host}, unreachable through the published port`);
    if (!gateway.containerPorts.includes(config.port))
      problems.push(`gateway: listens on ${config.port} but publishes ${gateway.containerPorts.join(", ") || "nothing"}`);
    if (!config.production) problems.push("gateway: NODE_ENV is not production, so introspection and stack traces stay on");
    if (!config.serviceToken) problems.push("gateway: no NETWORK_SERVICE_TOKEN_FILE, so network roles get no indicators");
  } catch (error) {
    problems.push(`gateway: refuses its environment: ${error instanceof Error ? error.message : String(error)}`);
  }

  const registryFile = registryFileProblem(deployment, gateway, "REGISTRY_FILE");
  if (registryFile) problems.push(`gateway: ${registryFile}`);

  // The network's subgraph, whose fields the gateway serves and whose registry it follows.
  const [network] = deployment.networkServices;
  if (!gateway.env.NETWORK_URL)
    problems.push("gateway: no NETWORK_URL, so it neither follows the network's registry nor serves its fields");
  else if (network) {
    const url = new URL(gateway.env.NETWORK_URL);
    if (url.hostname !== network.name || url.port !== network.env.PORT || url.pathname !== "/graphql")
      problems.push(
        `gateway: NETWORK_URL is ${url.href}, not the network's subgraph (service ${network.name}, PORT ${network.env.PORT ?? "(unset)"}, /graphql)`,
      );
    // Started, not healthy: until it answers, the gateway routes by REGISTRY_FILE.
    if (gateway.dependsOn[network.name] !== "service_started")
      problems.push(`gateway: must start after ${network.name}, without waiting for its health`);
  }

  for (const { service } of deployment.subgraphServices) {
    // Started, not healthy: the gateway answers without a cooperative that is down.
    if (gateway.dependsOn[service.name] !== "service_started")
      problems.push(`gateway: must start after ${service.name}, without waiting for its health`);
  }
  return problems;
}

function checkImage(deployment: Deployment): string[] {
  const problems: string[] = [];
  const { stages } = deployment;
  const runtime = runtimeStage(deployment);
  if (!runtime) return ["the Dockerfile has no stage"];
  for (const stage of stages) {
    const fromStage = stages.some((other) => other !== stage && other.name === stage.base);
    if (!fromStage && stage.base !== "node:20-bookworm-slim")
      problems.push(`Dockerfile: stage ${stage.name ?? "(unnamed)"} starts from ${stage.base}, not node:20-bookworm-slim`);
  }
  const users = lineage(stages, runtime)
    .flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === "USER"))
    .reverse();
  if (users[0]?.args !== "node") problems.push("Dockerfile: the runtime stage does not run as the node user");

  // Every service in compose runs from this image, so every entry point and what it imports must be in it.
  const copies = copiesOf(stages, runtime);
  const rootPackage = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as {
    workspaces?: string[];
    scripts?: Record<string, string>;
  };
  for (const workspace of rootPackage.workspaces ?? []) {
    if (!placedAt(copies, `${workspace}/dist`).includes(posix.join(runtime.workdir, workspace, "dist"))) {
      problems.push(`Dockerfile: the runtime stage does not copy ${workspace}/dist to ${posix.join(runtime.workdir, workspace, "dist")}`);
    }
  }
  for (const service of deployment.services.values()) {
    const entry = service.command.find((word) => word.endsWith("/dist/main.js"));
    if (entry && !rootPackage.workspaces?.some((workspace) => entry === `${workspace}/dist/main.js`))
      problems.push(`service ${service.name}: ${entry} is no workspace's entry point`);
  }

  const supergraph = gatewaySupergraphPath(deployment);
  if (!existsSync(resolve(root, supergraph))) problems.push(`${supergraph}, the gateway's supergraph, is not in the repository`);
  if (!placedAt(copies, supergraph).includes(posix.join(runtime.workdir, supergraph))) {
    problems.push(
      `Dockerfile: the runtime stage does not copy ${supergraph} to ${posix.join(runtime.workdir, supergraph)}, where the gateway reads it`,
    );
  }

  const productionInstall = /\bnpm\s+(ci|install|prune)\b.*--omit[= ]dev/;
  const runs = (stage: DockerStage) =>
    lineage(stages, stage).flatMap((link) => link.instructions.filter((instruction) => instruction.keyword === "RUN"));
  const fromProduction = [runtime, ...copies.flatMap((copy) => stages.filter((stage) => stage.name === copy.from))].some((stage) =>
    runs(stage).some((run) => productionInstall.test(run.args)),
  );
  if (!fromProduction) problems.push("Dockerfile: the runtime stage's node_modules do not come from an install or prune with --omit=dev");
  // `prepare` runs tsc, a dev dependency: a production install that runs scripts fails.
  if (rootPackage.scripts?.prepare) {
    for (const run of stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === "RUN"))) {
      if (/\bnpm\s+(ci|install)\b.*--omit[= ]dev/.test(run.args) && !run.args.includes("--ignore-scripts")) {
        problems.push(`Dockerfile: "${run.args}" runs the root prepare script (tsc) without dev dependencies; add --ignore-scripts`);
      }
    }
  }

  for (const required of ["node_modules", "dist", "*.tsbuildinfo"]) {
    if (!deployment.dockerignore.some((line) => line === required || line === `**/${required}`))
      problems.push(`.dockerignore: does not leave out ${required}`);
  }

  for (const service of deployment.services.values()) {
    if (service.name === "postgres") continue;
    if (!service.build || resolve(root, service.build.context) !== root || service.build.dockerfile !== "Dockerfile") {
      problems.push(`service ${service.name}: is not built from the repository's Dockerfile`);
    }
  }
  return problems;
}

/** The supergraph file the gateway reads in the image, as a path of the repository. */
function gatewaySupergraphPath(deployment: Deployment): string {
  const configured = deployment.services.get("gateway")?.env.SUPERGRAPH_FILE;
  const workdir = runtimeStage(deployment)?.workdir ?? "/";
  // DEFAULT_SUPERGRAPH_FILE is resolved from gateway/src here and from gateway/dist in the image: the same folder depth.
  return configured ? posix.relative(workdir, posix.resolve(workdir, configured)) : repoPath(DEFAULT_SUPERGRAPH_FILE);
}

const CHECKS = {
  registry: checkRegistry,
  subgraphs: checkSubgraphServices,
  network: checkNetworkService,
  databases: checkDatabases,
  gateway: checkGateway,
  image: checkImage,
};

function problemsOf(files: DeploymentFiles): string[] {
  const deployment = parseDeployment(files);
  return Object.values(CHECKS).flatMap((check) => check(deployment));
}

// ---------------------------------------------------------------------------------------------

afterAll(() => {
  for (const file of [standInPublicKey, standInServiceToken]) rmSync(dirname(file), { recursive: true, force: true });
});

describe("the Docker deployment", () => {
  const files = readDeployment();
  const deployment = parseDeployment(files);

  it("has a registry the gateway accepts, whose every URL is a compose service on its PORT", () => {
    expect(checkRegistry(deployment)).toEqual([]);
    expect(deployment.registry?.cooperatives.map((cooperative) => cooperative.id)).toEqual(["alpes-entreprendre", "bretagne-cooperer"]);
  });

  it("gives each subgraph its two siblings' addresses on the compose network, and one events secret per cooperative", () => {
    const secrets = new Map<string, string>();
    for (const { service, cooperativeId, subgraph } of deployment.subgraphServices) {
      for (const sibling of SUBGRAPH_NAMES.filter((name) => name !== subgraph)) {
        const url = new URL(service.env[`${sibling.toUpperCase()}_URL`] ?? "http://missing");
        const target = deployment.services.get(`${cooperativeId}-${sibling}`);
        expect({ service: service.name, sibling, host: url.hostname, port: url.port }).toEqual({
          service: service.name,
          sibling,
          host: target?.name,
          port: target?.env.PORT,
        });
      }
      const secret = service.env.EVENTS_SECRET_FILE ?? "";
      expect(secret).not.toBe("");
      if (!secrets.has(cooperativeId)) secrets.set(cooperativeId, secret);
      expect(secret).toBe(secrets.get(cooperativeId));
    }
    expect(new Set(secrets.values()).size).toBe(secrets.size);
  });

  it("runs each cooperative's subgraphs with an environment their own config parser accepts", () => {
    expect(checkSubgraphServices(deployment)).toEqual([]);
    expect(deployment.subgraphServices).toHaveLength(6);
  });

  it("gives each subgraph service a database of its own, created by the init script", () => {
    expect(checkDatabases(deployment)).toEqual([]);
  });

  it("runs the network's own subgraph once, on its own database, its registry started from docker/registry.json", () => {
    expect(checkNetworkService(deployment)).toEqual([]);
    expect(deployment.networkServices.map((service) => service.name)).toEqual(["network"]);
    const database = new URL(deployment.networkServices[0].env.DATABASE_URL ?? "http://missing").pathname.slice(1);
    expect(database).toBe("network");
    expect(deployment.databases.has("network")).toBe(true);
  });

  it("points the gateway to the network's subgraph on its port, and starts it after it", () => {
    const gateway = deployment.services.get("gateway");
    const network = deployment.services.get("network");
    expect(new URL(gateway?.env.NETWORK_URL ?? "http://missing").port).toBe(network?.env.PORT);
    expect(gateway?.dependsOn.network).toBe("service_started");
  });

  it("starts the gateway with an environment its config parser accepts and the registry where it looks", () => {
    expect(checkGateway(deployment)).toEqual([]);
  });

  it("builds one image holding every entry point and the gateway's supergraph", () => {
    expect(checkImage(deployment)).toEqual([]);
  });
});

describe("the deployment checks", () => {
  const files = readDeployment();
  const broken = (change: Partial<DeploymentFiles>) => problemsOf({ ...files, ...change });
  const replaceOnce = (text: string, from: string | RegExp, to: string) => {
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`the test's edit found nothing to replace: ${String(from)}`);
    return changed;
  };

  it("find a registry URL whose port no service listens on", () => {
    const registry = replaceOnce(files.registry, "alpes-entreprendre-members:4101", "alpes-entreprendre-members:4199");
    expect(broken({ registry })).toEqual([expect.stringContaining("service alpes-entreprendre-members listens on PORT 4101, not 4199")]);
  });

  it("find a service whose PORT moved without the registry", () => {
    const compose = replaceOnce(files.compose, 'PORT: "4112"', 'PORT: "4119"');
    expect(broken({ compose })).toEqual([expect.stringContaining("bretagne-cooperer-contracts listens on PORT 4119, not 4112")]);
  });

  it("find a variable the subgraph does not read", () => {
    const compose = replaceOnce(files.compose, /(alpes-entreprendre-finance:[\s\S]*?)DATABASE_URL:/, "$1DB_URL:");
    expect(broken({ compose })).toEqual(expect.arrayContaining([expect.stringContaining("the subgraph reads none of DB_URL")]));
  });

  it("find a subgraph running another subgraph's entry point", () => {
    const compose = replaceOnce(
      files.compose,
      /(alpes-entreprendre-members:\s*\n[^\n]*\n\s*command: \[[^\]]*"--then", ")subgraphs\/members/,
      "$1subgraphs/contracts",
    );
    expect(broken({ compose })).toEqual(expect.arrayContaining([expect.stringContaining("does not run subgraphs/members/dist/main.js")]));
  });

  it("find a seeder writing another subgraph's demo data", () => {
    const compose = replaceOnce(
      files.compose,
      /(alpes-entreprendre-members:\s*\n[^\n]*\n\s*command: \["node", "tools\/dist\/demo\/seed\/main.js", ")members/,
      "$1finance",
    );
    expect(broken({ compose })).toEqual([expect.stringContaining("the demo seeder writes finance's data, not members's")]);
  });

  it("find a database the init script does not create", () => {
    const initSql = replaceOnce(files.initSql, /CREATE DATABASE bretagne_cooperer_finance;/, "");
    expect(broken({ initSql })).toEqual([expect.stringContaining("database bretagne_cooperer_finance is not created")]);
  });

  it("find a gateway environment its parser refuses or a registry it cannot find", () => {
    expect(broken({ compose: replaceOnce(files.compose, 'COOPERATIVE_TIMEOUT_MS: "5000"', 'COOPERATIVE_TIMEOUT_MS: "5s"') })).toEqual([
      expect.stringContaining("COOPERATIVE_TIMEOUT_MS must be a whole number"),
    ]);
    expect(
      broken({ compose: replaceOnce(files.compose, "REGISTRY_FILE: /app/docker/registry.json", "REGISTRY_FILE: /app/registry.json") }),
    ).toEqual([expect.stringContaining("REGISTRY_FILE is /app/registry.json")]);
  });

  it("find a gateway without a health probe on its own PORT", () => {
    const compose = replaceOnce(
      files.compose,
      /(\n {2}gateway:[\s\S]*?healthcheck:\n\s*# [^\n]*\n\s*# [^\n]*\n\s*)test: \*health-probe/,
      '$1test: ["CMD", "true"]',
    );
    expect(broken({ compose })).toEqual(["gateway: its healthcheck does not probe /health"]);
  });

  it("find a gateway whose NETWORK_URL misses the network's subgraph, or that does not wait for it to start", () => {
    expect(
      broken({
        compose: replaceOnce(files.compose, "NETWORK_URL: http://network:4090/graphql", "NETWORK_URL: http://network:4091/graphql"),
      }),
    ).toEqual([
      expect.stringContaining(
        "gateway: NETWORK_URL is http://network:4091/graphql, not the network's subgraph (service network, PORT 4090",
      ),
    ]);
    expect(broken({ compose: replaceOnce(files.compose, 'PORT: "4090"', 'PORT: "4091"') })).toEqual([
      expect.stringContaining(
        "gateway: NETWORK_URL is http://network:4090/graphql, not the network's subgraph (service network, PORT 4091",
      ),
    ]);
    expect(broken({ compose: replaceOnce(files.compose, /\n {6}network:\n {8}condition: service_started/, "") })).toEqual([
      "gateway: must start after network, without waiting for its health",
    ]);
  });

  it("find a network subgraph on no database of its own, or with a variable it does not read", () => {
    const initSql = replaceOnce(files.initSql, /CREATE DATABASE network;/, "");
    expect(broken({ initSql })).toEqual([expect.stringContaining("service network: database network is not created")]);
    const shared = replaceOnce(files.compose, "5432/network", "5432/alpes_entreprendre_members");
    expect(broken({ compose: shared })).toEqual([expect.stringContaining("shares database alpes_entreprendre_members")]);
    const misspelt = replaceOnce(
      files.compose,
      "REGISTRY_SEED_FILE: /app/docker/registry.json",
      "REGISTRY_SEED: /app/docker/registry.json",
    );
    expect(broken({ compose: misspelt })).toEqual(
      expect.arrayContaining([
        expect.stringContaining("service network: the network's subgraph reads none of REGISTRY_SEED"),
        expect.stringContaining("service network: no REGISTRY_SEED_FILE, so its registry starts empty"),
      ]),
    );
  });

  it("find a network subgraph whose registry seed is not docker/registry.json in the container", () => {
    const compose = replaceOnce(files.compose, "REGISTRY_SEED_FILE: /app/docker/registry.json", "REGISTRY_SEED_FILE: /app/registry.json");
    expect(broken({ compose })).toEqual([expect.stringContaining("service network: REGISTRY_SEED_FILE is /app/registry.json")]);
  });

  it("find an image without the network subgraph's code", () => {
    const dockerfile = replaceOnce(files.dockerfile, /^COPY --from=build \/app\/subgraphs\/network\/dist .*$/m, "");
    expect(broken({ dockerfile })).toEqual([expect.stringContaining("does not copy subgraphs/network/dist")]);
  });

  it("find an image without the gateway's supergraph", () => {
    const dockerfile = replaceOnce(files.dockerfile, /^COPY .*supergraph\.graphql.*$/m, "");
    expect(broken({ dockerfile })).toEqual([expect.stringContaining("does not copy gateway/supergraph.graphql")]);
  });
});
