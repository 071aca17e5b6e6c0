// One cooperative of the indicators benchmark (tools/scripts/bench-indicators.mjs), in a process of its
// own as in a deployment: its three subgraphs, seeded, each on the database the benchmark made for
// it. Each subgraph is also reachable on a second port that holds every request `latencyMs`
// before handling it (a cooperative's server across a network), and the members subgraph on a
// third that holds it `slowMs` (a slow cooperative).
//
// Started by the benchmark with one JSON argument; prints one JSON line of URLs when ready; stops
// when the benchmark closes its standard input, or goes away.
/* global process, setTimeout, console */
import { createRequire } from "node:module";
import { createServer } from "node:http";

process.env.NODE_ENV = "production";
const require = createRequire(import.meta.url);
require("reflect-metadata");
const { startSubgraph, SUBGRAPH_NAMES } = require("@cae/shared");
const { seedDemoDatabase, SUBGRAPHS } = require("@cae/tools");

const { id, databases, auth, latencyMs, slowMs } = JSON.parse(process.argv[2]);
process.setMaxListeners(0);

/**
 * A second port for `subgraph` that holds every request `delayMs` before the subgraph handles it:
 * a network's latency, which costs the machine no CPU (a proxy would add a hop of its own).
 */
async function delayedPort(subgraph, delayMs) {
  const server = createServer((req, res) => setTimeout(() => subgraph.listener.emit("request", req, res), delayMs));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/graphql`, server };
}

const running = [];
const ports = [];
async function stop() {
  for (const port of ports) {
    port.closeAllConnections();
    port.close();
  }
  await Promise.allSettled(running.map((subgraph) => subgraph.stop()));
  process.exit(0);
}
process.stdin.on("end", stop);
process.stdin.resume();

const urls = { subgraphs: {}, far: {}, slowMembers: undefined };
for (const name of SUBGRAPH_NAMES) {
  const database = { kind: "server", url: databases[name] };
  await seedDemoDatabase(name, id, database);
  const subgraph = await startSubgraph(SUBGRAPHS[name], {
    cooperativeId: id,
    port: 0,
    host: "127.0.0.1",
    database,
    production: true,
    auth,
  });
  // 90 subgraphs share one PostgreSQL server (max_connections 100, other users too): one
  // connection each here, where each cooperative would have its own server.
  const pool = subgraph.database.dataSource.driver.master;
  if (pool?.options) pool.options.max = 1;
  running.push(subgraph);
  urls.subgraphs[name] = subgraph.url;
  const far = await delayedPort(subgraph, latencyMs);
  ports.push(far.server);
  urls.far[name] = far.url;
  if (name === "members") {
    const slow = await delayedPort(subgraph, slowMs);
    ports.push(slow.server);
    urls.slowMembers = slow.url;
  }
}
console.log(JSON.stringify(urls));
