import { encodeId, rules, type AccessPolicy } from "@cae/shared";
import type { FinanceContext } from "./context";

/** The person whose activity an account is (global ID); none for an unknown account. */
async function personOfAccount(accountId: string, ctx: FinanceContext): Promise<readonly string[]> {
  const account = await ctx.loaders.activityAccountById.load(accountId);
  return account ? [encodeId(ctx.cooperativeId, account.personId)] : [];
}

/** An object of one activity account: its entrepreneur's. */
const ofAccount = rules.aboutPeople((object: { accountId: string }, ctx: FinanceContext) => personOfAccount(object.accountId, ctx));

/**
 * Who may read what in the finance subgraph: an activity's money is its entrepreneur's personal
 * data. Every object type and the fields narrower than their object, applied wherever an object is
 * resolved (see shared/src/auth/policy.ts).
 */
export const financePolicy: AccessPolicy = {
  types: {
    Cooperative: rules.open,
    Person: rules.aboutPeople((person: { id: string }) => person.id),
    ActivityAccount: rules.aboutPeople((account: { person: { id: string } }) => account.person.id),
    Customer: ofAccount,
    Quote: ofAccount,
    Invoice: ofAccount,
    CreditNote: ofAccount,
    Expense: ofAccount,
    ContributionEntry: ofAccount,
    Payment: rules.aboutPeople(async (payment: { invoiceId: string }, ctx: FinanceContext) => {
      const invoice = await ctx.loaders.invoiceById.load(payment.invoiceId);
      return invoice ? personOfAccount(invoice.accountId, ctx) : [];
    }),
    SalaryCost: rules.staff,
    // Payroll results name people's pay: staff only (docs/payroll.md).
    PayrollImport: rules.staff,
    PayrollResult: rules.part,
    // An activity's cash is its entrepreneur's, reached from their account (docs/finance.md, "Cash per activity").
    ActivityCash: rules.part,
    ReceivableAgeing: rules.part,
    InvoiceToRemind: rules.part,
    DocumentLine: rules.part,
    VatAmount: rules.part,
    DocumentMentions: rules.part,
    ContributionPart: rules.part,
    ActivityStatement: rules.part,
    PaySimulation: rules.part,
    PaySimulationStep: rules.part,
    FinanceSettings: rules.members,
    ContributionBracket: rules.part,
    FinanceIndicators: rules.aggregates,
    FinanceMonth: rules.part,
    FinanceQuarter: rules.part,
    AuditEvent: rules.admins,
    PageInfo: rules.part,
    ActivityAccountConnection: rules.part,
    ActivityAccountEdge: rules.part,
    CustomerConnection: rules.part,
    CustomerEdge: rules.part,
    InvoiceConnection: rules.part,
    InvoiceEdge: rules.part,
    ExpenseConnection: rules.part,
    ExpenseEdge: rules.part,
    ContributionEntryConnection: rules.part,
    ContributionEntryEdge: rules.part,
    QuoteConnection: rules.part,
    QuoteEdge: rules.part,
    AuditEventConnection: rules.part,
    // The books name customers and activities: the cooperative's staff.
    LedgerAccount: rules.staff,
    JournalEntry: rules.staff,
    JournalLine: rules.part,
    JournalEntryConnection: rules.part,
    JournalEntryEdge: rules.part,
    TrialBalance: rules.staff,
    LedgerBalance: rules.part,
    VatReturn: rules.staff,
    VatReturnLine: rules.part,
    BooksLock: rules.staff,
    // The FEC gives the whole books out: the cooperative's administrators.
    FecExport: rules.admins,
    FecFailure: rules.part,
    AuditEventEdge: rules.part,
    // Purchases (docs/purchases.md): an activity's supplier invoices and expense reports are its
    // entrepreneur's; a supplier is read through one of them or the staff's list; transfers are staff's.
    Supplier: rules.part,
    SupplierConnection: rules.part,
    SupplierEdge: rules.part,
    SupplierInvoice: ofAccount,
    SupplierInvoiceConnection: rules.part,
    SupplierInvoiceEdge: rules.part,
    PurchaseVatAmount: rules.part,
    PurchaseFile: rules.part,
    ExpenseReport: ofAccount,
    ExpenseReportConnection: rules.part,
    ExpenseReportEdge: rules.part,
    ExpenseReportLine: rules.part,
    MileageAllowance: rules.part,
    TransferBatch: rules.staff,
    TransferBatchConnection: rules.part,
    TransferBatchEdge: rules.part,
    TransferItem: rules.part,
    TransferAccount: rules.part,
    // Bank matching (docs/bank.md): bank lines name the people the cooperative paid or was paid by
    // (salaries, expense reports, customers): the cooperative's staff; only its administrators change them.
    BankStatement: rules.staff,
    BankStatementLine: rules.staff,
    BankJournalEntry: rules.staff,
    BankMatch: rules.part,
    BankMatchSuggestion: rules.part,
    UnmatchedBankLines: rules.staff,
    ImportBankStatementResult: rules.staff,
    BankStatementConnection: rules.part,
    BankStatementEdge: rules.part,
    BankStatementLineConnection: rules.part,
    BankStatementLineEdge: rules.part,
    BankJournalEntryConnection: rules.part,
    BankJournalEntryEdge: rules.part,
    // Issue 18: the decennial insurance is part of the settings; a received e-invoice is what the caller's own file says.
    DecennialInsurance: rules.part,
    ReceivedInvoice: rules.part,
    ReceivedParty: rules.part,
    ReceivedVatAmount: rules.part,
  },
  fields: {
    "Cooperative.invoices": rules.staff,
    // A simulation from figures the caller gives: the cooperative's staff and entrepreneurs.
    "Cooperative.paySimulation": rules.members,
    "Cooperative.financeIndicators": rules.aggregates,
    "Cooperative.financeAuditTrail": rules.admins,
    // Every activity of the cooperative: a list of people's accounts, its staff's.
    "Cooperative.activityAccounts": rules.staff,
    "Cooperative.ledgerAccounts": rules.staff,
    "Cooperative.journalEntries": rules.staff,
    "Cooperative.trialBalance": rules.staff,
    "Cooperative.vatReturn": rules.staff,
    "Cooperative.booksLock": rules.staff,
    "Cooperative.fecExport": rules.admins,
    "Cooperative.suppliers": rules.staff,
    "Cooperative.transferBatches": rules.staff,
    "Cooperative.transferAccount": rules.staff,
    "Cooperative.bankStatements": rules.staff,
    "Cooperative.unmatchedBankLines": rules.staff,
    // Reads the file the caller gives, nothing of the cooperative's: its staff and entrepreneurs (who record their activities' purchases).
    "Cooperative.readReceivedInvoice": rules.members,
  },
};
