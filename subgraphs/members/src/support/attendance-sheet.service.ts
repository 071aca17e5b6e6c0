import { createHash } from "node:crypto";
import { badUserInput, conflict, encodeId, ownLocalId, recordAudit, requiredText, todayInFrance, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { WorkshopSignatureSheetEntity } from "./attendance-sheet.entity";
import type { AttachSignedAttendanceSheetInput } from "./attendance-sheet.type";
import { SupportSessionEntity } from "./support.entity";

/**
 * 700 KiB: a signed sheet of one or two pages scanned at 150 to 200 dpi. The bound is the request
 * body's (1,000,000 bytes, `DEFAULT_MAX_BODY_BYTES`, at the subgraph as at the gateway): the file
 * travels in base64 (4/3 of its size) inside the mutation, so 700 KiB is 955,736 characters and
 * leaves room for the rest of the request. A larger file would be cut off with HTTP 413 before any
 * rule could name the field.
 */
export const MAX_SHEET_BYTES = 700 * 1024;

/** What each accepted media type's bytes begin with: the declared type must be the real one. */
const SIGNATURES: Record<string, readonly number[]> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
export const SHEET_MEDIA_TYPES = Object.keys(SIGNATURES);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The sheet's file checked (type, size, first bytes) and hashed, ready to store; errors name the input's field. */
export function checkedSheetFile(input: Pick<AttachSignedAttendanceSheetInput, "fileName" | "mediaType" | "contentBase64">) {
  const fileName = requiredText(input.fileName, "input.fileName", 200);
  if (!Object.hasOwn(SIGNATURES, input.mediaType)) {
    throw badUserInput(`input.mediaType must be one of ${SHEET_MEDIA_TYPES.join(", ")}, got "${input.mediaType}"`, "input.mediaType");
  }
  const signature = SIGNATURES[input.mediaType];
  const text = input.contentBase64.replace(/\s+/g, "");
  const tooLarge = () =>
    badUserInput(
      `input.contentBase64 is over ${MAX_SHEET_BYTES} bytes (700 KiB): scan the sheet at a lower resolution`,
      "input.contentBase64",
    );
  // Checked on the text's length first, so an oversized file is refused before it is decoded.
  if (text.length > Math.ceil(MAX_SHEET_BYTES / 3) * 4) throw tooLarge();
  if (text.length === 0 || !BASE64.test(text)) throw badUserInput("input.contentBase64 is not base64", "input.contentBase64");
  const content = Buffer.from(text, "base64");
  if (content.length > MAX_SHEET_BYTES) throw tooLarge();
  if (content.length < signature.length || signature.some((byte, i) => content[i] !== byte)) {
    throw badUserInput(`input.contentBase64 is not a ${input.mediaType} file (its first bytes say otherwise)`, "input.contentBase64");
  }
  return { fileName, mediaType: input.mediaType, content, sha256: createHash("sha256").update(content).digest("hex") };
}

/**
 * Keeps the signed attendance sheet of a workshop that took place (docs/members.md, "Workshops'
 * signed attendance sheets"). A second one replaces the first (a better scan, a sheet completed);
 * the audit row keeps which file it replaced, by name and SHA-256.
 */
export async function attachSignedAttendanceSheet(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: AttachSignedAttendanceSheetInput,
  today = todayInFrance(),
): Promise<SupportSessionEntity> {
  const sessionId = ownLocalId(input.sessionId, cooperativeId, "input.sessionId");
  const file = checkedSheetFile(input);
  return db.transaction(async (manager) => {
    // Locked: two sheets attached at once for one workshop are kept one after the other, each audited with the one it replaced.
    const session = await manager
      .getRepository(SupportSessionEntity)
      .findOne({ where: { id: sessionId }, lock: { mode: "pessimistic_write" } });
    if (!session) throw badUserInput(`No support session ${input.sessionId} in this cooperative`, "input.sessionId");
    if (session.kind !== "WORKSHOP") {
      throw badUserInput(
        `${input.sessionId} is an individual interview: only a workshop (WORKSHOP) has an attendance sheet`,
        "input.sessionId",
      );
    }
    if (today < session.heldOn) {
      throw conflict(
        `The workshop is on ${session.heldOn}: its sheet cannot be signed before it takes place (today in France is ${today})`,
        "input.sessionId",
      );
    }
    const sheets = manager.getRepository(WorkshopSignatureSheetEntity);
    // The replaced file's identity only, never its bytes.
    const previous = await sheets.findOne({ where: { sessionId }, select: { fileName: true, sha256: true, receivedOn: true } });
    await sheets.upsert(
      { sessionId, fileName: file.fileName, mediaType: file.mediaType, content: file.content, sha256: file.sha256, receivedOn: today },
      ["sessionId"],
    );
    await recordAudit(manager, actor, {
      action: "attachSignedAttendanceSheet",
      entityType: "SupportSession",
      entityId: encodeId(cooperativeId, sessionId),
      // The file's identity, not its bytes: the sheet itself is kept in its table.
      details: {
        sessionId: input.sessionId,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.content.length,
        sha256: file.sha256,
        receivedOn: today,
        replaced: previous && { fileName: previous.fileName, sha256: previous.sha256, receivedOn: previous.receivedOn },
      },
    });
    return session;
  });
}
