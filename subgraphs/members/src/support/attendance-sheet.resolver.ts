import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, notFound, printPdf, STAFF } from "@cae/shared";
import type { MembersContext } from "../context";
import type { PersonEntity } from "../people/person.entity";
import { attendanceSheetDocument } from "./attendance-sheet.document";
import { attachSignedAttendanceSheet } from "./attendance-sheet.service";
import { AttachSignedAttendanceSheetInput, SignedAttendanceSheet } from "./attendance-sheet.type";
import { toSession, type SessionRoot } from "./support.resolver";
import { SupportSession } from "./support.type";

@Resolver(() => SupportSession)
export class AttendanceSheetResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Workshops only: the blank attendance sheet (feuille d'émargement) to print and have signed, as a PDF in base64: the cooperative, the date, duration, topic and counselor, a row per participant with a signature box, a box for the counselor's signature. An individual interview has none (NOT_FOUND). Staff only.",
  })
  async attendanceSheetPdf(@Root() session: SessionRoot, @Ctx() ctx: MembersContext): Promise<string> {
    if (session.kind !== "WORKSHOP") {
      throw notFound(`${session.id} is an individual interview: only a workshop (WORKSHOP) has an attendance sheet`);
    }
    const [rows, profile] = await Promise.all([
      ctx.loaders.peopleBySession.load(localIdOfReference(session.id, ctx.cooperativeId)!),
      ctx.loaders.cooperativeProfile.load(true),
    ]);
    const people = (await ctx.loaders.personById.loadMany(rows.map((row) => row.personId))).filter(
      (person): person is PersonEntity => person !== null && !(person instanceof Error),
    );
    const document = attendanceSheetDocument({
      cooperative: profile,
      workshop: { heldOn: session.heldOn, durationMinutes: session.durationMinutes, topic: session.topic },
      counselor: session.counselor,
      people,
    });
    return (await printPdf(document, { lang: "fr-FR" })).toString("base64");
  }

  @FieldResolver(() => SignedAttendanceSheet, {
    nullable: true,
    description:
      "Workshops only: the signed attendance sheet kept for the funders (feuille d'émargement signée); null while none is attached, and for an individual interview. Staff only.",
  })
  async signedAttendanceSheet(@Root() session: SessionRoot, @Ctx() ctx: MembersContext): Promise<SignedAttendanceSheet | null> {
    if (session.kind !== "WORKSHOP") return null;
    return ctx.loaders.signedSheetBySession.load(localIdOfReference(session.id, ctx.cooperativeId)!);
  }

  @Authorized(STAFF)
  @Mutation(() => SupportSession, {
    description:
      "Keeps the signed attendance sheet (feuille d'émargement) of a workshop that took place: a PDF, JPEG or PNG whose bytes must be of the type given, 700 KiB at most. Attaching another replaces it; the audit trail keeps which file it replaced. An individual interview or another cooperative's session is BAD_USER_INPUT on input.sessionId; a workshop still to come is a CONFLICT on input.sessionId.",
  })
  async attachSignedAttendanceSheet(
    @Arg("input", () => AttachSignedAttendanceSheetInput) input: AttachSignedAttendanceSheetInput,
    @Ctx() ctx: MembersContext,
  ): Promise<SessionRoot> {
    return toSession(await attachSignedAttendanceSheet(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx);
  }
}

@Resolver(() => SignedAttendanceSheet)
export class SignedAttendanceSheetResolver {
  @FieldResolver(() => String, { description: "The file's bytes in base64, as received: read only when asked for." })
  async contentBase64(@Root() sheet: SignedAttendanceSheet, @Ctx() ctx: MembersContext): Promise<string> {
    const row = await ctx.loaders.signedSheetContentBySession.load(sheet.sessionId);
    if (!row) throw notFound("The signed attendance sheet's file is missing");
    return Buffer.from(row.content).toString("base64");
  }
}
