/** The intra-community VAT number of a SIREN: "FR", a key of two digits, the SIREN (CGI annexe IV art. 242 nonies C rule). */
export function vatNumberOf(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}
