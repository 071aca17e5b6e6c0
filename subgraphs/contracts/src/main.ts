import { runSubgraphMain } from "@cae/shared";
import { contracts } from "./index";

void runSubgraphMain(contracts);
