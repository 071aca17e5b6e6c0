import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { todayInFrance } from "@cae/shared";
import { Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toFinanceSettings } from "./settings.mapper";
import { settingsOn, updateFinanceSettings } from "./settings.service";
import { FinanceSettings, SettingsOnArgs, UpdateFinanceSettingsInput } from "./settings.type";

@Resolver(() => Cooperative)
export class FinanceSettingsResolver {
  @FieldResolver(() => FinanceSettings, {
    nullable: true,
    description: "The finance settings in force on a day (today by default); null before the first version.",
  })
  async financeSettings(@Root() _cooperative: Cooperative, @Args(() => SettingsOnArgs) args: SettingsOnArgs, @Ctx() ctx: FinanceContext) {
    const settings = await settingsOn(ctx.db, args.on ?? todayInFrance());
    return settings && toFinanceSettings(settings);
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => FinanceSettings, {
    description: "Records a new version of the cooperative's finance settings, in force from its date (cooperative admins only).",
  })
  async updateFinanceSettings(
    @Arg("input", () => UpdateFinanceSettingsInput) input: UpdateFinanceSettingsInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<FinanceSettings> {
    return toFinanceSettings(await updateFinanceSettings(ctx.db, ctx.cooperativeId, ctx.caller, input));
  }
}
