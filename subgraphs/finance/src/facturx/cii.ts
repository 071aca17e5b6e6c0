import { formatEuros } from "@cae/shared";
import type { CustomerEntity } from "../customers/customer.entity";
import type { DocumentMentions } from "../invoices/invoice.type";
import { toDocumentLine, vatBreakdown, type LineRow } from "../invoices/lines";
import { REVERSE_CHARGES, VAT_EXEMPTION_GROUNDS, type ReverseCharge } from "../invoices/vat-rules";
import { formatRate, VAT_RATES, type VatRate } from "../money/arithmetic";
import type { FinanceSettingsEntity } from "../settings/settings.entity";

/** What a sales document says to a machine: an issued invoice (380) or credit note (381). */
export interface CiiDocument {
  typeCode: "380" | "381";
  number: string;
  issuedOn: string;
  dueOn: string | null;
  deliveredOn?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  /** The invoice a credit note cancels (BG-3). */
  precedingInvoice?: { number: string; issuedOn: string | null } | null;
  reverseCharge?: ReverseCharge | null;
  settings: Pick<
    FinanceSettingsEntity,
    "legalName" | "siret" | "vatNumber" | "address" | "vatExemptionMention" | "territory" | "vatOnDebits"
  >;
  customer: Pick<CustomerEntity, "name" | "address" | "kind"> & Partial<Pick<CustomerEntity, "siren" | "vatNumber" | "country">>;
  lines: readonly LineRow[];
  netCents: bigint;
  vatCents: bigint;
  totalCents: bigint;
  mentions: DocumentMentions;
}

/** A VAT category of EN 16931 (UNTDID 5305): S standard, E exempt, AE reverse charge, K intra-EU, G export. */
export type VatCategory = "S" | "E" | "AE" | "K" | "G";

export interface LineTax {
  category: VatCategory;
  rate: VatRate;
  /** The exemption reason (BT-120) and its VATEX code (BT-121), for a category other than S. */
  reason: string | null;
  reasonCode: string | null;
}

/** A line's VAT category and reason, as its exemption ground, the invoice's reverse charge or the settings decide. */
export function lineTax(
  line: Pick<LineRow, "vatRate" | "vatExemption">,
  reverseCharge: ReverseCharge | null | undefined,
  settings: Pick<FinanceSettingsEntity, "vatExemptionMention" | "territory">,
): LineTax {
  if (line.vatRate !== "EXEMPT") return { category: "S", rate: line.vatRate, reason: null, reasonCode: null };
  if (reverseCharge) return { category: "AE", rate: "EXEMPT", reason: REVERSE_CHARGES[reverseCharge].mention, reasonCode: "VATEX-EU-AE" };
  if (line.vatExemption) {
    const ground = VAT_EXEMPTION_GROUNDS[line.vatExemption];
    return { category: ground.category, rate: "EXEMPT", reason: ground.mention, reasonCode: ground.code };
  }
  const overseas = settings.territory === "GUYANE" || settings.territory === "MAYOTTE";
  return {
    category: "E",
    rate: "EXEMPT",
    reason: overseas ? VAT_EXEMPTION_GROUNDS.OVERSEAS_NOT_APPLICABLE.mention : settings.vatExemptionMention,
    reasonCode: null,
  };
}

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
/** Cents as the decimal amount of CII ("1234.50"). */
const amount = (cents: bigint): string => formatEuros(cents);
const percent = (rate: VatRate): string => formatRate(VAT_RATES[rate]).replace(/\.?0+$/, "") || "0";
const date = (iso: string, qualified = false): string =>
  `<${qualified ? "qdt" : "udt"}:DateTimeString format="102">${iso.replace(/-/g, "")}</${qualified ? "qdt" : "udt"}:DateTimeString>`;
const element = (name: string, content: string | null | undefined): string =>
  content === null || content === undefined || content === "" ? "" : `<ram:${name}>${content}</ram:${name}>`;
const text = (name: string, value: string | null | undefined): string => element(name, value ? escape(value) : null);

/** "1 place de la Coopération, 31000 Toulouse" → its line, postcode and city, as far as the text says them. */
function postalAddress(address: string, country: string): string {
  const match = /^(.*?)[,\s]+(\d{5})\s+(.+)$/s.exec(address.trim());
  const [lineOne, postcode, city] = match ? [match[1], match[2], match[3]] : [address.trim(), null, null];
  return `<ram:PostalTradeAddress>${text("PostcodeCode", postcode)}${text("LineOne", lineOne.replace(/\s*\n\s*/g, ", "))}${text("CityName", city)}${element("CountryID", country)}</ram:PostalTradeAddress>`;
}

const note = (content: string | null, subject: string) =>
  content
    ? `<ram:IncludedNote><ram:Content>${escape(content)}</ram:Content><ram:SubjectCode>${subject}</ram:SubjectCode></ram:IncludedNote>`
    : "";

interface TaxGroup extends LineTax {
  basisCents: bigint;
  vatCents: bigint;
}

/** The VAT breakdown (BG-23): one group per category, rate and reason; the VAT of a rate as the document computed it. */
function taxGroups(document: CiiDocument): TaxGroup[] {
  const byRate = new Map(vatBreakdown(document.lines).map((share) => [share.vatRate, share.vatCents]));
  const groups = new Map<string, TaxGroup>();
  for (const line of document.lines) {
    const tax = lineTax(line, document.reverseCharge, document.settings);
    const key = `${tax.category}\u0000${tax.rate}\u0000${tax.reason ?? ""}`;
    const group = groups.get(key) ?? { ...tax, basisCents: 0n, vatCents: tax.category === "S" ? (byRate.get(tax.rate) ?? 0n) : 0n };
    group.basisCents += line.netCents;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The document as a UN/CEFACT Cross Industry Invoice (D16B), profile EN 16931 of Factur-X 1.07 /
 * ZUGFeRD 2.x: seller, buyer, lines, the VAT breakdown with its categories and exemption reasons,
 * the totals, the payment terms and due date. Elements follow the order the schema requires.
 */
export function ciiXml(document: CiiDocument): string {
  const { settings, customer, mentions } = document;
  const servicesOnReceipts = !settings.vatOnDebits && document.lines.every((line) => line.supply === "SERVICES") && !document.reverseCharge;
  const lines = document.lines
    .map((row) => {
      const line = toDocumentLine(row);
      const tax = lineTax(row, document.reverseCharge, settings);
      return `<ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>${line.position}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>${text("Name", line.description)}</ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>${amount(line.unitPriceCents)}</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">${line.quantity}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>${tax.category}</ram:CategoryCode><ram:RateApplicablePercent>${percent(tax.rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${amount(line.netCents)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>`;
    })
    .join("\n    ");
  const taxes = taxGroups(document)
    .map(
      (group) =>
        `<ram:ApplicableTradeTax><ram:CalculatedAmount>${amount(group.vatCents)}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>${text(
          "ExemptionReason",
          group.reason,
        )}<ram:BasisAmount>${amount(group.basisCents)}</ram:BasisAmount><ram:CategoryCode>${group.category}</ram:CategoryCode>${text(
          "ExemptionReasonCode",
          group.reasonCode,
        )}${group.category === "S" && servicesOnReceipts ? "<ram:DueDateTypeCode>72</ram:DueDateTypeCode>" : ""}<ram:RateApplicablePercent>${percent(group.rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>`,
    )
    .join("\n      ");
  const legalInfo = [mentions.sellerLegalForm, mentions.sellerRegistration].filter(Boolean).join(", ");
  const siren = settings.siret.slice(0, 9);
  const buyerCountry = customer.country ?? "FR";
  const paymentTerms = document.typeCode === "380" ? mentions.paymentTerms : null;
  // An intra-EU delivery states where the goods go (BR-IC-12: the customer's country) and when (BR-IC-11): a delivery
  // date that the invoice does not state is its issue date (CGI art. 242 nonies A, I-7° asks for it only when it differs).
  const intraEu = document.lines.some((line) => lineTax(line, document.reverseCharge, settings).category === "K");
  const deliveredOn = document.deliveredOn ?? (intraEu && !document.periodFrom ? document.issuedOn : null);
  const delivery = `${
    intraEu ? `<ram:ShipToTradeParty>${postalAddress(customer.address, buyerCountry)}</ram:ShipToTradeParty>` : ""
  }${deliveredOn ? `<ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime>${date(deliveredOn)}</ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>` : ""}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>${escape(document.number)}</ram:ID>
    <ram:TypeCode>${document.typeCode}</ram:TypeCode>
    <ram:IssueDateTime>${date(document.issuedOn)}</ram:IssueDateTime>
    ${note(legalInfo || null, "REG")}${note(mentions.latePenalties, "PMD")}${note(mentions.recoveryFee, "PMT")}${note(
      document.typeCode === "380" ? "Pas d'escompte pour paiement anticipé." : null,
      "AAB",
    )}${note(mentions.decennialInsurance, "ABL")}${note(mentions.vatOnDebits, "TXD")}
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    ${lines}
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty>
        ${text("Name", settings.legalName)}${text("Description", legalInfo || null)}
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">${siren}</ram:ID></ram:SpecifiedLegalOrganization>
        ${postalAddress(settings.address, "FR")}
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">${settings.vatNumber}</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        ${text("Name", customer.name)}${
          customer.siren
            ? `<ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">${customer.siren}</ram:ID></ram:SpecifiedLegalOrganization>`
            : ""
        }
        ${postalAddress(customer.address, buyerCountry)}${
          customer.vatNumber
            ? `<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">${escape(customer.vatNumber)}</ram:ID></ram:SpecifiedTaxRegistration>`
            : ""
        }
      </ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>${delivery}</ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      ${taxes}${
        document.periodFrom && document.periodTo
          ? `\n      <ram:BillingSpecifiedPeriod><ram:StartDateTime>${date(document.periodFrom)}</ram:StartDateTime><ram:EndDateTime>${date(document.periodTo)}</ram:EndDateTime></ram:BillingSpecifiedPeriod>`
          : ""
      }${
        paymentTerms || document.dueOn
          ? `\n      <ram:SpecifiedTradePaymentTerms>${text("Description", paymentTerms)}${
              document.dueOn ? `<ram:DueDateDateTime>${date(document.dueOn)}</ram:DueDateDateTime>` : ""
            }</ram:SpecifiedTradePaymentTerms>`
          : ""
      }
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>${amount(document.netCents)}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>${amount(document.netCents)}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">${amount(document.vatCents)}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>${amount(document.totalCents)}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>${amount(document.totalCents)}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>${
        document.precedingInvoice
          ? `\n      <ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${escape(document.precedingInvoice.number)}</ram:IssuerAssignedID>${
              document.precedingInvoice.issuedOn
                ? `<ram:FormattedIssueDateTime>${date(document.precedingInvoice.issuedOn, true)}</ram:FormattedIssueDateTime>`
                : ""
            }</ram:InvoiceReferencedDocument>`
          : ""
      }
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`;
}
