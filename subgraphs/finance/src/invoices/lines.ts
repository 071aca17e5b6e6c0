import { badUserInput, requiredText } from "@cae/shared";
import {
  documentTotals,
  formatQuantity,
  parseQuantity,
  scaledDecimal,
  QUANTITY_SCALE,
  type DocumentTotals,
  type VatRate,
} from "../money/arithmetic";
import type { DocumentLine, DocumentLineInput, VatAmount } from "./line.type";

/** A line as stored (`invoice_lines`, `quote_lines`, `credit_note_lines`). */
export interface LineRow {
  position: number;
  description: string;
  quantity: string;
  unitPriceCents: bigint;
  vatRate: VatRate;
  netCents: bigint;
}

export const MAX_LINES = 200;
const MAX_UNIT_PRICE_CENTS = 100_000_000_000n;

/** Validates lines and computes their nets and the document's totals by the rounding rule. */
export function priceLines(inputs: readonly DocumentLineInput[], field: string): { rows: LineRow[]; totals: DocumentTotals } {
  if (inputs.length < 1 || inputs.length > MAX_LINES) throw badUserInput(`give 1 to ${MAX_LINES} lines`, field);
  const parsed = inputs.map((line, i) => {
    if (line.unitPriceCents < 0n || line.unitPriceCents > MAX_UNIT_PRICE_CENTS) {
      throw badUserInput("unitPriceCents must be between 0 and 100000000000", `${field}.${i}.unitPriceCents`);
    }
    return {
      description: requiredText(line.description, `${field}.${i}.description`, 500),
      quantityThousandths: parseQuantity(line.quantity, `${field}.${i}.quantity`),
      unitPriceCents: line.unitPriceCents,
      vatRate: line.vatRate,
    };
  });
  const totals = documentTotals(parsed);
  if (totals.totalCents <= 0n) throw badUserInput("a document's total must be above 0", field);
  const rows = parsed.map((line, i) => ({
    position: i + 1,
    description: line.description,
    quantity: formatQuantity(line.quantityThousandths),
    unitPriceCents: line.unitPriceCents,
    vatRate: line.vatRate,
    netCents: totals.lineNets[i],
  }));
  return { rows, totals };
}

/** The stored quantity ("2.500") back to thousandths. */
export const quantityOf = (row: Pick<LineRow, "quantity">): bigint => scaledDecimal(String(row.quantity), QUANTITY_SCALE) ?? 0n;

export function toDocumentLine(row: LineRow): DocumentLine {
  return {
    position: row.position,
    description: row.description,
    quantity: formatQuantity(quantityOf(row)),
    unitPriceCents: row.unitPriceCents,
    vatRate: row.vatRate,
    netCents: row.netCents,
  };
}

/** The VAT breakdown of stored lines (the same rule as when they were priced). */
export function vatBreakdown(rows: readonly LineRow[]): VatAmount[] {
  return documentTotals(
    rows.map((row) => ({ quantityThousandths: quantityOf(row), unitPriceCents: row.unitPriceCents, vatRate: row.vatRate })),
  ).vat;
}
