import { databaseBackends, execute } from "@cae/tools/testing";
import {
  admin,
  COOP,
  createCustomer,
  issued,
  line,
  ok,
  openAccount,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "../../__tests__/builders";

const CREATE_SUPPLIER = `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordReceivedSupplierInvoiceInput!) { recordReceivedSupplierInvoice(input: $input) {
  id number dueOn totalCents amounts { vatRate netCents vatCents } file { mediaType } } }`;
const IBAN = "FR7630006000011234567890189";

/** A supplier's UBL invoice as a French seller's software writes it: 1,000.00 at 20 % and 100.00 at 5.5 %. */
const ubl = (currency = "EUR") => `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>2026/118</cbc:ID>
  <cbc:IssueDate>2026-03-05</cbc:IssueDate>
  <cbc:DueDate>2026-04-04</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
    <cac:PartyLegalEntity><cbc:RegistrationName>Scierie du Lot</cbc:RegistrationName><cbc:CompanyID schemeID="0009">44306184100047</cbc:CompanyID></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Garonne Activités</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="${currency}">205.50</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="${currency}">1000.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="${currency}">200.00</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20.00</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="${currency}">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="${currency}">5.50</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>5.5</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="${currency}">1100.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="${currency}">1100.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="${currency}">1305.50</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="${currency}">1305.50</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</Invoice>`;
const xmlFile = (xml: string) => ({
  fileName: "facture.xml",
  mediaType: "application/xml",
  contentBase64: Buffer.from(xml).toString("base64"),
});

describe.each(databaseBackends())("recording a received e-invoice as a supplier invoice on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let accountId: string;
  let scierie: string;
  let other: string;
  const supplier = async (name: string, siret: string) =>
    (await ok<{ createSupplier: { id: string } }>(server, CREATE_SUPPLIER, { input: { cooperativeId: COOP, name, siret, iban: IBAN } }))
      .createSupplier.id;
  const refusal = async (input: Record<string, unknown>) => (await execute(server, RECORD, { input }, admin)).errors?.[0]?.extensions;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    accountId = (await openAccount(server, undefined, "2025-01-01")).accountId;
    scierie = await supplier("Scierie du Lot", "44306184100047");
    other = await supplier("Menuiserie voisine", "41220087000019");
  });
  afterAll(() => server?.stop());

  it("reads a UBL invoice's number, dates and amounts by rate, keeps the file and books it in the purchases journal", async () => {
    const recorded = await ok<{ recordReceivedSupplierInvoice: Record<string, unknown> }>(server, RECORD, {
      input: { accountId, supplierId: scierie, category: "PURCHASES", file: xmlFile(ubl()) },
    });
    expect(recorded.recordReceivedSupplierInvoice).toMatchObject({
      number: "2026/118",
      dueOn: "2026-04-04",
      totalCents: "130550",
      amounts: [
        { vatRate: "STANDARD_20", netCents: "100000", vatCents: "20000" },
        { vatRate: "REDUCED_5_5", netCents: "10000", vatCents: "550" },
      ],
      file: { mediaType: "application/xml" },
    });
    const lines: { ledger_number: string; debit: string; credit: string }[] = await server.database.dataSource.query(
      `SELECT l.ledger_number, l.debit_cents::text AS debit, l.credit_cents::text AS credit FROM journal_lines l
         JOIN journal_entries e ON e.id = l.entry_id WHERE e.journal = 'AC' AND e.piece_ref = '2026/118' ORDER BY l.position`,
    );
    expect(lines).toEqual([
      { ledger_number: "607000", debit: "110000", credit: "0" },
      { ledger_number: "445660", debit: "20550", credit: "0" },
      { ledger_number: "401000", debit: "0", credit: "130550" },
    ]);
    // The same invoice twice is the supplier's number again.
    expect(await refusal({ accountId, supplierId: scierie, category: "PURCHASES", file: xmlFile(ubl()) })).toMatchObject({
      code: "CONFLICT",
      field: "input.number",
    });
  });

  it("reads a Factur-X PDF: an invoice this subgraph issued comes back with its own figures", async () => {
    const customer = await createCustomer(server, accountId);
    const invoice = await issued(server, accountId, customer, "2026-10-02", [line("2", "12345"), line("1", "5000", "INTERMEDIATE_10")]);
    const printed = await ok<{ _entities: { invoice: { facturX: string; totalCents: string } }[] }>(
      server,
      `query ($representations: [_Any!]!, $id: ID!) { _entities(representations: $representations) { ... on Cooperative { invoice(id: $id) { facturX totalCents } } } }`,
      { representations: [{ __typename: "Cooperative", id: COOP }], id: invoice.id },
    );
    const { facturX, totalCents } = printed._entities[0].invoice;
    // The cooperative's own SIRET is the seller's: recorded against a supplier of that SIRET.
    const self = await supplier("Garonne Activités", settingsInput().siret as string);
    const recorded = await ok<{ recordReceivedSupplierInvoice: { number: string; totalCents: string; file: { mediaType: string } } }>(
      server,
      RECORD,
      {
        input: {
          accountId,
          supplierId: self,
          category: "SUBCONTRACTING",
          file: { fileName: "f.pdf", mediaType: "application/pdf", contentBase64: facturX },
        },
      },
    );
    expect(recorded.recordReceivedSupplierInvoice).toMatchObject({
      number: invoice.number,
      totalCents,
      file: { mediaType: "application/pdf" },
    });
  });

  it("refuses a file that is not an invoice it can book, naming the file, and a seller who is not the supplier", async () => {
    const input = (xml: string, supplierId = scierie) => ({ accountId, supplierId, category: "PURCHASES", file: xmlFile(xml) });
    const field = "input.file.contentBase64";
    const creditNote = ubl()
      .replace(
        '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
        '<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"',
      )
      .replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
      .replace("</Invoice>", "</CreditNote>");
    expect(await refusal(input(creditNote))).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await refusal(input(ubl("USD")))).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await refusal(input("<facture>rien</facture>"))).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await refusal(input(ubl().replace("2026/118", "2026/119"), other))).toMatchObject({
      code: "CONFLICT",
      field: "input.supplierId",
    });
    const [{ n }] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM supplier_invoices");
    expect(n).toBe(2);
  });
});
