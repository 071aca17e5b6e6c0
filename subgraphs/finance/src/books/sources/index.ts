import type { PostingSource } from "../entry";
import { contributionPosting } from "../../contributions/contribution.posting";
import { creditNotePosting } from "../../credit-notes/credit-note.posting";
import { expensePosting } from "../../expenses/expense.posting";
import { expenseReportPosting } from "../../expense-reports/expense-report.posting";
import { invoicePosting } from "../../invoices/invoice.posting";
import { paymentPosting } from "../../payments/payment.posting";
import { salaryCostPosting } from "../../payroll/salary-cost.posting";
import { supplierInvoicePosting } from "../../supplier-invoices/supplier-invoice.posting";
import { purchasePaymentPosting } from "../../transfers/transfer.posting";

/** Every kind of source the journal is posted from (docs/books.md, "What is posted where"). */
export const POSTING_SOURCES: readonly PostingSource<unknown>[] = [
  invoicePosting,
  creditNotePosting,
  paymentPosting,
  expensePosting,
  contributionPosting,
  salaryCostPosting,
  supplierInvoicePosting,
  expenseReportPosting,
  purchasePaymentPosting,
];
