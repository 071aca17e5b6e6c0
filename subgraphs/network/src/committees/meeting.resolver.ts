import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { todayInFrance } from "@cae/shared";
import type { NetworkContext } from "../context";
import { toCommittee, type CommitteeRoot } from "./committee.service";
import { Committee } from "./committee.type";
import {
  approveCommitteeMinutes,
  cancelCommitteeMeeting,
  recordCommitteeMinutes,
  scheduleCommitteeMeeting,
  toMeeting,
  type CommitteeMeetingRoot,
} from "./meeting.service";
import {
  ApproveCommitteeMinutesInput,
  CancelCommitteeMeetingInput,
  CommitteeMeeting,
  RecordCommitteeMinutesInput,
  ScheduleCommitteeMeetingInput,
} from "./meeting.type";
import { toMember } from "./member.service";
import { CommitteeMember } from "./member.type";
import { minutesPdf } from "./minutes.pdf";

@Resolver(() => Committee)
export class CommitteeMeetingsResolver {
  @FieldResolver(() => [CommitteeMeeting], { description: "Its meetings, newest first: scheduled, held and cancelled." })
  async meetings(@Root() committee: CommitteeRoot, @Ctx() ctx: NetworkContext): Promise<CommitteeMeetingRoot[]> {
    return (await ctx.loaders.committeeMeetings.load(committee.localId)).map(toMeeting);
  }

  @FieldResolver(() => CommitteeMeeting, {
    nullable: true,
    description: "Its next meeting: the soonest one scheduled from today on (not cancelled, not yet held); null when none is.",
  })
  async nextMeeting(@Root() committee: CommitteeRoot, @Ctx() ctx: NetworkContext): Promise<CommitteeMeetingRoot | null> {
    const today = todayInFrance();
    const upcoming = (await ctx.loaders.committeeMeetings.load(committee.localId))
      .map(toMeeting)
      .filter((meeting) => meeting.status === "SCHEDULED" && meeting.scheduledOn >= today);
    // Newest first: the soonest is the last.
    return upcoming.at(-1) ?? null;
  }
}

@Resolver(() => CommitteeMeeting)
export class CommitteeMeetingResolver {
  @FieldResolver(() => Committee, { description: "The committee that meets." })
  async committee(@Root() meeting: CommitteeMeetingRoot, @Ctx() ctx: NetworkContext): Promise<CommitteeRoot> {
    return toCommittee((await ctx.loaders.committeeById.load(meeting.committeeLocalId))!);
  }

  @FieldResolver(() => [CommitteeMember], { description: "The members who attended, by name; empty until its minutes are recorded." })
  async attendees(@Root() meeting: CommitteeMeetingRoot, @Ctx() ctx: NetworkContext): Promise<CommitteeMember[]> {
    return (await ctx.loaders.committeeMeetingAttendees.load(meeting.localId)).map((attendance) => toMember(attendance.member));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Its minutes printed as a PDF (base64), in French: the meeting, attendees, agenda, minutes and decisions; marked as a draft until approved. " +
      "Null until the minutes are recorded. Computed when asked: ask for it on one meeting, not on a list.",
  })
  async minutesPdf(@Root() meeting: CommitteeMeetingRoot, @Ctx() ctx: NetworkContext): Promise<string | null> {
    if (meeting.heldOn === null || meeting.minutes === null) return null;
    const [committee, attendances, decisions] = await Promise.all([
      ctx.loaders.committeeById.load(meeting.committeeLocalId),
      ctx.loaders.committeeMeetingAttendees.load(meeting.localId),
      ctx.loaders.committeeMeetingDecisions.load(meeting.localId),
    ]);
    const pdf = await minutesPdf({
      committee: committee!,
      meeting: { ...meeting, heldOn: meeting.heldOn, minutes: meeting.minutes },
      attendees: attendances.map((attendance) => attendance.member),
      decisions,
    });
    return pdf.toString("base64");
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeMeeting, { description: "Schedules a meeting of a committee with its agenda (network admins only)." })
  scheduleCommitteeMeeting(
    @Arg("input", () => ScheduleCommitteeMeetingInput) input: ScheduleCommitteeMeetingInput,
    @Ctx() ctx: NetworkContext,
  ) {
    return scheduleCommitteeMeeting(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeMeeting, { description: "Cancels a scheduled meeting, with the reason (network admins only)." })
  cancelCommitteeMeeting(@Arg("input", () => CancelCommitteeMeetingInput) input: CancelCommitteeMeetingInput, @Ctx() ctx: NetworkContext) {
    return cancelCommitteeMeeting(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeMeeting, {
    description:
      "Records the minutes of a meeting that took place and who attended (network admins only); recording again replaces them, until they are approved.",
  })
  recordCommitteeMinutes(@Arg("input", () => RecordCommitteeMinutesInput) input: RecordCommitteeMinutesInput, @Ctx() ctx: NetworkContext) {
    return recordCommitteeMinutes(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeMeeting, {
    description: "Records the committee's approval of a meeting's minutes (network admins only): from then on they no longer change.",
  })
  approveCommitteeMinutes(
    @Arg("input", () => ApproveCommitteeMinutesInput) input: ApproveCommitteeMinutesInput,
    @Ctx() ctx: NetworkContext,
  ) {
    return approveCommitteeMinutes(ctx.db, ctx.caller, input);
  }
}
