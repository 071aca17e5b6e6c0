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
    AuditEventEdge: rules.part,
  },
  fields: {
    "Cooperative.invoices": rules.staff,
    // A simulation from figures the caller gives: the cooperative's staff and entrepreneurs.
    "Cooperative.paySimulation": rules.members,
    "Cooperative.financeIndicators": rules.aggregates,
    "Cooperative.financeAuditTrail": rules.admins,
  },
};
