import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver } from "type-graphql";
import { encodeId } from "@cae/shared";
import type { MembersContext } from "../context";
import { Cooperative } from "../people/person.type";

/**
 * Who follows each person and whether they are an associate, for the contracts subgraph's
 * deadlines (`@requires`): a counselor's list, and no associate deadline for an associate.
 * Inaccessible: the gateway plans with it, clients never see it.
 */
@ObjectType({ description: "How one person is followed: their counselor, and whether they are an associate." })
@Directive("@inaccessible")
export class PersonFollowUp {
  @Field(() => ID, { description: 'The person\'s global ID, "<cooperative>:<uuid>".' })
  personId: string;

  @Field(() => ID, { nullable: true, description: "The counselor who follows them (référent), if any." })
  counselorId: string | null;

  @Field(() => Boolean, { description: "Whether they are an associate (sociétaire) today." })
  isAssociate: boolean;
}

@Resolver(() => Cooperative)
export class CooperativeFollowUpResolver {
  @Directive("@inaccessible")
  @FieldResolver(() => [PersonFollowUp], {
    description: "Each person's counselor and membership, in one statement; for the contracts subgraph.",
  })
  async peopleFollowUp(@Ctx() ctx: MembersContext): Promise<PersonFollowUp[]> {
    const rows: { id: string; counselor_id: string | null; is_associate: boolean }[] = await ctx.db.query(
      `SELECT p.id, p.counselor_id, (a.person_id IS NOT NULL AND a.ended_on IS NULL) AS is_associate
         FROM people p LEFT JOIN associates a ON a.person_id = p.id
        WHERE p.counselor_id IS NOT NULL OR a.person_id IS NOT NULL`,
    );
    return rows.map((row) => ({
      personId: encodeId(ctx.cooperativeId, row.id),
      counselorId: row.counselor_id && encodeId(ctx.cooperativeId, row.counselor_id),
      isAssociate: row.is_associate,
    }));
  }
}
