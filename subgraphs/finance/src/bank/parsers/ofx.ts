import { Ofx } from "ofx-data-extractor";
import { parseCents } from "./amount";
import { frenchIban } from "./iban";
import { badFile, cleanText, isCalendarDate, linesOfTag, type ParsedLine, type ParsedStatement } from "./types";

type Node = Record<string, unknown>;
const asNode = (value: unknown): Node => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : {});
const asList = (value: unknown): Node[] =>
  Array.isArray(value) ? value.map(asNode) : value === undefined || value === null ? [] : [asNode(value)];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
/** OFX text keeps its character references (the extractor leaves "&amp;" as it is). */
const decode = (value: unknown): string | null =>
  value === undefined || value === null
    ? null
    : String(value).replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
        return ENTITIES[name.toLowerCase()] ?? whole;
      });

/** The extractor gives dates as "2026-10-12"; a raw OFX date ("20261012000000.000[+1:CET]") is read too. */
function dayOf(value: unknown): string | null {
  const raw = decode(value);
  if (!raw) return null;
  const day = /^\d{8}/.test(raw) ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}` : raw.slice(0, 10);
  return isCalendarDate(day) ? day : null;
}

/**
 * The account's IBAN where the French RIB it names allows (bank 5 digits, branch 5, account 11
 * characters, the RIB key computed as the banks do), so that an OFX and a CAMT.053 of one account
 * are the same account here; else the bank's identification as given.
 */
export function accountOfOfx(bankId: string | null, branchId: string | null, accountId: string | null): string | null {
  if (!accountId) return null;
  const account = accountId.toUpperCase().replace(/\s/g, "");
  if (bankId && branchId && /^\d{5}$/.test(bankId) && /^\d{5}$/.test(branchId) && /^[0-9A-Z]{11}(\d{2})?$/.test(account)) {
    const base = account.slice(0, 11);
    // Letters of a French account number count as digits for the key (A, J → 1; B, K, S → 2; …).
    const digits = base.replace(/[A-Z]/g, (letter) => "12345678912345678923456789"[letter.charCodeAt(0) - 65]);
    const key = String(97n - ((89n * BigInt(bankId) + 15n * BigInt(branchId) + 3n * BigInt(digits)) % 97n)).padStart(2, "0");
    if (account.length === 11 || account.slice(11) === key) {
      return frenchIban(`${bankId}${branchId}${base}${key}`);
    }
  }
  return [bankId, branchId, account].filter(Boolean).join(" ");
}

/**
 * Reads an OFX bank statement, 1.x (SGML, as most French banks still export it: "DATA:OFXSGML",
 * CHARSET 1252, tags left open) or 2.x (XML), with `ofx-data-extractor` for the structure and our
 * own exact reading of amounts and dates. One statement per account (STMTRS); credit card
 * statements are not bank accounts and are refused.
 */
export function parseOfx(content: string): ParsedStatement[] {
  if (!/<OFX>/i.test(content)) throw badFile("OFX: the file has no <OFX> element: not an OFX statement");
  let json: Node;
  try {
    json = asNode(new Ofx(content).toJson());
  } catch (error) {
    throw badFile(
      `OFX: the file could not be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): check that it is a whole OFX file`,
    );
  }
  const ofx = asNode(json.OFX);
  const responses = asList(asNode(ofx.BANKMSGSRSV1).STMTTRNRS);
  if (responses.length === 0) {
    if (ofx.CREDITCARDMSGSRSV1) throw badFile("OFX: this is a credit card statement (CREDITCARDMSGSRSV1), not a bank account's");
    throw badFile("OFX: the file holds no bank statement (BANKMSGSRSV1/STMTTRNRS/STMTRS)");
  }
  const transactionLines = linesOfTag(content, /<STMTTRN>/gi);
  let transactionIndex = 0;
  return responses.map((response, s) => {
    const where = `statement ${s + 1}`;
    const code = decode(asNode(response.STATUS).CODE);
    if (code !== null && code !== "0") throw badFile(`OFX: ${where} reports an error from the bank (STATUS CODE ${code})`);
    const statement = asNode(response.STMTRS);
    const currency = decode(statement.CURDEF);
    if (currency && currency !== "EUR") throw badFile(`OFX: ${where} is in ${currency}; the books are kept in EUR`);
    const from = asNode(statement.BANKACCTFROM);
    const accountIdentifier = accountOfOfx(decode(from.BANKID), decode(from.BRANCHID), decode(from.ACCTID));
    if (!accountIdentifier) throw badFile(`OFX: ${where} names no account (BANKACCTFROM/ACCTID)`);
    const list = asNode(statement.BANKTRANLIST);
    const lines: ParsedLine[] = [];
    for (const [t, transaction] of asList(list.STRTTRN ?? list.STMTTRN).entries()) {
      const sourceLine = transactionLines[transactionIndex++] ?? 0;
      const fitId = cleanText(decode(transaction.FITID), 100);
      const at = `${where}, transaction ${t + 1} (line ${sourceLine}${fitId ? `, FITID ${fitId}` : ""})`;
      const amountText = decode(transaction.TRNAMT);
      // French banks write either mark ("-360.00", "-360,00"): the extractor already turns a comma into a point.
      const cents = amountText === null ? null : parseCents(amountText, ".");
      if (cents === null) throw badFile(`OFX: ${at}: TRNAMT "${amountText ?? ""}" is not an amount`);
      if (cents === 0n) continue;
      const bookingDate = dayOf(transaction.DTPOSTED);
      if (!bookingDate) throw badFile(`OFX: ${at}: DTPOSTED "${decode(transaction.DTPOSTED) ?? ""}" is not a date`);
      const name = cleanText(decode(transaction.NAME));
      const memo = cleanText(decode(transaction.MEMO));
      const checkNumber = cleanText(decode(transaction.CHECKNUM), 20);
      lines.push({
        bookingDate,
        valueDate: dayOf(transaction.DTUSER) ?? dayOf(transaction.DTAVAIL),
        amountCents: cents,
        label: cleanText([name, memo].filter(Boolean).join(" ")) ?? decode(transaction.TRNTYPE) ?? (cents > 0n ? "Crédit" : "Débit"),
        counterparty: cleanText(decode(asNode(transaction.PAYEE).NAME), 140),
        bankReference: fitId,
        endToEndId: null,
        remittance: cleanText([memo, checkNumber ? `CHQ ${checkNumber}` : null].filter(Boolean).join(" ")),
        sourceLine,
      });
    }
    const closing = asNode(statement.LEDGERBAL);
    const closingText = decode(closing.BALAMT);
    const closingCents = closingText === null ? null : parseCents(closingText, ".");
    if (closingText !== null && closingCents === null) throw badFile(`OFX: ${where}: LEDGERBAL BALAMT "${closingText}" is not an amount`);
    const days = lines.map((line) => line.bookingDate).sort();
    const fromDate = dayOf(list.DTSTART) ?? days[0];
    const toDate = dayOf(list.DTEND) ?? days.at(-1) ?? dayOf(closing.DTASOF);
    if (!fromDate || !toDate) throw badFile(`OFX: ${where} has no period (DTSTART, DTEND) and no transaction`);
    return {
      accountIdentifier,
      statementRef: null,
      fromDate: fromDate <= toDate ? fromDate : toDate,
      toDate: fromDate <= toDate ? toDate : fromDate,
      openingBalanceCents: null,
      closingBalanceCents: closingCents,
      lines,
    };
  });
}
