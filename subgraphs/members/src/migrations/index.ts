import { CreateAuditEvents1764400000001 } from "@cae/shared";
import { CreatePeople1764400000000 } from "./1764400000000-CreatePeople";

/** Every migration of the members subgraph, oldest first. */
export const migrations = [CreatePeople1764400000000, CreateAuditEvents1764400000001];
