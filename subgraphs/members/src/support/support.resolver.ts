import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import {
  badUserInput,
  encodeId,
  localIdOfReference,
  mapConnection,
  ownLocalId,
  PageArgs,
  pageOfList,
  pageOfQuery,
  STAFF,
} from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "../people/person.mapper";
import { Cooperative, Person } from "../people/person.type";
import { Partner } from "../welcome/welcome.type";
import { toPartner } from "../welcome/welcome.mapper";
import { CounselorEntity, SupportSessionEntity } from "./support.entity";
import type { PersonEntity } from "../people/person.entity";
import { toCounselor } from "./support.mapper";
import type { SessionOfPerson } from "./support.loaders";
import { addCounselor, assignFollowUp, deactivateCounselor, reactivateCounselor, recordSupportSession } from "./support.service";
import {
  AddCounselorInput,
  AssignFollowUpInput,
  Counselor,
  CounselorConnection,
  DeactivateCounselorInput,
  ReactivateCounselorInput,
  RecordSupportSessionInput,
  SupportSession,
  SupportSessionConnection,
  SupportSessionsArgs,
} from "./support.type";

/** A session as a resolver returns it: its people are resolved from it. */
export type SessionRoot = Omit<SupportSession, "people">;

export async function toSession(session: Omit<SessionOfPerson, "personId">, ctx: MembersContext): Promise<SessionRoot> {
  const counselor = (await ctx.loaders.counselorById.load(session.counselorId))!;
  return {
    id: encodeId(ctx.cooperativeId, session.id),
    heldOn: session.heldOn,
    durationMinutes: session.durationMinutes,
    topic: session.topic,
    kind: session.kind,
    notes: session.notes,
    counselor: toCounselor(counselor, ctx.cooperativeId),
  };
}

@Resolver(() => SupportSession)
export class SupportSessionResolver {
  @FieldResolver(() => [Person])
  async people(@Root() session: SessionRoot, @Ctx() ctx: MembersContext): Promise<Person[]> {
    const rows = await ctx.loaders.peopleBySession.load(localIdOfReference(session.id, ctx.cooperativeId)!);
    const people = await ctx.loaders.personById.loadMany(rows.map((row) => row.personId));
    return people
      .filter((person): person is PersonEntity => person !== null && !(person instanceof Error))
      .map((person) => toPerson(person, ctx.cooperativeId));
  }
}

@Resolver(() => Cooperative)
export class CooperativeSupportSessionsResolver {
  @FieldResolver(() => SupportSessionConnection, {
    nullable: true,
    description:
      "The cooperative's support sessions (accompagnements), newest first, filtered by period, counselor, topic, kind, or whether a workshop's signed attendance sheet is kept.",
  })
  async supportSessions(
    @Root() _cooperative: Cooperative,
    @Args(() => SupportSessionsArgs) args: SupportSessionsArgs,
    @Ctx() ctx: MembersContext,
  ) {
    if (args.from && args.to && args.from > args.to) throw badUserInput("from must not be after to", "from");
    const query = ctx.db.getRepository(SupportSessionEntity).createQueryBuilder("session");
    if (args.from) query.andWhere("session.heldOn >= :from", { from: args.from });
    if (args.to) query.andWhere("session.heldOn <= :to", { to: args.to });
    if (args.counselorId) {
      query.andWhere("session.counselorId = :counselorId", { counselorId: ownLocalId(args.counselorId, ctx.cooperativeId, "counselorId") });
    }
    if (args.topic) query.andWhere("session.topic = :topic", { topic: args.topic });
    if (args.kind) query.andWhere("session.kind = :kind", { kind: args.kind });
    if (args.withSignedAttendanceSheet !== undefined && args.withSignedAttendanceSheet !== null) {
      if (args.kind === "INDIVIDUAL") {
        throw badUserInput("Only workshops have an attendance sheet: leave kind out or ask for WORKSHOP", "withSignedAttendanceSheet");
      }
      // An anti-join on the sheets' primary key: one statement, however many sessions.
      query
        .andWhere("session.kind = 'WORKSHOP'")
        .andWhere(
          `${args.withSignedAttendanceSheet ? "" : "NOT "}EXISTS (SELECT 1 FROM workshop_signature_sheets sheet WHERE sheet.session_id = session.id)`,
        );
    }
    const connection = await pageOfQuery(
      query,
      args,
      [
        { column: "session.heldOn", property: "heldOn" },
        { column: "session.id", property: "id" },
      ],
      "DESC",
    );
    return {
      ...connection,
      edges: await Promise.all(connection.edges.map(async (edge) => ({ cursor: edge.cursor, node: await toSession(edge.node, ctx) }))),
    };
  }
}

@Resolver(() => Person)
export class FollowUpResolver {
  @FieldResolver(() => Counselor, { nullable: true, description: "The person's counselor (chargé·e d'accompagnement)." })
  async counselor(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<Counselor | null> {
    const counselor = person.counselorId ? await ctx.loaders.counselorById.load(person.counselorId) : null;
    return counselor && toCounselor(counselor, ctx.cooperativeId);
  }

  @FieldResolver(() => Partner, { nullable: true, description: "The partner who referred the person (prescripteur)." })
  async referringPartner(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<Partner | null> {
    const partner = person.referringPartnerId ? await ctx.loaders.partnerById.load(person.referringPartnerId) : null;
    return partner && toPartner(partner, ctx.cooperativeId);
  }

  @FieldResolver(() => SupportSessionConnection, { description: "The person's support sessions, newest first." })
  async supportSessions(@Root() person: Person, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: MembersContext) {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const sessions = localId ? await ctx.loaders.sessionsByPerson.load(localId) : [];
    const connection = pageOfList(sessions, page, (session) => [session.heldOn, session.id]);
    return {
      ...connection,
      edges: await Promise.all(connection.edges.map(async (edge) => ({ cursor: edge.cursor, node: await toSession(edge.node, ctx) }))),
    };
  }

  @FieldResolver(() => SupportSession, { nullable: true, description: "The person's latest support session." })
  async lastSupportSession(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<SessionRoot | null> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const [last] = localId ? await ctx.loaders.sessionsByPerson.load(localId) : [];
    return last ? toSession(last, ctx) : null;
  }

  @Authorized(STAFF)
  @Mutation(() => Person, { description: "Sets who follows a person: their counselor and the partner who referred them." })
  async assignFollowUp(@Arg("input", () => AssignFollowUpInput) input: AssignFollowUpInput, @Ctx() ctx: MembersContext): Promise<Person> {
    return toPerson(await assignFollowUp(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => SupportSession, { description: "Records a support session: an individual interview or a workshop." })
  async recordSupportSession(
    @Arg("input", () => RecordSupportSessionInput) input: RecordSupportSessionInput,
    @Ctx() ctx: MembersContext,
  ): Promise<SessionRoot> {
    return toSession(await recordSupportSession(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx);
  }
}

@Resolver(() => Cooperative)
export class CounselorResolver {
  @FieldResolver(() => CounselorConnection, { nullable: true, description: "The cooperative's counselors, by name." })
  async counselors(@Root() _cooperative: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: MembersContext) {
    const query = ctx.db.getRepository(CounselorEntity).createQueryBuilder("counselor");
    const connection = await pageOfQuery(query, page, [
      { column: "counselor.lastName", property: "lastName" },
      { column: "counselor.firstName", property: "firstName" },
      { column: "counselor.id", property: "id" },
    ]);
    return mapConnection(connection, (counselor) => toCounselor(counselor, ctx.cooperativeId));
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => Counselor, { description: "Adds a counselor to the cooperative's staff (cooperative admins only)." })
  async addCounselor(@Arg("input", () => AddCounselorInput) input: AddCounselorInput, @Ctx() ctx: MembersContext): Promise<Counselor> {
    return toCounselor(await addCounselor(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => Counselor, {
    description:
      "Deactivates a counselor leaving the staff: kept on the people, sessions and meetings that name them, chosen for nothing new (cooperative admins only).",
  })
  async deactivateCounselor(
    @Arg("input", () => DeactivateCounselorInput) input: DeactivateCounselorInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Counselor> {
    return toCounselor(await deactivateCounselor(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => Counselor, { description: "Makes a deactivated counselor active again (cooperative admins only)." })
  async reactivateCounselor(
    @Arg("input", () => ReactivateCounselorInput) input: ReactivateCounselorInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Counselor> {
    return toCounselor(await reactivateCounselor(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
