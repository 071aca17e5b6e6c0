import { percentOf, roundDiv, VAT_RATE_ORDER, VAT_RATES, type VatRate } from "../money/arithmetic";
import type { LineDraft } from "./entry";
import type { TaxedRate } from "./ledger";

export type Supply = "SERVICES" | "GOODS";

/** A sales document's line as the posting rules read it. */
export interface SoldLine {
  vatRate: VatRate;
  supply: Supply;
  netCents: string | bigint;
}

/** One part of a sales document: its net and VAT for one rate and one kind of supply. */
export interface SalesPart {
  vatRate: VatRate;
  supply: Supply;
  netCents: bigint;
  vatCents: bigint;
}

/**
 * The document's VAT as it was invoiced (per rate, on the rate's total net: the rounding rule of
 * `documentTotals`), each rate's VAT then split between goods and services by their nets, the
 * services taking the remainder: the parts add up to the document's VAT to the cent.
 */
export function salesParts(lines: readonly SoldLine[]): SalesPart[] {
  const parts: SalesPart[] = [];
  for (const vatRate of VAT_RATE_ORDER) {
    const ofRate = lines.filter((line) => line.vatRate === vatRate);
    if (ofRate.length === 0) continue;
    const net = (supply: Supply) => ofRate.filter((line) => line.supply === supply).reduce((sum, line) => sum + BigInt(line.netCents), 0n);
    const goodsNet = net("GOODS");
    const servicesNet = net("SERVICES");
    const vat = percentOf(goodsNet + servicesNet, VAT_RATES[vatRate]);
    const goodsVat = goodsNet + servicesNet === 0n ? 0n : roundDiv(vat * goodsNet, goodsNet + servicesNet);
    if (goodsNet > 0n) parts.push({ vatRate, supply: "GOODS", netCents: goodsNet, vatCents: goodsVat });
    if (servicesNet > 0n) parts.push({ vatRate, supply: "SERVICES", netCents: servicesNet, vatCents: vat - goodsVat });
  }
  return parts;
}

/**
 * When a part's VAT is due (CGI art. 269-2): on delivery for goods, on receipt of the payment for
 * services unless the cooperative opted for VAT on debits, in which case on the invoice.
 */
export const vatDueOnReceipt = (part: Pick<SalesPart, "supply">, vatOnDebits: boolean): boolean =>
  part.supply === "SERVICES" && !vatOnDebits;

/** The revenue and VAT lines of a sales document's parts, on the side given (credit for an invoice, debit for a credit note). */
export function salesLines(
  parts: readonly SalesPart[],
  side: "creditCents" | "debitCents",
  vatRole: (part: SalesPart & { vatRate: TaxedRate }) => LineDraft["role"],
): LineDraft[] {
  const lines: LineDraft[] = [];
  for (const part of parts) {
    lines.push({ role: part.supply === "GOODS" ? "REVENUE_GOODS" : "REVENUE_SERVICES", [side]: part.netCents });
    if (part.vatRate !== "EXEMPT" && part.vatCents > 0n) {
      const taxed = part as SalesPart & { vatRate: TaxedRate };
      lines.push({ role: vatRole(taxed), [side]: part.vatCents, vatBaseCents: side === "creditCents" ? part.netCents : -part.netCents });
    }
  }
  return lines.filter((line) => (line.creditCents ?? line.debitCents ?? 0n) > 0n);
}

export const customerAux = (seq: string | bigint, name: string) => ({ number: `C${String(seq).padStart(6, "0")}`, label: name });
