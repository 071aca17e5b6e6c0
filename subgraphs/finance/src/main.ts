import { runSubgraphMain } from "@cae/shared";
import { finance } from "./index";

void runSubgraphMain(finance);
