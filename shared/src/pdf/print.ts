import PDFDocument from "pdfkit";
import { shareEmbeddedFontTables, shareStandardFontMetrics } from "./font-cache";

/**
 * The network's one way of printing a document as PDF (docs/documents.md): a contract, an
 * attestation, an invoice. A document is described as data (a title, the issuer's lines, blocks,
 * footer mentions) and laid out here, so that every printed page of the network looks alike and
 * a test reads back what a document says rather than how it is drawn.
 */
export interface PrintedDocument {
  /** The document's title, printed large at the top and kept in the PDF's metadata. */
  title: string;
  /** A line under the title (a legal basis, a number). */
  subtitle?: string;
  /** Who issues it (the PDF's author): a cooperative's legal name. */
  author?: string;
  /** The issuer's letterhead, printed above the title: name first, then address, identifiers. */
  letterhead?: readonly string[];
  /** The body, in order. */
  blocks: readonly DocumentBlock[];
  /** Mentions printed small at the foot of every page, with the page number. */
  footer?: readonly string[];
}

/** One party of a contract: its role ("La coopérative") and the lines that identify it. */
export interface DocumentParty {
  role: string;
  lines: readonly string[];
}

/** Who signs: the label over the signature space, and optional lines (a name, "Lu et approuvé"). */
export interface DocumentSigner {
  label: string;
  lines?: readonly string[];
}

export type DocumentBlock =
  /** A heading between sections. */
  | { kind: "heading"; text: string }
  /** A paragraph of running text, justified unless it says `left` (a mention that must read as written). */
  | { kind: "paragraph"; text: string; bold?: boolean; align?: "left" | "justify" }
  /** The parties of a contract ("Entre les soussignés"), one after the other. */
  | { kind: "parties"; intro?: string; parties: readonly DocumentParty[] }
  /** An article, numbered in order of appearance ("Article 3 – Rémunération") unless it says its own number. */
  | { kind: "article"; title: string; paragraphs: readonly string[]; number?: string }
  /** Label and value pairs ("Date de début : 05/01/2026"). */
  | { kind: "fields"; rows: readonly (readonly [string, string])[] }
  /** A table with a header row; each row as many cells as headers. */
  | { kind: "table"; headers: readonly string[]; rows: readonly (readonly string[])[]; widths?: readonly number[] }
  /** Signature spaces side by side, with the place and date line above them. */
  | { kind: "signatures"; signers: readonly DocumentSigner[]; placeAndDate?: string }
  /** A horizontal bar chart: a bar per row, as long as its value in proportion to the largest one. */
  | { kind: "bars"; bars: readonly DocumentBar[] };

/**
 * One bar of a chart: its label, its value, and the text written at its end (the value as the
 * document writes it). A bar without a value (a figure hidden by disclosure control) is drawn as an
 * outlined empty bar, never as a zero, with its text ("secret").
 */
export interface DocumentBar {
  label: string;
  value: number | null;
  text: string;
}

/**
 * How a document is written to file beyond what it says. By default: compressed, in the standard
 * fonts, dated when printed. An invoice asks more: dated by itself (the same document prints the
 * same file), uncompressed (its text indexed by an archive), and as Factur-X a PDF/A-3b with its
 * XML attached.
 */
export interface PrintOptions {
  /** The PDF's creation and modification date, instead of now. */
  date?: Date;
  /** False writes the page contents uncompressed (pdfkit compresses by default). */
  compress?: boolean;
  /** The language of the text (the catalog's /Lang), such as "fr-FR"; PDF/A wants it. */
  lang?: string;
  /**
   * A PDF/A-3b (archival, PDF 1.7): PDF/A forbids fonts that are not embedded, and the standard
   * fonts are not, so the caller gives the font files the document is written in.
   */
  pdfA?: { fonts: PrintFonts };
  /** Files embedded in the PDF (and, in PDF/A-3, associated with it), such as a Factur-X XML. */
  attachments?: readonly PrintAttachment[];
  /** XMP added to the document's metadata (whole `rdf:Description` elements), such as Factur-X's schema. */
  xmp?: string;
}

/** The font files (paths of TrueType files) of a PDF/A: one for running text, one for bold, one for italic. */
export interface PrintFonts {
  regular: string;
  bold: string;
  italic: string;
}

/** An embedded file: its name, bytes, MIME type and, for PDF/A-3, how it relates to the document. */
export interface PrintAttachment {
  name: string;
  content: Buffer;
  mimeType: string;
  /** The /AFRelationship of PDF/A-3. */
  relationship?: "Alternative" | "Data" | "Source" | "Supplement" | "Unspecified";
  description?: string;
  createdAt?: Date;
  modifiedAt?: Date;
}

/** The names the layout writes in: the standard fonts, or the embedded ones of a PDF/A. */
interface FontNames {
  regular: string;
  bold: string;
  italic: string;
}

const STANDARD_FONTS: FontNames = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" };

const MARGIN = 56;
const FOOTER_HEIGHT = 40;

/**
 * The standard PDF fonts (Helvetica) write the Windows-1252 characters only: the few others our
 * French texts use are written with their nearest equivalent, never dropped silently.
 */
export function printable(text: string): string {
  return (
    text
      .replace(/[\u202f\u2007\u2009]/g, "\u00a0")
      .replace(/[\u2010\u2011]/g, "-")
      .replace(/\u2264/g, "<=")
      .replace(/\u2265/g, ">=")
      // Anything outside Windows-1252 (Latin-1 and the few characters it adds) would print as nothing.
      .replace(
        // eslint-disable-next-line no-control-regex -- the range starts at the first code point on purpose
        /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
        "?",
      )
  );
}

/**
 * Lays the document out on A4 pages and returns the PDF. Text stays text (never drawn as
 * outlines), so that it can be searched, copied, archived and read back by a test.
 */
export function printPdf(document: PrintedDocument, options: PrintOptions = {}): Promise<Buffer> {
  const pdfA = options.pdfA;
  if (pdfA) shareEmbeddedFontTables(pdfA.fonts.regular);
  else shareStandardFontMetrics();
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    ...(options.compress === false ? { compress: false } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    // The first font is pdfkit's default: in a PDF/A, Helvetica must never be loaded, even unused.
    ...(pdfA ? { pdfVersion: "1.7" as const, subset: "PDF/A-3b" as const, font: pdfA.fonts.regular } : {}),
    info: {
      Title: printable(document.title),
      ...(document.author ? { Author: printable(document.author) } : {}),
      ...(options.date ? { CreationDate: options.date, ModDate: options.date } : {}),
    },
  });
  // pdfkit takes a font file's path as the font's name: each file is loaded once and embedded as a subset.
  const fonts: FontNames = pdfA ? pdfA.fonts : STANDARD_FONTS;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - MARGIN * 2;
  const write = (text: string, font: string = fonts.regular, size = 10, options: PDFKit.Mixins.TextOptions = {}) =>
    pdf
      .font(font)
      .fontSize(size)
      .text(printable(text), { width, ...options });

  if (document.letterhead?.length) {
    const [name, ...rest] = document.letterhead;
    write(name, fonts.bold, 11);
    for (const line of rest) write(line, fonts.regular, 9);
    pdf.moveDown(1.2);
  }
  write(document.title, fonts.bold, 15, { align: "center" });
  if (document.subtitle) write(document.subtitle, fonts.italic, 9.5, { align: "center" });
  pdf.moveDown(1);

  let articles = 0;
  for (const block of document.blocks) {
    switch (block.kind) {
      case "heading":
        // A heading never ends a page alone: what it introduces follows it.
        keepTogether(pdf, 60);
        pdf.moveDown(0.6);
        write(block.text, fonts.bold, 11.5);
        pdf.moveDown(0.3);
        break;
      case "paragraph":
        write(block.text, block.bold ? fonts.bold : fonts.regular, 10, { align: block.align ?? "justify" });
        pdf.moveDown(0.5);
        break;
      case "parties":
        if (block.intro) write(block.intro, fonts.bold, 10.5);
        pdf.moveDown(0.3);
        block.parties.forEach((party, index) => {
          write(party.role, fonts.bold, 10);
          for (const line of party.lines) write(line, fonts.regular, 10);
          pdf.moveDown(0.4);
          if (index < block.parties.length - 1) write("Et", fonts.italic, 10);
          pdf.moveDown(0.2);
        });
        pdf.moveDown(0.4);
        break;
      case "article": {
        articles += 1;
        keepTogether(pdf, 60);
        pdf.moveDown(0.4);
        write(`Article ${block.number ?? articles} – ${block.title}`, fonts.bold, 10.5);
        pdf.moveDown(0.2);
        for (const paragraph of block.paragraphs) {
          write(paragraph, fonts.regular, 10, { align: "justify" });
          pdf.moveDown(0.35);
        }
        break;
      }
      case "fields":
        for (const [label, value] of block.rows) {
          pdf
            .font(fonts.bold)
            .fontSize(10)
            .text(`${printable(label)} : `, { width, continued: true })
            .font(fonts.regular)
            .text(printable(value));
        }
        pdf.moveDown(0.5);
        break;
      case "table":
        drawTable(pdf, fonts, block.headers, block.rows, block.widths, width);
        pdf.moveDown(0.6);
        break;
      case "bars":
        drawBars(pdf, fonts, block.bars, width);
        pdf.moveDown(0.6);
        break;
      case "signatures":
        keepTogether(pdf, 120);
        pdf.moveDown(0.8);
        if (block.placeAndDate) write(block.placeAndDate, fonts.regular, 10);
        pdf.moveDown(0.6);
        drawSignatures(pdf, fonts, block.signers, width);
        break;
    }
  }
  drawFooters(pdf, fonts, document.footer ?? [], width);
  for (const file of options.attachments ?? []) {
    // `relationship` (the file's /AFRelationship) is pdfkit's since 0.15; @types/pdfkit does not know it yet.
    pdf.file(file.content, {
      name: file.name,
      type: file.mimeType,
      ...(file.relationship ? { relationship: file.relationship } : {}),
      ...(file.description ? { description: file.description } : {}),
      ...(file.createdAt ? { creationDate: file.createdAt } : {}),
      ...(file.modifiedAt ? { modifiedDate: file.modifiedAt } : {}),
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }
  if (options.xmp) pdf.appendXML(options.xmp);
  pdf.end();
  return done;
}

/** Starts a new page when less than `height` points are left: a title never ends a page alone. */
function keepTogether(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function drawTable(
  pdf: PDFKit.PDFDocument,
  fonts: FontNames,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[] | undefined,
  width: number,
): void {
  const share = widths ?? headers.map(() => 1);
  const total = share.reduce((sum, value) => sum + value, 0);
  const columns = share.map((value) => (value / total) * width);
  const padding = 3;
  // The header row never ends a page alone: room for it and a first row.
  keepTogether(pdf, 40);
  const drawRow = (cells: readonly string[], bold: boolean) => {
    pdf.font(bold ? fonts.bold : fonts.regular).fontSize(9);
    const texts = cells.map(printable);
    const height = Math.max(...texts.map((text, index) => pdf.heightOfString(text, { width: columns[index] - padding * 2 }))) + padding * 2;
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const top = pdf.y;
    let left = pdf.page.margins.left;
    texts.forEach((text, index) => {
      pdf.rect(left, top, columns[index], height).lineWidth(0.5).stroke("#777777");
      pdf.fillColor("#000000").text(text, left + padding, top + padding, { width: columns[index] - padding * 2 });
      left += columns[index];
    });
    pdf.x = pdf.page.margins.left;
    pdf.y = top + height;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
}

/**
 * The bars under one another, labels on the left, each value written at its bar's end; a page
 * break falls between two bars. The scale is the largest value shown: a hidden one has no length,
 * so its outline spans the whole scale (it may be anything) and is dashed.
 */
function drawBars(pdf: PDFKit.PDFDocument, fonts: FontNames, bars: readonly DocumentBar[], width: number): void {
  const labelWidth = width * 0.38;
  const gap = 6;
  const textWidth = 56;
  const scale = width - labelWidth - gap * 2 - textWidth;
  const largest = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const barHeight = 9;
  pdf.font(fonts.regular).fontSize(8.5);
  for (const bar of bars) {
    const label = printable(bar.label);
    const height = Math.max(pdf.heightOfString(label, { width: labelWidth }), barHeight) + 5;
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const top = pdf.y;
    const left = pdf.page.margins.left + labelWidth + gap;
    const middle = top + (height - 5 - barHeight) / 2;
    pdf.fillColor("#000000").text(label, pdf.page.margins.left, top, { width: labelWidth, align: "right" });
    let end = left;
    if (bar.value === null) {
      pdf.rect(left, middle, scale, barHeight).lineWidth(0.7).dash(2, { space: 2 }).stroke("#555555").undash();
      end = left + scale;
    } else if (largest > 0 && bar.value > 0) {
      const length = Math.max((bar.value / largest) * scale, 1);
      pdf.rect(left, middle, length, barHeight).fill("#3f6e9e");
      end = left + length;
    }
    pdf
      .fillColor("#000000")
      .font(bar.value === null ? fonts.italic : fonts.regular)
      .text(printable(bar.text), end + gap, middle, { width: textWidth, lineBreak: false })
      .font(fonts.regular);
    pdf.x = pdf.page.margins.left;
    pdf.y = top + height;
  }
}

function drawSignatures(pdf: PDFKit.PDFDocument, fonts: FontNames, signers: readonly DocumentSigner[], width: number): void {
  const gap = 24;
  const column = (width - gap * (signers.length - 1)) / Math.max(signers.length, 1);
  const top = pdf.y;
  let bottom = top;
  signers.forEach((signer, index) => {
    const left = pdf.page.margins.left + index * (column + gap);
    pdf.font(fonts.bold).fontSize(10).text(printable(signer.label), left, top, { width: column });
    pdf.font(fonts.regular).fontSize(9);
    for (const line of signer.lines ?? []) pdf.text(printable(line), left, pdf.y, { width: column });
    const line = pdf.y + 60;
    pdf
      .moveTo(left, line)
      .lineTo(left + column, line)
      .lineWidth(0.5)
      .stroke("#000000");
    bottom = Math.max(bottom, line + 6);
  });
  pdf.x = pdf.page.margins.left;
  pdf.y = bottom;
}

/** Writes the footer of every page once the body is laid out, when the page count is known. */
function drawFooters(pdf: PDFKit.PDFDocument, fonts: FontNames, footer: readonly string[], width: number): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    // Writing in the bottom margin would make pdfkit open a new page: the margin is lifted for the footer.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    let y = pdf.page.height - MARGIN - FOOTER_HEIGHT + 12;
    pdf.font(fonts.regular).fontSize(7.5).fillColor("#444444");
    for (const mention of footer) {
      pdf.text(printable(mention), MARGIN, y, { width, align: "center" });
      y = pdf.y;
    }
    pdf.text(`Page ${index - range.start + 1} / ${range.count}`, MARGIN, y, { width, align: "center" });
    pdf.fillColor("#000000");
    pdf.page.margins.bottom = bottom;
  }
}
