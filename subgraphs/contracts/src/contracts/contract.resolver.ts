import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { assertMayReadPerson, ContractKind, localIdOfReference, mapConnection, PageArgs, pageOfList } from "@cae/shared";
import type { ContractsContext } from "../context";
import { toContract } from "./contract.mapper";
import { furthestContractKind } from "./contract.rules";
import { ContractConnection, Person } from "./contract.type";

@Resolver(() => Person)
export class PersonContractsResolver {
  @FieldResolver(() => ContractConnection, {
    nullable: true,
    description:
      "The person's contracts, in path order (by start date). Null when the cooperative's service does not answer: the error says which.",
  })
  async contracts(@Root() person: Person, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: ContractsContext) {
    assertMayReadPerson(ctx.caller, person.id);
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const contracts = localId ? await ctx.loaders.contractsByPerson.load(localId) : [];
    const connection = pageOfList(contracts, page, (contract) => [contract.startsOn, contract.id]);
    return mapConnection(connection, (contract) => toContract(contract, ctx.cooperativeId));
  }

  @FieldResolver(() => ContractKind, {
    nullable: true,
    description: "The furthest contract of the person's path signed so far (signed, running or ended); null when none was.",
  })
  async furthestContract(@Root() person: Person, @Ctx() ctx: ContractsContext) {
    assertMayReadPerson(ctx.caller, person.id);
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    return furthestContractKind(localId ? await ctx.loaders.contractsByPerson.load(localId) : []);
  }
}
