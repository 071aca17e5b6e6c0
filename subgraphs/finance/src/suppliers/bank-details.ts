import { badUserInput, isValidSiren, isValidSiret } from "@cae/shared";
import { vatNumberOf } from "../settings/vat-number";
import type * as IbanTools from "ibantools" with { "resolution-mode": "import" };

// ibantools is published as an ES module with a CommonJS build for `require` (its package
// exports); this package is CommonJS, so it takes the CommonJS build, typed by the module's types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronicFormatIBAN, extractIBAN, isSEPACountry, isValidBIC, isValidIBAN } = require("ibantools") as typeof IbanTools;

/**
 * Bank details of whoever the cooperative pays by SEPA credit transfer (a supplier, an
 * entrepreneur whose expenses it refunds, the cooperative itself as the debtor). The checks are
 * ibantools' (country length and format, ISO 13616 mod-97 key; ISO 9362 BIC format): a wrong
 * digit is refused when typed rather than by the bank a week later.
 */

/** An IBAN in its electronic form (no spaces, upper case), checked by its key, of a country of the SEPA scheme. */
export function sepaIban(value: string, field: string): string {
  const iban = electronicFormatIBAN(value.trim()) ?? "";
  if (!isValidIBAN(iban))
    throw badUserInput(`${field} "${value}" is not a valid IBAN (its length, format or check digits are wrong)`, field);
  const country = extractIBAN(iban).countryCode ?? "";
  if (!isSEPACountry(country))
    throw badUserInput(`${field}: ${country} is not in the SEPA scheme, a SEPA credit transfer cannot reach it`, field);
  return iban;
}

/** A BIC (8 or 11 characters), upper case; null when not given (a SEPA transfer needs only the IBAN). */
export function optionalBic(value: string | null | undefined, field: string): string | null {
  const bic = value?.replace(/\s+/g, "").toUpperCase() ?? "";
  if (bic === "") return null;
  if (!isValidBIC(bic))
    throw badUserInput(`${field} "${value}" is not a valid BIC (8 or 11 characters: bank, country, location, branch)`, field);
  return bic;
}

/** A SIRET (14 digits) or a SIREN (9 digits) checked by its Luhn key, the rule of `@cae/shared`; null when not given. */
export function optionalSiretOrSiren(value: string | null | undefined, field: string): string | null {
  const digits = value?.replace(/\s+/g, "") ?? "";
  if (digits === "") return null;
  // A SIREN carries its own Luhn key on its 9 digits; a SIRET is checked by the shared rule (La Poste's exception included).
  const valid = /^\d{9}$/.test(digits) ? isValidSiren(digits) : isValidSiret(digits);
  if (!valid) throw badUserInput(`${field} "${value}" is not a valid SIRET (14 digits) or SIREN (9 digits): its key is wrong`, field);
  return digits;
}

/** An intra-community VAT number: two letters of a country and 2 to 13 characters; a French one carries its SIREN's key. */
export function optionalVatNumber(value: string | null | undefined, field: string): string | null {
  const vat = value?.replace(/[\s.-]+/g, "").toUpperCase() ?? "";
  if (vat === "") return null;
  if (!/^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(vat)) throw badUserInput(`${field} "${value}" is not an intra-community VAT number`, field);
  if (vat.startsWith("FR")) {
    const match = /^FR\d{2}(\d{9})$/.exec(vat);
    if (!match || vatNumberOf(match[1]) !== vat) {
      throw badUserInput(`${field} "${value}" is not a valid French VAT number (FR, a key of 2 digits, the SIREN)`, field);
    }
  }
  return vat;
}
