import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The release of the network's code this process runs: the version of the packages, released
 * together (`shared/package.json`, beside this module's `dist/`). Each subgraph says it on
 * `/health`, so the network can see which cooperative runs which release.
 */
export const RELEASE: string = (JSON.parse(readFileSync(resolve(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;
