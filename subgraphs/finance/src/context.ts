import type { RequestContext } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createActivityAccountLoaders } from "./accounts/activity-account.loaders";
import { createBankLoaders } from "./bank/bank.loaders";
import { createBooksLoaders } from "./books/books.loaders";
import { createContributionLoaders } from "./contributions/contribution.loaders";
import { createCreditNoteLoaders } from "./credit-notes/credit-note.loaders";
import { createCustomerLoaders } from "./customers/customer.loaders";
import { createExpenseLoaders } from "./expenses/expense.loaders";
import { createInvoiceLoaders } from "./invoices/invoice.loaders";
import { createPaymentLoaders } from "./payments/payment.loaders";
import { createQuoteLoaders } from "./quotes/quote.loaders";
import { createSettingsLoaders } from "./settings/settings.loaders";
import { createStatementLoaders } from "./statement/statement.loaders";
import { createCashLoaders } from "./cash/cash.loaders";
import { createPurchaseLoaders } from "./supplier-invoices/purchase-loaders";

/** Every concept's loaders, made afresh for each request. */
export function createLoaders(db: DataSource) {
  return {
    ...createActivityAccountLoaders(db),
    ...createSettingsLoaders(db),
    ...createCustomerLoaders(db),
    ...createQuoteLoaders(db),
    ...createInvoiceLoaders(db),
    ...createCreditNoteLoaders(db),
    ...createPaymentLoaders(db),
    ...createExpenseLoaders(db),
    ...createContributionLoaders(db),
    ...createStatementLoaders(db),
    ...createBooksLoaders(db),
    ...createPurchaseLoaders(db),
    ...createCashLoaders(db),
    ...createBankLoaders(db),
  };
}

export type FinanceLoaders = ReturnType<typeof createLoaders>;
export type FinanceContext = RequestContext<FinanceLoaders>;
