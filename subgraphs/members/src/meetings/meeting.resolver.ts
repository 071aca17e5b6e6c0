import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { badUserInput, encodeId, localIdOfReference, mapConnection, pageOfQuery, STAFF } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "../people/person.mapper";
import { Cooperative, type Person } from "../people/person.type";
import { toCounselor } from "../support/support.mapper";
import type { Counselor } from "../support/support.type";
import { InformationMeetingEntity } from "./meeting.entity";
import { recordAttendance, scheduleInformationMeeting } from "./meeting.service";
import {
  InformationMeeting,
  InformationMeetingConnection,
  InformationMeetingsArgs,
  RecordAttendanceInput,
  ScheduleInformationMeetingInput,
} from "./meeting.type";

type MeetingRoot = Omit<InformationMeeting, "facilitator" | "attendeeCount" | "attendees"> & { facilitatorId: string };

const toMeeting = (entity: InformationMeetingEntity, cooperativeId: string): MeetingRoot => ({
  id: encodeId(cooperativeId, entity.id),
  heldOn: entity.heldOn,
  place: entity.place,
  facilitatorId: entity.facilitatorId,
});

@Resolver(() => InformationMeeting)
export class InformationMeetingResolver {
  @FieldResolver()
  async facilitator(@Root() meeting: MeetingRoot, @Ctx() ctx: MembersContext): Promise<Counselor> {
    return toCounselor((await ctx.loaders.counselorById.load(meeting.facilitatorId))!, ctx.cooperativeId);
  }

  @FieldResolver()
  async attendeeCount(@Root() meeting: MeetingRoot, @Ctx() ctx: MembersContext): Promise<number> {
    return (await ctx.loaders.attendeesByMeeting.load(localIdOfReference(meeting.id, ctx.cooperativeId)!)).length;
  }

  @FieldResolver()
  async attendees(@Root() meeting: MeetingRoot, @Ctx() ctx: MembersContext): Promise<Person[]> {
    const attendees = await ctx.loaders.attendeesByMeeting.load(localIdOfReference(meeting.id, ctx.cooperativeId)!);
    return attendees.map(({ person }) => toPerson(person, ctx.cooperativeId));
  }

  @Authorized(STAFF)
  @Mutation(() => InformationMeeting, { description: "Schedules an information meeting (réunion d'information collective)." })
  async scheduleInformationMeeting(
    @Arg("input", () => ScheduleInformationMeetingInput) input: ScheduleInformationMeetingInput,
    @Ctx() ctx: MembersContext,
  ): Promise<MeetingRoot> {
    return toMeeting(await scheduleInformationMeeting(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => InformationMeeting, { description: "Records that someone attended a meeting; a new prospect is registered by it." })
  async recordAttendance(
    @Arg("input", () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() ctx: MembersContext,
  ): Promise<MeetingRoot> {
    return toMeeting(await recordAttendance(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => Cooperative)
export class CooperativeMeetingsResolver {
  @FieldResolver(() => InformationMeetingConnection, { nullable: true, description: "The cooperative's information meetings, by date." })
  async informationMeetings(
    @Root() _cooperative: Cooperative,
    @Args(() => InformationMeetingsArgs) args: InformationMeetingsArgs,
    @Ctx() ctx: MembersContext,
  ) {
    if (args.from && args.to && args.from > args.to) throw badUserInput("from must not be after to", "from");
    const query = ctx.db.getRepository(InformationMeetingEntity).createQueryBuilder("meeting");
    if (args.from) query.andWhere("meeting.heldOn >= :from", { from: args.from });
    if (args.to) query.andWhere("meeting.heldOn <= :to", { to: args.to });
    const connection = await pageOfQuery(query, args, [
      { column: "meeting.heldOn", property: "heldOn" },
      { column: "meeting.id", property: "id" },
    ]);
    return mapConnection(connection, (meeting) => toMeeting(meeting, ctx.cooperativeId));
  }
}
