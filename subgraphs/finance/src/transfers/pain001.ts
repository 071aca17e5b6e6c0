import { formatEuros } from "@cae/shared";
import { sepaId, sepaText } from "./sepa-text";

/**
 * A SEPA credit transfer initiation, ISO 20022 `pain.001.001.03` (docs/purchases.md, "The SEPA
 * file"): the version every French bank takes under the CFONB's guidelines and the EPC's 2009 ISO
 * base of the SEPA Credit Transfer rulebook; `pain.001.001.09` is taken by some banks only. The
 * file is validated against the ISO schema vendored in `schema/` in the tests.
 *
 * One payment information block (one debtor account, one requested execution date), one
 * transaction per invoice or expense report paid, so that each payment carries its own end-to-end
 * ID and remittance information (the creditor matches it to one invoice; the bank statement gives
 * the end-to-end ID back, which the bank matching reads).
 */

export interface Pain001Party {
  name: string;
  iban: string;
  bic: string | null;
}

export interface Pain001Transaction {
  endToEndId: string;
  amountCents: bigint;
  creditor: Pain001Party;
  /** Unstructured remittance information: the invoice numbers it pays (140 characters at most). */
  remittance: string;
}

export interface Pain001Batch {
  messageId: string;
  /** Creation date and time of the file, local time in France (YYYY-MM-DDThh:mm:ss, as the CFONB guidelines write it). */
  createdAt: string;
  requestedExecutionOn: string;
  debtor: Pain001Party;
  transactions: readonly Pain001Transaction[];
}

export const PAIN001_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

/** Cents as the file writes amounts: a dot and two decimals ("1234.50"). */
export function sepaAmount(cents: bigint): string {
  if (cents < 0n) throw new RangeError("a transfer's amount is never negative");
  return formatEuros(cents);
}

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** One element with a text, already reduced to the SEPA set. */
const element = (name: string, text: string): string => `<${name}>${escape(text)}</${name}>`;

/** Names are 70 characters at most in the SEPA guidelines (the ISO type allows 140). */
const NAME_MAX = 70;

const agent = (bic: string | null): string =>
  bic ? `<FinInstnId>${element("BIC", bic)}</FinInstnId>` : `<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>`;

/** The pain.001.001.03 XML of a batch, UTF-8, indented two spaces. */
export function pain001(batch: Pain001Batch): string {
  if (batch.transactions.length === 0) throw new RangeError("a transfer file has one transaction at least");
  const count = String(batch.transactions.length);
  const controlSum = sepaAmount(batch.transactions.reduce((sum, transaction) => sum + transaction.amountCents, 0n));
  const debtorName = sepaText(batch.debtor.name, NAME_MAX);
  const lines: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<Document xmlns="${PAIN001_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    `  <CstmrCdtTrfInitn>`,
    `    <GrpHdr>`,
    `      ${element("MsgId", sepaId(batch.messageId))}`,
    `      ${element("CreDtTm", batch.createdAt)}`,
    `      ${element("NbOfTxs", count)}`,
    `      ${element("CtrlSum", controlSum)}`,
    `      <InitgPty>${element("Nm", debtorName)}</InitgPty>`,
    `    </GrpHdr>`,
    `    <PmtInf>`,
    `      ${element("PmtInfId", sepaId(batch.messageId))}`,
    `      <PmtMtd>TRF</PmtMtd>`,
    `      <BtchBookg>false</BtchBookg>`,
    `      ${element("NbOfTxs", count)}`,
    `      ${element("CtrlSum", controlSum)}`,
    `      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>`,
    `      ${element("ReqdExctnDt", batch.requestedExecutionOn)}`,
    `      <Dbtr>${element("Nm", debtorName)}</Dbtr>`,
    `      <DbtrAcct><Id>${element("IBAN", batch.debtor.iban)}</Id><Ccy>EUR</Ccy></DbtrAcct>`,
    `      <DbtrAgt>${agent(batch.debtor.bic)}</DbtrAgt>`,
    `      <ChrgBr>SLEV</ChrgBr>`,
  ];
  for (const transaction of batch.transactions) {
    lines.push(
      `      <CdtTrfTxInf>`,
      `        <PmtId>${element("EndToEndId", sepaId(transaction.endToEndId))}</PmtId>`,
      `        <Amt><InstdAmt Ccy="EUR">${sepaAmount(transaction.amountCents)}</InstdAmt></Amt>`,
      // The creditor's bank: its BIC when known; since 2016 an IBAN alone reaches any bank of the SEPA area.
      ...(transaction.creditor.bic
        ? [`        <CdtrAgt><FinInstnId>${element("BIC", transaction.creditor.bic)}</FinInstnId></CdtrAgt>`]
        : []),
      `        <Cdtr>${element("Nm", sepaText(transaction.creditor.name, NAME_MAX))}</Cdtr>`,
      `        <CdtrAcct><Id>${element("IBAN", transaction.creditor.iban)}</Id></CdtrAcct>`,
      `        <RmtInf>${element("Ustrd", sepaText(transaction.remittance, 140))}</RmtInf>`,
      `      </CdtTrfTxInf>`,
    );
  }
  lines.push(`    </PmtInf>`, `  </CstmrCdtTrfInitn>`, `</Document>`, ``);
  return lines.join("\n");
}

/** The local date and time in France of an instant, as the file's creation date-time (no offset, as the CFONB writes it). */
export function frenchDateTime(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}
