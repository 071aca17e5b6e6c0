import { financePolicy } from "./access";
import { AuditEventEntity, auditTrailResolver, buildFederatedSchema, ownCooperativeReference, type SubgraphDefinition } from "@cae/shared";
import { ActivityAccountEntity } from "./accounts/activity-account.entity";
import { resolveActivityAccountReference, resolvePersonReference } from "./accounts/activity-account.reference";
import { Cooperative } from "./accounts/activity-account.type";
import { ContributionEntryEntity, SalaryCostEntity } from "./contributions/contribution.entity";
import { createLoaders, type FinanceLoaders } from "./context";
import { CreditNoteEntity, CreditNoteLineEntity } from "./credit-notes/credit-note.entity";
import { CustomerEntity } from "./customers/customer.entity";
import { ExpenseEntity } from "./expenses/expense.entity";
import { InvoiceEntity, InvoiceLineEntity } from "./invoices/invoice.entity";
import { migrations } from "./migrations";
import { financeEventHandlers } from "./events/handlers";
import { PaymentEntity } from "./payments/payment.entity";
import { QuoteEntity, QuoteLineEntity } from "./quotes/quote.entity";
import { FinanceSettingsEntity } from "./settings/settings.entity";
import { JournalEntryEntity, JournalLineEntity } from "./books/journal.entity";
import { SupplierEntity } from "./suppliers/supplier.entity";
import { PurchaseFileEntity } from "./supplier-invoices/purchase-file";
import { SupplierInvoiceAmountEntity, SupplierInvoiceEntity } from "./supplier-invoices/supplier-invoice.entity";
import { ExpenseReportEntity, ExpenseReportLineEntity, MileageTripEntity } from "./expense-reports/expense-report.entity";
import { TransferAccountEntity, TransferBatchEntity, TransferItemEntity } from "./transfers/transfer.entity";
import { BankMatchEntity, BankStatementEntity, BankStatementLineEntity } from "./bank/bank.entity";
// Resolvers last, in this order on purpose: their modules load in it, which gives the SDL its field and mutation order.
import { AccountCustomersResolver } from "./customers/customer.resolver";
import { AccountExpensesResolver } from "./expenses/expense.resolver";
import { AccountContributionsResolver } from "./contributions/contribution.resolver";
import {
  ActivityAccountResolver,
  CooperativeActivityAccountResolver,
  PersonActivityAccountsResolver,
} from "./accounts/activity-account.resolver";
import { AccountStatementResolver } from "./statement/statement.resolver";
import { AccountPaySimulationResolver, CooperativePaySimulationResolver } from "./simulation/pay-simulation.resolver";
import { FinanceIndicatorsResolver } from "./indicators/indicators.resolver";
import { AccountQuotesResolver, QuoteResolver } from "./quotes/quote.resolver";
import { AccountInvoicesResolver, CooperativeInvoicesResolver, InvoiceResolver } from "./invoices/invoice.resolver";
import { CooperativeCreditNotesResolver, CreditNoteResolver, InvoiceCreditNotesResolver } from "./credit-notes/credit-note.resolver";
import { InvoicePaymentsResolver, PaymentResolver } from "./payments/payment.resolver";
import { FinanceSettingsResolver } from "./settings/settings.resolver";
import { CooperativeBooksResolver, JournalEntryResolver } from "./books/books.resolver";
import { CooperativeFecResolver } from "./books/fec/fec.resolver";
import { financeFiles } from "./books/fec/fec.routes";
import { PayrollImportResolver } from "./payroll/payroll.resolver";
import { AccountCashResolver, CooperativeActivityAccountsResolver, InvoiceToRemindResolver } from "./cash/cash.resolver";
import { CooperativeSuppliersResolver } from "./suppliers/supplier.resolver";
import { AccountSupplierInvoicesResolver, SupplierInvoiceResolver } from "./supplier-invoices/supplier-invoice.resolver";
import { AccountExpenseReportsResolver } from "./expense-reports/expense-report.resolver";
import { CooperativeTransfersResolver, TransferBatchResolver } from "./transfers/transfer.resolver";
import {
  BankStatementLineResolver,
  BankStatementResolver,
  CooperativeBankResolver,
  UnmatchedBankLinesResolver,
} from "./bank/bank.resolver";
import { CooperativeReceivedInvoiceResolver } from "./facturx/received.resolver";

export type { FinanceContext } from "./context";

/** The finance subgraph: activity accounts, settings, customers, invoices, credit notes, payments, expenses, the contribution. */
export const finance: SubgraphDefinition<FinanceLoaders> = {
  name: "finance",
  entities: [
    ActivityAccountEntity,
    AuditEventEntity,
    FinanceSettingsEntity,
    CustomerEntity,
    InvoiceEntity,
    InvoiceLineEntity,
    CreditNoteEntity,
    CreditNoteLineEntity,
    PaymentEntity,
    ExpenseEntity,
    ContributionEntryEntity,
    SalaryCostEntity,
    QuoteEntity,
    QuoteLineEntity,
    JournalEntryEntity,
    JournalLineEntity,
    SupplierEntity,
    PurchaseFileEntity,
    SupplierInvoiceEntity,
    SupplierInvoiceAmountEntity,
    ExpenseReportEntity,
    ExpenseReportLineEntity,
    MileageTripEntity,
    TransferAccountEntity,
    TransferBatchEntity,
    TransferItemEntity,
    BankStatementEntity,
    BankStatementLineEntity,
    BankMatchEntity,
  ],
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [
        PersonActivityAccountsResolver,
        ActivityAccountResolver,
        CooperativeActivityAccountResolver,
        auditTrailResolver(Cooperative, "finance"),
        FinanceSettingsResolver,
        AccountCustomersResolver,
        QuoteResolver,
        AccountQuotesResolver,
        InvoiceResolver,
        AccountInvoicesResolver,
        CooperativeInvoicesResolver,
        CreditNoteResolver,
        InvoiceCreditNotesResolver,
        CooperativeCreditNotesResolver,
        PaymentResolver,
        InvoicePaymentsResolver,
        AccountExpensesResolver,
        AccountContributionsResolver,
        AccountStatementResolver,
        AccountPaySimulationResolver,
        CooperativePaySimulationResolver,
        FinanceIndicatorsResolver,
        CooperativeBooksResolver,
        CooperativeFecResolver,
        JournalEntryResolver,
        PayrollImportResolver,
        AccountCashResolver,
        InvoiceToRemindResolver,
        CooperativeActivityAccountsResolver,
        CooperativeSuppliersResolver,
        AccountSupplierInvoicesResolver,
        SupplierInvoiceResolver,
        AccountExpenseReportsResolver,
        CooperativeTransfersResolver,
        TransferBatchResolver,
        CooperativeBankResolver,
        UnmatchedBankLinesResolver,
        BankStatementResolver,
        BankStatementLineResolver,
        CooperativeReceivedInvoiceResolver,
      ],
      // Only extended here (its audit trail): type-graphql leaves it out unless listed.
      orphanedTypes: [Cooperative],
      policy: financePolicy,
      referenceResolvers: {
        ActivityAccount: { __resolveReference: resolveActivityAccountReference },
        Person: { __resolveReference: resolvePersonReference },
        Cooperative: { __resolveReference: ownCooperativeReference },
      },
    }),
  createLoaders,
  eventHandlers: financeEventHandlers,
  files: financeFiles,
};

// The tables and the rules that fill them, for the tooling (demo data, tests); the service itself
// reaches them by their modules.
export { ActivityAccountEntity } from "./accounts/activity-account.entity";
export { postSources } from "./books/posting";
export { checkFec, fecBody } from "./books/fec/fec.service";
export { decodeFec } from "./books/fec/fec-format";
export { FecValidator, fecRecords } from "./books/fec/fec-validator";
export { accountBrackets, monthlyContribution, storedParts, type MonthFigures } from "./contributions/contribution.compute";
export type { StoredPart } from "./contributions/contribution.entity";
export type { CustomerKind } from "./customers/customer.entity";
export type { ExpenseCategory } from "./expenses/expense.entity";
export { settledStatus, type InvoiceStatus } from "./invoices/invoice.entity";
export type { LineRow } from "./invoices/lines";
export { formatNumber } from "./invoices/numbering";
export { documentTotals, formatQuantity, formatRate, parseRate, type Bracket, type VatRate } from "./money/arithmetic";
export { lastDayOfMonth } from "./money/dates";
export type { PaymentMethod } from "./payments/payment.entity";
export type { ContributionBasis, StoredBracket } from "./settings/settings.entity";
export { vatNumberOf } from "./settings/vat-number";
export { parseReceivedInvoice, readReceivedFile, type ReceivedInvoice } from "./facturx/received";
