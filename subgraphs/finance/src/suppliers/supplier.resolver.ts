import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { mapConnection, PageArgs, pageOfQuery, STAFF } from "@cae/shared";
import { Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { SupplierEntity } from "./supplier.entity";
import { toSupplier } from "./supplier.mapper";
import { createSupplier, updateSupplier } from "./supplier.service";
import { CreateSupplierInput, Supplier, SupplierConnection, UpdateSupplierInput } from "./supplier.type";

@Resolver(() => Cooperative)
export class CooperativeSuppliersResolver {
  @FieldResolver(() => SupplierConnection, { nullable: true, description: "The cooperative's suppliers by name (staff only)." })
  async suppliers(@Root() _cooperative: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const query = ctx.db.getRepository(SupplierEntity).createQueryBuilder("supplier");
    const connection = await pageOfQuery(query, page, [
      { column: "supplier.name", property: "name" },
      { column: "supplier.seq", property: "seq" },
    ]);
    return mapConnection(connection, (supplier) => toSupplier(supplier, ctx.cooperativeId));
  }

  @Authorized(STAFF)
  @Mutation(() => Supplier, {
    description: "Records a supplier: IBAN checked by its key (BAD_USER_INPUT on input.iban), SIRET by its key, unique.",
  })
  async createSupplier(@Arg("input", () => CreateSupplierInput) input: CreateSupplierInput, @Ctx() ctx: FinanceContext): Promise<Supplier> {
    return toSupplier(await createSupplier(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Supplier, {
    description: "Replaces a supplier's record; transfers already prepared keep the IBAN they were prepared with.",
  })
  async updateSupplier(@Arg("input", () => UpdateSupplierInput) input: UpdateSupplierInput, @Ctx() ctx: FinanceContext): Promise<Supplier> {
    return toSupplier(await updateSupplier(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
