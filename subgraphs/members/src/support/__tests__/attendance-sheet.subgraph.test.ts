import { createHash, randomBytes } from "node:crypto";
import { databaseBackends, ENTITIES_QUERY, execute, pdfText, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { DEFAULT_MAX_BODY_BYTES, todayInFrance, type Caller, type SubgraphServer } from "@cae/shared";
import { members } from "../../index";
import { attachSignedAttendanceSheet, MAX_SHEET_BYTES } from "../attendance-sheet.service";

const COOP = "garonne-activites";
const OTHER = "alpes-entreprendre";
const RECORD = `mutation ($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { id } }`;
const ATTACH = `mutation ($input: AttachSignedAttendanceSheetInput!) { attachSignedAttendanceSheet(input: $input) {
  id kind signedAttendanceSheet { fileName mediaType sizeBytes sha256 receivedOn } } }`;
const SESSIONS = (selection: string) => `query ($r: [_Any!]!, $first: Int, $kind: SessionKind, $from: Date, $to: Date, $signed: Boolean) {
  _entities(representations: $r) { ... on Cooperative {
    supportSessions(first: $first, kind: $kind, from: $from, to: $to, withSignedAttendanceSheet: $signed) {
      totalCount edges { node { id ${selection} } } } } } }`;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A PNG's first bytes, then `size` bytes in all: the check reads the signature, not the image. */
const png = (size = 2048) => Buffer.concat([PNG, randomBytes(size - PNG.length)]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const file = (bytes: Buffer, mediaType: string, fileName = "emargement.png") => ({
  fileName,
  mediaType,
  contentBase64: bytes.toString("base64"),
});

interface Sheet {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  receivedOn: string;
  contentBase64?: string;
}
interface Node {
  id: string;
  kind?: string;
  attendanceSheetPdf?: string | null;
  signedAttendanceSheet?: Sheet | null;
  people?: { id: string }[];
}

describe.each(databaseBackends())("workshops' attendance sheets on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  let counselorId: string;
  let counselorName: string;
  let legalName: string;
  let people: { id: string; firstName: string; lastName: string }[];
  let workshop: string;
  let individual: string;
  let printed: string;

  const sessions = async (selection: string, variables: Record<string, unknown>, caller?: Caller) => {
    const result = await execute(server, SESSIONS(selection), { r: [{ __typename: "Cooperative", id: COOP }], ...variables }, caller);
    const list = (result.data?._entities as { supportSessions: { totalCount: number; edges: { node: Node }[] } | null }[] | undefined)?.[0]
      ?.supportSessions;
    return { result, totalCount: list?.totalCount, nodes: list?.edges.map((edge) => edge.node) ?? [] };
  };
  const recordWorkshop = async (heldOn: string, personIds: string[], topic = "ACCOUNTING", durationMinutes = 90) => {
    const result = await execute(server, RECORD, {
      input: { counselorId, personIds, heldOn, durationMinutes, topic, kind: "WORKSHOP" },
    });
    expect(result.errors).toBeUndefined();
    return (result.data?.recordSupportSession as { id: string }).id;
  };
  const attach = (input: Record<string, unknown>, caller?: Caller) => execute(server, ATTACH, { input }, caller);
  /** What a refusal must leave as it was: every kept sheet, and the audit trail. */
  const written = async () => ({
    sheets: await server.database.dataSource.query(
      "SELECT session_id, file_name, media_type, sha256, received_on::text FROM workshop_signature_sheets ORDER BY session_id",
    ),
    audit: await server.database.dataSource.query("SELECT count(*)::int AS n FROM audit_events"),
  });

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
    const db = server.database.dataSource;
    const [counselor]: { id: string; first_name: string; last_name: string }[] = await db.query(
      "SELECT id, first_name, last_name FROM counselors WHERE deactivated_on IS NULL ORDER BY last_name, id LIMIT 1",
    );
    counselorId = `${COOP}:${counselor.id}`;
    counselorName = `${counselor.first_name} ${counselor.last_name}`;
    [{ legal_name: legalName }] = await db.query("SELECT legal_name FROM cooperative_profile");
    const rows: { id: string; first_name: string; last_name: string }[] = await db.query(
      `SELECT id, first_name, last_name FROM people
        WHERE welcome_stage = 'ADMITTED' AND first_contact_on < '2026-04-01' AND erased_at IS NULL ORDER BY id LIMIT 4`,
    );
    people = rows.map((row) => ({ id: `${COOP}:${row.id}`, firstName: row.first_name, lastName: row.last_name }));
    const [single]: { id: string }[] = await db.query(
      "SELECT id FROM support_sessions WHERE kind = 'INDIVIDUAL' ORDER BY held_on DESC, id DESC LIMIT 1",
    );
    individual = `${COOP}:${single.id}`;
    workshop = await recordWorkshop(
      "2026-06-15",
      people.map((person) => person.id),
    );
  });
  afterAll(() => server?.stop());

  it("prints a workshop's blank sheet: the cooperative, the workshop, every participant with a box to sign, and why it is kept", async () => {
    const { result, nodes } = await sessions("kind attendanceSheetPdf", {
      first: 10,
      kind: "WORKSHOP",
      from: "2026-06-15",
      to: "2026-06-15",
    });
    expect(result.errors).toBeUndefined();
    const node = nodes.find((n) => n.id === workshop)!;
    printed = node.attendanceSheetPdf!;
    const text = await pdfText(printed);
    for (const mention of [
      "Feuille d'émargement",
      "Atelier collectif",
      `Coopérative : ${legalName}`,
      "Date de l'atelier : 15/06/2026",
      "Durée : 1 h 30",
      "Thème : Comptabilité",
      `Animé par : ${counselorName}`,
      "Nombre de participants : 4",
      "Nom Prénom Signature",
      "Signature de l'animateur ou de l'animatrice",
      "pièce justificative de l'accompagnement auprès de ses financeurs",
      "règlement (UE) 2021/1060, article 82",
    ]) {
      expect(text).toContain(mention);
    }
    // One row per participant, by last name then first name.
    const sorted = [...people].sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName, "fr", { sensitivity: "base" }) ||
        a.firstName.localeCompare(b.firstName, "fr", { sensitivity: "base" }),
    );
    const rows = sorted.map((person) => text.indexOf(`${person.lastName} ${person.firstName}`));
    expect(rows.every((index) => index > 0)).toBe(true);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it("has no sheet for an individual interview: a clear NOT_FOUND for the blank one, null for the signed one", async () => {
    const { result, nodes } = await sessions("kind attendanceSheetPdf signedAttendanceSheet { sha256 }", {
      first: 3,
      kind: "INDIVIDUAL",
    });
    const node = nodes.find((n) => n.id === individual)!;
    expect(node).toEqual({ id: individual, kind: "INDIVIDUAL", attendanceSheetPdf: null, signedAttendanceSheet: null });
    const refusal = result.errors?.find((error) => error.path?.at(-1) === "attendanceSheetPdf");
    expect(refusal?.extensions?.code).toBe("NOT_FOUND");
    expect(refusal?.message).toMatch(/individual interview: only a workshop \(WORKSHOP\) has an attendance sheet/);
  });

  it("keeps a signed PDF, then a PNG in its place, each audited, and gives the bytes back only when asked", async () => {
    const signedPdf = Buffer.from(printed, "base64");
    const first = await attach({ sessionId: workshop, ...file(signedPdf, "application/pdf", "emargement-15-06.pdf") });
    expect(first.errors).toBeUndefined();
    expect(first.data?.attachSignedAttendanceSheet).toEqual({
      id: workshop,
      kind: "WORKSHOP",
      signedAttendanceSheet: {
        fileName: "emargement-15-06.pdf",
        mediaType: "application/pdf",
        sizeBytes: signedPdf.length,
        sha256: sha256(signedPdf),
        receivedOn: todayInFrance(),
      },
    });

    const scan = png(5000);
    const second = await attach({ sessionId: workshop, ...file(scan, "image/png", "scan.png") }, testCaller("COOP_ADMIN", COOP));
    expect(second.errors).toBeUndefined();
    const { nodes } = await sessions("signedAttendanceSheet { fileName mediaType sizeBytes sha256 receivedOn contentBase64 }", {
      first: 10,
      from: "2026-06-15",
      to: "2026-06-15",
    });
    expect(nodes.find((n) => n.id === workshop)!.signedAttendanceSheet).toEqual({
      fileName: "scan.png",
      mediaType: "image/png",
      sizeBytes: 5000,
      sha256: sha256(scan),
      receivedOn: todayInFrance(),
      contentBase64: scan.toString("base64"),
    });

    const db = server.database.dataSource;
    const [kept] = await db.query("SELECT count(*)::int AS n FROM workshop_signature_sheets WHERE session_id = $1", [
      workshop.split(":")[1],
    ]);
    expect(kept.n).toBe(1);
    const audit: { action: string; actor_role: string; entity_type: string; details: Record<string, unknown> }[] = await db.query(
      "SELECT action, actor_role, entity_type, details FROM audit_events WHERE entity_id = $1 AND action = 'attachSignedAttendanceSheet' ORDER BY seq",
      [workshop],
    );
    expect(audit).toEqual([
      {
        action: "attachSignedAttendanceSheet",
        actor_role: "COUNSELOR",
        entity_type: "SupportSession",
        details: expect.objectContaining({ fileName: "emargement-15-06.pdf", sha256: sha256(signedPdf), replaced: null }),
      },
      {
        action: "attachSignedAttendanceSheet",
        actor_role: "COOP_ADMIN",
        entity_type: "SupportSession",
        details: expect.objectContaining({
          fileName: "scan.png",
          mediaType: "image/png",
          sizeBytes: 5000,
          sha256: sha256(scan),
          replaced: { fileName: "emargement-15-06.pdf", sha256: sha256(signedPdf), receivedOn: todayInFrance() },
        }),
      },
    ]);
    // The audit row names the file; its bytes are kept in one place only, the sheet's row.
    expect(JSON.stringify(audit)).not.toContain(scan.toString("base64").slice(0, 100));
  });

  it("refuses a wrong media type, a file that is not what it claims, an individual interview, a workshop to come, an oversized file and another cooperative's session, writing nothing", async () => {
    const before = await written();
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ sessionId: workshop, ...file(png(), "image/gif") }, "BAD_USER_INPUT", "input.mediaType"],
      [{ sessionId: workshop, ...file(png(), "text/html") }, "BAD_USER_INPUT", "input.mediaType"],
      // PNG bytes declared a PDF, and a PDF declared a JPEG: the first bytes decide.
      [{ sessionId: workshop, ...file(png(), "application/pdf") }, "BAD_USER_INPUT", "input.contentBase64"],
      [{ sessionId: workshop, ...file(Buffer.from(printed, "base64"), "image/jpeg") }, "BAD_USER_INPUT", "input.contentBase64"],
      [
        { sessionId: workshop, fileName: "x.png", mediaType: "image/png", contentBase64: "not base64!" },
        "BAD_USER_INPUT",
        "input.contentBase64",
      ],
      [{ sessionId: workshop, ...file(png(), "image/png", "   ") }, "BAD_USER_INPUT", "input.fileName"],
      [{ sessionId: workshop, ...file(png(MAX_SHEET_BYTES + 1), "image/png") }, "BAD_USER_INPUT", "input.contentBase64"],
      [{ sessionId: individual, ...file(png(), "image/png") }, "BAD_USER_INPUT", "input.sessionId"],
      [{ sessionId: `${COOP}:00000000-0000-4000-8000-000000000000`, ...file(png(), "image/png") }, "BAD_USER_INPUT", "input.sessionId"],
      [{ sessionId: `${OTHER}:${workshop.split(":")[1]}`, ...file(png(), "image/png") }, "BAD_USER_INPUT", "input.sessionId"],
    ];
    for (const [input, code, field] of refusals) {
      const result = await attach(input);
      expect({ field, extensions: result.errors?.[0].extensions }).toEqual({ field, extensions: { code, field } });
      expect(result.data?.attachSignedAttendanceSheet ?? null).toBeNull();
    }
    // Today is before the workshop (the rule takes the day as a parameter): the sheet cannot have been signed yet.
    await expect(
      attachSignedAttendanceSheet(
        server.database.dataSource,
        COOP,
        testCaller("COUNSELOR", COOP),
        { sessionId: workshop, ...file(png(), "image/png") },
        "2026-06-14",
      ),
    ).rejects.toMatchObject({ extensions: { code: "CONFLICT", field: "input.sessionId" } });
    expect(await written()).toEqual(before);
  });

  it("takes a sheet on the workshop's day, and one of the largest size, whose request still fits the body limit", async () => {
    const sameDay = await recordWorkshop("2026-06-20", [people[0].id, people[1].id]);
    const db = server.database.dataSource;
    await attachSignedAttendanceSheet(
      db,
      COOP,
      testCaller("COUNSELOR", COOP),
      { sessionId: sameDay, ...file(png(), "image/png") },
      "2026-06-20",
    );
    const [row] = await db.query("SELECT received_on::text AS received_on FROM workshop_signature_sheets WHERE session_id = $1", [
      sameDay.split(":")[1],
    ]);
    expect(row.received_on).toBe("2026-06-20");

    const largest = { sessionId: sameDay, ...file(png(MAX_SHEET_BYTES), "image/png", "scan-haute-resolution.png") };
    // What a client sends: the request, as JSON, must pass the subgraph's and the gateway's body limit.
    expect(JSON.stringify({ query: ATTACH, variables: { input: largest } }).length).toBeLessThan(DEFAULT_MAX_BODY_BYTES);
    const result = await attach(largest);
    expect(result.errors).toBeUndefined();
    expect((result.data?.attachSignedAttendanceSheet as { signedAttendanceSheet: Sheet }).signedAttendanceSheet.sizeBytes).toBe(
      MAX_SHEET_BYTES,
    );
  });

  it("is the staff's: a participant reads their workshop but neither sheet, network roles nothing, and only staff attach", async () => {
    const own = people[0].id;
    const entrepreneur = testCaller("ENTREPRENEUR", COOP, own);
    const seen = await execute(
      server,
      ENTITIES_QUERY(
        "... on Person { supportSessions(first: 50) { edges { node { id heldOn attendanceSheetPdf signedAttendanceSheet { sha256 } } } } }",
      ),
      { representations: [{ __typename: "Person", id: own }] },
      entrepreneur,
    );
    const nodes = (seen.data?._entities as { supportSessions: { edges: { node: Node & { heldOn: string } }[] } }[])[0].supportSessions
      .edges;
    expect(nodes.map((edge) => edge.node).find((node) => node.id === workshop)).toEqual({
      id: workshop,
      heldOn: "2026-06-15",
      attendanceSheetPdf: null,
      signedAttendanceSheet: null,
    });
    const refused = (seen.errors ?? []).filter((error) => error.extensions?.code === "FORBIDDEN").map((error) => error.path?.at(-1));
    expect(new Set(refused)).toEqual(new Set(["attendanceSheetPdf", "signedAttendanceSheet"]));
    expect((seen.errors ?? []).every((error) => error.extensions?.code === "FORBIDDEN")).toBe(true);

    const before = await written();
    for (const caller of [entrepreneur, testCaller("NETWORK_ANALYST"), testCaller("NETWORK_ADMIN")]) {
      const result = await attach({ sessionId: workshop, ...file(png(), "image/png") }, caller);
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await written()).toEqual(before);
    const analyst = await sessions("signedAttendanceSheet { sha256 }", { first: 5, kind: "WORKSHOP" }, testCaller("NETWORK_ANALYST"));
    expect(analyst.result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(analyst.nodes).toEqual([]);
    // Another cooperative's staff do not reach this one's service at all.
    expect(() => server.contextFor(testCaller("COUNSELOR", OTHER))).toThrow(/has no access/);

    const admin = await sessions(
      "signedAttendanceSheet { sha256 }",
      { first: 5, from: "2026-06-15", to: "2026-06-15" },
      testCaller("COOP_ADMIN", COOP),
    );
    expect(admin.result.errors).toBeUndefined();
    expect(admin.nodes.find((node) => node.id === workshop)?.signedAttendanceSheet?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lists the workshops without a signed sheet, and a page of workshops with both sheets costs the same statements for 3 as for 12", async () => {
    const db = server.database.dataSource;
    const recorded: string[] = [];
    for (let day = 1; day <= 10; day++) {
      recorded.push(
        await recordWorkshop(`2026-09-${String(day).padStart(2, "0")}`, [people[day % 4].id, people[(day + 1) % 4].id], "MARKETING", 120),
      );
    }
    // Sheets for every other one.
    for (const id of recorded.filter((_, i) => i % 2 === 0)) {
      expect((await attach({ sessionId: id, ...file(png(1500 + recorded.indexOf(id)), "image/png") })).errors).toBeUndefined();
    }
    const rows: { id: string; signed: boolean }[] = await db.query(
      `SELECT s.id, EXISTS (SELECT 1 FROM workshop_signature_sheets w WHERE w.session_id = s.id) AS signed
         FROM support_sessions s WHERE s.kind = 'WORKSHOP' AND s.held_on BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY s.held_on DESC, s.id DESC`,
    );
    expect(rows.length).toBe(12);
    for (const signed of [false, true]) {
      const { result, totalCount, nodes } = await sessions("kind", { first: 100, from: "2026-01-01", to: "2026-12-31", signed });
      expect(result.errors).toBeUndefined();
      const expected = rows.filter((row) => row.signed === signed).map((row) => `${COOP}:${row.id}`);
      expect(expected.length).toBeGreaterThan(3);
      expect(totalCount).toBe(expected.length);
      expect(nodes.map((node) => node.id)).toEqual(expected);
      expect(nodes.every((node) => node.kind === "WORKSHOP")).toBe(true);
    }
    const contradiction = await sessions("kind", { first: 5, kind: "INDIVIDUAL", signed: false });
    expect(contradiction.result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "withSignedAttendanceSheet" });

    const cost = async (selection: string, first: number) => {
      const before = server.database.statementCount;
      const { result, nodes } = await sessions(selection, { first, kind: "WORKSHOP" });
      expect(result.errors).toBeUndefined();
      expect(nodes).toHaveLength(first);
      expect(nodes.filter((node) => node.signedAttendanceSheet).length).toBeGreaterThan(0);
      return server.database.statementCount - before;
    };
    const listed = "people { id } attendanceSheetPdf signedAttendanceSheet { fileName mediaType sizeBytes sha256 receivedOn }";
    const few = await cost(listed, 3);
    expect(await cost(listed, 12)).toBe(few);
    // The bytes are one statement more, for the whole page, and only when asked for.
    const withBytes = await cost(`${listed.slice(0, -2)} contentBase64 }`, 12);
    expect(withBytes).toBe(few + 1);
    expect(await cost(`${listed.slice(0, -2)} contentBase64 }`, 3)).toBe(withBytes);
  });
  it("keeps a signed sheet when a participant is erased, as evidence for the funders, with their name gone from its file name and from the blank sheet", async () => {
    const db = server.database.dataSource;
    const erased = people[3];
    const scan = png(3000);
    const named = await attach({ sessionId: workshop, ...file(scan, "image/png", `emargement-${erased.lastName}-15-06.png`) });
    expect(named.errors).toBeUndefined();
    const [{ n: sheetsOfTheirs }] = await db.query(
      `SELECT count(*)::int AS n FROM workshop_signature_sheets w JOIN support_session_people p ON p.session_id = w.session_id
        WHERE p.person_id = $1`,
      [erased.id.split(":")[1]],
    );
    expect(sheetsOfTheirs).toBeGreaterThan(1);
    const result = await execute(
      server,
      `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { id
        erasure { parts { subgraph erased kept { what why } } } } }`,
      { input: { id: erased.id, reason: "Demande d'effacement (RGPD art. 17)" } },
      testCaller("COOP_ADMIN", COOP),
    );
    expect(result.errors).toBeUndefined();
    const part = (
      result.data?.erasePerson as { erasure: { parts: { subgraph: string; erased: string[]; kept: { what: string; why: string }[] }[] } }
    ).erasure.parts.find((p) => p.subgraph === "members")!;
    expect(part.erased).toContain(`mentions of the person in the file names of ${sheetsOfTheirs} signed attendance sheet(s)`);
    expect(part.kept).toContainEqual({
      what: expect.stringMatching(new RegExp(`^${sheetsOfTheirs} signed attendance sheet\\(s\\) of workshops the person took part in`)),
      why: expect.stringMatching(/Règlement \(UE\) 2021\/1060, art\. 82.*GDPR art\. 17\(3\)\(b\)/),
    });

    // The file is kept as it was signed; its name no longer says who took part.
    const [sheet]: { file_name: string; sha256: string; content: Uint8Array }[] = await db.query(
      "SELECT file_name, sha256, content FROM workshop_signature_sheets WHERE session_id = $1",
      [workshop.split(":")[1]],
    );
    expect(sheet.file_name).toBe("emargement-(effacé)-15-06.png");
    expect(sheet.sha256).toBe(sha256(scan));
    expect(Buffer.from(sheet.content).equals(scan)).toBe(true);
    // The workshop's audit trail is about the others too: the rows that do not name the person keep their
    // checksums; the one whose file name named them is marked erased.
    const trail: { details: Record<string, unknown> }[] = await db.query(
      "SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'attachSignedAttendanceSheet' ORDER BY seq",
      [workshop],
    );
    expect(trail.filter((row) => typeof row.details.sha256 === "string").length).toBeGreaterThanOrEqual(2);
    expect(trail.at(-1)!.details).toEqual({ erased: true });
    expect(JSON.stringify(trail)).not.toContain(erased.lastName);

    // A sheet printed afterwards names the others only.
    const { nodes } = await sessions("attendanceSheetPdf", { first: 10, from: "2026-06-15", to: "2026-06-15" });
    const text = await pdfText(nodes.find((node) => node.id === workshop)!.attendanceSheetPdf!);
    expect(text).not.toContain(erased.lastName);
    expect(text).toContain("(effacé) (effacé)");
    for (const other of people.slice(0, 3)) expect(text).toContain(`${other.lastName} ${other.firstName}`);
  });
});
