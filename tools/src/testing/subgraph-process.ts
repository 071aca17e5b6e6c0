import { runSubgraphMain, SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";
import { SUBGRAPHS } from "../subgraphs";

/**
 * A subgraph in a process of its own, configured by its environment like `subgraphs/<name>/dist/main.js`
 * (SUBGRAPH names which), run on the TypeScript sources: what a test kills with SIGKILL to see what a
 * crash leaves behind (`sourceChildScript` starts it).
 */
export function main(): Promise<void> {
  const name = process.env.SUBGRAPH as SubgraphName;
  if (!SUBGRAPH_NAMES.includes(name)) throw new Error(`SUBGRAPH must be one of ${SUBGRAPH_NAMES.join(", ")}`);
  return runSubgraphMain(SUBGRAPHS[name]);
}
