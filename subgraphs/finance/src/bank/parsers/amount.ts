import { MAX_AMOUNT_CENTS } from "@cae/shared";

/**
 * Reads a decimal amount as exact cents, never through a float: "1 200,50" with a decimal comma,
 * "-360.00", "+15232.10", "1.200,00" (a point between thousands when the decimal mark is a comma).
 * Spaces (also non-breaking ones, as French exports group thousands) are ignored. More than two
 * decimals are refused unless they are zeros (ISO 20022 allows five; the euro has two). Returns
 * null for what is not an amount, so that the caller names the line and field in its error.
 */
export function parseCents(text: string, decimalMark: "." | ","): bigint | null {
  let value = text.replace(/[\s\u00a0\u202f]/g, "");
  let sign = 1n;
  if (value.startsWith("-") || value.startsWith("+")) {
    if (value.startsWith("-")) sign = -1n;
    value = value.slice(1);
  } else if (value.endsWith("-")) {
    // Some exports write debits with a trailing minus ("360,00-").
    sign = -1n;
    value = value.slice(0, -1);
  }
  if (decimalMark === ",") {
    // A point may only group thousands: "1.200,50".
    if (value.includes(".")) {
      if (!/^\d{1,3}(\.\d{3})+(,\d*)?$/.test(value)) return null;
      value = value.replace(/\./g, "");
    }
    value = value.replace(",", ".");
  } else if (value.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(value)) return null;
    value = value.replace(/,/g, "");
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[1] === "" && !match[2])) return null;
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > 2) return null;
  const cents = BigInt(match[1]) * 100n + BigInt(fraction.padEnd(2, "0"));
  if (cents > MAX_AMOUNT_CENTS) return null;
  return sign * cents;
}
