import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, plannedDate, STAFF, todayInFrance } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "../people/person.mapper";
import { Cooperative, Person } from "../people/person.type";
import { dueFollowUps, recordExitFollowUp } from "./follow-up.service";
import { ExitFollowUp, ExitFollowUpDue, ExitFollowUpsDueArgs, RecordExitFollowUpInput } from "./follow-up.type";

@Resolver(() => Person)
export class ExitFollowUpResolver {
  @FieldResolver(() => [ExitFollowUp], {
    description: "What became of the person 6 and 12 months after their exit (suivi post-sortie), as recorded; empty before.",
  })
  async exitFollowUps(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<ExitFollowUp[]> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const followUps = localId ? await ctx.loaders.exitFollowUpsByPerson.load(localId) : [];
    return followUps.map((followUp) => ({ months: followUp.months, situation: followUp.situation, recordedOn: followUp.recordedOn }));
  }

  @Authorized(STAFF)
  @Mutation(() => Person, {
    description:
      "Records what became of a person 6 or 12 months after their exit (suivi post-sortie); recording the same follow-up again replaces it. Refused before the exit and for erased data.",
  })
  async recordExitFollowUp(
    @Arg("input", () => RecordExitFollowUpInput) input: RecordExitFollowUpInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Person> {
    return toPerson(await recordExitFollowUp(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => Cooperative)
export class CooperativeExitFollowUpsResolver {
  @FieldResolver(() => [ExitFollowUpDue], {
    description:
      "The follow-ups after an exit (6 and 12 months) due by a day and not recorded yet, oldest first: whom to call. Erased people are left out.",
  })
  async exitFollowUpsDue(
    @Root() _cooperative: Cooperative,
    @Args(() => ExitFollowUpsDueArgs) args: ExitFollowUpsDueArgs,
    @Ctx() ctx: MembersContext,
  ): Promise<ExitFollowUpDue[]> {
    const due = await dueFollowUps(ctx.db, plannedDate(args.on ?? todayInFrance(), "on"));
    // The people in one statement more, through the request's loader.
    const people = await Promise.all(due.map((followUp) => ctx.loaders.personById.load(followUp.personId)));
    return due.map((followUp, i) => ({
      person: toPerson(people[i]!, ctx.cooperativeId),
      months: followUp.months,
      dueOn: followUp.dueOn,
    }));
  }
}
