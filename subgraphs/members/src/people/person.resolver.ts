import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, mapConnection, optionalText, ownLocalId, pageOfQuery, STAFF } from "@cae/shared";
import type { SelectQueryBuilder } from "typeorm";
import type { MembersContext } from "../context";
import { PersonEntity } from "./person.entity";
import { toPerson } from "./person.mapper";
import { furthestContractsOf, pathStage, PathStage, whereStageIs } from "./path-stage";
import { registerPerson, updatePerson } from "./person.service";
import {
  Cooperative,
  ErasePersonInput,
  PeopleFilterArgs,
  Person,
  PersonConnection,
  RegisterPersonInput,
  UpdatePersonInput,
} from "./person.type";
import { erasePerson } from "./erasure.service";

@Resolver(() => Cooperative)
export class CooperativePeopleResolver {
  @FieldResolver(() => PersonConnection, {
    nullable: true,
    description:
      "The people the cooperative has welcomed, by last and first name, optionally filtered. Null when the cooperative's service does not answer: the error says which.",
  })
  async people(@Root() _cooperative: Cooperative, @Args(() => PeopleFilterArgs) args: PeopleFilterArgs, @Ctx() ctx: MembersContext) {
    return listPeople(ctx, args, (query) => query);
  }

  @FieldResolver(() => PersonConnection, {
    nullable: true,
    description:
      "The people at one stage of the whole path (contracts included), by last and first name, with the same filters as people. Null when the cooperative's service does not answer.",
  })
  // The contract stages are the contracts subgraph's: the planner brings them, for this field only.
  @Directive('@requires(fields: "contractMilestones { personId furthestContractKind }")')
  async peopleAtStage(
    @Root() cooperative: Cooperative,
    @Arg("stage", () => PathStage, { description: "The stage of the path." }) stage: PathStage,
    @Args(() => PeopleFilterArgs) args: PeopleFilterArgs,
    @Ctx() ctx: MembersContext,
  ) {
    return listPeople(ctx, args, (query) => whereStageIs(query, stage, furthestContractsOf(cooperative, ctx.cooperativeId)));
  }
}

/** A page of the cooperative's people with the common filters, narrowed further by `narrow`. */
async function listPeople(
  ctx: MembersContext,
  args: PeopleFilterArgs,
  narrow: (query: SelectQueryBuilder<PersonEntity>) => SelectQueryBuilder<PersonEntity>,
) {
  const query = narrow(ctx.db.getRepository(PersonEntity).createQueryBuilder("person"));
  if (args.welcomeStage) query.andWhere("person.welcomeStage = :welcomeStage", { welcomeStage: args.welcomeStage });
  if (args.sector) query.andWhere("person.id IN (SELECT person_id FROM receptions WHERE sector = :sector)", { sector: args.sector });
  if (args.counselorId) {
    query.andWhere("person.counselorId = :counselorId", { counselorId: ownLocalId(args.counselorId, ctx.cooperativeId, "counselorId") });
  }
  const search = optionalText(args.search, "search", 100);
  if (search) {
    // The text is matched literally: LIKE's wildcards in it are escaped.
    const pattern = `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query.andWhere("(person.firstName ILIKE :pattern OR person.lastName ILIKE :pattern OR person.email ILIKE :pattern)", { pattern });
  }
  const connection = await pageOfQuery(query, args, [
    { column: "person.lastName", property: "lastName" },
    { column: "person.firstName", property: "firstName" },
    { column: "person.id", property: "id" },
  ]);
  return mapConnection(connection, (person) => toPerson(person, ctx.cooperativeId));
}

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(["COOP_ADMIN"])
  @Mutation(() => Person, {
    description: "Erases a person's personal data for good (RGPD), keeping the record for the counts (cooperative admins only).",
  })
  async erasePerson(@Arg("input", () => ErasePersonInput) input: ErasePersonInput, @Ctx() ctx: MembersContext): Promise<Person> {
    return toPerson(await erasePerson(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @FieldResolver(() => PathStage, {
    description: "The furthest step of the path the person has reached: the welcome, then the contracts (from the contracts service).",
  })
  @Directive('@requires(fields: "furthestContractKind")')
  async stage(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<PathStage> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const [associate, exit] = localId
      ? await Promise.all([ctx.loaders.associateByPerson.load(localId), ctx.loaders.exitByPerson.load(localId)])
      : [null, null];
    return pathStage({
      welcomeStage: person.welcomeStage,
      furthestContractKind: person.furthestContractKind ?? null,
      isAssociate: associate !== null,
      hasExited: exit !== null,
    });
  }

  @Authorized(STAFF)
  @Mutation(() => Person, { description: "Registers a prospect at their first contact (réunion d'information collective)." })
  async registerPerson(@Arg("input", () => RegisterPersonInput) input: RegisterPersonInput, @Ctx() ctx: MembersContext): Promise<Person> {
    return toPerson(await registerPerson(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Person, {
    description:
      "Corrects a person's identity and contact (names, email, phone, gender, birth year, postcode), with the registration's rules; refused once their data was erased.",
  })
  async updatePerson(@Arg("input", () => UpdatePersonInput) input: UpdatePersonInput, @Ctx() ctx: MembersContext): Promise<Person> {
    return toPerson(await updatePerson(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
