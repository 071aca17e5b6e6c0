import type { RequestContext } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createActivityAccountLoaders } from "./accounts/activity-account.loaders";
import { createAccountListLoaders } from "./customers/customer.loaders";
import { createInvoiceLoaders } from "./invoices/invoice.loaders";
import { createQuoteLoaders } from "./quotes/quote.resolver";

export function createLoaders(db: DataSource) {
  return { ...createActivityAccountLoaders(db), ...createInvoiceLoaders(db), ...createAccountListLoaders(db), ...createQuoteLoaders(db) };
}

export type FinanceLoaders = ReturnType<typeof createLoaders>;
export type FinanceContext = RequestContext<FinanceLoaders>;
