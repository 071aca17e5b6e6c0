import { runSubgraphMain } from "@cae/shared";
import { members } from "./index";

void runSubgraphMain(members);
