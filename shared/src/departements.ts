/**
 * The INSEE codes of the départements (code officiel géographique): "01" to "95" in metropolitan
 * France, where Corsica is "2A" and "2B" since 1976 and "20" is no longer a département; "971" to
 * "976" overseas (Guadeloupe, Martinique, Guyane, La Réunion, Saint-Pierre-et-Miquelon, Mayotte:
 * 975 is a collectivity since 1985, which INSEE still codes in the same series, and which the
 * funders' forms offer alike). The members table's check says the same (migration FunderFacts).
 */
export const DEPARTEMENT_CODES: readonly string[] = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).filter((code) => code !== "20"),
  "2A",
  "2B",
  "971",
  "972",
  "973",
  "974",
  "975",
  "976",
];

const CODES = new Set(DEPARTEMENT_CODES);

/** Whether `code` is the INSEE code of a département, exactly as INSEE writes it. */
export const isDepartementCode = (code: string): boolean => CODES.has(code);
