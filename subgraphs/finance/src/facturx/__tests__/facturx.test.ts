import type { DocumentMentions } from "../../invoices/invoice.type";
import type { LineRow } from "../../invoices/lines";
import { isValidSiren } from "@cae/shared";
import { customerVatNumber } from "../../invoices/vat-rules";
import { ciiXml, type CiiDocument } from "../cii";
import { parseReceivedInvoice, readReceivedFile } from "../received";
import { facturXSchemaErrors } from "./xsd";

const mentions: DocumentMentions = {
  sellerLegalName: "Garonne Activités",
  sellerSiret: "73282932000074",
  sellerVatNumber: "FR44732829320",
  sellerAddress: "1 place de la Coopération, 31000 Toulouse",
  sellerLegalForm: "SCOP SARL à capital variable",
  sellerRegistration: "RCS Toulouse 732 829 320",
  customerSiren: null,
  customerVatNumber: "DE136695976",
  deliveryDate: null,
  operationNature: "Nature de l'opération : prestation de services",
  reverseCharge: null,
  vatExemptions: [],
  vatExemption: null,
  vatOnDebits: null,
  decennialInsurance: null,
  paymentTerms: "Paiement à 30 jours, au plus tard le 01/05/2026. Pas d'escompte pour paiement anticipé.",
  latePenalties: "Pénalités de retard : 12.50 % par an, exigibles dès le lendemain de l'échéance.",
  recoveryFee: "Indemnité forfaitaire pour frais de recouvrement : 40.00 EUR (Code de commerce L441-10 et D441-5).",
};

const line = (position: number, netCents: bigint, vatRate: LineRow["vatRate"], extra: Partial<LineRow> = {}): LineRow => ({
  position,
  description: `Ligne ${position} <& "spéciale">`,
  quantity: "1",
  unitPriceCents: netCents,
  vatRate,
  supply: "SERVICES",
  netCents,
  vatExemption: null,
  ...extra,
});

const invoice = (overrides: Partial<CiiDocument> = {}): CiiDocument => ({
  typeCode: "380",
  number: "F2026-000042",
  issuedOn: "2026-04-01",
  dueOn: "2026-05-01",
  settings: {
    legalName: "Garonne Activités",
    siret: "73282932000074",
    vatNumber: "FR44732829320",
    address: "1 place de la Coopération, 31000 Toulouse",
    vatExemptionMention: "Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)",
    territory: "MAINLAND",
    vatOnDebits: false,
  },
  customer: {
    name: "Bäckerei Müller GmbH",
    address: "Hauptstraße 1, 10115 Berlin",
    kind: "BUSINESS",
    vatNumber: "DE136695976",
    country: "DE",
  },
  lines: [line(1, 25000n, "STANDARD_20"), line(2, 30000n, "EXEMPT", { vatExemption: "TRAINING" })],
  netCents: 55000n,
  vatCents: 5000n,
  totalCents: 60000n,
  mentions,
  ...overrides,
});

const intraEu = invoice({
  lines: [line(1, 1500n, "EXEMPT", { vatExemption: "INTRA_EU_GOODS", supply: "GOODS" })],
  netCents: 1500n,
  vatCents: 0n,
  totalCents: 1500n,
});

describe("Factur-X CII XML (EN 16931 profile)", () => {
  it("is valid against the official Factur-X 1.07.3 XSD for a taxed and exempt invoice, a reverse charge, an overseas rate and a credit note", async () => {
    const cases = [
      invoice({ deliveredOn: "2026-03-20", periodFrom: "2026-03-01", periodTo: "2026-03-31" }),
      invoice({ reverseCharge: "EU_SERVICES", lines: [line(1, 50000n, "EXEMPT")], netCents: 50000n, vatCents: 0n, totalCents: 50000n }),
      invoice({
        settings: { ...invoice().settings, territory: "REUNION", vatOnDebits: true },
        lines: [line(1, 10000n, "OVERSEAS_8_5"), line(2, 10000n, "SUPER_REDUCED_2_1", { supply: "GOODS" })],
        netCents: 20000n,
        vatCents: 1060n,
        totalCents: 21060n,
      }),
      invoice({ typeCode: "381", dueOn: null, precedingInvoice: { number: "F2026-000041", issuedOn: "2026-03-30" } }),
      intraEu,
    ];
    for (const document of cases) expect(await facturXSchemaErrors(ciiXml(document))).toEqual([]);
    // The check is not vacuous: an element out of the schema's order is caught.
    const broken = ciiXml(cases[0])
      .replace("<ram:TypeCode>380</ram:TypeCode>", "")
      .replace("</ram:IssueDateTime>", "</ram:IssueDateTime><ram:TypeCode>380</ram:TypeCode>");
    expect((await facturXSchemaErrors(broken)).length).toBeGreaterThan(0);
  });

  it("states categories, exemption reasons and totals as the document computed them", () => {
    const xml = ciiXml(
      invoice({
        reverseCharge: "BUILDING_SUBCONTRACTING",
        lines: [line(1, 50000n, "EXEMPT")],
        netCents: 50000n,
        vatCents: 0n,
        totalCents: 50000n,
      }),
    );
    expect(xml).toContain("<ram:CategoryCode>AE</ram:CategoryCode><ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>");
    expect(xml).toContain("Autoliquidation : TVA due par le preneur, art. 283-2 nonies du CGI");
    expect(xml).toContain('<ram:TaxTotalAmount currencyID="EUR">0.00</ram:TaxTotalAmount>');
    // An intra-EU delivery says where the goods go and when (EN 16931 BR-IC-11, BR-IC-12): the issue date when no other is stated.
    expect(ciiXml(intraEu)).toContain(
      '<ram:ShipToTradeParty><ram:PostalTradeAddress><ram:PostcodeCode>10115</ram:PostcodeCode><ram:LineOne>Hauptstraße 1</ram:LineOne><ram:CityName>Berlin</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress></ram:ShipToTradeParty><ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20260401</udt:DateTimeString>',
    );
    const read = parseReceivedInvoice(ciiXml(invoice()));
    expect(read).toMatchObject({
      format: "CII",
      documentKind: "INVOICE",
      number: "F2026-000042",
      issuedOn: "2026-04-01",
      dueOn: "2026-05-01",
      seller: { name: "Garonne Activités", siren: "732829320", vatNumber: "FR44732829320", country: "FR" },
      buyer: { name: "Bäckerei Müller GmbH", vatNumber: "DE136695976", country: "DE" },
      netCents: 55000n,
      vatCents: 5000n,
      totalCents: 60000n,
      payableCents: 60000n,
      amounts: [
        { vatRate: "STANDARD_20", category: "S", ratePercent: "20", netCents: 25000n, vatCents: 5000n },
        {
          vatRate: "EXEMPT",
          category: "E",
          ratePercent: "0",
          netCents: 30000n,
          vatCents: 0n,
          exemptionReason: expect.stringContaining("261-4-4°"),
        },
      ],
    });
  });
});

const UBL = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ID>2026/118</cbc:ID>
  <cbc:IssueDate>2026-03-05</cbc:IssueDate>
  <cbc:DueDate>2026-04-04</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
    <cac:PartyTaxScheme><cbc:CompanyID>FR64443061841</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
    <cac:PartyLegalEntity><cbc:RegistrationName>Scierie du Lot</cbc:RegistrationName><cbc:CompanyID schemeID="0009">44306184100047</cbc:CompanyID></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Garonne Activités</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">205.50</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">1000.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">200.00</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20.00</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">5.50</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>5.5</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">1100.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">1100.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1305.50</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">1305.50</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</Invoice>`;

describe("reading a received e-invoice", () => {
  it("reads a UBL invoice's seller, number, dates, totals and amounts by rate, exactly", () => {
    expect(parseReceivedInvoice(UBL)).toEqual({
      format: "UBL",
      documentKind: "INVOICE",
      typeCode: "380",
      number: "2026/118",
      issuedOn: "2026-03-05",
      dueOn: "2026-04-04",
      currency: "EUR",
      seller: { name: "Scierie du Lot", siren: "443061841", siret: "44306184100047", vatNumber: "FR64443061841", country: "FR" },
      buyer: { name: "Garonne Activités", siren: null, siret: null, vatNumber: null, country: null },
      netCents: 110000n,
      vatCents: 20550n,
      totalCents: 130550n,
      payableCents: 130550n,
      amounts: [
        { vatRate: "STANDARD_20", category: "S", ratePercent: "20", netCents: 100000n, vatCents: 20000n, exemptionReason: null },
        { vatRate: "REDUCED_5_5", category: "S", ratePercent: "5.5", netCents: 10000n, vatCents: 550n, exemptionReason: null },
      ],
    });
  });

  it("refuses what is not an e-invoice, naming the file", async () => {
    const refused = async (base64: string) => (await readReceivedFile(base64).catch((error: unknown) => error)) as { extensions: unknown };
    for (const file of ["", "not base64!", Buffer.from("<a>").toString("base64"), Buffer.from("<Order/>").toString("base64")]) {
      expect((await refused(file)).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
    }
    const noAmount = UBL.replace(
      '<cbc:PayableAmount currencyID="EUR">1305.50</cbc:PayableAmount>',
      "<cbc:PayableAmount>12.345</cbc:PayableAmount>",
    );
    expect(() => parseReceivedInvoice(noAmount)).toThrow(/amount due .* "12.345", not an amount with at most 2 decimals/);
  });
});

describe("identifiers of customers", () => {
  it("checks a SIREN by its key and a VAT number by its country's rule", () => {
    expect(isValidSiren("443061841")).toBe(true);
    expect(isValidSiren("443061842")).toBe(false);
    expect(customerVatNumber("de 136 695 976", "DE", null, "input.vatNumber")).toBe("DE136695976");
    expect(customerVatNumber("EL094259216", "GR", null, "input.vatNumber")).toBe("EL094259216");
    for (const [value, country, siren] of [
      ["DE136695977", "DE", null],
      ["BE0411905847", "DE", null],
      ["FR44732829320", "FR", "443061841"],
      ["CH123", "CH", null],
    ] as const) {
      expect(() => customerVatNumber(value, country, siren, "input.vatNumber")).toThrow();
    }
  });
});
