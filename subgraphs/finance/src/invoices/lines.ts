import { badUserInput, MAX_AMOUNT_CENTS, plausibleCents, requiredText } from "@cae/shared";
import {
  documentTotals,
  formatQuantity,
  parseQuantity,
  scaledDecimal,
  QUANTITY_SCALE,
  type DocumentTotals,
  type VatRate,
} from "../money/arithmetic";
import type { Supply } from "../books/sales-vat";
import type { DocumentLine, DocumentLineInput, VatAmount } from "./line.type";
import type { VatExemptionGround } from "./vat-rules";

/** A line as stored (`invoice_lines`, `quote_lines`, `credit_note_lines`). */
export interface LineRow {
  position: number;
  description: string;
  quantity: string;
  unitPriceCents: bigint;
  vatRate: VatRate;
  supply: Supply;
  netCents: bigint;
  /** Why an EXEMPT line is exempt (null: the settings' default mention); absent on rows written before grounds existed. */
  vatExemption?: VatExemptionGround | null;
}

export const MAX_LINES = 200;

/**
 * Validates lines and computes their nets and the document's totals by the rounding rule. A unit
 * price, a line's net (quantity × unit price) and the document's total incl. VAT are each at most
 * MAX_AMOUNT_CENTS, so that nothing stored from them can overflow (docs/finance.md).
 */
export function priceLines(inputs: readonly DocumentLineInput[], field: string): { rows: LineRow[]; totals: DocumentTotals } {
  if (inputs.length < 1 || inputs.length > MAX_LINES) throw badUserInput(`give 1 to ${MAX_LINES} lines`, field);
  const parsed = inputs.map((line, i) => ({
    description: requiredText(line.description, `${field}.${i}.description`, 500),
    quantityThousandths: parseQuantity(line.quantity, `${field}.${i}.quantity`),
    unitPriceCents: plausibleCents(line.unitPriceCents, `${field}.${i}.unitPriceCents`),
    vatRate: line.vatRate,
    supply: line.supply ?? "SERVICES",
    vatExemption: line.vatExemption ?? null,
  }));
  parsed.forEach((line, i) => {
    if (line.vatExemption !== null && line.vatRate !== "EXEMPT") {
      throw badUserInput(
        `line ${i + 1} is taxed at ${line.vatRate}: only an EXEMPT line has an exemption ground`,
        `${field}.${i}.vatExemption`,
      );
    }
  });
  const totals = documentTotals(parsed);
  totals.lineNets.forEach((net, i) => {
    if (net > MAX_AMOUNT_CENTS) {
      throw badUserInput(
        `line ${i + 1}'s net (quantity × unit price) would be ${net} cents: at most ${MAX_AMOUNT_CENTS} (one billion euros) a line`,
        `${field}.${i}.unitPriceCents`,
      );
    }
  });
  if (totals.totalCents <= 0n) throw badUserInput("a document's total must be above 0", field);
  if (totals.totalCents > MAX_AMOUNT_CENTS) {
    throw badUserInput(
      `the document's total incl. VAT would be ${totals.totalCents} cents: at most ${MAX_AMOUNT_CENTS} (one billion euros) a document`,
      field,
    );
  }
  const rows = parsed.map((line, i) => ({
    position: i + 1,
    description: line.description,
    quantity: formatQuantity(line.quantityThousandths),
    unitPriceCents: line.unitPriceCents,
    vatRate: line.vatRate,
    supply: line.supply,
    netCents: totals.lineNets[i],
    vatExemption: line.vatExemption,
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
    supply: row.supply,
    netCents: row.netCents,
    vatExemption: row.vatExemption ?? null,
  };
}

/** The VAT breakdown of stored lines (the same rule as when they were priced). */
export function vatBreakdown(rows: readonly LineRow[]): VatAmount[] {
  return documentTotals(
    rows.map((row) => ({ quantityThousandths: quantityOf(row), unitPriceCents: row.unitPriceCents, vatRate: row.vatRate })),
  ).vat;
}
