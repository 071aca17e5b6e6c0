import PDFDocument from "pdfkit";
import type { CustomerEntity } from "../customers/customer.entity";
import type { DocumentMentions } from "../invoices/invoice.type";
import { frenchDate } from "@cae/shared";
import { formatRate, euros, VAT_RATES, type VatShare } from "../money/arithmetic";
import { toDocumentLine, type LineRow } from "../invoices/lines";
import { facturXMetadata, FACTUR_X_FILE_NAME } from "../facturx/xmp";

/** What a printed invoice, credit note or quote shows. */
export interface PrintableDocument {
  kind: "FACTURE" | "AVOIR" | "DEVIS";
  number: string;
  issuedOn: string;
  dueOn: string | null;
  /** The last day a quote may be accepted. */
  validUntil?: string | null;
  /** The invoice a credit note cancels. */
  creditedInvoiceNumber?: string | null;
  reason?: string | null;
  activityLabel: string;
  analyticCode: string;
  customer: Pick<CustomerEntity, "name" | "address" | "siret" | "kind"> & Partial<Pick<CustomerEntity, "siren" | "vatNumber" | "country">>;
  lines: readonly LineRow[];
  vat: readonly VatShare[];
  netCents: bigint;
  vatCents: bigint;
  totalCents: bigint;
  mentions: DocumentMentions;
}

/** The Factur-X part of an e-invoice: its CII XML, embedded in a PDF/A-3. */
export interface FacturXAttachment {
  xml: string;
}

const vatLabel = (rate: keyof typeof VAT_RATES): string => (rate === "EXEMPT" ? "exonéré" : `${formatRate(VAT_RATES[rate])} %`);
const TITLES = { FACTURE: "Facture", AVOIR: "Avoir", DEVIS: "Devis" } as const;

/**
 * PDF/A forbids fonts that are not embedded, so the Factur-X rendering embeds DejaVu Sans (its
 * TrueType files ship in the npm package `dejavu-fonts-ttf`); the plain rendering keeps the
 * standard Helvetica, whose text a test or an archive reads straight from the content stream.
 */
const fontFile = (name: string): string => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);

/**
 * The document as a PDF (A4). Uncompressed, so that its text can be checked by a test and indexed
 * by an archive; a document is a few kilobytes anyway. With `facturX`, a PDF/A-3b whose embedded
 * `factur-x.xml` is the invoice for machines (Factur-X 1.07, EN 16931 profile) and whose XMP
 * metadata declares it: the same page, the legal e-invoice.
 */
export function renderDocumentPdf(document: PrintableDocument, facturX?: FacturXAttachment): Promise<Buffer> {
  const issued = new Date(`${document.issuedOn}T00:00:00Z`);
  const title = `${TITLES[document.kind]} ${document.number}`;
  const pdf = new PDFDocument({
    size: "A4",
    margin: 50,
    compress: false,
    ...(facturX ? { pdfVersion: "1.7" as const, subset: "PDF/A-3b" as const, font: fontFile("DejaVuSans.ttf"), lang: "fr-FR" } : {}),
    // Dated by the document, not by the request: the same document prints the same file.
    info: { Title: title, Author: document.mentions.sellerLegalName, CreationDate: issued, ModDate: issued },
  });
  const regular = facturX ? fontFile("DejaVuSans.ttf") : "Helvetica";
  const bold = facturX ? fontFile("DejaVuSans-Bold.ttf") : "Helvetica-Bold";
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const { mentions, customer } = document;
  pdf.font(bold).fontSize(14).text(mentions.sellerLegalName);
  pdf.font(regular).fontSize(9);
  if (mentions.sellerLegalForm) pdf.text(mentions.sellerLegalForm);
  pdf.text(mentions.sellerAddress);
  pdf.text(`SIRET : ${mentions.sellerSiret}`);
  if (mentions.sellerRegistration) pdf.text(mentions.sellerRegistration);
  pdf.text(`N° TVA intracommunautaire : ${mentions.sellerVatNumber}`);
  pdf.text(`Activité : ${document.activityLabel} (${document.analyticCode})`);
  if (mentions.decennialInsurance) pdf.text(mentions.decennialInsurance);
  pdf.moveDown();
  pdf.font(bold).fontSize(16).text(`${document.kind} N° ${document.number}`);
  pdf.font(regular).fontSize(10);
  pdf.text(`Date d'émission : ${frenchDate(document.issuedOn)}`);
  if (document.validUntil) pdf.text(`Devis valable jusqu'au ${frenchDate(document.validUntil)}`);
  if (mentions.deliveryDate) pdf.text(mentions.deliveryDate);
  if (document.dueOn) pdf.text(`Date d'échéance : ${frenchDate(document.dueOn)}`);
  if (document.creditedInvoiceNumber) pdf.text(`Avoir sur la facture N° ${document.creditedInvoiceNumber}`);
  if (document.reason) pdf.text(`Motif : ${document.reason}`);
  pdf.moveDown();
  pdf.font(bold).text("Client");
  pdf.font(regular).text(customer.name);
  pdf.text(customer.address);
  if (customer.country && customer.country !== "FR") pdf.text(`Pays : ${customer.country}`);
  if (customer.siret) pdf.text(`SIRET : ${customer.siret}`);
  else if (mentions.customerSiren) pdf.text(`SIREN : ${mentions.customerSiren}`);
  if (mentions.customerVatNumber) pdf.text(`N° TVA intracommunautaire du client : ${mentions.customerVatNumber}`);
  pdf.moveDown();
  pdf.font(bold).text("Désignation | Quantité | Prix unitaire HT | TVA | Montant HT");
  pdf.font(regular);
  for (const row of document.lines) {
    const line = toDocumentLine(row);
    pdf.text(
      `${line.description} | ${line.quantity} | ${euros(line.unitPriceCents)} | ${vatLabel(line.vatRate)} | ${euros(line.netCents)}`,
    );
  }
  pdf.moveDown();
  for (const share of document.vat) {
    pdf.text(`TVA ${vatLabel(share.vatRate)} sur ${euros(share.netCents)} HT : ${euros(share.vatCents)}`);
  }
  pdf.font(bold);
  pdf.text(`Total HT : ${euros(document.netCents)}`);
  pdf.text(`Total TVA : ${euros(document.vatCents)}`);
  pdf.text(`Total TTC : ${euros(document.totalCents)}`);
  pdf.font(regular).fontSize(8).moveDown();
  if (mentions.reverseCharge) pdf.text(mentions.reverseCharge);
  for (const exemption of mentions.vatExemptions) pdf.text(exemption);
  if (mentions.vatOnDebits) pdf.text(mentions.vatOnDebits);
  if (mentions.operationNature) pdf.text(mentions.operationNature);
  pdf.text(mentions.paymentTerms);
  pdf.text(mentions.latePenalties);
  if (mentions.recoveryFee) pdf.text(mentions.recoveryFee);
  if (facturX) {
    // `relationship` (the file's /AFRelationship) is pdfkit's since 0.15; @types/pdfkit does not know it yet.
    pdf.file(Buffer.from(facturX.xml, "utf8"), {
      name: FACTUR_X_FILE_NAME,
      type: "text/xml",
      // The XML says what the page shows, for machines (Factur-X 1.07, § 6.2.2: Data, Source or Alternative).
      relationship: "Alternative",
      description: `Factur-X ${title}`,
      creationDate: issued,
      modifiedDate: issued,
    } as PDFKit.Mixins.PDFAttachmentOptions);
    pdf.appendXML(facturXMetadata());
  }
  pdf.end();
  return done;
}
