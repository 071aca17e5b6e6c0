import PDFDocument from "pdfkit";

/** What pdfkit's `AFMFont.parse` fills in; nothing changes it afterwards. */
interface ParsedMetrics {
  attributes: unknown;
  glyphWidths: unknown;
  boundingBoxes: unknown;
  kernPairs: unknown;
}

interface AfmFontPrototype {
  parse(this: ParsedMetrics, contents: string): void;
}

let memoized: boolean | undefined;

/**
 * pdfkit reads and parses a standard font's metrics file (Helvetica's is 2,800 kerning pairs) for
 * every document that uses the font, three times a document here: that parse was half the CPU of
 * printing a one-page contract, and a quarter of the schema walk's whole test run. The parsed
 * metrics are only read afterwards, so each file's are parsed once per process and shared.
 *
 * pdfkit does not export its metrics class: its prototype is found through a document's default
 * font. Should a pdfkit release change that shape, printing still works, unmemoized, and
 * `print.test.ts` fails on it.
 */
export function memoizeStandardFontMetrics(): boolean {
  if (memoized !== undefined) return memoized;
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as { _font?: { font?: object } };
  const prototype = probe._font?.font && (Object.getPrototypeOf(probe._font.font) as Partial<AfmFontPrototype>);
  const parse = prototype?.parse;
  if (!prototype || typeof parse !== "function") return (memoized = false);
  // Keyed by the file's text: at most the 14 standard fonts, each a few tens of kilobytes.
  const parsed = new Map<string, ParsedMetrics>();
  prototype.parse = function parseOnce(this: ParsedMetrics, contents: string) {
    const known = parsed.get(contents);
    if (known) {
      Object.assign(this, known);
      return;
    }
    parse.call(this, contents);
    const { attributes, glyphWidths, boundingBoxes, kernPairs } = this;
    parsed.set(contents, { attributes, glyphWidths, boundingBoxes, kernPairs });
  };
  return (memoized = true);
}
