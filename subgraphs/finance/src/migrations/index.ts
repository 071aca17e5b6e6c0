import { CreateAuditEvents1764400000001, CreateEventTables1766000000001, CreatePersonPath1766000000002 } from "@cae/shared";
import { CreateActivityAccounts1764400000000 } from "./1764400000000-CreateActivityAccounts";
import { CreateInvoicing1765200000000 } from "./1765200000000-CreateInvoicing";
import { Corrections1766100000000 } from "./1766100000000-Corrections";
import { CreateBooks1766200000000 } from "./1766200000000-CreateBooks";
import { Purchases1766200000100 } from "./1766200000100-Purchases";
import { BankStatements1766200000200 } from "./1766200000200-BankStatements";
import { PayrollResults1766200000300 } from "./1766200000300-PayrollResults";
import { DocumentMentions1766200000400 } from "./1766200000400-DocumentMentions";

/** Every migration of the finance subgraph, oldest first. */
export const migrations = [
  CreateActivityAccounts1764400000000,
  CreateAuditEvents1764400000001,
  CreateInvoicing1765200000000,
  CreateEventTables1766000000001,
  CreatePersonPath1766000000002,
  Corrections1766100000000,
  CreateBooks1766200000000,
  Purchases1766200000100,
  BankStatements1766200000200,
  PayrollResults1766200000300,
  DocumentMentions1766200000400,
];
