/**
 * The characters a SEPA credit transfer carries (EPC's "SEPA Credit Transfer Scheme Customer-to-Bank
 * Implementation Guidelines", section 1.4 "Character set"): the Latin letters without accents, the
 * digits and `/ - ? : ( ) . , ' +` and the space. Banks may refuse a file with any other character, or
 * pass it on garbled; so every text written into a pain.001 goes through `sepaText`.
 */
const OUTSIDE = /[^A-Za-z0-9/\-?:().,'+ ]/g;

/** Letters that do not decompose into a base letter and an accent (NFD leaves them whole). */
const LIGATURES: Record<string, string> = {
  ß: "ss",
  Æ: "AE",
  æ: "ae",
  Œ: "OE",
  œ: "oe",
  Ø: "O",
  ø: "o",
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Þ: "TH",
  þ: "th",
  "&": "+",
  "’": "'",
  "‘": "'",
  "«": "'",
  "»": "'",
  "–": "-",
  "—": "-",
  _: "-",
};

/**
 * A text reduced to the SEPA set and cut to `max` characters: accents dropped ("Société Générale"
 * → "Societe Generale"), ligatures spelt out, `&` as `+`, anything else a space, runs of spaces one.
 */
export function sepaText(text: string, max: number): string {
  const reduced = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßÆæŒœØøŁłĐđÞþ&’‘«»–—_]/g, (char) => LIGATURES[char] ?? " ")
    .replace(OUTSIDE, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  return reduced.slice(0, max).trimEnd();
}

/**
 * An identification (message, payment information, end-to-end): the SEPA set without spaces, and
 * neither starting nor ending with `/` nor containing `//` (EPC guidelines, rule on references).
 */
export function sepaId(text: string, max = 35): string {
  const id = sepaText(text, max)
    .replace(/ /g, "")
    .replace(/\/{2,}/g, "/")
    .replace(/^\/+|\/+$/g, "");
  if (id.length === 0) throw new RangeError(`"${text}" leaves no SEPA identification`);
  return id;
}
