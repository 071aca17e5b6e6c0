import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, STAFF } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "../people/person.mapper";
import { Person } from "../people/person.type";
import { admitAssociate, recordExit } from "./membership.service";
import { AdmitAssociateInput, Associate, Exit, RecordExitInput } from "./membership.type";

@Resolver(() => Person)
export class MembershipResolver {
  @FieldResolver(() => Associate, {
    nullable: true,
    description: "Membership as an associate (sociétaire); null if the person never became one.",
  })
  async associate(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<Associate | null> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const associate = localId ? await ctx.loaders.associateByPerson.load(localId) : null;
    return (
      associate && {
        admittedOn: associate.admittedOn,
        shares: associate.shares,
        shareValueCents: associate.shareValueCents,
        capitalCents: associate.shareValueCents * BigInt(associate.shares),
        endedOn: associate.endedOn,
      }
    );
  }

  @FieldResolver(() => Exit, { nullable: true, description: "The person's exit from the cooperative (sortie); null while they stay." })
  async exit(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<Exit | null> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const exit = localId ? await ctx.loaders.exitByPerson.load(localId) : null;
    return exit && { exitedOn: exit.exitedOn, reason: exit.reason, notes: exit.notes };
  }

  @Authorized(STAFF)
  @Mutation(() => Person, { description: "Admits an admitted person as an associate (sociétaire), with their shares." })
  async admitAssociate(@Arg("input", () => AdmitAssociateInput) input: AdmitAssociateInput, @Ctx() ctx: MembersContext): Promise<Person> {
    return toPerson(await admitAssociate(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Person, {
    description: "Records a person's exit from the cooperative (sortie); it also ends their membership as an associate.",
  })
  async recordExit(@Arg("input", () => RecordExitInput) input: RecordExitInput, @Ctx() ctx: MembersContext): Promise<Person> {
    return toPerson(await recordExit(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
