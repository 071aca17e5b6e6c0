import { databaseBackends, execute, pdfText } from "@cae/tools/testing";
import { embeddedInvoiceXml } from "../facturx/received";
import { facturXSchemaErrors } from "../facturx/__tests__/xsd";
import {
  admin,
  COOP,
  count,
  CREATE_CUSTOMER,
  CREATE_DRAFT,
  CREDIT,
  ISSUE,
  line,
  newPersonId,
  ok,
  OPEN_ACCOUNT,
  personPath,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "./builders";

const COOPERATIVE = [{ __typename: "Cooperative", id: COOP }];

const READ = (field: "invoice" | "creditNote", selection: string) =>
  `query ($representations: [_Any!]!, $id: ID!) { _entities(representations: $representations) { ... on Cooperative { ${field}(id: $id) { ${selection} } } } }`;

async function read<T>(server: FinanceServer, field: "invoice" | "creditNote", id: string, selection: string): Promise<T> {
  const result = await execute(server, READ(field, selection), { representations: COOPERATIVE, id });
  expect(result.errors).toBeUndefined();
  return (result.data?._entities as Record<string, T>[])[0][field];
}

/** A Factur-X PDF checked as such: PDF/A-3 with embedded fonts, its XMP, the attachment, and an XML valid against the official XSD. */
async function facturX(base64: string): Promise<string> {
  const pdf = Buffer.from(base64, "base64");
  const source = pdf.toString("latin1");
  expect(source.startsWith("%PDF-1.7")).toBe(true);
  for (const part of [
    "<pdfaid:part>3</pdfaid:part>",
    "<pdfaid:conformance>B</pdfaid:conformance>",
    "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>",
    "<fx:DocumentType>INVOICE</fx:DocumentType>",
    "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
    "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
    "/AFRelationship /Alternative",
    "/Subtype /text#2Fxml",
    "/OutputIntents",
    "/FontFile2",
  ]) {
    expect(source).toContain(part);
  }
  expect(source).not.toContain("/BaseFont /Helvetica");
  const xml = await embeddedInvoiceXml(pdf);
  expect(await facturXSchemaErrors(xml)).toEqual([]);
  return xml;
}

describe.each(databaseBackends())("invoices, credit notes and quotes with every mention, as Factur-X, on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let building: string;

  const openAccount = async (sector: string, label: string) => {
    const personId = newPersonId();
    await personPath(server, personId);
    const data = await ok<{ openActivityAccount: { id: string } }>(server, OPEN_ACCOUNT, {
      input: { personId, label, sector, openedOn: "2025-06-01" },
    });
    return data.openActivityAccount.id;
  };
  const customer = async (accountId: string, input: Record<string, unknown>) =>
    (
      await ok<{ createCustomer: { id: string } }>(server, CREATE_CUSTOMER, {
        input: { accountId, kind: "BUSINESS", address: "Hauptstraße 1, 10115 Berlin", ...input },
      })
    ).createCustomer.id;
  const refusal = async (query: string, input: Record<string, unknown>, caller = admin) => {
    const result = await execute(server, query, { input }, caller);
    expect(result.data).toBeNull();
    return result.errors?.[0];
  };

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    building = await openAccount("BUILDING", "Maçonnerie");
  });
  afterAll(() => server?.stop());

  it("refuses settings whose recovery fee is not 40 EUR, whose penalties are below three times the legal rate or whose identity is incomplete", async () => {
    for (const [overrides, field] of [
      [{ recoveryFeeCents: "5000" }, "input.recoveryFeeCents"],
      [{ recoveryFeeCents: "3999" }, "input.recoveryFeeCents"],
      [{ legalInterestRate: "4.2", latePenaltyRate: "12.5" }, "input.latePenaltyRate"],
      [{ rcsNumber: "443 061 841" }, "input.rcsNumber"],
      [{ legalForm: "SARL" }, "input.shareCapital"],
      [{ quotePrefix: "F" }, "input.quotePrefix"],
      [{ legalForm: null }, "input.legalForm"],
      [{ legalInterestRate: null }, "input.legalInterestRate"],
    ] as const) {
      const error = await refusal(UPDATE_SETTINGS, settingsInput(overrides));
      expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await count(server, "finance_settings")).toBe(0);
    // Three times 4.1667 % is 12.5001 %: 12.5 % is below it, 12.51 % is not.
    expect((await refusal(UPDATE_SETTINGS, settingsInput({ legalInterestRate: "4.1667" })))?.message).toMatch(/at least 12.5001 %/);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput({ legalInterestRate: "4.1667", latePenaltyRate: "12.51" }) }, admin);
  });

  it("refuses customers whose SIREN or VAT number is not valid, and a mainland invoice at 8.5 %", async () => {
    const account = await openAccount("SERVICES", "Conseil");
    const refused = [
      [{ name: "A", siren: "443061842" }, "input.siren"],
      [{ name: "B", siret: "44306184100047", siren: "732829320" }, "input.siren"],
      [{ name: "C", country: "DE", vatNumber: "DE136695977" }, "input.vatNumber"],
      [{ name: "D", country: "DE", vatNumber: "FR64443061841" }, "input.vatNumber"],
      [{ name: "E", country: "FR", siren: "443061841", vatNumber: "FR44732829320" }, "input.vatNumber"],
      [{ name: "F", country: "Germany" }, "input.country"],
    ] as const;
    for (const [input, field] of refused) {
      expect(
        (await refusal(CREATE_CUSTOMER, { accountId: account, kind: "BUSINESS", address: "1 rue, 75001 Paris", ...input }))?.extensions,
      ).toMatchObject({
        code: "BAD_USER_INPUT",
        field,
      });
    }
    expect(await count(server, "customers")).toBe(0);
    const french = await customer(account, { name: "Atelier Dupont", address: "2 rue Neuve, 31000 Toulouse", siren: "443 061 841" });
    const error = await refusal(CREATE_DRAFT, { accountId: account, customerId: french, lines: [line("1", "10000", "OVERSEAS_8_5")] });
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.lines.0.vatRate" });
    expect(error?.message).toMatch(/OVERSEAS_8_5 is not charged where the cooperative is \(MAINLAND/);
    expect(await count(server, "invoices")).toBe(0);
  });

  it("invoices an EU business under reverse charge with no VAT, its mentions on the PDF and in Factur-X, and its credit note likewise", async () => {
    const account = await openAccount("SERVICES", "Traduction");
    const withoutNumber = await customer(account, { name: "Verlag Ohne GmbH", country: "DE" });
    const services = [{ ...line("2", "25000", "EXEMPT", "Traduction technique"), supply: "SERVICES" }];
    const missing = await refusal(CREATE_DRAFT, {
      accountId: account,
      customerId: withoutNumber,
      reverseCharge: "EU_SERVICES",
      lines: services,
    });
    expect(missing?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.customerId" });
    expect(missing?.message).toMatch(/VAT number recorded/);
    const german = await customer(account, { name: "Bäckerei Müller GmbH", country: "DE", vatNumber: "de 136 695 976" });
    const taxed = await refusal(CREATE_DRAFT, {
      accountId: account,
      customerId: german,
      reverseCharge: "EU_SERVICES",
      lines: [line("1", "10000", "STANDARD_20")],
    });
    expect(taxed?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.lines.0.vatRate" });
    expect(await count(server, "invoices")).toBe(0);

    const draft = await ok<{ createInvoiceDraft: { id: string; vatCents: string; totalCents: string } }>(server, CREATE_DRAFT, {
      input: {
        accountId: account,
        customerId: german,
        reverseCharge: "EU_SERVICES",
        period: { from: "2026-03-01", to: "2026-03-31" },
        lines: services,
      },
    });
    expect(draft.createInvoiceDraft).toMatchObject({ vatCents: "0", totalCents: "50000" });
    const { issueInvoice } = await ok<{ issueInvoice: { id: string; number: string } }>(server, ISSUE, {
      input: { id: draft.createInvoiceDraft.id, issuedOn: "2026-04-02" },
    });
    const invoice = await read<{ mentions: Record<string, unknown>; pdf: string; facturX: string; reverseCharge: string }>(
      server,
      "invoice",
      issueInvoice.id,
      "reverseCharge mentions { sellerLegalForm sellerRegistration customerVatNumber customerSiren reverseCharge vatExemptions deliveryDate recoveryFee } pdf facturX",
    );
    expect(invoice.reverseCharge).toBe("EU_SERVICES");
    expect(invoice.mentions).toEqual({
      sellerLegalForm: "SCOP SARL à capital variable",
      sellerRegistration: "RCS Toulouse 732 829 320",
      customerVatNumber: "DE136695976",
      customerSiren: null,
      reverseCharge:
        "Autoliquidation : TVA due par le preneur, art. 283-2 du CGI et art. 196 de la directive 2006/112/CE (prestation de services intracommunautaire, art. 259-1 du CGI)",
      vatExemptions: [],
      deliveryDate: "Période de la prestation : du 01/03/2026 au 31/03/2026",
      recoveryFee: "Indemnité forfaitaire pour frais de recouvrement : 40.00 EUR (Code de commerce L441-10 et D441-5).",
    });
    const text = await pdfText(invoice.pdf);
    for (const mention of [
      "SCOP SARL à capital variable",
      "RCS Toulouse 732 829 320",
      `FACTURE N° ${issueInvoice.number}`,
      "Période de la prestation : du 01/03/2026 au 31/03/2026",
      "Bäckerei Müller GmbH",
      "Pays : DE",
      "N° TVA intracommunautaire du client : DE136695976",
      "Total TVA : 0.00 EUR",
      "Total TTC : 500.00 EUR",
      "Autoliquidation : TVA due par le preneur, art. 283-2 du CGI",
      "Nature de l'opération : prestation de services",
      "Pénalités de retard : 12.51 % par an",
    ]) {
      expect(text).toContain(mention);
    }
    const xml = await facturX(invoice.facturX);
    expect(xml).toContain("<ram:TypeCode>380</ram:TypeCode>");
    expect(xml).toContain(`<ram:ID>${issueInvoice.number}</ram:ID>`);
    expect(xml).toContain("<ram:CategoryCode>AE</ram:CategoryCode><ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>");
    expect(xml).toContain('<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE136695976</ram:ID></ram:SpecifiedTaxRegistration>');
    expect(xml).toContain('<ram:DueDateDateTime><udt:DateTimeString format="102">20260502</udt:DateTimeString></ram:DueDateDateTime>');
    expect(xml).toContain("<ram:GrandTotalAmount>500.00</ram:GrandTotalAmount>");

    // What the cooperative issued reads back as a received e-invoice would.
    const received = await execute(
      server,
      `query ($representations: [_Any!]!, $file: String!) { _entities(representations: $representations) { ... on Cooperative {
        readReceivedInvoice(file: $file) { format number issuedOn dueOn seller { name siren vatNumber } totalCents amounts { vatRate category netCents vatCents } } } } }`,
      { representations: COOPERATIVE, file: invoice.facturX },
    );
    expect(received.errors).toBeUndefined();
    expect((received.data?._entities as { readReceivedInvoice: unknown }[])[0].readReceivedInvoice).toEqual({
      format: "CII",
      number: issueInvoice.number,
      issuedOn: "2026-04-02",
      dueOn: "2026-05-02",
      seller: { name: "Garonne Activités SCOP SARL", siren: "732829320", vatNumber: "FR44732829320" },
      totalCents: "50000",
      amounts: [{ vatRate: "EXEMPT", category: "AE", netCents: "50000", vatCents: "0" }],
    });

    const note = await ok<{ issueCreditNote: { id: string; number: string } }>(server, CREDIT, {
      input: { invoiceId: issueInvoice.id, reason: "Traduction annulée", issuedOn: "2026-04-03" },
    });
    const credit = await read<{ pdf: string; facturX: string }>(server, "creditNote", note.issueCreditNote.id, "pdf facturX");
    const noteText = await pdfText(credit.pdf);
    for (const mention of [
      `AVOIR N° ${note.issueCreditNote.number}`,
      `Avoir sur la facture N° ${issueInvoice.number}`,
      "Autoliquidation",
      "RCS Toulouse",
    ]) {
      expect(noteText).toContain(mention);
    }
    const noteXml = await facturX(credit.facturX);
    expect(noteXml).toContain("<ram:TypeCode>381</ram:TypeCode>");
    expect(noteXml).toContain(`<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${issueInvoice.number}</ram:IssuerAssignedID>`);
  });

  it("prints each exempt line's ground, refuses a ground that does not fit, and requires a French business's SIREN from the reform", async () => {
    const account = await openAccount("TRAINING", "Formation");
    const german = await customer(account, { name: "Schule GmbH", country: "DE", vatNumber: "DE136695976" });
    const french = await customer(account, { name: "Lycée Sans Siren", address: "1 rue, 31000 Toulouse" });
    const wrong = await refusal(CREATE_DRAFT, {
      accountId: account,
      customerId: french,
      lines: [{ ...line("1", "10000", "EXEMPT", "Manuels"), supply: "GOODS", vatExemption: "INTRA_EU_GOODS" }],
    });
    expect(wrong?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.lines.0.vatExemption" });
    const taxedGround = await refusal(CREATE_DRAFT, {
      accountId: account,
      customerId: french,
      lines: [{ ...line("1", "10000", "STANDARD_20"), vatExemption: "TRAINING" }],
    });
    expect(taxedGround?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.lines.0.vatExemption" });
    const draft = await ok<{ createInvoiceDraft: { id: string } }>(server, CREATE_DRAFT, {
      input: {
        accountId: account,
        customerId: german,
        deliveredOn: "2026-03-28",
        lines: [
          { ...line("1", "60000", "EXEMPT", "Journée de formation"), vatExemption: "TRAINING" },
          { ...line("2", "1500", "EXEMPT", "Manuels"), supply: "GOODS", vatExemption: "INTRA_EU_GOODS" },
        ],
      },
    });
    const { issueInvoice } = await ok<{ issueInvoice: { id: string } }>(server, ISSUE, {
      input: { id: draft.createInvoiceDraft.id, issuedOn: "2026-04-03" },
    });
    const invoice = await read<{ pdf: string; facturX: string }>(server, "invoice", issueInvoice.id, "pdf facturX");
    const text = await pdfText(invoice.pdf);
    expect(text).toContain("Date de la livraison ou de la prestation : 28/03/2026");
    expect(text).toContain("Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)");
    expect(text).toContain("Exonération de TVA, art. 262 ter I du CGI (livraison intracommunautaire)");
    expect(text).toContain("Nature de l'opération : livraison de biens et prestation de services");
    const xml = await facturX(invoice.facturX);
    expect(xml).toContain("<ram:CategoryCode>E</ram:CategoryCode><ram:ExemptionReasonCode>VATEX-EU-132-1I</ram:ExemptionReasonCode>");
    expect(xml).toContain("<ram:CategoryCode>K</ram:CategoryCode><ram:ExemptionReasonCode>VATEX-EU-IC</ram:ExemptionReasonCode>");

    // From 1 September 2026 an invoice to a French business names its SIREN: the draft waits for it.
    const late = await ok<{ createInvoiceDraft: { id: string } }>(server, CREATE_DRAFT, {
      input: { accountId: account, customerId: french, lines: [{ ...line("1", "10000", "EXEMPT"), vatExemption: "TRAINING" }] },
    });
    const noSiren = await execute(server, ISSUE, { input: { id: late.createInvoiceDraft.id, issuedOn: "2026-09-01" } });
    expect(noSiren.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(noSiren.errors?.[0].message).toMatch(/SIREN/);
    expect(await read<{ status: string; number: string | null }>(server, "invoice", late.createInvoiceDraft.id, "status number")).toEqual({
      status: "DRAFT",
      number: null,
    });
  });

  it("numbers a building activity's quotes in their own series and prints them with the decennial insurance, which they need", async () => {
    const contractor = await customer(building, {
      name: "Bâtisseurs Réunis",
      address: "4 quai Neuf, 33000 Bordeaux",
      siret: "44306184100047",
    });
    const quote = {
      accountId: building,
      customerId: contractor,
      issuedOn: "2026-04-10",
      validUntil: "2026-05-10",
      lines: [line("3", "40000", "INTERMEDIATE_10", "Mur de soutènement")],
    };
    const uninsured = await refusal(`mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { id } }`, quote);
    expect(uninsured?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.accountId" });
    expect(uninsured?.message).toMatch(/decennial insurance/);
    expect(await count(server, "quotes")).toBe(0);
    await ok(
      server,
      UPDATE_SETTINGS,
      {
        input: settingsInput({
          effectiveFrom: "2026-04-05",
          legalInterestRate: "2.76",
          quotePrefix: "DV",
          decennialInsurance: { insurer: "SMABTP", policyNumber: "DEC-2026-0042", coverage: "France métropolitaine" },
        }),
      },
      admin,
    );
    const CREATE_QUOTE = `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { id number pdf } }`;
    const first = await ok<{ createQuote: { number: string; pdf: string } }>(server, CREATE_QUOTE, { input: quote });
    const second = await ok<{ createQuote: { number: string } }>(server, CREATE_QUOTE, { input: { ...quote, issuedOn: "2026-04-11" } });
    expect([first.createQuote.number, second.createQuote.number]).toEqual(["DV2026-000001", "DV2026-000002"]);
    const backwards = await refusal(CREATE_QUOTE, { ...quote, issuedOn: "2026-04-10" });
    expect(backwards?.extensions).toMatchObject({ code: "CONFLICT", field: "input.issuedOn" });
    const text = await pdfText(first.createQuote.pdf);
    for (const mention of [
      "DEVIS N° DV2026-000001",
      "Devis valable jusqu'au 10/05/2026",
      "Assurance décennale : SMABTP, contrat n° DEC-2026-0042, couverture géographique : France métropolitaine (Code des assurances, art. L243-2).",
      "SCOP SARL à capital variable",
      "RCS Toulouse 732 829 320",
      "SIRET : 44306184100047",
      "Mur de soutènement 3 400.00 EUR 10.00 % 1200.00 EUR",
      "Total TTC : 1320.00 EUR",
    ]) {
      expect(text).toContain(mention);
    }

    // Building works subcontracted to the cooperative: its contractor pays the VAT (CGI art. 283-2 nonies).
    const draft = await ok<{ createInvoiceDraft: { id: string } }>(server, CREATE_DRAFT, {
      input: {
        accountId: building,
        customerId: contractor,
        reverseCharge: "BUILDING_SUBCONTRACTING",
        lines: [line("1", "90000", "EXEMPT", "Maçonnerie")],
      },
    });
    const { issueInvoice } = await ok<{ issueInvoice: { id: string } }>(server, ISSUE, {
      input: { id: draft.createInvoiceDraft.id, issuedOn: "2026-04-12" },
    });
    const invoice = await read<{ pdf: string; facturX: string; vatCents: string }>(
      server,
      "invoice",
      issueInvoice.id,
      "vatCents pdf facturX",
    );
    expect(invoice.vatCents).toBe("0");
    const invoiceText = await pdfText(invoice.pdf);
    expect(invoiceText).toContain(
      "Autoliquidation : TVA due par le preneur, art. 283-2 nonies du CGI (sous-traitance de travaux de construction)",
    );
    expect(invoiceText).toContain("Assurance décennale : SMABTP");
    expect(invoiceText).toContain("SIRET : 44306184100047");
    expect(await facturX(invoice.facturX)).toContain("283-2 nonies");
  });
});

describe.each(databaseBackends())("an overseas cooperative's documents on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  afterAll(() => server?.stop());

  it("charges La Réunion's 8.5 % and 2.1 %, refuses 20 %, and prints and exports them", async () => {
    server = await startEmptyFinance(backend);
    await ok(
      server,
      UPDATE_SETTINGS,
      { input: settingsInput({ territory: "REUNION", address: "5 rue de Paris, 97400 Saint-Denis" }) },
      admin,
    );
    const personId = newPersonId();
    await personPath(server, personId);
    const account = (
      await ok<{ openActivityAccount: { id: string } }>(server, OPEN_ACCOUNT, {
        input: { personId, label: "Épicerie", sector: "MOBILE_TRADE", openedOn: "2025-06-01" },
      })
    ).openActivityAccount.id;
    const customerId = (
      await ok<{ createCustomer: { id: string } }>(server, CREATE_CUSTOMER, {
        input: { accountId: account, kind: "PRIVATE", name: "Marie Payet", address: "2 rue du Butor, 97400 Saint-Denis" },
      })
    ).createCustomer.id;
    const mainland = await execute(
      server,
      CREATE_DRAFT,
      { input: { accountId: account, customerId, lines: [line("1", "1000", "STANDARD_20")] } },
      admin,
    );
    expect(mainland.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.lines.0.vatRate" });
    const draft = await ok<{ createInvoiceDraft: { id: string; vatCents: string } }>(server, CREATE_DRAFT, {
      input: {
        accountId: account,
        customerId,
        lines: [
          { ...line("2", "5000", "OVERSEAS_8_5", "Rhum arrangé"), supply: "GOODS" },
          { ...line("3", "300", "SUPER_REDUCED_2_1", "Letchis (kg)"), supply: "GOODS" },
        ],
      },
    });
    expect(draft.createInvoiceDraft.vatCents).toBe("869"); // 8.5 % of 100.00 = 8.50; 2.1 % of 9.00 = 0.189 → 0.19
    const { issueInvoice } = await ok<{ issueInvoice: { id: string } }>(server, ISSUE, {
      input: { id: draft.createInvoiceDraft.id, issuedOn: "2026-04-01" },
    });
    const invoice = await read<{ pdf: string; facturX: string; mentions: { recoveryFee: string | null } }>(
      server,
      "invoice",
      issueInvoice.id,
      "pdf facturX mentions { recoveryFee }",
    );
    expect(invoice.mentions.recoveryFee).toBeNull();
    const text = await pdfText(invoice.pdf);
    for (const mention of [
      "5 rue de Paris, 97400 Saint-Denis",
      "Rhum arrangé 2 50.00 EUR 8.50 % 100.00 EUR",
      "TVA 8.50 % sur 100.00 EUR HT : 8.50 EUR",
      "TVA 2.10 % sur 9.00 EUR HT : 0.19 EUR",
      "Total TTC : 117.69 EUR",
    ]) {
      expect(text).toContain(mention);
    }
    const xml = await facturX(invoice.facturX);
    expect(xml).toContain(
      "<ram:CalculatedAmount>8.50</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>8.5</ram:RateApplicablePercent>",
    );
  });
});
