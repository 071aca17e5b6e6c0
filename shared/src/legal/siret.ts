/**
 * SIRET numbers (INSEE): 14 digits whose Luhn sum is a multiple of 10. La Poste's establishments
 * (SIREN 356 000 000) follow their own rule: the digits add up to a multiple of 5.
 * The one place of the rule: the members subgraph checks the cooperative's profile with it, finance
 * its settings and customers, and the demo data makes its numbers with it.
 */
const LA_POSTE_SIREN = "356000000";

/** The Luhn sum of a string of digits whose last digit is the key (every other digit doubled, from the second to last). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(i) - 48;
    const doubled = (digits.length - i) % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum;
}

/** Whether a SIRET is valid: 14 digits with a valid key. */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) return [...siret].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  return luhnSum(siret) % 10 === 0;
}

/** Whether a SIREN (the company's 9 digits, a SIRET's first nine) is valid: its own Luhn key. */
export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnSum(siren) % 10 === 0;
}

/** The SIRET made of 13 digits and the Luhn key that makes it valid. */
export function withSiretKey(thirteenDigits: string): string {
  if (!/^\d{13}$/.test(thirteenDigits)) throw new RangeError(`A SIRET's key follows 13 digits, got "${thirteenDigits}"`);
  const key = (10 - (luhnSum(`${thirteenDigits}0`) % 10)) % 10;
  return `${thirteenDigits}${key}`;
}
