/**
 * Whether a SIRET is valid: 14 digits whose Luhn sum is a multiple of 10 (INSEE). La Poste's
 * establishments (SIREN 356 000 000) follow their own rule: the digits add up to a multiple of 5.
 * Shared: the members subgraph checks the cooperative's profile with it, finance its settings and customers.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  if (siret.startsWith("356000000")) return digits.reduce((sum, digit) => sum + digit, 0) % 5 === 0;
  const luhn = digits.reduce((sum, digit, i) => {
    const doubled = i % 2 === 0 ? digit * 2 : digit;
    return sum + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return luhn % 10 === 0;
}
