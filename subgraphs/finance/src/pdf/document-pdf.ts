import type { CustomerEntity } from "../customers/customer.entity";
import type { DocumentMentions } from "../invoices/invoice.type";
import { frenchDate, printPdf, type DocumentBlock, type PrintedDocument } from "@cae/shared";
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
 * The document as the network's printing engine lays it out (docs/documents.md): the seller's
 * letterhead, the title, the dates, the customer, the lines, the VAT breakdown and the totals,
 * then every mention the law asks for, each as written (never justified: a mention reads whole).
 */
export function printedDocument(document: PrintableDocument): PrintedDocument {
  const { mentions, customer } = document;
  const letterhead = [
    mentions.sellerLegalName,
    mentions.sellerLegalForm,
    mentions.sellerAddress,
    `SIRET : ${mentions.sellerSiret}`,
    mentions.sellerRegistration,
    `N° TVA intracommunautaire : ${mentions.sellerVatNumber}`,
    `Activité : ${document.activityLabel} (${document.analyticCode})`,
    mentions.decennialInsurance,
  ];
  const dates: [string, string][] = [["Date d'émission", frenchDate(document.issuedOn)]];
  if (document.dueOn) dates.push(["Date d'échéance", frenchDate(document.dueOn)]);
  if (document.reason) dates.push(["Motif", document.reason]);
  const customerLines = [
    customer.name,
    customer.address,
    customer.country && customer.country !== "FR" ? `Pays : ${customer.country}` : null,
    customer.siret ? `SIRET : ${customer.siret}` : mentions.customerSiren ? `SIREN : ${mentions.customerSiren}` : null,
    mentions.customerVatNumber ? `N° TVA intracommunautaire du client : ${mentions.customerVatNumber}` : null,
  ];
  const mention = (text: string | null | undefined): DocumentBlock[] => (text ? [{ kind: "paragraph", text, align: "left" }] : []);
  return {
    title: `${document.kind} N° ${document.number}`,
    author: mentions.sellerLegalName,
    letterhead: letterhead.filter((line): line is string => !!line),
    blocks: [
      { kind: "fields", rows: dates },
      ...mention(document.validUntil ? `Devis valable jusqu'au ${frenchDate(document.validUntil)}` : null),
      ...mention(mentions.deliveryDate),
      ...mention(document.creditedInvoiceNumber ? `Avoir sur la facture N° ${document.creditedInvoiceNumber}` : null),
      { kind: "parties", parties: [{ role: "Client", lines: customerLines.filter((line): line is string => !!line) }] },
      {
        kind: "table",
        headers: ["Désignation", "Quantité", "Prix unitaire HT", "TVA", "Montant HT"],
        widths: [5, 1.4, 2, 1.4, 2],
        rows: document.lines.map((row) => {
          const line = toDocumentLine(row);
          return [line.description, line.quantity, euros(line.unitPriceCents), vatLabel(line.vatRate), euros(line.netCents)];
        }),
      },
      {
        kind: "fields",
        rows: [
          ...document.vat.map((share): [string, string] => [
            `TVA ${vatLabel(share.vatRate)} sur ${euros(share.netCents)} HT`,
            euros(share.vatCents),
          ]),
          ["Total HT", euros(document.netCents)],
          ["Total TVA", euros(document.vatCents)],
          ["Total TTC", euros(document.totalCents)],
        ],
      },
      ...mention(mentions.reverseCharge),
      ...mentions.vatExemptions.flatMap(mention),
      ...mention(mentions.vatOnDebits),
      ...mention(mentions.operationNature),
      ...mention(mentions.paymentTerms),
      ...mention(mentions.latePenalties),
      ...mention(mentions.recoveryFee),
    ],
  };
}

/**
 * The document as a PDF (A4), printed by the network's engine. Uncompressed, so that its text can
 * be indexed by an archive; a document is a few kilobytes anyway. Dated by the document, not by
 * the request: the same document prints the same file. With `facturX`, a PDF/A-3b whose embedded
 * `factur-x.xml` is the invoice for machines (Factur-X 1.07, EN 16931 profile) and whose XMP
 * metadata declares it: the same page, the legal e-invoice.
 */
export function renderDocumentPdf(document: PrintableDocument, facturX?: FacturXAttachment): Promise<Buffer> {
  const issued = new Date(`${document.issuedOn}T00:00:00Z`);
  return printPdf(printedDocument(document), {
    date: issued,
    compress: false,
    ...(facturX
      ? {
          lang: "fr-FR",
          pdfA: {
            fonts: {
              regular: fontFile("DejaVuSans.ttf"),
              bold: fontFile("DejaVuSans-Bold.ttf"),
              italic: fontFile("DejaVuSans-Oblique.ttf"),
            },
          },
          attachments: [
            {
              name: FACTUR_X_FILE_NAME,
              content: Buffer.from(facturX.xml, "utf8"),
              mimeType: "text/xml",
              // The XML says what the page shows, for machines (Factur-X 1.07, § 6.2.2: Data, Source or Alternative).
              relationship: "Alternative" as const,
              description: `Factur-X ${TITLES[document.kind]} ${document.number}`,
              createdAt: issued,
              modifiedAt: issued,
            },
          ],
          xmp: facturXMetadata(),
        }
      : {}),
  });
}
