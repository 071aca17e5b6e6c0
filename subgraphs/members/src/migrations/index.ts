import { CreatePeople1764400000000 } from "./1764400000000-CreatePeople";

/** Every migration of the members subgraph, oldest first. */
export const migrations = [CreatePeople1764400000000];
