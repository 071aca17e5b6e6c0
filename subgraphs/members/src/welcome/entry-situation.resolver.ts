import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, STAFF } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "../people/person.mapper";
import { Person } from "../people/person.type";
import { toEntrySituation } from "./entry-situation.mapper";
import { setEntrySituation } from "./entry-situation.service";
import { EntrySituation, SetEntrySituationInput } from "./entry-situation.type";

@Resolver(() => Person)
export class EntrySituationResolver {
  @FieldResolver(() => EntrySituation, {
    nullable: true,
    description:
      "The person's situation when they came (situation à l'entrée), recorded at the reception; null when none was recorded, and after an erasure.",
  })
  async entrySituation(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<EntrySituation | null> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const situation = localId ? await ctx.loaders.entrySituationByPerson.load(localId) : null;
    return situation && toEntrySituation(situation);
  }

  @Authorized(STAFF)
  @Mutation(() => Person, {
    description:
      "Records or corrects a received person's situation at entry (situation à l'entrée), replacing it whole: a field left out reads not asked or not said. Refused for erased data.",
  })
  async setEntrySituation(
    @Arg("input", () => SetEntrySituationInput) input: SetEntrySituationInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Person> {
    return toPerson(await setEntrySituation(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
