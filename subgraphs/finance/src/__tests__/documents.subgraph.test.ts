import { databaseBackends, execute, pdfText } from "@cae/tools/testing";
import {
  admin,
  COOP,
  CREDIT,
  createCustomer,
  issued,
  line,
  ok,
  openAccount,
  PAY,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "./builders";

const COOPERATIVE = [{ __typename: "Cooperative", id: COOP }];

describe.each(databaseBackends())("printed documents and pages of invoices on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let accountId: string;
  let customerId: string;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    ({ accountId } = await openAccount(server));
    customerId = await createCustomer(server, accountId, "BUSINESS");
  });
  afterAll(() => server?.stop());

  it("prints an invoice and its credit note with every mandatory mention", async () => {
    const { id, number } = await issued(server, accountId, customerId, "2026-04-01", [
      line("2", "12500", "STANDARD_20", "Pose de parquet"),
      line("1", "30000", "EXEMPT", "Formation"),
    ]);
    const result = await execute(
      server,
      `query ($representations: [_Any!]!, $id: ID!) { _entities(representations: $representations) { ... on Cooperative { invoice(id: $id) { pdf } } } }`,
      { representations: COOPERATIVE, id },
    );
    expect(result.errors).toBeUndefined();
    const text = await pdfText((result.data?._entities as { invoice: { pdf: string } }[])[0].invoice.pdf);
    for (const mention of [
      "Garonne Activités SCOP SARL",
      "1 place de la Coopération, 31000 Toulouse",
      "SIRET : 73282932000074",
      "N° TVA intracommunautaire : FR44732829320",
      `FACTURE N° ${number}`,
      "Date d'émission : 01/04/2026",
      "Date d'échéance : 01/05/2026",
      "Boulangerie du Port SARL",
      "Désignation Quantité Prix unitaire HT TVA Montant HT",
      "Pose de parquet 2 125.00 EUR 20.00 % 250.00 EUR Formation 1 300.00 EUR exonéré 300.00 EUR",
      "TVA 20.00 % sur 250.00 EUR HT : 50.00 EUR",
      "Total HT : 550.00 EUR",
      "Total TVA : 50.00 EUR",
      "Total TTC : 600.00 EUR",
      "Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)",
      "Paiement à 30 jours, au plus tard le 01/05/2026. Pas d'escompte pour paiement anticipé.",
      "Pénalités de retard : 12.50 % par an, exigibles dès le lendemain de l'échéance.",
      "Indemnité forfaitaire pour frais de recouvrement : 40.00 EUR (Code de commerce L441-10 et D441-5).",
    ]) {
      expect(text).toContain(mention);
    }

    const note = await ok<{ issueCreditNote: { id: string; number: string } }>(server, CREDIT, {
      input: { invoiceId: id, reason: "Formation annulée", issuedOn: "2026-04-02", lines: [line("1", "30000", "EXEMPT", "Formation")] },
    });
    const printed = await execute(
      server,
      `query ($representations: [_Any!]!, $id: ID!) { _entities(representations: $representations) { ... on Cooperative { creditNote(id: $id) { number pdf } } } }`,
      { representations: COOPERATIVE, id: note.issueCreditNote.id },
    );
    const noteText = await pdfText((printed.data?._entities as { creditNote: { pdf: string } }[])[0].creditNote.pdf);
    for (const mention of [
      `AVOIR N° ${note.issueCreditNote.number}`,
      `Avoir sur la facture N° ${number}`,
      "Motif : Formation annulée",
      "SIRET : 73282932000074",
      "Total TTC : 300.00 EUR",
    ]) {
      expect(noteText).toContain(mention);
    }
  });

  it("reads a page of invoices with lines, payments, credit notes, customer and account in the same number of statements for 5 or 40", async () => {
    for (let i = 0; i < 40; i++) {
      const { id } = await issued(server, accountId, customerId, "2026-04-03", [line("1", "1000"), line("2", "500", "REDUCED_5_5")]);
      if (i % 2 === 0) await ok(server, PAY, { input: { invoiceId: id, receivedOn: "2026-04-04", amountCents: "500", method: "CARD" } });
    }
    const PAGE = `query ($representations: [_Any!]!, $first: Int!) { _entities(representations: $representations) { ... on Cooperative {
      invoices(first: $first) { totalCount edges { node { number totalCents lines { netCents } vatBreakdown { vatCents } payments { amountCents }
        creditNotes { number } customer { name } account { analyticCode label } } } } } } }`;
    const statements = async (first: number) => {
      const before = server.database.statementCount;
      const result = await execute(server, PAGE, { representations: COOPERATIVE, first });
      expect(result.errors).toBeUndefined();
      const page = (result.data?._entities as { invoices: { edges: unknown[] } }[])[0].invoices;
      expect(page.edges).toHaveLength(first);
      return server.database.statementCount - before;
    };
    const five = await statements(5);
    expect(five).toBe(7); // page, count, lines, payments, credit notes, customers, accounts
    expect(await statements(40)).toBe(five);
  });
});
