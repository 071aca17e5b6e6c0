import { contracts } from "@cae/contracts";
import { finance } from "@cae/finance";
import { members } from "@cae/members";
import type { SubgraphDefinition, SubgraphName } from "@cae/shared";

/** The three subgraphs every cooperative runs, by name. */
export const SUBGRAPHS: Record<SubgraphName, SubgraphDefinition<unknown>> = {
  members: members as SubgraphDefinition<unknown>,
  contracts: contracts as SubgraphDefinition<unknown>,
  finance: finance as SubgraphDefinition<unknown>,
};
