import { CreateAuditEvents1764400000001 } from "@cae/shared";
import { CreateRegistry1767000000000 } from "./1767000000000-CreateRegistry";
import { CreatePartnersAndAgreements1767000000100 } from "./1767000000100-CreatePartnersAndAgreements";
import { CreateCommittees1767000000200 } from "./1767000000200-CreateCommittees";

/** Every migration of the network subgraph, oldest first. */
export const migrations = [
  CreateAuditEvents1764400000001,
  CreateRegistry1767000000000,
  CreatePartnersAndAgreements1767000000100,
  CreateCommittees1767000000200,
];
