import PDFDocument from "pdfkit";
import { memoizeStandardFontMetrics } from "../font-metrics";

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

describe("the standard fonts' metrics, parsed once", () => {
  it("are shared between documents, one per font, and measure text as pdfkit's own parse does", () => {
    const before = ["Helvetica", "Helvetica-Bold", "Times-Roman"].map(widths);
    // Each document parses its own copy until then.
    expect(metricsOf("Helvetica").kernPairs).not.toBe(metricsOf("Helvetica").kernPairs);

    // False would mean this pdfkit release hides its metrics elsewhere: see font-metrics.ts.
    expect(memoizeStandardFontMetrics()).toBe(true);
    expect(memoizeStandardFontMetrics()).toBe(true);

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
});
