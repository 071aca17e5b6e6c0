/**
 * IBAN check digits (ISO 13616, mod 97). Written here rather than imported: `ibantools` ships as
 * an ECMAScript module this CommonJS package cannot `require` on every Node version it runs on,
 * and the two functions needed are the standard's few lines.
 */
const mod97 = (text: string): bigint => BigInt(text.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55))) % 97n;

/** An IBAN in its electronic form (no spaces, upper case) when its check digits hold, else null. */
export function validIban(value: string): string | null {
  const iban = value.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return null;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1n ? iban : null;
}

/** The IBAN of a French account from its RIB (bank, branch, account number, key). */
export function frenchIban(bban: string): string {
  const check = 98n - mod97(`${bban}FR00`);
  return `FR${String(check).padStart(2, "0")}${bban}`;
}
