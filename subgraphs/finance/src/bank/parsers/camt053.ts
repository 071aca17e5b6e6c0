import { eurosText } from "@cae/shared";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseCents } from "./amount";
import { badFile, cleanText, isCalendarDate, linesOfTag, type ParsedLine, type ParsedStatement } from "./types";

/** The versions of camt.053.001 read (the fields read here are alike in all of them; 08 wraps parties in `Pty`, statuses in `Cd`). */
const CAMT_053 = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$/;
const FIRST_VERSION = 2;
const LAST_VERSION = 13;

type Node = Record<string, unknown>;

// Elements that may repeat are always arrays, so that one statement or one entry reads like several.
const REPEATED = new Set(["Stmt", "Bal", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  // Every value stays the text the bank wrote: an amount is never turned into a float.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

const asNode = (value: unknown): Node => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : {});
const asList = (value: unknown): Node[] => (Array.isArray(value) ? value.map(asNode) : value === undefined ? [] : [asNode(value)]);
/** The text of an element, whether it has attributes (`{ "#text": …, "@Ccy": … }`) or not. */
const text = (value: unknown): string | null => {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && "#text" in value) return String((value as Node)["#text"]);
  return null;
};
const path = (node: unknown, ...names: string[]): unknown => names.reduce<unknown>((at, name) => asNode(at)[name], node);

/** A `DateAndDateTimeChoice` (`<Dt>` or `<DtTm>`), or an ISO date-time: its day, as the bank wrote it. */
function dayOf(choice: unknown): string | null {
  const value = text(choice) ?? text(path(choice, "Dt")) ?? text(path(choice, "DtTm"));
  if (!value) return null;
  const day = value.slice(0, 10);
  return isCalendarDate(day) ? day : null;
}

/**
 * Reads an ISO 20022 bank-to-customer statement (camt.053.001.02 to .13), the format French banks
 * (BNP Paribas, Société Générale, Crédit Agricole…) give through EBICS or their web banking. One
 * file may hold several statements (one per account, or per day): each is returned. Only booked
 * entries (`Sts` BOOK) are statement lines; the sign is the entry's `CdtDbtInd` (CRDT money in).
 * An entry reporting a batch (several `TxDtls`) is one line, as the bank booked it.
 */
export function parseCamt053(content: string): ParsedStatement[] {
  // A statement never declares a document type; refusing one keeps entity expansion out.
  if (/<!DOCTYPE/i.test(content)) throw badFile("CAMT.053: a DOCTYPE is not allowed in a bank statement");
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    throw badFile(`CAMT.053: the file is not well-formed XML, line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  const document = asNode(parser.parse(content)).Document;
  // The namespace says the message and its version (the parser drops namespaces from names and attributes).
  const namespace =
    /<(?:[\w.-]+:)?Document\b[^>]*?\sxmlns(?::[\w.-]+)?="([^"]*camt[^"]*)"/.exec(content)?.[1] ??
    /<(?:[\w.-]+:)?Document\b[^>]*?\sxmlns="([^"]*)"/.exec(content)?.[1] ??
    "";
  const version = CAMT_053.exec(namespace);
  if (!document || !version) {
    throw badFile(
      `CAMT.053: the root element must be <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx">, got "${namespace}"`,
    );
  }
  const number = Number(version[1]);
  if (number < FIRST_VERSION || number > LAST_VERSION) throw badFile(`CAMT.053: version camt.053.001.${version[1]} is not read`);
  const statements = asList(path(document, "BkToCstmrStmt", "Stmt"));
  if (statements.length === 0) throw badFile("CAMT.053: the file holds no statement (BkToCstmrStmt/Stmt)");
  // Where each entry starts in the file, in document order, to name its line in errors.
  const entryLines = linesOfTag(content, /<(?:[\w.-]+:)?Ntry[\s>]/g);
  let entryIndex = 0;
  return statements.map((statement, s) => {
    const where = `statement ${s + 1}`;
    const statementRef = cleanText(text(statement.Id), 100);
    if (!statementRef) throw badFile(`CAMT.053: ${where} has no Id`);
    const account = asNode(statement.Acct);
    const accountIdentifier = cleanText(text(path(account, "Id", "IBAN")) ?? text(path(account, "Id", "Othr", "Id")), 60)?.replace(
      / /g,
      "",
    );
    if (!accountIdentifier) throw badFile(`CAMT.053: ${where} (${statementRef}) names no account (Acct/Id/IBAN)`);
    const currency = text(account.Ccy);
    if (currency && currency !== "EUR") throw badFile(`CAMT.053: ${where} (${statementRef}) is in ${currency}; the books are kept in EUR`);

    const lines: ParsedLine[] = [];
    for (const [e, entry] of asList(statement.Ntry).entries()) {
      const sourceLine = entryLines[entryIndex++] ?? 0;
      const at = `${where} (${statementRef}), entry ${e + 1} (line ${sourceLine})`;
      const status = text(entry.Sts) ?? text(path(entry, "Sts", "Cd"));
      if (status !== "BOOK") continue;
      const amountText = text(entry.Amt);
      const currencyOfAmount = text(path(entry.Amt, "@Ccy"));
      if (currencyOfAmount && currencyOfAmount !== "EUR")
        throw badFile(`CAMT.053: ${at}: Amt is in ${currencyOfAmount}; the books are kept in EUR`);
      const cents = amountText === null ? null : parseCents(amountText, ".");
      if (cents === null || cents < 0n) throw badFile(`CAMT.053: ${at}: Amt "${amountText ?? ""}" is not an amount`);
      const indicator = text(entry.CdtDbtInd);
      if (indicator !== "CRDT" && indicator !== "DBIT")
        throw badFile(`CAMT.053: ${at}: CdtDbtInd must be CRDT or DBIT, got "${indicator ?? ""}"`);
      if (cents === 0n) continue;
      const bookingDate = dayOf(entry.BookgDt);
      if (!bookingDate) throw badFile(`CAMT.053: ${at}: BookgDt is missing or not a date`);
      const details = asList(entry.NtryDtls).flatMap((group) => asList(group.TxDtls));
      const credit = indicator === "CRDT";
      const parties = details.map((detail) => {
        // The other party: who paid a credit, who was paid a debit (v08+ wraps it in Pty).
        const party = path(detail, "RltdPties", credit ? "Dbtr" : "Cdtr");
        return cleanText(text(path(party, "Nm")) ?? text(path(party, "Pty", "Nm")), 140);
      });
      const distinctParties = [...new Set(parties.filter((name): name is string => name !== null))];
      const remittance = details.flatMap((detail) => {
        const unstructured = path(detail, "RmtInf", "Ustrd");
        return [
          ...(Array.isArray(unstructured) ? unstructured.map(text) : []),
          ...asList(path(detail, "RmtInf", "Strd")).map((structured) => text(path(structured, "CdtrRefInf", "Ref"))),
        ];
      });
      const endToEndIds = details
        .map((detail) => cleanText(text(path(detail, "Refs", "EndToEndId")), 35))
        .filter((id): id is string => id !== null && id !== "NOTPROVIDED");
      const remittanceText = cleanText([...new Set(remittance.filter((part): part is string => !!part))].join(" | "));
      lines.push({
        bookingDate,
        valueDate: dayOf(entry.ValDt),
        amountCents: credit ? cents : -cents,
        label:
          cleanText(text(entry.AddtlNtryInf)) ??
          cleanText([distinctParties.join(", "), remittanceText].filter(Boolean).join(" ")) ??
          (credit ? "Crédit" : "Débit"),
        counterparty:
          distinctParties.length === 1 ? distinctParties[0] : distinctParties.length > 1 ? cleanText(distinctParties.join(", ")) : null,
        bankReference: cleanText(text(entry.AcctSvcrRef) ?? text(entry.NtryRef), 100),
        endToEndId: endToEndIds.length > 0 ? cleanText([...new Set(endToEndIds)].join(" | "), 500) : null,
        remittance: remittanceText,
        sourceLine,
      });
    }

    const balances = asList(statement.Bal).map((balance) => {
      const code = text(path(balance, "Tp", "CdOrPrtry", "Cd"));
      const amount = text(balance.Amt);
      const cents = amount === null ? null : parseCents(amount, ".");
      if (cents === null || cents < 0n)
        throw badFile(`CAMT.053: ${where} (${statementRef}): balance ${code ?? ""} Amt "${amount ?? ""}" is not an amount`);
      return { code, cents: text(balance.CdtDbtInd) === "DBIT" ? -cents : cents, day: dayOf(balance.Dt) };
    });
    // Opening: booked (OPBD), else the previous closing (PRCD); closing: booked (CLBD).
    const opening = balances.find((b) => b.code === "OPBD") ?? balances.find((b) => b.code === "PRCD") ?? null;
    const closing = balances.find((b) => b.code === "CLBD") ?? null;
    const sum = lines.reduce((total, line) => total + line.amountCents, 0n);
    if (opening && closing && opening.cents + sum !== closing.cents) {
      throw badFile(
        `CAMT.053: ${where} (${statementRef}): the balances do not add up: opening ${eurosText(opening.cents)} + booked entries ${eurosText(sum)} ≠ closing ${eurosText(closing.cents)} (a truncated or altered file?)`,
      );
    }
    const days = lines.map((line) => line.bookingDate).sort();
    const fromDate = dayOf(path(statement, "FrToDt", "FrDtTm")) ?? days[0] ?? closing?.day ?? opening?.day;
    const toDate = dayOf(path(statement, "FrToDt", "ToDtTm")) ?? closing?.day ?? days.at(-1) ?? fromDate;
    if (!fromDate || !toDate) throw badFile(`CAMT.053: ${where} (${statementRef}) has no period (FrToDt), no balance and no entry`);
    return {
      accountIdentifier,
      statementRef,
      fromDate: fromDate <= toDate ? fromDate : toDate,
      toDate: fromDate <= toDate ? toDate : fromDate,
      openingBalanceCents: opening?.cents ?? null,
      closingBalanceCents: closing?.cents ?? null,
      lines,
    };
  });
}
