import { databaseBackends, execute } from "@cae/tools/testing";
import {
  admin,
  count,
  createCustomer,
  ISSUE,
  line,
  ok,
  openAccount,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "./builders";

const CREATE = `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { id status netCents vatCents totalCents } }`;
const ACCEPT = `mutation ($input: DecideQuoteInput!) { acceptQuote(input: $input) { id status decidedOn invoice { id status totalCents lines { description netCents } customer { id } } } }`;
const REFUSE = `mutation ($input: DecideQuoteInput!) { refuseQuote(input: $input) { id status } }`;

describe.each(databaseBackends())("quotes on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let accountId: string;
  let customerId: string;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    ({ accountId } = await openAccount(server));
    customerId = await createCustomer(server, accountId);
  });
  afterAll(() => server?.stop());

  const quote = async (validUntil = "2026-05-31") =>
    (
      await ok<{ createQuote: { id: string; totalCents: string } }>(server, CREATE, {
        input: {
          accountId,
          customerId,
          issuedOn: "2026-05-01",
          validUntil,
          lines: [line("3", "4000", "INTERMEDIATE_10", "Taille de haies")],
        },
      })
    ).createQuote;

  it("turns an accepted quote into a draft invoice with its customer and lines, which is then issued", async () => {
    const made = await quote();
    expect(made).toMatchObject({ netCents: "12000", vatCents: "1200", totalCents: "13200" });
    const accepted = await ok<{ acceptQuote: { status: string; invoice: { id: string; status: string } } }>(server, ACCEPT, {
      input: { id: made.id, decidedOn: "2026-05-10" },
    });
    expect(accepted.acceptQuote).toMatchObject({
      status: "ACCEPTED",
      decidedOn: "2026-05-10",
      invoice: {
        status: "DRAFT",
        totalCents: "13200",
        lines: [{ description: "Taille de haies", netCents: "12000" }],
        customer: { id: customerId },
      },
    });
    const issued = await ok<{ issueInvoice: { number: string } }>(server, ISSUE, {
      input: { id: accepted.acceptQuote.invoice.id, issuedOn: "2026-05-11" },
    });
    expect(issued.issueInvoice.number).toBe("F2026-000001");
    const again = await execute(server, REFUSE, { input: { id: made.id, decidedOn: "2026-05-12" } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.id" });
  });

  it("refuses an acceptance after the validity, and a validity before the quote, writing nothing", async () => {
    const made = await quote("2026-05-05");
    const invoices = await count(server, "invoices");
    const late = await execute(server, ACCEPT, { input: { id: made.id, decidedOn: "2026-05-06" } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.decidedOn" });
    expect(await count(server, "invoices")).toBe(invoices);
    expect(
      (await ok<{ refuseQuote: { status: string } }>(server, REFUSE, { input: { id: made.id, decidedOn: "2026-05-06" } })).refuseQuote
        .status,
    ).toBe("REFUSED");
    const backwards = await execute(server, CREATE, {
      input: { accountId, customerId, issuedOn: "2026-05-01", validUntil: "2026-04-30", lines: [line("1", "100")] },
    });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.validUntil" });
  });
});
