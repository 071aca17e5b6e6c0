import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, DateTimeScalar, LocalDateScalar } from "@cae/shared";
import type { TransferBatchStatus as TransferBatchStatusValue } from "./transfer.entity";

export const TransferBatchStatus = { PREPARED: "PREPARED", EXECUTED: "EXECUTED", CANCELLED: "CANCELLED" } as const;
registerEnumType(TransferBatchStatus, {
  name: "TransferBatchStatus",
  description:
    "PREPARED (its file may be sent to the bank), EXECUTED (the bank paid: payments recorded and booked), CANCELLED (never sent).",
});

@ObjectType({ description: "The cooperative's bank account its transfers are paid from (debtor of the SEPA files)." })
export class TransferAccount {
  @Field(() => String, { description: "IBAN." })
  iban: string;

  @Field(() => String, { description: "BIC." })
  bic: string;
}

@ObjectType({ description: "One transfer of a batch: a supplier's invoice or an expense report paid." })
export class TransferItem {
  @Field(() => Int, { description: "Position in the file, from 1." })
  position: number;

  @Field(() => String, { description: "End-to-end ID of the transfer, given back by the bank statement." })
  endToEndId: string;

  @Field(() => CentsScalar, { description: "Amount." })
  amountCents: bigint;

  @Field(() => String, { description: "Creditor's name as the file writes it." })
  creditorName: string;

  @Field(() => String, { description: "Creditor's IBAN." })
  creditorIban: string;

  /** Copied onto the file. */
  creditorBic: string | null;

  @Field(() => String, { description: "Remittance information: the invoice or report it pays." })
  remittance: string;

  @Field(() => ID, { nullable: true, description: "The supplier's invoice it pays." })
  supplierInvoiceId: string | null;

  @Field(() => ID, { nullable: true, description: "The expense report it pays." })
  expenseReportId: string | null;
}

@ObjectType({ description: "A batch of SEPA credit transfers, one pain.001.001.03 file for the bank (staff only)." })
export class TransferBatch {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'Its number, the file\'s message ID ("VIR-000012").' })
  number: string;

  @Field(() => TransferBatchStatus, { description: "Status." })
  status: TransferBatchStatusValue;

  @Field(() => LocalDateScalar, { description: "Execution date requested of the bank." })
  requestedOn: string;

  @Field(() => DateTimeScalar, { description: "When it was prepared (the file's creation date-time)." })
  createdAt: Date;

  @Field(() => Int, { description: "Number of transfers." })
  transactionCount: number;

  @Field(() => CentsScalar, { description: "Control sum: the transfers' total." })
  totalCents: bigint;

  @Field(() => LocalDateScalar, { nullable: true, description: "Day the bank executed it." })
  executedOn: string | null;

  @Field(() => [TransferItem], { description: "The transfers." })
  items: TransferItem[];

  /** The stored batch, for the file. */
  debtor: { name: string; iban: string; bic: string };
}

export const TransferBatchConnection = connectionType(TransferBatch, "TransferBatch", "transfer batch");

@InputType({ description: "The cooperative's own bank account, debtor of its transfers." })
export class SetTransferAccountInput {
  @Field(() => ID, { description: "The cooperative." })
  cooperativeId: string;

  @Field(() => String, { description: "IBAN, checked by its key." })
  iban: string;

  @Field(() => String, { description: "BIC." })
  bic: string;
}

@InputType({ description: "A supplier's invoice to pay in a batch." })
export class InvoiceToPayInput {
  @Field(() => ID, { description: "The supplier's invoice." })
  id: string;

  @Field(() => CentsScalar, { nullable: true, description: "Amount to pay, above 0 and at most its balance; its balance when not given." })
  amountCents?: bigint | null;
}

@InputType({ description: "A batch of transfers to prepare." })
export class CreateTransferBatchInput {
  @Field(() => ID, { description: "The cooperative." })
  cooperativeId: string;

  @Field(() => LocalDateScalar, { description: "Execution date requested of the bank: today or later." })
  requestedOn: string;

  @Field(() => [InvoiceToPayInput], { description: "Supplier invoices to pay." })
  supplierInvoices: InvoiceToPayInput[];

  @Field(() => [ID], { description: "Approved expense reports to pay (in full)." })
  expenseReportIds: string[];
}

@InputType({ description: "A batch the bank executed." })
export class MarkTransferBatchExecutedInput {
  @Field(() => ID, { description: "The batch." })
  id: string;

  @Field(() => LocalDateScalar, { description: "Day the bank executed it (on the bank statement), not in the future." })
  executedOn: string;
}
