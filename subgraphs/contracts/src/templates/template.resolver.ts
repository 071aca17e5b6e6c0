import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { encodeId } from "@cae/shared";
import type { ContractsContext } from "../context";
import { Cooperative } from "../contracts/contract.type";
import type { ContractTemplateEntity } from "./template.entity";
import { PLACEHOLDERS } from "./placeholders";
import { publishContractTemplate } from "./template.service";
import { ContractTemplate, PublishContractTemplateInput } from "./template.type";

const toTemplate = (entity: ContractTemplateEntity, cooperativeId: string): ContractTemplate => ({
  id: encodeId(cooperativeId, entity.id),
  kind: entity.kind,
  version: entity.version,
  effectiveFrom: entity.effectiveFrom,
  body: entity.body,
  createdAt: entity.createdAt,
  placeholders: PLACEHOLDERS[entity.kind].map((placeholder) => ({ ...placeholder })),
});

@Resolver(() => Cooperative)
export class CooperativeTemplatesResolver {
  @FieldResolver(() => [ContractTemplate], {
    description: "Every version of the cooperative's contract templates, by kind then version. Staff only.",
  })
  async contractTemplates(@Root() cooperative: Cooperative, @Ctx() ctx: ContractsContext): Promise<ContractTemplate[]> {
    if (cooperative.id !== ctx.cooperativeId) return [];
    const versions = await ctx.loaders.templateVersionsByKind.loadMany(["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"]);
    return versions.flatMap((list) => (list instanceof Error ? [] : list)).map((entity) => toTemplate(entity, ctx.cooperativeId));
  }
}

@Resolver(() => ContractTemplate)
export class ContractTemplateResolver {
  @Authorized("COOP_ADMIN")
  @Mutation(() => ContractTemplate, {
    description:
      "Publishes a new version of the cooperative's wording of a kind of contract, for signatures from its date (today or later). Placeholders are checked: an unknown one, or a required one missing, is refused. Audited.",
  })
  async publishContractTemplate(
    @Arg("input", () => PublishContractTemplateInput) input: PublishContractTemplateInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<ContractTemplate> {
    const saved = await publishContractTemplate({ db: ctx.db, cooperativeId: ctx.cooperativeId, actor: ctx.caller }, input);
    return toTemplate(saved, ctx.cooperativeId);
  }
}
