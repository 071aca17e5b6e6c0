import iconv from "iconv-lite";

/**
 * The fichier des écritures comptables (FEC) as article A47 A-1 of the Livre des procédures
 * fiscales defines it (docs/books.md, "The FEC"): its 18 fields in this order, their names on the
 * first line (VII 4°).
 */
export const FEC_FIELDS = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "CompAuxNum",
  "CompAuxLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "Debit",
  "Credit",
  "EcritureLet",
  "DateLet",
  "ValidDate",
  "Montantdevise",
  "Idevise",
] as const;
export type FecField = (typeof FEC_FIELDS)[number];

/** The field separator: a tabulation (A47 A-1 VI 1° c allows a tab or "|"; a tab never appears in our values). */
export const FEC_SEPARATOR = "\t";
/** The record separator: carriage return and line feed (A47 A-1 I 1°: "Retour chariot et/ou Fin de ligne"). */
export const FEC_LINE_END = "\r\n";
/** The character set (A47 A-1 III 1°: ASCII, ISO 8859-15 or EBCDIC): ISO 8859-15 keeps French accents and the euro sign. */
export const FEC_ENCODING = "ISO-8859-15";

/** AAAAMMJJ, without separator (A47 A-1 III 4°), from an ISO date. */
export function fecDate(iso: string): string {
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

/**
 * An amount in cents as the FEC writes it (A47 A-1 III 2°): decimal digits, the sign first when
 * negative, a comma before the two decimals, no thousands separator: 123456n is "1234,56".
 */
export function fecAmount(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)},${digits.slice(-2)}`;
}

/** The entry's number in the file: its journal, its fiscal year and its gapless number in both (VE2026-000001). */
export function fecEntryNumber(journal: string, fiscalYear: number, number: number): string {
  return `${journal}${fiscalYear}-${String(number).padStart(6, "0")}`;
}

/** `<SIREN>FEC<AAAAMMJJ>.txt`, the closing date of the fiscal year last (BOI-CF-IOR-60-40-20, the file's name). */
export function fecFileName(siren: string, closingDate: string): string {
  return `${siren}FEC${fecDate(closingDate)}.txt`;
}

/** The closing date of a fiscal year: the cooperatives' fiscal year is the calendar year. */
export const closingDateOf = (fiscalYear: number) => `${fiscalYear}-12-31`;
export const openingDateOf = (fiscalYear: number) => `${fiscalYear}-01-01`;

// ISO 8859-15 is ISO 8859-1 with eight characters replaced: these eight are not in it...
const REPLACED_BY_LATIN9 = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
// ...and these eight are, at their places.
const ADDED_BY_LATIN9 = new Set(["€", "Š", "š", "Ž", "ž", "Œ", "œ", "Ÿ"]);

/** Whether a character is a printable character of ISO 8859-15 (controls are not: they would break the file's structure). */
export function isPrintableLatin9(char: string): boolean {
  if (ADDED_BY_LATIN9.has(char)) return true;
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff && !REPLACED_BY_LATIN9.has(code));
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * A text value made fit for the file: tabs, line breaks and other control characters (which would
 * split a field or a record) become spaces, runs of spaces one, and a character ISO 8859-15 does
 * not have becomes its letter without accent when it has one ("ő" is "o"), else "?". Nothing of
 * the value is lost but what the file's character set cannot say.
 */
export function fecText(value: string | null | undefined): string {
  if (!value) return "";
  if (ASCII_PRINTABLE.test(value)) return value.includes("  ") ? value.replace(/ {2,}/g, " ").trim() : value.trim();
  let text = "";
  for (const char of value.normalize("NFC")) {
    if (isPrintableLatin9(char)) text += char;
    else if (/[\p{Cc}\p{Zl}\p{Zp}\p{Zs}]/u.test(char)) text += " ";
    else {
      const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
      text += [...bare].every(isPrintableLatin9) && bare !== "" ? bare : "?";
    }
  }
  return text.replace(/ {2,}/g, " ").trim();
}

/** The bytes of the file's text, in ISO 8859-15. */
export function encodeFec(text: string): Buffer {
  return iconv.encode(text, FEC_ENCODING);
}

/** The text of a FEC's bytes (ISO 8859-15: every byte is a character). */
export function decodeFec(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), FEC_ENCODING);
}
