import PDFDocument from "pdfkit";
import { shareEmbeddedFontTables, shareStandardFontMetrics } from "../font-cache";

type Metrics = { kernPairs: object; glyphWidths: object };
const metricsOf = (font: string): Metrics => {
  const pdf = new PDFDocument({ autoFirstPage: false, font });
  return (pdf as unknown as { _font: { font: Metrics } })._font.font;
};
const KERNED = ["AVATAR Wo", "Té, Yo. LT", "Fait à Valence, le 05/01/2026"];
const widths = (font: string) => {
  const pdf = new PDFDocument({ autoFirstPage: false, font });
  return KERNED.map((text) => pdf.fontSize(10).widthOfString(text));
};

/** A page in an embedded font, written as a PDF/A is (dated, uncompressed): the same text prints the same bytes. */
const DEJAVU = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
function embedded(font: string, text: string): Promise<{ bytes: Buffer; tables: { GSUB: unknown; GPOS: unknown } }> {
  const date = new Date("2026-01-05T00:00:00Z");
  const pdf = new PDFDocument({ font, compress: false, info: { CreationDate: date, ModDate: date } });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  pdf.fontSize(11).text(text, { width: 400, align: "justify" });
  const tables = (pdf as unknown as { _font: { font: { GSUB: unknown; GPOS: unknown } } })._font.font;
  pdf.end();
  return done.then((bytes) => ({ bytes, tables: { GSUB: tables.GSUB, GPOS: tables.GPOS } }));
}
const TEXTS = ["Efficacité, fiabilité : AVANT – 1 234,56 €", "Office ﬁnal, Wolfgang Tâche, « Yvette »"];

describe("fonts parsed once per process", () => {
  it("shares a standard font's metrics between documents, one per font, measuring text as pdfkit's own parse does", () => {
    const before = ["Helvetica", "Helvetica-Bold", "Times-Roman"].map(widths);
    // Each document parses its own copy until then.
    expect(metricsOf("Helvetica").kernPairs).not.toBe(metricsOf("Helvetica").kernPairs);

    // False would mean this pdfkit release hides its metrics elsewhere: see font-cache.ts.
    expect(shareStandardFontMetrics()).toBe(true);
    expect(shareStandardFontMetrics()).toBe(true);

    const helvetica = metricsOf("Helvetica");
    expect(metricsOf("Helvetica").kernPairs).toBe(helvetica.kernPairs);
    expect(metricsOf("Helvetica").glyphWidths).toBe(helvetica.glyphWidths);
    expect(metricsOf("Helvetica-Bold").kernPairs).not.toBe(helvetica.kernPairs);
    expect(["Helvetica", "Helvetica-Bold", "Times-Roman"].map(widths)).toEqual(before);
    // The shared metrics are whole ones: the glyphs have widths and "AV" is kerned closer than "A" and "V" apart.
    const pdf = new PDFDocument({ autoFirstPage: false }).fontSize(10);
    expect(pdf.widthOfString("A")).toBeGreaterThan(0);
    expect(pdf.widthOfString("AV")).toBeLessThan(pdf.widthOfString("A") + pdf.widthOfString("V"));
  });

  it("shares an embedded font's decoded tables between documents, one set per font, printing the same bytes", async () => {
    const before = await Promise.all(DEJAVU.flatMap((font) => TEXTS.map((text) => embedded(font, text))));
    expect(before[0].tables.GSUB).not.toBe(before[1].tables.GSUB);

    // False would mean this fontkit release decodes its tables elsewhere: see font-cache.ts.
    expect(shareEmbeddedFontTables(DEJAVU[0])).toBe(true);
    expect(shareEmbeddedFontTables(DEJAVU[0])).toBe(true);

    const after = await Promise.all(DEJAVU.flatMap((font) => TEXTS.map((text) => embedded(font, text))));
    expect(after.map((page) => page.bytes.toString("latin1"))).toEqual(before.map((page) => page.bytes.toString("latin1")));
    // Two documents in DejaVu Sans share its tables; DejaVu Sans Bold has its own.
    expect(after[1].tables.GSUB).toBe(after[0].tables.GSUB);
    expect(after[1].tables.GPOS).toBe(after[0].tables.GPOS);
    expect(after[2].tables.GSUB).not.toBe(after[0].tables.GSUB);
    expect(after[3].tables.GPOS).toBe(after[2].tables.GPOS);
    // And they are whole: the bold pages differ from the regular ones.
    expect(after[2].bytes.equals(after[0].bytes)).toBe(false);
  });
});
