/**
 * The Node.js flags the gateway runs with: the Dockerfile's command, docker-compose.yml's,
 * `npm start`'s and the benchmark's (the deployment test checks the first two against this list).
 *
 * A young generation of 64 MB semi-spaces instead of Node's 16 MB: a request's objects (the
 * subgraphs' answers parsed, the merged result, its JSON) die young, and with the default the
 * scavenges that collect them took 15 % of the gateway's CPU under load, 7 % with 64 MB, for
 * about 50 MB more of resident memory (docs/benchmarks.md).
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = Object.freeze(["--max-semi-space-size=64"]);
