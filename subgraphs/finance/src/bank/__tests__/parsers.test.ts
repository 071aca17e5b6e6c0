import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphQLError } from "graphql";
import { parseCents } from "../parsers/amount";
import { parseStatementFile, type CsvMapping } from "../parsers";
import { accountOfOfx } from "../parsers/ofx";
import { validIban } from "../parsers/iban";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");

/** The BAD_USER_INPUT a call throws: its field and message. */
function refusal(call: () => unknown): { field: unknown; message: string } {
  try {
    call();
  } catch (error) {
    const graphql = error as GraphQLError;
    expect(graphql.extensions?.code).toBe("BAD_USER_INPUT");
    return { field: graphql.extensions?.field, message: graphql.message };
  }
  throw new Error("expected a refusal");
}

const POPULAIRE: CsvMapping = {
  accountIdentifier: "FR76 1080 7000 0112 3456 7890 148",
  separator: ";",
  skipLines: 5,
  dateColumn: 1,
  dateFormat: "DAY_MONTH_YEAR",
  valueDateColumn: 2,
  labelColumn: 3,
  referenceColumn: 4,
  debitColumn: 5,
  creditColumn: 6,
  decimalSeparator: "COMMA",
};

describe("amounts in exact cents", () => {
  it.each([
    ["1200.00", ".", 120000n],
    ["+15232.10", ".", 1523210n],
    ["-360.00", ".", -36000n],
    ["12.4", ".", 1240n],
    ["0.10000", ".", 10n],
    ["1 200,50", ",", 120050n],
    ["1\u00a0200,50", ",", 120050n],
    ["1.200,50", ",", 120050n],
    ["360,00-", ",", -36000n],
    ["1,234.56", ".", 123456n],
    ["0,07", ",", 7n],
    // 0.1 + 0.2 in floats is 0.30000000000000004: here, exactly 30 cents.
    ["0.30", ".", 30n],
  ])("%s (decimal %s) is %s cents", (text, mark, cents) => expect(parseCents(text, mark as "." | ",")).toBe(cents));

  it.each([["12.345"], ["abc"], ["1.2.3"], [""], ["12,50"], ["1e3"], ["1000000000.01"]])("refuses %j with a decimal point", (text) =>
    expect(parseCents(text, ".")).toBeNull(),
  );
});

describe("IBANs", () => {
  it("checks the digits and computes a French IBAN from an OFX account's RIB", () => {
    expect(validIban("fr76 3000 4000 0312 3456 7890 143")).toBe("FR7630004000031234567890143");
    expect(validIban("FR7630004000031234567890144")).toBeNull();
    expect(accountOfOfx("13106", "00500", "30012345678")).toBe("FR7613106005003001234567892");
    // An account number with its RIB key is the same account; a foreign shape is kept as given.
    expect(accountOfOfx("13106", "00500", "3001234567892")).toBe("FR7613106005003001234567892");
    expect(accountOfOfx(null, null, "ACC-42")).toBe("ACC-42");
  });
});

describe("CAMT.053", () => {
  it("reads a camt.053.001.02 statement as BNP Paribas exports it", () => {
    const [statement, ...others] = parseStatementFile("CAMT_053", fixture("releve-camt053-001.02-bnp.xml"));
    expect(others).toEqual([]);
    expect(statement).toMatchObject({
      accountIdentifier: "FR7630004000031234567890143",
      statementRef: "20261031-FR7630004000031234567890143-001",
      fromDate: "2026-10-01",
      toDate: "2026-10-31",
      openingBalanceCents: 1500000n,
      closingBalanceCents: 1445760n,
    });
    expect(statement.lines.map((line) => [line.bookingDate, line.amountCents])).toEqual([
      ["2026-10-12", 120000n],
      ["2026-10-17", 48000n],
      ["2026-10-21", -36000n],
      ["2026-10-30", -185000n],
      ["2026-10-31", -1240n],
    ]);
    expect(statement.lines[0]).toEqual({
      bookingDate: "2026-10-12",
      valueDate: "2026-10-12",
      amountCents: 120000n,
      label: "VIR SEPA RECU /DE BOULANGERIE DU PORT SARL /MOTIF FACTURE F2026-000001",
      counterparty: "BOULANGERIE DU PORT SARL",
      bankReference: "2026101200012A",
      endToEndId: "F2026-000001",
      remittance: "FACTURE F2026-000001",
      sourceLine: 64,
    });
    // "NOTPROVIDED" is no end-to-end ID; a debit names its creditor; an entry without details keeps its label.
    expect(statement.lines[1]).toMatchObject({ endToEndId: null, counterparty: "CABINET ARCHI SUD", remittance: "REGLEMENT F2026 000003" });
    expect(statement.lines[2]).toMatchObject({
      counterparty: "FOURNITURES DU SUD",
      endToEndId: "FDS-PRLV-2026-118",
      remittance: "FA-2026-118",
    });
    expect(statement.lines[4]).toMatchObject({ label: "FRAIS TENUE DE COMPTE OCTOBRE", counterparty: null, remittance: null });
  });

  it("reads a camt.053.001.08 statement: parties under Pty, statuses under Cd, a batch as one line, pending entries left out", () => {
    const [statement] = parseStatementFile("CAMT_053", fixture("releve-camt053-001.08-credit-agricole.xml"));
    expect(statement).toMatchObject({
      accountIdentifier: "FR7613106005003001234567892",
      statementRef: "CA31-20261031-0042",
      fromDate: "2026-10-29",
      toDate: "2026-10-31",
      openingBalanceCents: -25000n,
      closingBalanceCents: 100005n,
    });
    expect(statement.lines).toHaveLength(2);
    expect(statement.lines[0]).toMatchObject({
      bookingDate: "2026-10-29",
      valueDate: "2026-10-29",
      amountCents: 321055n,
      counterparty: "ASSOCIATION LES JARDINS PARTAGES",
      remittance: "F2026-000014 | SOLDE",
      label: "ASSOCIATION LES JARDINS PARTAGES F2026-000014 | SOLDE",
    });
    expect(statement.lines[1]).toMatchObject({
      amountCents: -196050n,
      label: "REMISE VIREMENTS SEPA 2 OPERATIONS",
      counterparty: "ENTREPRENEUR B, ENTREPRENEUR C",
      endToEndId: "NDF-2026-10-A | NDF-2026-10-B",
      remittance: "NDF-2026-10-A | NOTE DE FRAIS OCTOBRE",
    });
  });

  it("refuses bad files, naming where, and reads no float", () => {
    const bnp = fixture("releve-camt053-001.02-bnp.xml");
    expect(refusal(() => parseStatementFile("CAMT_053", bnp.replace("</Stmt>", "")))).toMatchObject({
      field: "input.content",
      message: expect.stringMatching(/not well-formed XML, line \d+/),
    });
    expect(
      refusal(() => parseStatementFile("CAMT_053", bnp.replace('<Amt Ccy="EUR">480.00</Amt>', '<Amt Ccy="EUR">480,00</Amt>'))).message,
    ).toBe('CAMT.053: statement 1 (20261031-FR7630004000031234567890143-001), entry 2 (line 111): Amt "480,00" is not an amount');
    expect(refusal(() => parseStatementFile("CAMT_053", bnp.replace("<Dt>2026-10-21</Dt>", "<Dt>2026-10-32</Dt>"))).message).toMatch(
      /entry 3 \(line \d+\): BookgDt is missing or not a date/,
    );
    // One line lost in transit: the balances no longer add up.
    const truncated = bnp.replace(/<Ntry>\s*<NtryRef>0005<\/NtryRef>[\s\S]*?<\/Ntry>/, "");
    expect(refusal(() => parseStatementFile("CAMT_053", truncated)).message).toMatch(
      /opening 15000.00 EUR \+ booked entries -530.00 EUR ≠ closing 14457.60 EUR/,
    );
    expect(refusal(() => parseStatementFile("CAMT_053", bnp.replace(/camt\.053\.001\.02/g, "camt.052.001.02"))).message).toMatch(
      /root element/,
    );
    expect(refusal(() => parseStatementFile("CAMT_053", bnp.replace(/Ccy="EUR">1200.00/, 'Ccy="USD">1200.00'))).message).toMatch(/in USD/);
    expect(refusal(() => parseStatementFile("CAMT_053", `<!DOCTYPE x [<!ENTITY a "aaaa">]>${bnp}`)).message).toMatch(/DOCTYPE/);
  });
});

describe("OFX", () => {
  it("reads an OFX 1.02 (SGML) statement as French banks export it, its account as an IBAN", () => {
    const [statement] = parseStatementFile("OFX", fixture("releve-ofx102-sgml.ofx"));
    expect(statement).toMatchObject({
      accountIdentifier: "FR7613106005003001234567892",
      statementRef: null,
      fromDate: "2026-10-01",
      toDate: "2026-10-31",
      openingBalanceCents: null,
      closingBalanceCents: 1523210n,
    });
    expect(statement.lines.map((line) => line.amountCents)).toEqual([120000n, 48000n, -36000n, -7550n, -1240n]);
    expect(statement.lines[1]).toEqual({
      bookingDate: "2026-10-17",
      valueDate: "2026-10-16",
      amountCents: 48000n,
      label: "VIR SEPA CABINET ARCHI SUD REGLEMENT F2026 000003",
      counterparty: null,
      bankReference: "3A7B2C0002",
      endToEndId: null,
      remittance: "REGLEMENT F2026 000003",
      sourceLine: 49,
    });
    expect(statement.lines[3]).toMatchObject({ label: "CHEQUE 0001234", remittance: "CHQ 0001234" });
  });

  it("reads an OFX 2.11 (XML) statement, its entities decoded", () => {
    const [statement] = parseStatementFile("OFX", fixture("releve-ofx211.ofx"));
    expect(statement).toMatchObject({
      accountIdentifier: "FR7630003021500005001234543",
      fromDate: "2026-10-01",
      toDate: "2026-10-31",
      closingBalanceCents: 1399000n,
    });
    expect(statement.lines.map((line) => [line.bookingDate, line.amountCents, line.bankReference])).toEqual([
      ["2026-10-12", 120000n, "20261012-000001"],
      ["2026-10-21", -36000n, "20261021-000002"],
      ["2026-10-30", -185000n, "20261030-000003"],
    ]);
    expect(statement.lines[0].remittance).toBe("FACTURE F2026-000001 & ACOMPTE");
  });

  it("reads a decimal comma, as some banks write it", () => {
    const sgml = fixture("releve-ofx102-sgml.ofx").replace("<TRNAMT>-75.50", "<TRNAMT>-75,50");
    expect(parseStatementFile("OFX", sgml)[0].lines[3].amountCents).toBe(-7550n);
  });

  it("refuses bad files, naming the transaction and its line", () => {
    const sgml = fixture("releve-ofx102-sgml.ofx");
    expect(refusal(() => parseStatementFile("OFX", sgml.replace("<TRNAMT>-360.00", "<TRNAMT>abc"))).message).toBe(
      'OFX: statement 1, transaction 3 (line 58, FITID 3A7B2C0003): TRNAMT "abc" is not an amount',
    );
    expect(refusal(() => parseStatementFile("OFX", sgml.replace("<DTPOSTED>20261021", "<DTPOSTED>20261341"))).message).toMatch(
      /transaction 3 \(line 58, FITID 3A7B2C0003\): DTPOSTED/,
    );
    expect(refusal(() => parseStatementFile("OFX", "Date;Libellé;Montant\n12/10/2026;VIR;12,00")).message).toMatch(/no <OFX> element/);
    expect(refusal(() => parseStatementFile("OFX", sgml.replace("<CURDEF>EUR", "<CURDEF>CHF"))).message).toMatch(/in CHF/);
    expect(refusal(() => parseStatementFile("OFX", sgml.replace(/<BANKMSGSRSV1>[\s\S]*<\/BANKMSGSRSV1>/, ""))).message).toMatch(
      /no bank statement/,
    );
  });
});

describe("CSV with a column mapping", () => {
  it("reads a bank's export: preamble, ';', decimal comma, debit and credit columns, a quoted label", () => {
    const [statement] = parseStatementFile("CSV", fixture("releve-csv-banque-populaire.csv"), POPULAIRE);
    expect(statement).toMatchObject({
      accountIdentifier: "FR7610807000011234567890148",
      statementRef: null,
      fromDate: "2026-10-12",
      toDate: "2026-10-31",
      openingBalanceCents: null,
      closingBalanceCents: null,
    });
    expect(statement.lines.map((line) => [line.sourceLine, line.bookingDate, line.amountCents, line.bankReference])).toEqual([
      [6, "2026-10-12", 120000n, "VIRREC1012"],
      [7, "2026-10-17", 48000n, "VIRREC1017"],
      [8, "2026-10-21", -36000n, "PRLV1021"],
      [9, "2026-10-24", -7550n, "CHQ1234"],
      [10, "2026-10-24", -7550n, "CHQ1235"],
      [11, "2026-10-31", -1240n, "FRAIS1031"],
    ]);
    expect(statement.lines[1].label).toBe("VIR SEPA RECU CABINET ARCHI SUD; REGLEMENT F2026 000003");
  });

  it("reads a signed amount column with a decimal point and ISO dates", () => {
    const content = "date,label,amount\n2026-10-12,VIR BOULANGERIE,1200.00\n2026-10-21,PRLV FOURNITURES,-360.00\n";
    const [statement] = parseStatementFile("CSV", content, {
      accountIdentifier: "Compte 0042",
      separator: ",",
      skipLines: 1,
      dateColumn: 1,
      dateFormat: "YEAR_MONTH_DAY",
      labelColumn: 2,
      amountColumn: 3,
      decimalSeparator: "POINT",
    });
    expect(statement.accountIdentifier).toBe("Compte 0042");
    expect(statement.lines.map((line) => line.amountCents)).toEqual([120000n, -36000n]);
  });

  it("refuses a bad row or mapping, naming the line, the column or the field", () => {
    const csv = fixture("releve-csv-banque-populaire.csv");
    expect(refusal(() => parseStatementFile("CSV", csv.replace("21/10/2026;21/10/2026", "31/02/2026;21/10/2026"), POPULAIRE))).toEqual({
      field: "input.content",
      message: 'CSV: line 8, column 1 (date): "31/02/2026" is not a date (DD/MM/YYYY)',
    });
    expect(refusal(() => parseStatementFile("CSV", csv.replace("75,50;\n24", "75.5O;\n24"), POPULAIRE)).message).toBe(
      'CSV: line 9, column 5 (debit): "75.5O" is not an amount (decimal comma)',
    );
    expect(refusal(() => parseStatementFile("CSV", csv.replace("12,40;", "12,40;3,00"), POPULAIRE)).message).toMatch(/line 11: both debit/);
    // The header read as data: the mapping skips too few lines.
    expect(refusal(() => parseStatementFile("CSV", csv, { ...POPULAIRE, skipLines: 4 })).message).toMatch(
      /line 5, column 1 \(date\): "Date comptable"/,
    );
    expect(refusal(() => parseStatementFile("CSV", csv, null)).field).toBe("input.mapping");
    expect(refusal(() => parseStatementFile("CSV", csv, { ...POPULAIRE, amountColumn: 5 })).field).toBe("input.mapping.amountColumn");
    expect(refusal(() => parseStatementFile("CSV", csv, { ...POPULAIRE, labelColumn: 0 })).field).toBe("input.mapping.labelColumn");
    expect(
      refusal(() => parseStatementFile("CSV", csv, { ...POPULAIRE, accountIdentifier: "FR76 1080 7000 0112 3456 7890 149" })).field,
    ).toBe("input.mapping.accountIdentifier");
    expect(refusal(() => parseStatementFile("CSV", 'a;"b\n12/10/2026;x;1,00', { ...POPULAIRE, skipLines: 0 })).message).toMatch(/^CSV: /);
  });
});
