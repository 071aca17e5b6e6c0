import { CreateAuditEvents1764400000001, CreateEventTables1766000000001, CreatePersonPath1766000000002 } from "@cae/shared";
import { CreateContracts1764400000000 } from "./1764400000000-CreateContracts";
import { ContractLifecycle1765200000000 } from "./1765200000000-ContractLifecycle";
import { PayrollVariables1766200000400 } from "./1766200000400-PayrollVariables";
import { ContractLegalContent1766300000000 } from "./1766300000000-ContractLegalContent";

/** Every migration of the contracts subgraph, oldest first. */
export const migrations = [
  CreateContracts1764400000000,
  CreateAuditEvents1764400000001,
  ContractLifecycle1765200000000,
  CreateEventTables1766000000001,
  CreatePersonPath1766000000002,
  PayrollVariables1766200000400,
  ContractLegalContent1766300000000,
];
