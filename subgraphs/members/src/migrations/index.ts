import { CreateAuditEvents1764400000001 } from "@cae/shared";
import { CreatePeople1764400000000 } from "./1764400000000-CreatePeople";
import { CreateAssociatesAndExits1764500000000 } from "./1764500000000-CreateAssociatesAndExits";

/** Every migration of the members subgraph, oldest first. */
export const migrations = [CreatePeople1764400000000, CreateAuditEvents1764400000001, CreateAssociatesAndExits1764500000000];
