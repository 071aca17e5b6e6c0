/**
 * Amounts written for people, from exact cents: the one place of the rule. No import, so that the
 * dashboard's browser code uses this very module too.
 */
export interface EuroStyle {
  /** Between euros and cents: "." (default) or ",". */
  decimal?: string;
  /** Between groups of three digits of the euros: none by default. */
  group?: string;
  /** After the amount: none by default. */
  unit?: string;
}

/** In French documents: "1 823,08 €" (narrow no-break space between thousands, no-break space before €). */
export const FRENCH_EUROS: EuroStyle = Object.freeze({ decimal: ",", group: "\u202f", unit: "\u00a0€" });

/** Cents (a bigint, or a string of digits with an optional minus sign) as euros: 123456n → "1234.56" by default. */
export function formatEuros(cents: bigint | string, style: EuroStyle = {}): string {
  const value = typeof cents === "bigint" ? cents : BigInt(cents);
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, style.group ?? "");
  const fraction = (abs % 100n).toString().padStart(2, "0");
  return `${value < 0n ? "-" : ""}${whole}${style.decimal ?? "."}${fraction}${style.unit ?? ""}`;
}

/** In messages and explanations: "1234.56 EUR". */
export const eurosText = (cents: bigint): string => formatEuros(cents, { unit: " EUR" });

/** In French documents: "1 823,08 €". */
export const frenchEuros = (cents: bigint): string => formatEuros(cents, FRENCH_EUROS);
