import { CreateAuditEvents1764400000001 } from "@cae/shared";
import { CreateRegistry1767000000000 } from "./1767000000000-CreateRegistry";

/** Every migration of the network subgraph, oldest first. */
export const migrations = [CreateAuditEvents1764400000001, CreateRegistry1767000000000];
