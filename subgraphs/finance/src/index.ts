import { financePolicy } from "./access";
import { AuditEventEntity, auditTrailResolver, buildFederatedSchema, ownCooperativeReference, type SubgraphDefinition } from "@cae/shared";
import { AccountFinanceResolver, CooperativeFinanceResolver } from "./accounts/account-finance.resolver";
import { ContributionEntryEntity, SalaryCostEntity } from "./contributions/contribution.entity";
import { ExpenseEntity } from "./expenses/expense.entity";
import { FinanceIndicatorsResolver } from "./indicators/indicators.resolver";
import { ActivityAccountEntity } from "./accounts/activity-account.entity";
import { resolveActivityAccountReference, resolvePersonReference } from "./accounts/activity-account.reference";
import { ActivityAccountResolver, PersonActivityAccountsResolver } from "./accounts/activity-account.resolver";
import { Cooperative } from "./accounts/activity-account.type";
import { createLoaders, type FinanceLoaders } from "./context";
import { CreditNoteEntity, CreditNoteLineEntity } from "./credit-notes/credit-note.entity";
import { CustomerEntity } from "./customers/customer.entity";
import { AccountCustomersResolver } from "./customers/customer.resolver";
import { InvoiceEntity, InvoiceLineEntity } from "./invoices/invoice.entity";
import { CooperativeInvoicesResolver, CreditNoteResolver, InvoiceResolver, PaymentResolver } from "./invoices/invoice.resolver";
import { migrations } from "./migrations";
import { PaymentEntity } from "./payments/payment.entity";
import { QuoteEntity, QuoteLineEntity } from "./quotes/quote.entity";
import { AccountQuotesResolver, QuoteResolver } from "./quotes/quote.resolver";
import { seedDemo } from "./seed";
import { FinanceSettingsEntity } from "./settings/settings.entity";
import { FinanceSettingsResolver } from "./settings/settings.resolver";

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
  ],
  migrations,
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [
        ActivityAccountResolver,
        PersonActivityAccountsResolver,
        auditTrailResolver(Cooperative, "finance"),
        FinanceSettingsResolver,
        AccountCustomersResolver,
        InvoiceResolver,
        PaymentResolver,
        CreditNoteResolver,
        CooperativeInvoicesResolver,
        AccountFinanceResolver,
        CooperativeFinanceResolver,
        FinanceIndicatorsResolver,
        QuoteResolver,
        AccountQuotesResolver,
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
  seedDemo,
};
