import { badUserInput, plausibleCents } from "@cae/shared";
import { percentOf, VAT_RATE_ORDER, VAT_RATES, type VatRate } from "../money/arithmetic";

export interface PurchaseAmountInput {
  vatRate: VatRate;
  netCents: bigint;
  vatCents?: bigint | null;
}

/**
 * The amounts of a purchase by VAT rate, as the supplier's invoice states them. The VAT of a rate
 * is the supplier's, which may round otherwise than we do (per line rather than per rate): it is
 * taken when it lies within a cent of net × rate, refused beyond (a typo, or a wrong rate), and
 * computed (rounded half up) when not given. Exempt amounts carry no VAT.
 */
export function checkedAmounts(amounts: readonly PurchaseAmountInput[], field: string) {
  if (amounts.length === 0) throw badUserInput(`${field} must hold one rate at least`, field);
  const seen = new Set<VatRate>();
  const checked = amounts.map((amount, i) => {
    const at = `${field}.${i}`;
    if (seen.has(amount.vatRate))
      throw badUserInput(`${at}.vatRate ${amount.vatRate} is given twice: one amount per rate`, `${at}.vatRate`);
    seen.add(amount.vatRate);
    if (amount.netCents <= 0n) throw badUserInput(`${at}.netCents must be above 0`, `${at}.netCents`);
    plausibleCents(amount.netCents, `${at}.netCents`);
    const expected = percentOf(amount.netCents, VAT_RATES[amount.vatRate]);
    const vatCents = amount.vatCents ?? expected;
    const gap = vatCents - expected;
    if (amount.vatRate === "EXEMPT" && vatCents !== 0n)
      throw badUserInput(`${at}.vatCents must be 0 on an exempt amount`, `${at}.vatCents`);
    if (gap > 1n || gap < -1n) {
      throw badUserInput(
        `${at}.vatCents ${vatCents} is not ${amount.vatRate} of ${amount.netCents} (${expected} cents, within a cent)`,
        `${at}.vatCents`,
      );
    }
    return { vatRate: amount.vatRate, netCents: amount.netCents, vatCents };
  });
  checked.sort((a, b) => VAT_RATE_ORDER.indexOf(a.vatRate) - VAT_RATE_ORDER.indexOf(b.vatRate));
  const netCents = checked.reduce((sum, amount) => sum + amount.netCents, 0n);
  const vatCents = checked.reduce((sum, amount) => sum + amount.vatCents, 0n);
  plausibleCents(netCents + vatCents, field);
  return { amounts: checked, netCents, vatCents, totalCents: netCents + vatCents };
}
