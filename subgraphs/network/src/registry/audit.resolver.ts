import { Args, Ctx, Query, Resolver } from "type-graphql";
import { AuditEventConnection, auditTrailPage, AuditTrailArgs } from "@cae/shared";
import type { NetworkContext } from "../context";

@Resolver()
export class NetworkAuditTrailResolver {
  @Query(() => AuditEventConnection, {
    description:
      "The changes made to the network's records (its registry, charter signatures, partners, agreements, committees), newest first (network admins only).",
  })
  networkAuditTrail(@Args(() => AuditTrailArgs) args: AuditTrailArgs, @Ctx() ctx: NetworkContext) {
    return auditTrailPage(ctx.db, args);
  }
}
