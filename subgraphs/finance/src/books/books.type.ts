import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, LocalDateScalar, PageArgs, Sector } from "@cae/shared";
import type { Sector as SectorValue } from "@cae/shared";
import { JOURNALS, type JournalCode } from "./entry";

export const Journal = Object.fromEntries(Object.keys(JOURNALS).map((code) => [code, code])) as { [K in JournalCode]: K };
registerEnumType(Journal, {
  name: "Journal",
  description: "The cooperative's journals (journaux), by their code in the FEC.",
  valuesConfig: {
    VE: { description: "Ventes: invoices and credit notes." },
    AC: { description: "Achats: supplier invoices and expense reports." },
    BQ: { description: "Banque: money in and out (payments, expenses paid, transfers)." },
    OD: { description: "Opérations diverses: the contribution, salaries, adjustments." },
  },
});

@ObjectType({ description: "How the cooperative's chart maps a posting role to its own account number (plan comptable général)." })
export class LedgerAccount {
  @Field(() => String, { description: 'What the posting rules call the account ("CUSTOMERS", "VAT_COLLECTED_STANDARD_20"…).' })
  role: string;

  @Field(() => Sector, {
    nullable: true,
    description: "The sector this mapping applies to (revenue accounts only); null for every sector.",
  })
  sector: SectorValue | null;

  @Field(() => String, { description: "The account number (numéro de compte): its first three digits are the PCG's." })
  number: string;

  @Field(() => String, { description: "The account's label (libellé)." })
  label: string;

  @Field(() => String, { description: "What the role is used for." })
  description: string;
}

@InputType({ description: "A new number and label for a role of the chart, from the next posted entry on (posted entries keep theirs)." })
export class SetLedgerAccountInput {
  @Field(() => String, { description: "The role, as `ledgerAccounts` lists them." })
  role: string;

  @Field(() => Sector, { nullable: true, description: "For a revenue role, the sector it applies to; null for the role itself." })
  sector?: SectorValue | null;

  @Field(() => String, { description: "The number: 3 PCG digits, then up to 17 digits or capital letters (FEC rule)." })
  number: string;

  @Field(() => String, { description: "The label, 1 to 200 characters." })
  label: string;
}

@ObjectType({ description: "A line of a journal entry (ligne d'écriture)." })
export class JournalLine {
  @Field(() => String, { description: "Account number (CompteNum)." })
  ledgerNumber: string;

  @Field(() => String, { description: "Account label (CompteLib)." })
  ledgerLabel: string;

  @Field(() => String, { nullable: true, description: "Auxiliary account: a customer, a supplier, a person (CompAuxNum)." })
  auxNumber: string | null;

  @Field(() => String, { nullable: true, description: "Auxiliary account's label (CompAuxLib)." })
  auxLabel: string | null;

  @Field(() => String, { description: "The line's label (EcritureLib)." })
  label: string;

  @Field(() => CentsScalar, { description: "Debit, in cents (0 on a credit line)." })
  debitCents: bigint;

  @Field(() => CentsScalar, { description: "Credit, in cents (0 on a debit line)." })
  creditCents: bigint;

  @Field(() => String, { description: "The activity's analytic code, or STRUCTURE for the cooperative's own." })
  analyticCode: string;
}

@ObjectType({ description: "A journal entry (écriture comptable): balanced, numbered without gaps per journal and year, never changed." })
export class JournalEntry {
  @Field(() => String, { description: 'Its reference, journal, year and number: "VE2026-000042" (EcritureNum).' })
  reference: string;

  @Field(() => Journal, { description: "The journal." })
  journal: JournalCode;

  @Field(() => Int, { description: "The fiscal year." })
  fiscalYear: number;

  @Field(() => Int, { description: "Its number in the journal and year, from 1, without gaps." })
  number: number;

  @Field(() => LocalDateScalar, {
    description: "Its date in the books (EcritureDate): the operation's, or the first open day when its month was locked.",
  })
  date: string;

  @Field(() => String, { description: "The piece it is posted from: an invoice number, a receipt (PieceRef)." })
  pieceRef: string;

  @Field(() => LocalDateScalar, { description: "The piece's date (PieceDate)." })
  pieceDate: string;

  @Field(() => String, { description: "Its label." })
  label: string;

  @Field(() => LocalDateScalar, { description: "The day it was posted (ValidDate)." })
  validatedOn: string;

  @Field(() => String, { description: 'What it was posted from ("INVOICE", "PAYMENT"…).' })
  sourceKind: string;

  id: string;
  accountId: string | null;
}

export const JournalEntryConnection = connectionType(JournalEntry, "JournalEntry", "journal entry");

@ArgsType()
export class JournalEntriesArgs extends PageArgs {
  @Field(() => LocalDateScalar, { description: "First day (its date in the books)." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day." })
  to: string;

  @Field(() => Journal, { nullable: true, description: "One journal only." })
  journal?: JournalCode | null;
}

@ArgsType()
export class PeriodArgs {
  @Field(() => LocalDateScalar, { description: "First day." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day." })
  to: string;
}

@ObjectType({ description: "An account's movements over a period (balance générale)." })
export class LedgerBalance {
  @Field(() => String, { description: "Account number." })
  ledgerNumber: string;

  @Field(() => String, { description: "Account label (the latest posted)." })
  ledgerLabel: string;

  @Field(() => CentsScalar, { description: "Sum of debits." })
  debitCents: bigint;

  @Field(() => CentsScalar, { description: "Sum of credits." })
  creditCents: bigint;

  @Field(() => CentsScalar, { description: "Debits minus credits." })
  balanceCents: bigint;
}

@ObjectType({ description: "The trial balance of a period: every account moved, and the totals, which are equal." })
export class TrialBalance {
  @Field(() => LocalDateScalar, { description: "First day." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day." })
  to: string;

  @Field(() => [LedgerBalance], { description: "The accounts, by number." })
  accounts: LedgerBalance[];

  @Field(() => CentsScalar, { description: "Total debits." })
  debitCents: bigint;

  @Field(() => CentsScalar, { description: "Total credits (equal to the debits)." })
  creditCents: bigint;
}

@InputType({ description: "Closes the books up to a month's end." })
export class LockBooksInput {
  @Field(() => String, { description: 'The last month closed, "YYYY-MM": a month that is over, after the one already closed.' })
  through: string;
}

@ObjectType({ description: "How far the books are closed." })
export class BooksLock {
  @Field(() => LocalDateScalar, { nullable: true, description: "The last day closed; null while nothing is." })
  lockedThrough: string | null;
}
