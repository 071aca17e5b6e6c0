import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, mapConnection, PageArgs, pageOfQuery, STAFF } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "../people/person.mapper";
import { Cooperative, Person } from "../people/person.type";
import { PartnerEntity } from "./welcome.entity";
import { toPartner } from "./welcome.mapper";
import {
  addPartner,
  correctReception,
  deactivatePartner,
  decideReception,
  reactivatePartner,
  recordReception,
  reopenReception,
} from "./welcome.service";
import {
  AddPartnerInput,
  CorrectReceptionInput,
  DeactivatePartnerInput,
  DecideReceptionInput,
  Partner,
  PartnerConnection,
  ReactivatePartnerInput,
  Reception,
  RecordReceptionInput,
  ReopenReceptionInput,
} from "./welcome.type";

@Resolver(() => Person)
export class ReceptionResolver {
  @FieldResolver(() => Reception, { nullable: true, description: "The individual reception and its pre-analysis; null before it." })
  async reception(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<Reception | null> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const reception = localId ? await ctx.loaders.receptionByPerson.load(localId) : null;
    if (!reception) return null;
    const partner = reception.partnerId ? await ctx.loaders.partnerById.load(reception.partnerId) : null;
    return { ...reception, orientedTo: partner && toPartner(partner, ctx.cooperativeId) };
  }

  @Authorized(STAFF)
  @Mutation(() => Person, {
    description: "Records the individual reception of a prospect (accueil individuel), with its decision or pending.",
  })
  async recordReception(
    @Arg("input", () => RecordReceptionInput) input: RecordReceptionInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Person> {
    return toPerson(await recordReception(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Person, { description: "Decides a pending reception: admission, or orientation to a partner." })
  async decideReception(
    @Arg("input", () => DecideReceptionInput) input: DecideReceptionInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Person> {
    return toPerson(await decideReception(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Person, {
    description:
      "Corrects a reception's details (date, project summary, progress, sector); the decision is changed by reopenReception, then decideReception.",
  })
  async correctReception(
    @Arg("input", () => CorrectReceptionInput) input: CorrectReceptionInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Person> {
    return toPerson(await correctReception(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Person, {
    description:
      "Puts a decided reception (admitted or oriented) back to pending, so that it is decided again with decideReception; refused once the person signed a contract, became an associate, started an activity or left, and for erased data.",
  })
  async reopenReception(
    @Arg("input", () => ReopenReceptionInput) input: ReopenReceptionInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Person> {
    return toPerson(await reopenReception(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => Cooperative)
export class PartnerResolver {
  @FieldResolver(() => PartnerConnection, { nullable: true, description: "The cooperative's directory of partners, by name." })
  async partners(@Root() _cooperative: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: MembersContext) {
    const query = ctx.db.getRepository(PartnerEntity).createQueryBuilder("partner");
    const connection = await pageOfQuery(query, page, [
      { column: "partner.name", property: "name" },
      { column: "partner.id", property: "id" },
    ]);
    return mapConnection(connection, (partner) => toPartner(partner, ctx.cooperativeId));
  }

  @Authorized(STAFF)
  @Mutation(() => Partner, { description: "Adds a partner to the cooperative's directory." })
  async addPartner(@Arg("input", () => AddPartnerInput) input: AddPartnerInput, @Ctx() ctx: MembersContext): Promise<Partner> {
    return toPartner(await addPartner(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => Partner, {
    description:
      "Deactivates a partner: kept on the receptions and people that name it, chosen for no new orientation nor referral (cooperative admins only).",
  })
  async deactivatePartner(
    @Arg("input", () => DeactivatePartnerInput) input: DeactivatePartnerInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Partner> {
    return toPartner(await deactivatePartner(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => Partner, { description: "Makes a deactivated partner active again (cooperative admins only)." })
  async reactivatePartner(
    @Arg("input", () => ReactivatePartnerInput) input: ReactivatePartnerInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Partner> {
    return toPartner(await reactivatePartner(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
