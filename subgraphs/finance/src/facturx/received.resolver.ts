import { Args, FieldResolver, Resolver, Root } from "type-graphql";
import { Cooperative } from "../accounts/activity-account.type";
import { readReceivedFile } from "./received";
import { ReadReceivedInvoiceArgs, ReceivedInvoice } from "./received.type";

@Resolver(() => Cooperative)
export class CooperativeReceivedInvoiceResolver {
  @FieldResolver(() => ReceivedInvoice, {
    nullable: true,
    description:
      "Reads a supplier's e-invoice (Factur-X / ZUGFeRD PDF, CII or UBL XML): seller, number, dates, totals and amounts by rate, to record a supplier invoice from. Reads only; refused (BAD_USER_INPUT on file) when the file is not one.",
  })
  async readReceivedInvoice(@Root() _cooperative: Cooperative, @Args(() => ReadReceivedInvoiceArgs) args: ReadReceivedInvoiceArgs) {
    return readReceivedFile(args.file);
  }
}
