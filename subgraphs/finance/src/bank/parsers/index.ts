import { parseCamt053 } from "./camt053";
import { parseCsv, type CsvMapping } from "./csv";
import { parseOfx } from "./ofx";
import type { BankStatementFormat, ParsedStatement } from "./types";

export type { BankStatementFormat, ParsedLine, ParsedStatement } from "./types";
export type { CsvDateFormat, CsvDecimalSeparator, CsvMapping } from "./csv";

/** Reads a statement file of the given format: every statement it holds, or a BAD_USER_INPUT naming where it is wrong. */
export function parseStatementFile(format: BankStatementFormat, content: string, mapping?: CsvMapping | null): ParsedStatement[] {
  switch (format) {
    case "CAMT_053":
      return parseCamt053(content);
    case "OFX":
      return parseOfx(content);
    case "CSV":
      return parseCsv(content, mapping);
  }
}
