import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { encodeId, mapConnection, PageArgs, pageOfQuery, STAFF } from "@cae/shared";
import { Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { frenchDateTime, pain001 } from "./pain001";
import { TransferAccountEntity, TransferBatchEntity, type TransferItemEntity } from "./transfer.entity";
import { cancelTransferBatch, createTransferBatch, markTransferBatchExecuted, setTransferAccount } from "./transfer.service";
import {
  CreateTransferBatchInput,
  MarkTransferBatchExecutedInput,
  SetTransferAccountInput,
  TransferAccount,
  TransferBatch,
  TransferBatchConnection,
} from "./transfer.type";

function toTransferBatch(batch: TransferBatchEntity, items: readonly TransferItemEntity[], cooperativeId: string): TransferBatch {
  return {
    id: encodeId(cooperativeId, batch.id),
    number: batch.number,
    status: batch.status,
    requestedOn: batch.requestedOn,
    createdAt: batch.createdAt,
    transactionCount: items.length,
    totalCents: batch.totalCents,
    executedOn: batch.executedOn,
    items: items.map((item) => ({
      position: item.position,
      endToEndId: item.endToEndId,
      amountCents: item.amountCents,
      creditorName: item.creditorName,
      creditorIban: item.creditorIban,
      creditorBic: item.creditorBic,
      remittance: item.remittance,
      supplierInvoiceId: item.supplierInvoiceId && encodeId(cooperativeId, item.supplierInvoiceId),
      expenseReportId: item.expenseReportId && encodeId(cooperativeId, item.expenseReportId),
    })),
    debtor: { name: batch.debtorName, iban: batch.debtorIban, bic: batch.debtorBic },
  };
}

async function withItems(batch: TransferBatchEntity, ctx: FinanceContext) {
  return toTransferBatch(batch, await ctx.loaders.transferItems.load(batch.id), ctx.cooperativeId);
}

@Resolver(() => Cooperative)
export class CooperativeTransfersResolver {
  @FieldResolver(() => TransferBatchConnection, {
    nullable: true,
    description: "The cooperative's transfer batches, latest first (staff only).",
  })
  async transferBatches(@Root() _cooperative: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const query = ctx.db.getRepository(TransferBatchEntity).createQueryBuilder("batch");
    const connection = await pageOfQuery(query, page, [{ column: "batch.seq", property: "seq" }], "DESC");
    const nodes = new Map(await Promise.all(connection.edges.map(async ({ node }) => [node, await withItems(node, ctx)] as const)));
    return mapConnection(connection, (batch) => nodes.get(batch) as TransferBatch);
  }

  @FieldResolver(() => TransferAccount, {
    nullable: true,
    description: "The cooperative's own account its transfers are paid from (staff only); null until set.",
  })
  async transferAccount(@Root() _cooperative: Cooperative, @Ctx() ctx: FinanceContext): Promise<TransferAccount | null> {
    return ctx.db.getRepository(TransferAccountEntity).findOneBy({ singleton: true });
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => TransferAccount, {
    description: "Sets the cooperative's own account, debtor of the batches prepared from now on (administrators).",
  })
  async setTransferAccount(@Arg("input", () => SetTransferAccountInput) input: SetTransferAccountInput, @Ctx() ctx: FinanceContext) {
    return setTransferAccount(ctx.db, ctx.cooperativeId, ctx.caller, input);
  }

  @Authorized(STAFF)
  @Mutation(() => TransferBatch, {
    description:
      "Prepares a batch of SEPA transfers paying supplier invoices (in full or in part) and approved expense reports; its pain.001 file is TransferBatch.pain001.",
  })
  async createTransferBatch(@Arg("input", () => CreateTransferBatchInput) input: CreateTransferBatchInput, @Ctx() ctx: FinanceContext) {
    return withItems(await createTransferBatch(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx);
  }

  @Authorized(STAFF)
  @Mutation(() => TransferBatch, {
    description: "Records that the bank executed a batch: invoices and reports paid, payments booked in the bank journal.",
  })
  async markTransferBatchExecuted(
    @Arg("input", () => MarkTransferBatchExecutedInput) input: MarkTransferBatchExecutedInput,
    @Ctx() ctx: FinanceContext,
  ) {
    return withItems(await markTransferBatchExecuted(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx);
  }

  @Authorized(STAFF)
  @Mutation(() => TransferBatch, { description: "Cancels a prepared batch that was not sent to the bank." })
  async cancelTransferBatch(@Arg("id", () => ID) id: string, @Ctx() ctx: FinanceContext) {
    return withItems(await cancelTransferBatch(ctx.db, ctx.cooperativeId, ctx.caller, id), ctx);
  }
}

@Resolver(() => TransferBatch)
export class TransferBatchResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The ISO 20022 pain.001.001.03 file (XML, UTF-8) to send to the bank; null for a cancelled batch.",
  })
  pain001(@Root() batch: TransferBatch): string | null {
    if (batch.status === "CANCELLED") return null;
    return pain001({
      messageId: batch.number,
      createdAt: frenchDateTime(batch.createdAt),
      requestedExecutionOn: batch.requestedOn,
      debtor: batch.debtor,
      transactions: batch.items.map((item) => ({
        endToEndId: item.endToEndId,
        amountCents: item.amountCents,
        creditor: { name: item.creditorName, iban: item.creditorIban, bic: item.creditorBic },
        remittance: item.remittance,
      })),
    });
  }
}
