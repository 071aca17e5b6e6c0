import { badUserInput } from "@cae/shared";

/**
 * Exact money arithmetic: amounts are integer cents (`bigint`), quantities integer thousandths,
 * rates integer ten-thousandths of a percent. No float ever touches a figure.
 *
 * Rounding rule (docs/finance.md): a result is rounded to the cent half away from zero ("half
 * up" for the positive amounts of invoices), once per figure:
 * - a line's net = round(quantity × unit price);
 * - the VAT of a rate = round(sum of the nets of that rate's lines × rate);
 * - the total = sum of nets + sum of VATs.
 */

/** `n / d` rounded half away from zero; `d` must be positive. */
export function roundDiv(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("roundDiv needs a positive divisor");
  return n >= 0n ? (2n * n + d) / (2n * d) : -((-2n * n + d) / (2n * d));
}

/** `n / d` rounded down (towards minus infinity); `d` must be positive. */
export function floorDiv(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("floorDiv needs a positive divisor");
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string as an integer scaled by 10^scale; null if it is not one or has more decimals. */
export function scaledDecimal(value: string, scale: number): bigint | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > scale && /[^0]/.test(fraction.slice(scale))) return null;
  const digits = BigInt(whole + fraction.slice(0, scale).padEnd(scale, "0"));
  return sign === "-" ? -digits : digits;
}

/** An integer scaled by 10^scale as a decimal string, trailing zeros kept to `minDecimals`. */
export function formatScaled(value: bigint, scale: number, minDecimals = 0): string {
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const unit = 10n ** BigInt(scale);
  let fraction = (abs % unit).toString().padStart(scale, "0");
  while (fraction.length > minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  return `${sign}${abs / unit}${fraction ? `.${fraction}` : ""}`;
}

/** Quantities: thousandths. */
export const QUANTITY_SCALE = 3;
/** Rates in percent: ten-thousandths of a percent ("12.5" → 125000). */
export const RATE_SCALE = 4;
const RATE_UNIT = 10n ** BigInt(RATE_SCALE);
const HUNDRED_PERCENT = 100n * RATE_UNIT;

/** A quantity of a line: positive, at most three decimals, at most a billion. */
export function parseQuantity(value: string, field: string): bigint {
  const thousandths = scaledDecimal(value, QUANTITY_SCALE);
  if (thousandths === null) throw badUserInput(`${field} must be a decimal with at most 3 decimals, got "${value}"`, field);
  if (thousandths <= 0n || thousandths > 1_000_000_000_000n) throw badUserInput(`${field} must be above 0 and at most 1000000000`, field);
  return thousandths;
}

/** A rate in percent, 0 to 100, at most four decimals ("12.5"). */
export function parseRate(value: string, field: string): bigint {
  const rate = scaledDecimal(value, RATE_SCALE);
  if (rate === null) throw badUserInput(`${field} must be a percentage with at most 4 decimals, got "${value}"`, field);
  if (rate < 0n || rate > HUNDRED_PERCENT) throw badUserInput(`${field} must be between 0 and 100 (a percentage)`, field);
  return rate;
}

export const formatRate = (rate: bigint): string => formatScaled(rate, RATE_SCALE, 2);
export const formatQuantity = (thousandths: bigint): string => formatScaled(thousandths, QUANTITY_SCALE);

/** `amount × rate %`, rounded half up to the cent. */
export const percentOf = (cents: bigint, rate: bigint): bigint => roundDiv(cents * rate, HUNDRED_PERCENT);

/** A line's net excl. VAT: quantity × unit price, rounded half up to the cent. */
export const lineNet = (quantityThousandths: bigint, unitPriceCents: bigint): bigint =>
  roundDiv(quantityThousandths * unitPriceCents, 1000n);

/**
 * The French VAT rates (CGI art. 278 and following; 8.5 % is the normal rate of Guadeloupe,
 * Martinique and La Réunion, CGI art. 296, where 2.1 % is the reduced one), and exemption.
 */
export const VAT_RATES = {
  STANDARD_20: 200_000n,
  INTERMEDIATE_10: 100_000n,
  REDUCED_5_5: 55_000n,
  SUPER_REDUCED_2_1: 21_000n,
  OVERSEAS_8_5: 85_000n,
  EXEMPT: 0n,
} as const;
export type VatRate = keyof typeof VAT_RATES;
export const VAT_RATE_ORDER: readonly VatRate[] = [
  "STANDARD_20",
  "INTERMEDIATE_10",
  "REDUCED_5_5",
  "SUPER_REDUCED_2_1",
  "OVERSEAS_8_5",
  "EXEMPT",
];

export interface PricedLine {
  quantityThousandths: bigint;
  unitPriceCents: bigint;
  vatRate: VatRate;
}

export interface VatShare {
  vatRate: VatRate;
  netCents: bigint;
  vatCents: bigint;
}

export interface DocumentTotals {
  lineNets: bigint[];
  vat: VatShare[];
  netCents: bigint;
  vatCents: bigint;
  totalCents: bigint;
}

/** The totals of an invoice, quote or credit note by the rounding rule above. */
export function documentTotals(lines: readonly PricedLine[]): DocumentTotals {
  const lineNets = lines.map((line) => lineNet(line.quantityThousandths, line.unitPriceCents));
  const byRate = new Map<VatRate, bigint>();
  lines.forEach((line, i) => byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? 0n) + lineNets[i]));
  const vat = VAT_RATE_ORDER.filter((rate) => byRate.has(rate)).map((vatRate) => {
    const netCents = byRate.get(vatRate) ?? 0n;
    return { vatRate, netCents, vatCents: percentOf(netCents, VAT_RATES[vatRate]) };
  });
  const netCents = vat.reduce((sum, share) => sum + share.netCents, 0n);
  const vatCents = vat.reduce((sum, share) => sum + share.vatCents, 0n);
  return { lineNets, vat, netCents, vatCents, totalCents: netCents + vatCents };
}

/** One bracket of the contribution: `rate` applies to the year's cumulative basis from `fromCents` on. */
export interface Bracket {
  fromCents: bigint;
  rate: bigint;
}

export interface BracketPart {
  fromCents: bigint;
  rate: bigint;
  basisCents: bigint;
  amountCents: bigint;
}

/**
 * The contribution on a month's basis, when `priorCents` of basis were already counted in the year:
 * the basis is cut where it crosses brackets, each part pays its bracket's rate (rounded per part).
 * A basis of zero or less pays nothing (a contribution is never negative).
 */
export function bracketedContribution(brackets: readonly Bracket[], priorCents: bigint, basisCents: bigint): BracketPart[] {
  if (basisCents <= 0n) return [];
  const start = priorCents > 0n ? priorCents : 0n;
  const end = start + basisCents;
  const parts: BracketPart[] = [];
  brackets.forEach((bracket, i) => {
    const upper = brackets[i + 1]?.fromCents ?? null;
    const lo = start > bracket.fromCents ? start : bracket.fromCents;
    const hi = upper === null || end < upper ? end : upper;
    if (hi > lo)
      parts.push({ fromCents: bracket.fromCents, rate: bracket.rate, basisCents: hi - lo, amountCents: percentOf(hi - lo, bracket.rate) });
  });
  return parts;
}

/** Cents as "1234.56 EUR" for documents and explanations (`@cae/shared`'s rule). */
export { eurosText as euros } from "@cae/shared";
