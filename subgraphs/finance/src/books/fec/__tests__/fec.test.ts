import { decodeFec, encodeFec, fecAmount, fecDate, fecEntryNumber, fecFileName, fecText, FEC_FIELDS } from "../fec-format";
import { fecChunk, FEC_HEADER, fecLine, type FecRow } from "../fec-writer";
import { validateFecPages, validateFecText, type FecRule } from "../fec-validator";

const FILE = "732829320FEC20261231.txt";
const YEAR = 2026;

const row = (overrides: Partial<FecRow>): FecRow => ({
  journal: "VE",
  number: 1,
  entryDate: "2026-03-05",
  pieceRef: "F2026-000001",
  pieceDate: "2026-03-05",
  validatedOn: "2026-03-05",
  position: 0,
  ledgerNumber: "411000",
  ledgerLabel: "Clients",
  auxNumber: "C000012",
  auxLabel: "Boulangerie du Port SARL",
  label: "Facture F2026-000001",
  debitCents: 120000n,
  creditCents: 0n,
  ...overrides,
});

/** A small year: an invoice (VE 1), its payment (BQ 1), an expense (AC 1), then a second invoice (VE 2). */
const YEAR_ROWS: FecRow[] = [
  row({}),
  row({
    position: 1,
    ledgerNumber: "706000",
    ledgerLabel: "Prestations de services",
    auxNumber: null,
    auxLabel: null,
    debitCents: 0n,
    creditCents: 100000n,
  }),
  row({
    position: 2,
    ledgerNumber: "445711",
    ledgerLabel: "TVA collectée 20 %",
    auxNumber: null,
    auxLabel: null,
    debitCents: 0n,
    creditCents: 20000n,
  }),
  row({
    journal: "AC",
    pieceRef: "NDF-7",
    label: "Train\tParis–Toulouse\nretour",
    ledgerNumber: "625100",
    ledgerLabel: "Voyages et déplacements",
    auxNumber: null,
    auxLabel: null,
    debitCents: 5000n,
    entryDate: "2026-03-06",
    pieceDate: "2026-03-06",
    validatedOn: "2026-03-06",
  }),
  row({
    journal: "AC",
    position: 1,
    pieceRef: "NDF-7",
    label: "Train",
    ledgerNumber: "467100",
    ledgerLabel: "Notes de frais à rembourser",
    auxNumber: "P0042",
    auxLabel: "Zoé Œuvray",
    debitCents: 0n,
    creditCents: 5000n,
    entryDate: "2026-03-06",
    pieceDate: "2026-03-06",
    validatedOn: "2026-03-06",
  }),
  row({
    journal: "BQ",
    pieceRef: "VIR-1",
    entryDate: "2026-04-02",
    pieceDate: "2026-04-02",
    validatedOn: "2026-04-02",
    ledgerNumber: "512000",
    ledgerLabel: "Banque",
    auxNumber: null,
    auxLabel: null,
    debitCents: 120000n,
  }),
  row({
    journal: "BQ",
    position: 1,
    pieceRef: "VIR-1",
    entryDate: "2026-04-02",
    pieceDate: "2026-04-02",
    validatedOn: "2026-04-02",
    debitCents: 0n,
    creditCents: 120000n,
  }),
  row({
    number: 2,
    pieceRef: "F2026-000002",
    entryDate: "2026-04-03",
    pieceDate: "2026-04-03",
    validatedOn: "2026-04-03",
    debitCents: 6000n,
  }),
  row({
    number: 2,
    position: 1,
    pieceRef: "F2026-000002",
    entryDate: "2026-04-03",
    pieceDate: "2026-04-03",
    validatedOn: "2026-04-03",
    ledgerNumber: "706000",
    ledgerLabel: "Prestations de services",
    auxNumber: null,
    auxLabel: null,
    debitCents: 0n,
    creditCents: 6000n,
  }),
];

const goodLines = () => [FEC_HEADER, ...YEAR_ROWS.map((r) => fecLine(r, YEAR))];
const text = (lines: string[]) => fecChunk(lines);
const validate = (lines: string[], fileName = FILE) => validateFecText(text(lines), { fileName });

/** The lines with one field of one line (1 = the header) changed. */
function withField(lineNumber: number, field: (typeof FEC_FIELDS)[number], value: string, lines = goodLines()): string[] {
  const fields = lines[lineNumber - 1].split("\t");
  fields[FEC_FIELDS.indexOf(field)] = value;
  return lines.map((line, index) => (index === lineNumber - 1 ? fields.join("\t") : line));
}

/** The rules a file fails, with the line of each failure. */
const failed = (lines: string[], fileName = FILE) => validate(lines, fileName).failures.map((failure) => [failure.line, failure.rule]);
const expectOnly = (lines: string[], ...expected: [number, FecRule][]) => expect(failed(lines)).toEqual(expected);

describe("the FEC's formats", () => {
  it("writes dates AAAAMMJJ, amounts with a decimal comma and no thousands separator, numbers per journal and year", () => {
    expect(fecDate("2026-03-05")).toBe("20260305");
    expect([0n, 5n, 120n, 123456789n, -4550n].map(fecAmount)).toEqual(["0,00", "0,05", "1,20", "1234567,89", "-45,50"]);
    expect(fecEntryNumber("VE", 2026, 42)).toBe("VE2026-000042");
    expect(fecFileName("732829320", "2026-12-31")).toBe("732829320FEC20261231.txt");
  });

  it("cleans text of what would break a record, and of what ISO 8859-15 cannot say", () => {
    expect(fecText("Train\tParis\r\nToulouse  ")).toBe("Train Paris Toulouse");
    expect(fecText("Œuvre à 5 € — ő 😀")).toBe("Œuvre à 5 € ? o ?");
    expect(fecText(null)).toBe("");
  });

  it("writes each line's 18 fields, the text cleaned and the lettering and currency blank", () => {
    const line = fecLine(YEAR_ROWS[3], YEAR).split("\t");
    expect(line).toEqual([
      "AC",
      "Achats",
      "AC2026-000001",
      "20260306",
      "625100",
      "Voyages et déplacements",
      "",
      "",
      "NDF-7",
      "20260306",
      "Train Paris?Toulouse retour",
      "50,00",
      "0,00",
      "",
      "",
      "20260306",
      "",
      "",
    ]);
    expect(FEC_HEADER.split("\t")).toEqual([...FEC_FIELDS]);
  });

  it("encodes the file in ISO 8859-15, where the euro sign is one byte", () => {
    const bytes = encodeFec("5 € Œ é");
    expect([...bytes]).toEqual([0x35, 0x20, 0xa4, 0x20, 0xbc, 0x20, 0xe9]);
    expect(decodeFec(bytes)).toBe("5 € Œ é");
  });
});

describe("the FEC validator", () => {
  it("accepts a well-formed year and adds up its entries, lines and totals", () => {
    const result = validate(goodLines());
    expect(result).toMatchObject({ valid: true, failures: [], failureCount: 0, entryCount: 4, lineCount: 9 });
    expect(result.debitCents).toBe(251000n);
    expect(result.creditCents).toBe(251000n);
  });

  it("reads the encoded bytes back, with CR LF, LF or CR between records, and the '|' separator", () => {
    expect(validateFecText(decodeFec(encodeFec(text(goodLines()))), { fileName: FILE }).valid).toBe(true);
    expect(validateFecText(goodLines().join("\n"), { fileName: FILE }).valid).toBe(true);
    expect(validateFecText(goodLines().join("\r"), { fileName: FILE }).valid).toBe(true);
    expect(validate(goodLines().map((line) => line.replaceAll("\t", "|"))).valid).toBe(true);
  });

  it("reads a stream of pages and keeps the same verdict", async () => {
    async function* pages() {
      const lines = goodLines();
      for (let i = 0; i < lines.length; i += 2) yield lines.slice(i, i + 2);
    }
    expect(await validateFecPages(pages(), { fileName: FILE })).toEqual(validate(goodLines()));
  });

  it("checks the file's name: <SIREN>FEC<closing date>.txt, a SIREN of 9 digits, the year's closing date", () => {
    expect(failed(goodLines(), "732829320_FEC_20261231.csv")).toEqual([[0, "file-name"]]);
    expect(failed(goodLines(), "73282932FEC20261231.txt")).toEqual([[0, "file-name"]]);
    expect(failed(goodLines(), "732829320FEC20261331.txt")).toEqual([[0, "file-name"]]);
    expect(validateFecText(text(goodLines()), { fileName: "732829320FEC20251231.txt", closesOn: "2026-12-31" }).failures).toEqual([
      { line: 0, rule: "file-name", message: expect.stringContaining("closes on 20261231") },
    ]);
  });

  it("checks the header: the 18 names in order, and a file is not empty", () => {
    const swapped = goodLines();
    swapped[0] = swapped[0].replace("Debit\tCredit", "Credit\tDebit");
    expectOnly(swapped, [1, "header"]);
    expect(validateFecText("", { fileName: FILE }).failures.map((f) => f.rule)).toEqual(["header"]);
  });

  it("checks the separator is one for the whole file, and every line has the header's fields", () => {
    const lines = goodLines();
    lines[2] = lines[2].replaceAll("\t", "|");
    lines[4] = lines[4] + "\textra";
    // The lines left out leave their entries unbalanced.
    expect(failed(lines)).toEqual([
      [3, "separator"],
      [5, "field-count"],
      [2, "entry-balance"],
      [6, "entry-balance"],
    ]);
  });

  it("refuses a blank line between records, not at the end", () => {
    const lines = goodLines();
    lines.splice(3, 0, "");
    expectOnly(lines, [4, "empty-record"]);
    expect(validate([...goodLines(), "", ""]).valid).toBe(true);
  });

  it("refuses control characters and characters outside ISO 8859-15", () => {
    expectOnly(withField(2, "EcritureLib", "Facture\u0007"), [2, "charset"]);
    expectOnly(withField(2, "CompAuxLib", "Boulangerie 😀"), [2, "charset"]);
  });

  it("requires every mandatory field", () => {
    expectOnly(withField(3, "CompteLib", ""), [3, "mandatory-field"]);
    expectOnly(withField(8, "PieceRef", " ", withField(7, "PieceRef", " ")), [7, "mandatory-field"], [8, "mandatory-field"]);
  });

  it("checks dates are days of the calendar written AAAAMMJJ", () => {
    expectOnly(withField(8, "PieceDate", "2026-04-02", withField(7, "PieceDate", "2026-04-02")), [7, "date-format"], [8, "date-format"]);
    expectOnly(withField(8, "PieceDate", "20260230", withField(7, "PieceDate", "20260230")), [7, "date-format"], [8, "date-format"]);
  });

  it("checks amounts: decimal comma, no thousands separator, to the cent", () => {
    const point = validate(withField(7, "Debit", "50.00", withField(8, "Credit", "50.00")));
    expect(point.failures.map((f) => [f.line, f.rule])).toEqual([
      [7, "amount-format"],
      [8, "amount-format"],
    ]);
    expect(point.failures[0].message).toContain("a comma separates the decimals");
    expect(failed(withField(2, "Debit", "1 200,00"))).toContainEqual([2, "amount-format"]);
    expect(failed(withField(2, "Debit", "1200,001"))).toContainEqual([2, "amount-format"]);
  });

  it("refuses a line with both a debit and a credit", () => {
    expectOnly(withField(2, "Credit", "1,00"), [2, "debit-credit"], [2, "entry-balance"]);
  });

  it("checks account numbers begin with three digits of the French chart", () => {
    expectOnly(withField(3, "CompteNum", "A06000"), [3, "account-number"]);
    expectOnly(withField(3, "CompteNum", "906000"), [3, "account-number"]);
  });

  it("checks auxiliary accounts, letterings and currencies come in pairs", () => {
    expectOnly(withField(2, "CompAuxLib", ""), [2, "auxiliary-pair"]);
    expectOnly(withField(2, "EcritureLet", "AA"), [2, "lettering-pair"]);
    expect(validate(withField(2, "EcritureLet", "AA", withField(2, "DateLet", "20260402"))).valid).toBe(true);
    expectOnly(withField(2, "Montantdevise", "1300,00"), [2, "currency-pair"]);
    expectOnly(withField(2, "Idevise", "usd", withField(2, "Montantdevise", "1300,00")), [2, "currency-code"]);
  });

  it("checks each journal's numbers are continuous from 1, increasing, and an entry's lines together", () => {
    // A gap: VE 2 written VE 3.
    expectOnly(withField(10, "EcritureNum", "VE2026-000003", withField(9, "EcritureNum", "VE2026-000003")), [9, "entry-number"]);
    // A journal not starting at 1.
    expectOnly(withField(7, "EcritureNum", "BQ2026-000002", withField(8, "EcritureNum", "BQ2026-000002")), [7, "entry-number"]);
    // A line of VE 1 after the AC entry: VE 1 again after VE 1 ended.
    const split = goodLines();
    split.splice(5, 0, split.splice(3, 1)[0]);
    expect(failed(split)).toEqual([
      [2, "entry-balance"],
      [6, "entry-number"],
      [6, "validation-order"],
      [6, "entry-balance"],
    ]);
    expectOnly(withField(6, "EcritureNum", "AC-UN", withField(5, "EcritureNum", "AC-UN")), [5, "entry-number"]);
  });

  it("checks an entry's lines share their dates and piece", () => {
    expectOnly(withField(3, "PieceRef", "F2026-000009"), [3, "entry-consistency"]);
    expectOnly(withField(3, "EcritureDate", "20260304"), [3, "entry-consistency"]);
  });

  it("checks a journal keeps one label", () => {
    expectOnly(
      withField(9, "JournalLib", "Ventes France", withField(10, "JournalLib", "Ventes France")),
      [9, "journal-label"],
      [10, "journal-label"],
    );
  });

  it("checks every entry is balanced", () => {
    expectOnly(withField(3, "Credit", "999,99"), [2, "entry-balance"]);
  });

  it("checks entries are dated in the fiscal year", () => {
    const lines = withField(10, "EcritureDate", "20270103", withField(9, "EcritureDate", "20270103"));
    expect(failed(lines)).toEqual([
      [9, "fiscal-year"],
      [9, "validation-date"],
      [10, "fiscal-year"],
      [10, "validation-date"],
    ]);
    expect(validateFecText(text(goodLines()), { fileName: FILE, opensOn: "2026-04-01" }).failures.map((f) => f.rule)).toContain(
      "fiscal-year",
    );
  });

  it("checks an entry is validated on or after its date, and entries come in the order of their validation", () => {
    const early = [2, 3, 4].reduce((lines, n) => withField(n, "ValidDate", "20260301", lines), goodLines());
    expectOnly(early, [2, "validation-date"], [3, "validation-date"], [4, "validation-date"]);
    expectOnly(withField(8, "ValidDate", "20260405", withField(7, "ValidDate", "20260405")), [9, "validation-order"]);
  });

  it("keeps the first failures of a broken file and counts them all", () => {
    const lines = goodLines().map((line, index) => (index === 0 ? line : line.replace(/\t(\d+),(\d\d)\t/, "\t$1.$2\t")));
    const result = validateFecText(text(lines), { fileName: FILE, maxFailures: 3 });
    expect(result.failures).toHaveLength(3);
    expect(result.failureCount).toBeGreaterThan(3);
    expect(result.valid).toBe(false);
  });
});
