import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import PDFDocument from "pdfkit";

/**
 * pdfkit reads and parses its fonts anew for every document: a standard font's metrics file
 * (Helvetica's has 2,800 kerning pairs), an embedded font's TrueType tables (fontkit decodes them
 * to shape the text). That was more than half of a contract's CPU in the standard fonts, and
 * seven tenths of a PDF/A's in embedded DejaVu Sans (docs/documents.md, "What printing costs").
 * What is parsed is only read afterwards, so each font's is parsed once per process and shared by
 * every document.
 *
 * Neither library exports the class that parses: each prototype is found through an object the
 * library makes. Should a release of either move it, printing still works, unshared, and
 * `font-cache.test.ts` fails saying so.
 */

/** What pdfkit's `AFMFont.parse` fills in. */
interface ParsedMetrics {
  attributes: unknown;
  glyphWidths: unknown;
  boundingBoxes: unknown;
  kernPairs: unknown;
}

interface AfmFontPrototype {
  parse(this: ParsedMetrics, contents: string): void;
}

interface TableEntry {
  tag: string;
  checkSum: number;
  length: number;
}

/** What fontkit's `TTFFont` is to us: its table directory, and the method that decodes one table. */
interface FontkitFont {
  directory: { tables: Record<string, TableEntry> };
  _decodeTable(table: TableEntry): unknown;
}

let standardShared: boolean | undefined;
let embeddedShared: boolean | undefined;

/** pdfkit's standard fonts: each metrics file parsed once (at most the 14 standard fonts, keyed by the file's text). */
export function shareStandardFontMetrics(): boolean {
  if (standardShared !== undefined) return standardShared;
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as { _font?: { font?: object } };
  const prototype = probe._font?.font && (Object.getPrototypeOf(probe._font.font) as Partial<AfmFontPrototype>);
  const parse = prototype?.parse;
  if (!prototype || typeof parse !== "function") return (standardShared = false);
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
  return (standardShared = true);
}

/**
 * Embedded TrueType fonts: each table decoded once per font. A font is known by its table
 * directory (every table's tag, checksum and length), since pdfkit reads the file again for each
 * document; one entry per font file the process prints with. `fontFile` is any TrueType file, read
 * once to reach fontkit's font class, in the copy of fontkit pdfkit itself loads.
 */
export function shareEmbeddedFontTables(fontFile: string): boolean {
  if (embeddedShared !== undefined) return embeddedShared;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- pdfkit's own fontkit, which this package does not depend on
  const fontkit = require(require.resolve("fontkit", { paths: [dirname(require.resolve("pdfkit"))] })) as {
    create(bytes: Buffer): Partial<FontkitFont>;
  };
  const sample = fontkit.create(readFileSync(fontFile));
  const prototype = Object.getPrototypeOf(sample) as Partial<FontkitFont>;
  const decode = prototype._decodeTable;
  if (typeof decode !== "function" || typeof sample.directory?.tables !== "object") return (embeddedShared = false);
  const identities = new WeakMap<FontkitFont, string>();
  const decoded = new Map<string, Map<string, unknown>>();
  prototype._decodeTable = function decodeOnce(this: FontkitFont, table: TableEntry) {
    let identity = identities.get(this);
    if (identity === undefined) {
      identity = Object.values(this.directory.tables)
        .map((entry) => `${entry.tag}:${entry.checkSum}:${entry.length}`)
        .join(" ");
      identities.set(this, identity);
    }
    let tables = decoded.get(identity);
    if (!tables) decoded.set(identity, (tables = new Map()));
    if (!tables.has(table.tag)) tables.set(table.tag, decode.call(this, table));
    return tables.get(table.tag);
  };
  return (embeddedShared = true);
}
