import { CreateAuditEvents1764400000001 } from "@cae/shared";
import { CreateActivityAccounts1764400000000 } from "./1764400000000-CreateActivityAccounts";

/** Every migration of the finance subgraph, oldest first. */
export const migrations = [CreateActivityAccounts1764400000000, CreateAuditEvents1764400000001];
