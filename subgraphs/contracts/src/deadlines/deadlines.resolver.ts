import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { badUserInput, encodeId, localIdOfReference, ownLocalId, personPaths, todayInFrance } from "@cae/shared";
import { In } from "typeorm";
import type { ContractsContext } from "../context";
import { ContractEntity } from "../contracts/contract.entity";
import { toContract } from "../contracts/contract.mapper";
import { Cooperative } from "../contracts/contract.type";
import { daysLeft, deadlinesOf } from "./deadlines.service";
import { ContractDeadline, DeadlinesArgs } from "./deadlines.type";

/** The people among `personIds` who left the cooperative or were erased, as the members subgraph's events said. */
async function peopleGone(ctx: ContractsContext, personIds: string[]): Promise<Set<string>> {
  const paths = await personPaths(ctx.db.manager, personIds);
  return new Set([...paths].filter(([, path]) => path.exitedOn !== null || path.erased).map(([personId]) => personId));
}

@Resolver(() => Cooperative)
export class ContractDeadlinesResolver {
  @FieldResolver(() => [ContractDeadline], {
    // Nullable: in a list of cooperatives, one whose contracts do not answer is null here, not the whole list.
    nullable: true,
    description:
      "Contract deadlines from today to withinDays ahead, soonest first: support agreements ending, trial periods and fixed terms ending, associate deadlines (L7331-3), for the whole cooperative or one counselor's people. Null, with a COOPERATIVE_UNAVAILABLE error, when the cooperative's contracts did not answer.",
  })
  // The members subgraph says who follows whom and who is already an associate.
  @Directive('@requires(fields: "peopleFollowUp { personId counselorId isAssociate }")')
  async contractDeadlines(@Root() cooperative: Cooperative, @Args(() => DeadlinesArgs) args: DeadlinesArgs, @Ctx() ctx: ContractsContext) {
    if (!Number.isInteger(args.withinDays) || args.withinDays < 0 || args.withinDays > 1100) {
      throw badUserInput("withinDays must be a whole number of days from 0 to 1100 (three years)", "withinDays");
    }
    const counselor = args.counselorId ? encodeId(ctx.cooperativeId, ownLocalId(args.counselorId, ctx.cooperativeId, "counselorId")) : null;
    const followUps = cooperative.peopleFollowUp ?? [];
    const associates = new Set(
      followUps.filter((followUp) => followUp.isAssociate).map((followUp) => localIdOfReference(followUp.personId, ctx.cooperativeId)),
    );
    const followed = counselor
      ? followUps
          .filter((followUp) => followUp.counselorId === counselor)
          .map((followUp) => localIdOfReference(followUp.personId, ctx.cooperativeId)!)
      : null;
    const today = todayInFrance();
    // Contracts that may still be in force, and every contract of their people (support time): one statement.
    const contracts: ContractEntity[] = await ctx.db.getRepository(ContractEntity).find({
      where: followed ? { personId: In(followed) } : {},
      order: { startsOn: "ASC" },
    });
    // Nobody who left, or whose data was erased, is shown a deadline: their contracts ended with the exit,
    // and one the exit's event has not reached yet is not a deadline either.
    const gone = await peopleGone(ctx, [...new Set(contracts.map((contract) => contract.personId))]);
    const present = contracts.filter((contract) => !gone.has(contract.personId));
    return deadlinesOf(present, (personId) => associates.has(personId), today, args.withinDays).map(({ kind, dueOn, contract }) => ({
      kind,
      dueOn,
      daysLeft: daysLeft(today, dueOn),
      contract: toContract(contract, ctx.cooperativeId, today),
      person: { id: encodeId(ctx.cooperativeId, contract.personId) },
    }));
  }
}
