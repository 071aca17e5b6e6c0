import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  type PDFObject,
} from "pdf-lib";
import { badUserInput } from "@cae/shared";
import { scaledDecimal, type VatRate } from "../money/arithmetic";

/** What a received e-invoice says, read from its XML: what a supplier invoice is recorded from. */
export interface ReceivedParty {
  name: string | null;
  /** SIREN: the legal registration (scheme 0002), or a SIRET's (0009) first nine digits. */
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  country: string | null;
}

export interface ReceivedVatAmount {
  /** The French rate it is, or null for a rate France does not have (a foreign supplier's). */
  vatRate: VatRate | null;
  /** The EN 16931 VAT category (S, E, AE, K, G, O, Z, L, M). */
  category: string;
  /** The rate as written, percent ("20", "5.5"). */
  ratePercent: string;
  netCents: bigint;
  vatCents: bigint;
  exemptionReason: string | null;
}

export interface ReceivedInvoice {
  format: "CII" | "UBL";
  /** INVOICE, or CREDIT_NOTE for a credit note (type code 381, or UBL's CreditNote). */
  documentKind: "INVOICE" | "CREDIT_NOTE";
  typeCode: string;
  number: string;
  issuedOn: string;
  dueOn: string | null;
  currency: string;
  seller: ReceivedParty;
  buyer: ReceivedParty;
  netCents: bigint;
  vatCents: bigint;
  totalCents: bigint;
  /** What remains to pay (amount due for payment, BT-115). */
  payableCents: bigint;
  amounts: ReceivedVatAmount[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  // Every value stays the text the supplier wrote: an amount never goes through a float.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ["ApplicableTradeTax", "TaxSubtotal", "IncludedSupplyChainTradeLineItem", "InvoiceLine", "CreditNoteLine", "TaxTotal", "SpecifiedTradePaymentTerms", "SpecifiedTaxRegistration", "PartyTaxScheme", "PartyIdentification"].includes(name),
}); // prettier-ignore

const asNode = (value: unknown): Node => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : {});
const asList = (value: unknown): Node[] => (Array.isArray(value) ? value.map(asNode) : value === undefined ? [] : [asNode(value)]);
const text = (value: unknown): string | null => {
  if (typeof value === "string") return value || null;
  const inner = asNode(value)["#text"];
  return typeof inner === "string" && inner ? inner : null;
};
const at = (node: unknown, ...path: string[]): unknown => path.reduce<unknown>((current, key) => asNode(current)[key], node);
const attribute = (value: unknown, name: string): string | null => {
  const found = asNode(value)[`@${name}`];
  return typeof found === "string" ? found : null;
};

const FIELD = "file";
const bad = (message: string) => badUserInput(`The file is not a readable e-invoice: ${message}`, FIELD);

function cents(value: unknown, what: string): bigint {
  const written = text(value);
  const parsed = written === null ? null : scaledDecimal(written, 2);
  if (parsed === null) throw bad(`${what} is ${written === null ? "missing" : `"${written}", not an amount with at most 2 decimals`}`);
  return parsed;
}
const optionalCents = (value: unknown, what: string) => (text(value) === null ? null : cents(value, what));

function isoDate(value: string | null, what: string, compact: boolean): string {
  const match = value === null ? null : (compact ? /^(\d{4})(\d{2})(\d{2})$/ : /^(\d{4})-(\d{2})-(\d{2})$/).exec(value);
  if (!match) throw bad(`${what} is ${value === null ? "missing" : `"${value}", not a date`}`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

const FRENCH_RATES: Record<string, VatRate> = {
  "20": "STANDARD_20",
  "10": "INTERMEDIATE_10",
  "5.5": "REDUCED_5_5",
  "2.1": "SUPER_REDUCED_2_1",
  "8.5": "OVERSEAS_8_5",
  "0": "EXEMPT",
};
/** "20.00" → "20", "5.50" → "5.5". */
const normalizedPercent = (written: string): string => {
  const hundredths = scaledDecimal(written, 4);
  if (hundredths === null) throw bad(`the VAT rate "${written}" is not a percentage`);
  const whole = hundredths / 10000n;
  const fraction = (hundredths % 10000n).toString().padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
};
function vatAmount(
  category: string,
  percentText: string | null,
  netCents: bigint,
  vatCents: bigint,
  reason: string | null,
): ReceivedVatAmount {
  const ratePercent = normalizedPercent(percentText ?? "0");
  // A taxed category takes the French rate it is; any other (exempt, reverse charge, intra-EU, export…) is EXEMPT at 0 %.
  const vatRate =
    category === "S" ? (ratePercent === "0" ? null : (FRENCH_RATES[ratePercent] ?? null)) : ratePercent === "0" ? "EXEMPT" : null;
  return { vatRate, category, ratePercent, netCents, vatCents, exemptionReason: reason };
}

const sirenOf = (scheme: string | null, id: string | null): { siren: string | null; siret: string | null } => {
  const digits = id?.replace(/\s/g, "") ?? "";
  if (scheme === "0002" && /^\d{9}$/.test(digits)) return { siren: digits, siret: null };
  if (scheme === "0009" && /^\d{14}$/.test(digits)) return { siren: digits.slice(0, 9), siret: digits };
  return { siren: null, siret: null };
};

function ciiParty(party: unknown): ReceivedParty {
  const legal = at(party, "SpecifiedLegalOrganization", "ID");
  const vat = asList(at(party, "SpecifiedTaxRegistration")).find((registration) => attribute(registration.ID, "schemeID") === "VA");
  return {
    name: text(at(party, "Name")),
    ...sirenOf(attribute(legal, "schemeID"), text(legal)),
    vatNumber: vat ? text(vat.ID) : null,
    country: text(at(party, "PostalTradeAddress", "CountryID")),
  };
}

function readCii(root: Node): ReceivedInvoice {
  const document = asNode(root.ExchangedDocument);
  const transaction = asNode(root.SupplyChainTradeTransaction);
  const agreement = asNode(transaction.ApplicableHeaderTradeAgreement);
  const settlement = asNode(transaction.ApplicableHeaderTradeSettlement);
  const totals = asNode(settlement.SpecifiedTradeSettlementHeaderMonetarySummation);
  const typeCode = text(document.TypeCode) ?? "380";
  const number = text(document.ID);
  if (!number) throw bad("the invoice number (BT-1) is missing");
  const dueDate = asList(settlement.SpecifiedTradePaymentTerms)
    .map((terms) => text(at(terms, "DueDateDateTime", "DateTimeString")))
    .find((due) => due !== null);
  const currency = text(settlement.InvoiceCurrencyCode) ?? "EUR";
  const taxTotal = asList(totals.TaxTotalAmount).find((total) => (attribute(total, "currencyID") ?? currency) === currency);
  return {
    format: "CII",
    documentKind: typeCode === "381" ? "CREDIT_NOTE" : "INVOICE",
    typeCode,
    number,
    issuedOn: isoDate(text(at(document, "IssueDateTime", "DateTimeString")), "the issue date (BT-2)", true),
    dueOn: dueDate ? isoDate(dueDate, "the due date (BT-9)", true) : null,
    currency,
    seller: ciiParty(agreement.SellerTradeParty),
    buyer: ciiParty(agreement.BuyerTradeParty),
    netCents: cents(totals.TaxBasisTotalAmount, "the total excl. VAT (BT-109)"),
    vatCents: taxTotal ? cents(taxTotal, "the total VAT (BT-110)") : 0n,
    totalCents: cents(totals.GrandTotalAmount, "the total incl. VAT (BT-112)"),
    payableCents: cents(totals.DuePayableAmount, "the amount due (BT-115)"),
    amounts: asList(settlement.ApplicableTradeTax).map((tax) =>
      vatAmount(
        text(tax.CategoryCode) ?? "S",
        text(tax.RateApplicablePercent),
        cents(tax.BasisAmount, "a VAT breakdown's basis (BT-116)"),
        cents(tax.CalculatedAmount, "a VAT breakdown's VAT (BT-117)"),
        text(tax.ExemptionReason),
      ),
    ),
  };
}

function ublParty(party: unknown): ReceivedParty {
  const entity = at(party, "Party", "PartyLegalEntity");
  const company = at(entity, "CompanyID");
  const vat = asList(at(party, "Party", "PartyTaxScheme")).find((scheme) => text(at(scheme, "TaxScheme", "ID")) === "VAT");
  return {
    name: text(at(entity, "RegistrationName")) ?? text(at(party, "Party", "PartyName", "Name")),
    ...sirenOf(attribute(company, "schemeID"), text(company)),
    vatNumber: vat ? text(vat.CompanyID) : null,
    country: text(at(party, "Party", "PostalAddress", "Country", "IdentificationCode")),
  };
}

function readUbl(root: Node, creditNote: boolean): ReceivedInvoice {
  const number = text(root.ID);
  if (!number) throw bad("the invoice number (cbc:ID) is missing");
  const totals = asNode(root.LegalMonetaryTotal);
  const currency = text(root.DocumentCurrencyCode) ?? "EUR";
  const taxTotal = asList(root.TaxTotal).find((total) => (attribute(total.TaxAmount, "currencyID") ?? currency) === currency) ?? {};
  const dueDate = text(root.DueDate) ?? text(at(root, "PaymentMeans", "PaymentDueDate"));
  return {
    format: "UBL",
    documentKind: creditNote ? "CREDIT_NOTE" : "INVOICE",
    typeCode: text(creditNote ? root.CreditNoteTypeCode : root.InvoiceTypeCode) ?? (creditNote ? "381" : "380"),
    number,
    issuedOn: isoDate(text(root.IssueDate), "the issue date (cbc:IssueDate)", false),
    dueOn: dueDate ? isoDate(dueDate, "the due date (cbc:DueDate)", false) : null,
    currency,
    seller: ublParty(root.AccountingSupplierParty),
    buyer: ublParty(root.AccountingCustomerParty),
    netCents: cents(totals.TaxExclusiveAmount, "the total excl. VAT (cbc:TaxExclusiveAmount)"),
    vatCents: optionalCents(taxTotal.TaxAmount, "the total VAT (cbc:TaxAmount)") ?? 0n,
    totalCents: cents(totals.TaxInclusiveAmount, "the total incl. VAT (cbc:TaxInclusiveAmount)"),
    payableCents: cents(totals.PayableAmount, "the amount due (cbc:PayableAmount)"),
    amounts: asList(taxTotal.TaxSubtotal).map((subtotal) =>
      vatAmount(
        text(at(subtotal, "TaxCategory", "ID")) ?? "S",
        text(at(subtotal, "TaxCategory", "Percent")),
        cents(subtotal.TaxableAmount, "a tax subtotal's taxable amount"),
        cents(subtotal.TaxAmount, "a tax subtotal's VAT"),
        text(at(subtotal, "TaxCategory", "TaxExemptionReason")),
      ),
    ),
  };
}

/**
 * Reads a received e-invoice's XML: a Cross Industry Invoice (Factur-X / ZUGFeRD, any profile
 * from BASIC WL up, and the CII of the French e-invoicing platforms) or a UBL 2.1 Invoice or
 * CreditNote (Peppol BIS, XRechnung UBL). Amounts are read as the exact decimals written; a file
 * that is not one of these, or lacks what a supplier invoice needs, is refused naming `file`.
 */
export function parseReceivedInvoice(xml: string): ReceivedInvoice {
  if (XMLValidator.validate(xml) !== true) throw bad("it is not well-formed XML");
  const parsed = asNode(parser.parse(xml));
  if (parsed.CrossIndustryInvoice) return readCii(asNode(parsed.CrossIndustryInvoice));
  if (parsed.Invoice) return readUbl(asNode(parsed.Invoice), false);
  if (parsed.CreditNote) return readUbl(asNode(parsed.CreditNote), true);
  throw bad("its root is neither a CII CrossIndustryInvoice nor a UBL Invoice or CreditNote");
}

/** The names under which hybrid PDFs embed their XML: Factur-X, ZUGFeRD 2 and 1, XRechnung. */
const EMBEDDED_NAMES = ["factur-x.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml"];

const nameOf = (value: PDFObject | undefined): string | null =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;

/** The file specifications of a PDF's EmbeddedFiles name tree, and of its catalog's AF array. */
function fileSpecs(document: PDFDocument): PDFDict[] {
  const specs: PDFDict[] = [];
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(PDFName.of("Names"), PDFArray);
    for (let i = 1; names && i < names.size(); i += 2) {
      const spec = names.lookup(i);
      if (spec instanceof PDFDict) specs.push(spec);
    }
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(document.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict), 0);
  const af = document.catalog.lookupMaybe(PDFName.of("AF"), PDFArray);
  for (let i = 0; af && i < af.size(); i++) {
    const spec = af.lookup(i);
    if (spec instanceof PDFDict) specs.push(spec);
  }
  return specs;
}

/** The XML a Factur-X (or ZUGFeRD) PDF embeds, decoded from its stream. */
export async function embeddedInvoiceXml(pdf: Uint8Array): Promise<string> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw bad(`the PDF cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  for (const spec of fileSpecs(document)) {
    const name = nameOf(spec.get(PDFName.of("UF"))) ?? nameOf(spec.get(PDFName.of("F")));
    if (!name || !EMBEDDED_NAMES.includes(name)) continue;
    const stream = spec.lookupMaybe(PDFName.of("EF"), PDFDict)?.lookup(PDFName.of("F"));
    if (stream instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(stream).decode()).toString("utf8");
  }
  throw bad(`the PDF embeds no e-invoice XML (${EMBEDDED_NAMES.join(", ")}): it is a plain PDF, to be recorded by hand`);
}

/** An e-invoice is some kilobytes, a hybrid PDF rarely over a megabyte: 10 MB bounds the work a request asks for. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A received file, base64: an XML e-invoice (CII or UBL) or a hybrid PDF (Factur-X, ZUGFeRD) whose XML is read. */
export async function readReceivedFile(base64: string): Promise<ReceivedInvoice> {
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(base64)) throw badUserInput("The file is not base64", FIELD);
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0) throw badUserInput("The file is empty", FIELD);
  if (bytes.length > MAX_FILE_BYTES) throw badUserInput(`The file is over ${MAX_FILE_BYTES / 1024 / 1024} MB`, FIELD);
  const isPdf = bytes.subarray(0, 5).toString("latin1") === "%PDF-";
  return parseReceivedInvoice(isPdf ? await embeddedInvoiceXml(bytes) : bytes.toString("utf8").replace(/^\uFEFF/, ""));
}
