import { createTestDatabase, execute, testCaller } from "@cae/tools";
import { createSubgraphServer, type Caller, type Logger, type SubgraphServer } from "@cae/shared";
import { finance, type FinanceContext } from "../index";

export const COOP = "garonne-activites";
export type FinanceServer = SubgraphServer<FinanceContext["loaders"]> & { stop(): Promise<void> };

/** A finance subgraph on a throwaway database without demo data, so that every figure is the test's own. */
export async function startEmptyFinance(backend: "embedded" | "server", logger?: Logger): Promise<FinanceServer> {
  const database = await createTestDatabase(backend, { subgraph: "finance" });
  const server = await createSubgraphServer(finance, COOP, database.config, { logger });
  return {
    ...server,
    async stop() {
      await server.apollo.stop();
      await server.database.close();
      await database.drop();
    },
  };
}

export const staff = testCaller("COUNSELOR", COOP);
export const admin = testCaller("COOP_ADMIN", COOP);

/** Runs an operation that must succeed, and gives its data. */
export async function ok<T = Record<string, unknown>>(
  server: FinanceServer,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = staff,
) {
  const result = await execute(server, query, variables, caller);
  if (result.errors) throw new Error(`Unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export const settingsInput = (overrides: Record<string, unknown> = {}) => ({
  cooperativeId: COOP,
  effectiveFrom: "2026-01-01",
  legalName: "Garonne Activités SCOP SARL",
  siret: "73282932000074",
  vatNumber: "FR44732829320",
  address: "1 place de la Coopération, 31000 Toulouse",
  contributionBasis: "REVENUE",
  contributionBrackets: [{ fromCents: "0", rate: "10" }],
  invoicePrefix: "F",
  creditNotePrefix: "AV",
  paymentTermsDays: 30,
  latePenaltyRate: "12.5",
  legalInterestRate: "2.76",
  legalForm: "SCOP SARL à capital variable",
  rcsNumber: "732 829 320",
  rcsCity: "Toulouse",
  employerChargeRate: "45",
  employeeChargeRate: "22",
  ...overrides,
});

export const UPDATE_SETTINGS = `mutation ($input: UpdateFinanceSettingsInput!) { updateFinanceSettings(input: $input) { effectiveFrom contributionBrackets { fromCents rate } } }`;
export const OPEN_ACCOUNT = `mutation ($input: OpenActivityAccountInput!) { openActivityAccount(input: $input) { id analyticCode } }`;
export const CREATE_CUSTOMER = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id name kind } }`;
export const CREATE_DRAFT = `mutation ($input: CreateInvoiceDraftInput!) { createInvoiceDraft(input: $input) { id status netCents vatCents totalCents } }`;
export const ISSUE = `mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id number status issuedOn dueOn } }`;
export const PAY = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id amountCents invoice { status paidCents balanceCents } } }`;
export const CREDIT = `mutation ($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id number netCents vatCents totalCents invoice { status creditedCents balanceCents } } }`;

let people = 0;
/** A person ID of the cooperative (the members subgraph owns people; finance only refers to them). */
export const newPersonId = () => `${COOP}:00000000-0000-4000-8000-${String(++people).padStart(12, "0")}`;

/**
 * Tells the finance subgraph where a person stands, as the members subgraph's events would
 * (table `person_path`): admitted unless said otherwise, and present until `exitedOn`.
 */
export async function personPath(
  server: FinanceServer,
  personId: string,
  welcomeStage: "PROSPECT" | "RECEIVED" | "ADMITTED" | "ORIENTED" = "ADMITTED",
  exitedOn: string | null = null,
) {
  await server.database.dataSource.query(
    `INSERT INTO person_path (person_id, welcome_stage, exited_on) VALUES ($1, $2, $3)
     ON CONFLICT (person_id) DO UPDATE SET welcome_stage = EXCLUDED.welcome_stage, exited_on = EXCLUDED.exited_on, updated_at = now()`,
    [personId.slice(personId.indexOf(":") + 1), welcomeStage, exitedOn],
  );
}

/** Opens an account for a person the cooperative admitted (an activity account is only opened for one). */
export async function openAccount(server: FinanceServer, personId = newPersonId(), openedOn = "2025-06-01") {
  await personPath(server, personId);
  const data = await ok<{ openActivityAccount: { id: string } }>(server, OPEN_ACCOUNT, {
    input: { personId, label: "Menuiserie", sector: "CRAFTS", openedOn },
  });
  return { accountId: data.openActivityAccount.id, personId };
}

export async function createCustomer(server: FinanceServer, accountId: string, kind: "BUSINESS" | "PRIVATE" = "BUSINESS") {
  const data = await ok<{ createCustomer: { id: string } }>(server, CREATE_CUSTOMER, {
    input: {
      accountId,
      name: kind === "BUSINESS" ? "Boulangerie du Port SARL" : "Jeanne Martin",
      kind,
      address: "3 rue des Lilas, 31000 Toulouse",
      // A French business's SIREN is printed on its invoices from the e-invoicing reform (docs/finance.md, "Mentions").
      ...(kind === "BUSINESS" ? { siret: "44306184100047" } : {}),
    },
  });
  return data.createCustomer.id;
}

export const line = (quantity: string, unitPriceCents: string, vatRate = "STANDARD_20", description = "Prestation") => ({
  description,
  quantity,
  unitPriceCents,
  vatRate,
});

export async function draft(
  server: FinanceServer,
  accountId: string,
  customerId: string,
  lines: (ReturnType<typeof line> & { supply?: "GOODS" | "SERVICES" })[] = [line("1", "10000")],
) {
  const data = await ok<{ createInvoiceDraft: { id: string; totalCents: string } }>(server, CREATE_DRAFT, {
    input: { accountId, customerId, lines },
  });
  return data.createInvoiceDraft;
}

export async function issued(
  server: FinanceServer,
  accountId: string,
  customerId: string,
  issuedOn: string,
  lines: (ReturnType<typeof line> & { supply?: "GOODS" | "SERVICES" })[] = [line("1", "10000")],
) {
  const { id } = await draft(server, accountId, customerId, lines);
  const data = await ok<{ issueInvoice: { id: string; number: string } }>(server, ISSUE, { input: { id, issuedOn } });
  return data.issueInvoice;
}

export const count = async (server: FinanceServer, table: string): Promise<number> =>
  (await server.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
