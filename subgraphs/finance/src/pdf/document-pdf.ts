import PDFDocument from "pdfkit";
import type { CustomerEntity } from "../customers/customer.entity";
import type { DocumentMentions } from "../invoices/invoice.type";
import { frenchDate } from "@cae/shared";
import { formatRate, euros, VAT_RATES, type VatShare } from "../money/arithmetic";
import { toDocumentLine, type LineRow } from "../invoices/lines";

/** What a printed invoice or credit note shows. */
export interface PrintableDocument {
  kind: "FACTURE" | "AVOIR";
  number: string;
  issuedOn: string;
  dueOn: string | null;
  /** The invoice a credit note cancels. */
  creditedInvoiceNumber?: string | null;
  reason?: string | null;
  activityLabel: string;
  analyticCode: string;
  customer: Pick<CustomerEntity, "name" | "address" | "siret" | "kind">;
  lines: readonly LineRow[];
  vat: readonly VatShare[];
  netCents: bigint;
  vatCents: bigint;
  totalCents: bigint;
  mentions: DocumentMentions;
}

const vatLabel = (rate: keyof typeof VAT_RATES): string => (rate === "EXEMPT" ? "exonéré" : `${formatRate(VAT_RATES[rate])} %`);

/**
 * The document as a PDF (A4, the standard Helvetica font). Uncompressed, so that its text can be
 * checked by a test and indexed by an archive; an invoice is a few kilobytes anyway.
 */
export function renderDocumentPdf(document: PrintableDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: 50,
    compress: false,
    info: { Title: `${document.kind === "FACTURE" ? "Facture" : "Avoir"} ${document.number}`, Author: document.mentions.sellerLegalName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const { mentions } = document;
  pdf.font("Helvetica-Bold").fontSize(14).text(mentions.sellerLegalName);
  pdf.font("Helvetica").fontSize(9);
  pdf.text(mentions.sellerAddress);
  pdf.text(`SIRET : ${mentions.sellerSiret}`);
  pdf.text(`N° TVA intracommunautaire : ${mentions.sellerVatNumber}`);
  pdf.text(`Activité : ${document.activityLabel} (${document.analyticCode})`);
  pdf.moveDown();
  pdf.font("Helvetica-Bold").fontSize(16).text(`${document.kind} N° ${document.number}`);
  pdf.font("Helvetica").fontSize(10);
  pdf.text(`Date d'émission : ${frenchDate(document.issuedOn)}`);
  if (document.dueOn) pdf.text(`Date d'échéance : ${frenchDate(document.dueOn)}`);
  if (document.creditedInvoiceNumber) pdf.text(`Avoir sur la facture N° ${document.creditedInvoiceNumber}`);
  if (document.reason) pdf.text(`Motif : ${document.reason}`);
  pdf.moveDown();
  pdf.font("Helvetica-Bold").text("Client");
  pdf.font("Helvetica").text(document.customer.name);
  pdf.text(document.customer.address);
  if (document.customer.siret) pdf.text(`SIRET : ${document.customer.siret}`);
  pdf.moveDown();
  pdf.font("Helvetica-Bold").text("Désignation | Quantité | Prix unitaire HT | TVA | Montant HT");
  pdf.font("Helvetica");
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
  pdf.font("Helvetica-Bold");
  pdf.text(`Total HT : ${euros(document.netCents)}`);
  pdf.text(`Total TVA : ${euros(document.vatCents)}`);
  pdf.text(`Total TTC : ${euros(document.totalCents)}`);
  pdf.font("Helvetica").fontSize(8).moveDown();
  if (mentions.vatExemption) pdf.text(mentions.vatExemption);
  pdf.text(mentions.paymentTerms);
  pdf.text(mentions.latePenalties);
  if (mentions.recoveryFee) pdf.text(mentions.recoveryFee);
  pdf.end();
  return done;
}
