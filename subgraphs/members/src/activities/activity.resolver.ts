import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { encodeId, localIdOfReference, STAFF } from "@cae/shared";
import type { MembersContext } from "../context";
import { Person } from "../people/person.type";
import type { ActivityEntity } from "./activity.entity";
import { startActivity } from "./activity.service";
import { Activity, StartActivityInput } from "./activity.type";

const toActivity = (entity: ActivityEntity, cooperativeId: string): Activity => ({
  id: encodeId(cooperativeId, entity.id),
  name: entity.name,
  tradeName: entity.tradeName,
  sector: entity.sector,
  nafCode: entity.nafCode,
  personId: entity.personId,
  startedOn: entity.startedOn,
});

@Resolver(() => Person)
export class ActivityResolver {
  @FieldResolver(() => [Activity], { description: "The person's activities, by start date (a short list: no paging)." })
  async activities(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<Activity[]> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const activities = localId ? await ctx.loaders.activitiesByPerson.load(localId) : [];
    return activities.map((activity) => toActivity(activity, ctx.cooperativeId));
  }

  @Authorized(STAFF)
  @Mutation(() => Activity, { description: "Starts an activity for an admitted person." })
  async startActivity(@Arg("input", () => StartActivityInput) input: StartActivityInput, @Ctx() ctx: MembersContext): Promise<Activity> {
    return toActivity(await startActivity(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
