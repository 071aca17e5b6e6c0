import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, mapConnection, PageArgs, pageOfQuery, STAFF } from "@cae/shared";
import type { MembersContext } from "../context";
import { PersonEntity } from "./person.entity";
import { toPerson } from "./person.mapper";
import { pathStage, PathStage } from "./path-stage";
import { registerPerson } from "./person.service";
import { Cooperative, Person, PersonConnection, RegisterPersonInput } from "./person.type";

@Resolver(() => Cooperative)
export class CooperativePeopleResolver {
  // A list of people is personal data: the cooperative's staff only.
  @Authorized(STAFF)
  @FieldResolver(() => PersonConnection, {
    nullable: true,
    description:
      "The people the cooperative has welcomed, by last and first name. Null when the cooperative's service does not answer: the error says which.",
  })
  async people(@Root() _cooperative: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: MembersContext) {
    const query = ctx.db.getRepository(PersonEntity).createQueryBuilder("person");
    const connection = await pageOfQuery(query, page, [
      { column: "person.lastName", property: "lastName" },
      { column: "person.firstName", property: "firstName" },
      { column: "person.id", property: "id" },
    ]);
    return mapConnection(connection, (person) => toPerson(person, ctx.cooperativeId));
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => PathStage, {
    description: "The furthest step of the path the person has reached: the welcome, then the contracts (from the contracts service).",
  })
  @Directive('@requires(fields: "furthestContract")')
  async stage(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<PathStage> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const [associate, exit] = localId
      ? await Promise.all([ctx.loaders.associateByPerson.load(localId), ctx.loaders.exitByPerson.load(localId)])
      : [null, null];
    return pathStage({
      welcomeStage: person.welcomeStage,
      furthestContract: person.furthestContract ?? null,
      isAssociate: associate !== null,
      hasExited: exit !== null,
    });
  }

  @Authorized(STAFF)
  @Mutation(() => Person, { description: "Registers a prospect at their first contact (réunion d'information collective)." })
  async registerPerson(@Arg("input", () => RegisterPersonInput) input: RegisterPersonInput, @Ctx() ctx: MembersContext): Promise<Person> {
    return toPerson(await registerPerson(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
