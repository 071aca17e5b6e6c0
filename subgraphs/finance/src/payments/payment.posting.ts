import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { LineDraft, PostingSource, PostingState } from "../books/entry";
import { TAXED_RATES, type LedgerRole } from "../books/ledger";
import { customerAux } from "../books/sales-vat";
import { roundDiv } from "../money/arithmetic";
import type { PaymentMethod } from "./payment.entity";

interface PaymentRow {
  id: string;
  seq: string;
  invoice_id: string;
  invoice_number: string;
  received_on: string;
  amount_cents: string;
  method: PaymentMethod;
  reference: string | null;
  reversal_of: string | null;
  account_id: string;
  analytic_code: string;
  sector: Sector;
  customer_seq: string;
  customer_name: string;
}

/** Where the money of a payment goes: a check waits to be cashed, cash goes to the till, the rest is on the bank account. */
const TREASURY: Record<PaymentMethod, LedgerRole> = {
  TRANSFER: "BANK",
  CARD: "BANK",
  DIRECT_DEBIT: "BANK",
  OTHER: "BANK",
  CHECK: "CHECKS_TO_CASH",
  CASH: "CASH",
};

/**
 * A payment, in the bank journal: the money comes in, the customer owes less. For services under
 * VAT on receipts, the payment makes due the part of the VAT awaiting payment it pays for (the
 * whole rest when it settles the invoice): moved from "awaiting" to "collected" with its base. A
 * reversal is its payment's entry the other way, to the cent.
 */
export const paymentPosting: PostingSource<PaymentRow> = {
  kind: "PAYMENT",
  order: 30,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT p.id, p.seq::text, p.invoice_id, i.number AS invoice_number, to_char(p.received_on, 'YYYY-MM-DD') AS received_on,
              p.amount_cents::text, p.method, p.reference, p.reversal_of,
              a.id AS account_id, a.analytic_code, a.sector, c.seq::text AS customer_seq, c.name AS customer_name
         FROM payments p
         JOIN invoices i ON i.id = p.invoice_id
         JOIN activity_accounts a ON a.id = i.account_id
         JOIN customers c ON c.id = i.customer_id
        WHERE ($1::uuid[] IS NULL OR p.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'PAYMENT' AND e.source_id = p.id)`,
      [ids],
    ),
  date: (row) => row.received_on,
  seq: (row) => BigInt(row.seq),
  documentOf: (row) => row.invoice_id,
  relatedOf: (row) => row.reversal_of,
  entry: (row, state) => {
    const amount = BigInt(row.amount_cents);
    const reversal = row.reversal_of !== null;
    const common = {
      sourceKind: "PAYMENT",
      sourceId: row.id,
      journal: "BQ" as const,
      date: row.received_on,
      pieceRef: row.invoice_number,
      pieceDate: row.received_on,
      label: `${reversal ? "Annulation règlement" : "Règlement"} ${row.invoice_number} ${row.customer_name}`,
      accountId: row.account_id,
      analyticCode: row.analytic_code,
      sector: row.sector,
      documentId: row.invoice_id,
    };
    if (reversal) {
      const original = state.linesOf(row.reversal_of as string);
      if (!original) throw new Error(`posting the reversal ${row.id}: the payment it cancels has no entry`);
      return { ...common, lines: original.map(opposite).map((line) => ({ ...line, label: common.label })) };
    }
    return {
      ...common,
      lines: [
        { role: TREASURY[row.method], debitCents: amount },
        { role: "CUSTOMERS", creditCents: amount, aux: customerAux(row.customer_seq, row.customer_name) },
        ...releasedVat(row.invoice_id, amount, state),
      ],
    };
  },
};

const opposite = (line: LineDraft): LineDraft => ({
  ...line,
  debitCents: line.creditCents,
  creditCents: line.debitCents,
  ...(line.vatBaseCents !== undefined ? { vatBaseCents: -line.vatBaseCents } : {}),
});

/** The VAT awaiting payment a payment makes due: its share of what the customer still owes, per rate, exact once settled. */
function releasedVat(invoiceId: string, amount: bigint, state: PostingState): LineDraft[] {
  const owed = -state.balance(invoiceId, "CUSTOMERS");
  const lines: LineDraft[] = [];
  for (const rate of TAXED_RATES) {
    const awaiting: LedgerRole = `VAT_ON_RECEIPTS_${rate}`;
    const pending = state.balance(invoiceId, awaiting);
    if (pending <= 0n) continue;
    const base = state.vatBase(invoiceId, awaiting);
    const settles = owed <= amount;
    const vat = settles ? pending : roundDiv(pending * amount, owed);
    const vatBase = settles ? base : roundDiv(base * amount, owed);
    if (vat <= 0n) continue;
    lines.push(
      { role: awaiting, debitCents: vat, vatBaseCents: -vatBase },
      { role: `VAT_COLLECTED_${rate}`, creditCents: vat, vatBaseCents: vatBase },
    );
  }
  return lines;
}
