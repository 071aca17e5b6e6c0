import { CreateAuditEvents1764400000001, CreateEventTables1766000000001, CreatePersonPath1766000000002 } from "@cae/shared";
import { CreateActivityAccounts1764400000000 } from "./1764400000000-CreateActivityAccounts";
import { CreateInvoicing1765200000000 } from "./1765200000000-CreateInvoicing";
import { Corrections1766100000000 } from "./1766100000000-Corrections";

/** Every migration of the finance subgraph, oldest first. */
export const migrations = [
  CreateActivityAccounts1764400000000,
  CreateAuditEvents1764400000001,
  CreateInvoicing1765200000000,
  CreateEventTables1766000000001,
  CreatePersonPath1766000000002,
  Corrections1766100000000,
];
