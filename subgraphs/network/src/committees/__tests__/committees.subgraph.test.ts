import { addDays, frenchDate, todayInFrance } from "@cae/shared";
import { databaseBackends, execute, pdfText, startTestNetworkSubgraph, testCaller } from "@cae/tools/testing";
import type { NetworkSubgraphServer } from "../../server";

const admin = testCaller("NETWORK_ADMIN");
const analyst = testCaller("NETWORK_ANALYST");
/** A day relative to today in France: the rules compare dates with today (past events, planned meetings). */
const day = (offset: number) => addDays(todayInFrance(), offset);
/** The funding agreement the committees follow: signed in `beforeAll`. */
let AGREEMENT: string;
const UNKNOWN = "network:00000000-0000-4000-8000-000000000000";

const CREATE = `mutation ($input: CreateCommitteeInput!) { createCommittee(input: $input) { id kind name fundingAgreementId territory createdAt } }`;
const UPDATE = `mutation ($input: UpdateCommitteeInput!) { updateCommittee(input: $input) { id kind name fundingAgreementId territory } }`;
const ADD_MEMBER = `mutation ($input: AddCommitteeMemberInput!) { addCommitteeMember(input: $input) { id fullName organisation role email joinedOn leftOn } }`;
const END_MEMBERSHIP = `mutation ($input: EndCommitteeMembershipInput!) { endCommitteeMembership(input: $input) { id leftOn } }`;
const SCHEDULE = `mutation ($input: ScheduleCommitteeMeetingInput!) { scheduleCommitteeMeeting(input: $input) { id status scheduledOn place agenda periodFrom periodTo committee { name } } }`;
const CANCEL = `mutation ($input: CancelCommitteeMeetingInput!) { cancelCommitteeMeeting(input: $input) { id status cancellationReason cancelledAt } }`;
const RECORD_MINUTES = `mutation ($input: RecordCommitteeMinutesInput!) { recordCommitteeMinutes(input: $input) { id status heldOn minutes minutesApprovedOn attendees { fullName } } }`;
const APPROVE = `mutation ($input: ApproveCommitteeMinutesInput!) { approveCommitteeMinutes(input: $input) { id status minutesApprovedOn } }`;
const RECORD_DECISION = `mutation ($input: RecordCommitteeDecisionInput!) { recordCommitteeDecision(input: $input) { id text owner dueOn status closedOn meeting { id } } }`;
const CLOSE_DECISION = `mutation ($input: CloseCommitteeDecisionInput!) { closeCommitteeDecision(input: $input) { id status closedOn } }`;
const COMMITTEE = `query ($id: ID!, $former: Boolean) { committee(id: $id) {
  id kind name fundingAgreementId territory
  members(includeFormer: $former) { id fullName organisation role email joinedOn leftOn }
  meetings { id status scheduledOn heldOn minutesApprovedOn attendees { fullName } decisions { text status } }
  nextMeeting { id scheduledOn agenda }
  openDecisions { id text owner dueOn meeting { id heldOn } }
} }`;
const MINUTES_PDF = `query ($id: ID!) { committee(id: $id) { meetings { id minutesPdf } } }`;
/** Everything the committees hold, and how many changes were audited: a refusal changes neither. */
const EVERYTHING = `{
  committees(first: 100) { totalCount edges { node { id kind name fundingAgreementId territory
    members(includeFormer: true) { id fullName organisation role email joinedOn leftOn }
    meetings { id status scheduledOn place agenda periodFrom periodTo heldOn minutes minutesApprovedOn cancellationReason
      attendees { id } decisions { id text owner dueOn status closedOn } } } } }
  networkAuditTrail(first: 1) { totalCount }
}`;
const TRAIL = `query ($entityId: ID) { networkAuditTrail(first: 100, entityId: $entityId) { edges { node { action entityType entityId actorRole details } } } }`;

type Result = Awaited<ReturnType<typeof execute>>;
/** The field of a mutation's answer, failing the test with the errors when there are some. */
function answer<T = Record<string, unknown>>(result: Result, field: string): T {
  expect(result.errors).toBeUndefined();
  return result.data![field] as T;
}

describe.each(databaseBackends())("the network's committees on %s PostgreSQL", (backend) => {
  let server: NetworkSubgraphServer & { stop(): Promise<void> };

  beforeAll(async () => {
    server = await startTestNetworkSubgraph(backend);
    const partner = await execute(server, `mutation { createPartner(input: { name: "DREETS Bretagne", kind: STATE }) { id } }`, {}, admin);
    const signed = await execute(
      server,
      `mutation ($input: SignFundingAgreementInput!) { signFundingAgreement(input: $input) { id } }`,
      {
        input: {
          partnerId: (partner.data!.createPartner as { id: string }).id,
          reference: "2026-DREETS-BZH-01",
          title: "Accompagnement des porteurs de projet 2026",
          territory: { kind: "REGION", region: "Bretagne" },
          startsOn: "2026-01-01",
          endsOn: "2026-12-31",
          amountCents: "4500000",
          signedOn: "2025-12-15",
          indicatorsOwed: ["SUPPORTED", "FOLLOW_UPS"],
        },
      },
      admin,
    );
    AGREEMENT = (signed.data!.signFundingAgreement as { id: string }).id;
  });
  afterAll(() => server?.stop());

  const run = (query: string, variables: Record<string, unknown> = {}, caller = admin) => execute(server, query, variables, caller);
  const create = async (input: Record<string, unknown>) => answer<{ id: string }>(await run(CREATE, { input }), "createCommittee");
  const addMember = async (input: Record<string, unknown>) =>
    answer<{ id: string }>(await run(ADD_MEMBER, { input }), "addCommitteeMember");
  const schedule = async (input: Record<string, unknown>) =>
    answer<{ id: string }>(await run(SCHEDULE, { input }), "scheduleCommitteeMeeting");
  const recordMinutes = async (input: Record<string, unknown>) =>
    answer<{ id: string }>(await run(RECORD_MINUTES, { input }), "recordCommitteeMinutes");
  const decide = async (input: Record<string, unknown>) =>
    answer<{ id: string }>(await run(RECORD_DECISION, { input }), "recordCommitteeDecision");

  it("prepares a committee end to end: members, agenda, minutes with attendees, decisions, approval, then the next meeting's review", async () => {
    const committee = answer<{ id: string; createdAt: string }>(
      await run(CREATE, {
        input: { kind: "STEERING", name: " COPIL Bretagne – DREETS 2026 ", fundingAgreementId: AGREEMENT, territory: "Région Bretagne" },
      }),
      "createCommittee",
    );
    expect(committee).toMatchObject({
      kind: "STEERING",
      name: "COPIL Bretagne – DREETS 2026",
      fundingAgreementId: AGREEMENT,
      territory: "Région Bretagne",
    });
    expect(committee.id).toMatch(/^network:[0-9a-f-]{36}$/);
    const followed = await run(
      `query ($id: ID!) { committee(id: $id) { fundingAgreement { id title indicatorsOwed } } }`,
      { id: committee.id },
      analyst,
    );
    expect(followed.data!.committee).toEqual({
      fundingAgreement: { id: AGREEMENT, title: "Accompagnement des porteurs de projet 2026", indicatorsOwed: ["SUPPORTED", "FOLLOW_UPS"] },
    });

    const chair = answer(
      await run(ADD_MEMBER, {
        input: {
          committeeId: committee.id,
          fullName: "Nathalie Le Goff",
          organisation: "DREETS Bretagne",
          role: "Présidente",
          email: "Nathalie.LeGoff@dreets.gouv.fr",
          joinedOn: day(-90),
        },
      }),
      "addCommitteeMember",
    ) as { id: string; email: string; leftOn: string | null };
    expect(chair).toMatchObject({ email: "nathalie.legoff@dreets.gouv.fr", leftOn: null });
    const region = await addMember({
      committeeId: committee.id,
      fullName: "Yann Kerbrat",
      organisation: "Région Bretagne",
      role: "Représentant de la Région",
      joinedOn: day(-90),
    });
    await addMember({
      committeeId: committee.id,
      fullName: "Sophie Marchand",
      organisation: "France Travail",
      role: "Représentante France Travail",
      joinedOn: day(-90),
    });

    const first = answer<{ id: string; status: string; agenda: string[] }>(
      await run(SCHEDULE, {
        input: {
          committeeId: committee.id,
          scheduledOn: day(-10),
          place: "DREETS, Rennes",
          agenda: ["Bilan du premier semestre", " Indicateurs d'accompagnement ", "Questions diverses"],
          periodFrom: "2026-01-01",
          periodTo: "2026-06-30",
        },
      }),
      "scheduleCommitteeMeeting",
    );
    expect(first).toMatchObject({
      status: "SCHEDULED",
      agenda: ["Bilan du premier semestre", "Indicateurs d'accompagnement", "Questions diverses"],
      periodFrom: "2026-01-01",
      periodTo: "2026-06-30",
      committee: { name: "COPIL Bretagne – DREETS 2026" },
    });

    // Minutes may be recorded again, until approved: the second recording replaces the first.
    await recordMinutes({ meetingId: first.id, heldOn: day(-10), attendeeIds: [chair.id], minutes: "Brouillon." });
    const minutes =
      "La présidente ouvre la séance et présente le bilan du semestre.\n\nLes membres saluent la progression des entrées dans le parcours et demandent un suivi par département.";
    const held = answer<{ status: string; heldOn: string; attendees: { fullName: string }[] }>(
      await run(RECORD_MINUTES, {
        input: { meetingId: first.id, heldOn: day(-10), attendeeIds: [region.id, chair.id, chair.id], minutes },
      }),
      "recordCommitteeMinutes",
    );
    expect(held).toMatchObject({ status: "HELD", heldOn: day(-10), minutesApprovedOn: null, minutes });
    expect(held.attendees.map((a) => a.fullName)).toEqual(["Nathalie Le Goff", "Yann Kerbrat"]);

    const followUp = answer<{ id: string; status: string; meeting: { id: string } }>(
      await run(RECORD_DECISION, {
        input: {
          meetingId: first.id,
          text: "Produire le suivi des entrées par département",
          owner: "Réseau – chargée de mission",
          dueOn: day(30),
        },
      }),
      "recordCommitteeDecision",
    );
    expect(followUp).toMatchObject({ status: "OPEN", closedOn: null, dueOn: day(30), meeting: { id: first.id } });
    const visit = await decide({ meetingId: first.id, text: "Organiser une visite d'une coopérative", owner: "Région Bretagne" });
    const dropped = await decide({ meetingId: first.id, text: "Étudier un second lieu d'accueil", owner: "DREETS" });
    const approved = answer(await run(APPROVE, { input: { meetingId: first.id, approvedOn: day(-2) } }), "approveCommitteeMinutes");
    expect(approved).toMatchObject({ status: "HELD", minutesApprovedOn: day(-2) });
    answer(
      await run(CLOSE_DECISION, { input: { decisionId: dropped.id, status: "DROPPED", closedOn: day(-1) } }),
      "closeCommitteeDecision",
    );

    // A meeting called off is no one's next meeting.
    const calledOff = await schedule({ committeeId: committee.id, scheduledOn: day(15), place: "Rennes", agenda: ["Point d'étape"] });
    const cancelled = answer(
      await run(CANCEL, { input: { meetingId: calledOff.id, reason: "Présidente indisponible" } }),
      "cancelCommitteeMeeting",
    );
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      cancellationReason: "Présidente indisponible",
      cancelledAt: expect.any(String),
    });
    const next = await schedule({
      committeeId: committee.id,
      scheduledOn: day(20),
      place: "Conseil régional, Rennes",
      agenda: ["Approbation du compte rendu", "Suivi des décisions"],
    });

    const read = await run(COMMITTEE, { id: committee.id }, analyst);
    expect(read.errors).toBeUndefined();
    const seen = read.data!.committee as {
      members: { fullName: string }[];
      meetings: { id: string; status: string; decisions: { text: string; status: string }[] }[];
      nextMeeting: { id: string; scheduledOn: string };
      openDecisions: { id: string; text: string; meeting: { id: string; heldOn: string } }[];
    };
    expect(seen.members.map((m) => m.fullName)).toEqual(["Nathalie Le Goff", "Sophie Marchand", "Yann Kerbrat"]);
    expect(seen.meetings.map((m) => [m.id, m.status])).toEqual([
      [next.id, "SCHEDULED"],
      [calledOff.id, "CANCELLED"],
      [first.id, "HELD"],
    ]);
    expect(seen.meetings[2].decisions).toEqual([
      { text: "Produire le suivi des entrées par département", status: "OPEN" },
      { text: "Organiser une visite d'une coopérative", status: "OPEN" },
      { text: "Étudier un second lieu d'accueil", status: "DROPPED" },
    ]);
    expect(seen.nextMeeting).toMatchObject({ id: next.id, scheduledOn: day(20) });
    // What the next meeting reviews: the decisions still open, oldest first, with the meeting that took them.
    expect(seen.openDecisions.map((d) => [d.id, d.meeting.heldOn])).toEqual([
      [followUp.id, day(-10)],
      [visit.id, day(-10)],
    ]);

    // The printed minutes say what was recorded, in French.
    const pdfs = answer<{ meetings: { id: string; minutesPdf: string | null }[] }>(
      await run(MINUTES_PDF, { id: committee.id }, analyst),
      "committee",
    ).meetings;
    expect(pdfs.find((m) => m.id === next.id)!.minutesPdf).toBeNull();
    const text = await pdfText(pdfs.find((m) => m.id === first.id)!.minutesPdf!);
    for (const expected of [
      "Compte rendu de réunion",
      "COPIL Bretagne – DREETS 2026",
      "Comité de pilotage",
      `Date : ${frenchDate(day(-10))}`,
      "DREETS, Rennes",
      "Période examinée : du 01/01/2026 au 30/06/2026",
      `Approuvé le ${frenchDate(day(-2))}`,
      "Participants",
      "Nathalie Le Goff",
      "Présidente",
      "Yann Kerbrat",
      "Représentant de la Région",
      "Ordre du jour",
      "1. Bilan du premier semestre",
      "3. Questions diverses",
      "La présidente ouvre la séance et présente le bilan du semestre.",
      "demandent un suivi par département.",
      "Décisions",
      "Responsable",
      "Échéance",
      "Produire le suivi des entrées par département",
      "Réseau – chargée de mission",
      frenchDate(day(30)),
      "Étudier un second lieu d'accueil",
    ]) {
      expect(text).toContain(expected);
    }
    // Who did not attend is not among the participants.
    expect(text).not.toContain("Sophie Marchand");

    // Approved minutes are the record: nothing of that meeting changes any more.
    const again = await run(RECORD_MINUTES, {
      input: { meetingId: first.id, heldOn: day(-10), attendeeIds: [chair.id], minutes: "Autre." },
    });
    expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.meetingId" });
    const late = await run(RECORD_DECISION, { input: { meetingId: first.id, text: "Une de plus", owner: "DREETS" } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.meetingId" });

    // Each change audited, with its author, newest first.
    const trail = async (entityId: string) =>
      answer<{ edges: { node: { action: string; actorRole: string; entityType: string; details: string } }[] }>(
        await run(TRAIL, { entityId }),
        "networkAuditTrail",
      ).edges.map((e) => e.node);
    expect((await trail(committee.id)).map((n) => [n.action, n.entityType, n.actorRole])).toEqual([
      ["createCommittee", "Committee", "NETWORK_ADMIN"],
    ]);
    expect((await trail(chair.id)).map((n) => n.action)).toEqual(["addCommitteeMember"]);
    const meetingTrail = await trail(first.id);
    expect(meetingTrail.map((n) => n.action)).toEqual([
      "approveCommitteeMinutes",
      "recordCommitteeMinutes",
      "recordCommitteeMinutes",
      "scheduleCommitteeMeeting",
    ]);
    expect(JSON.parse(meetingTrail[1].details)).toMatchObject({ heldOn: day(-10), minutes, replaced: true });
    expect(JSON.parse(meetingTrail[1].details).attendeeIds).toHaveLength(2);
    expect((await trail(calledOff.id)).map((n) => n.action)).toEqual(["cancelCommitteeMeeting", "scheduleCommitteeMeeting"]);
    expect((await trail(dropped.id)).map((n) => [n.action, JSON.parse(n.details)])).toEqual([
      ["closeCommitteeDecision", { status: "DROPPED", closedOn: day(-1) }],
      ["recordCommitteeDecision", expect.objectContaining({ meetingId: first.id, owner: "DREETS", dueOn: null })],
    ]);
  });

  it("corrects a committee, ends a membership (then lists former members on request) and audits both", async () => {
    const committee = await create({ kind: "TECHNICAL", name: "COTECH Finistère" });
    const corrected = answer(
      await run(UPDATE, {
        input: { committeeId: committee.id, name: "COTECH Finistère Nord", territory: "Finistère", fundingAgreementId: AGREEMENT },
      }),
      "updateCommittee",
    );
    expect(corrected).toMatchObject({
      kind: "TECHNICAL",
      name: "COTECH Finistère Nord",
      territory: "Finistère",
      fundingAgreementId: AGREEMENT,
    });
    const cleared = answer(await run(UPDATE, { input: { committeeId: committee.id, fundingAgreementId: null } }), "updateCommittee");
    expect(cleared).toMatchObject({ name: "COTECH Finistère Nord", territory: "Finistère", fundingAgreementId: null });

    const member = await addMember({
      committeeId: committee.id,
      fullName: "Jean Morvan",
      organisation: "Réseau",
      role: "Animateur",
      joinedOn: day(-40),
    });
    const ended = answer(await run(END_MEMBERSHIP, { input: { memberId: member.id, leftOn: day(-5) } }), "endCommitteeMembership");
    expect(ended).toEqual({ id: member.id, leftOn: day(-5) });
    // The same person may sit again after leaving.
    await addMember({ committeeId: committee.id, fullName: "jean morvan", organisation: "Réseau", role: "Secrétaire", joinedOn: day(-1) });

    const current = await run(COMMITTEE, { id: committee.id }, analyst);
    expect((current.data!.committee as { members: { role: string }[] }).members.map((m) => m.role)).toEqual(["Secrétaire"]);
    const all = await run(COMMITTEE, { id: committee.id, former: true }, analyst);
    expect((all.data!.committee as { members: { role: string; leftOn: string | null }[] }).members).toEqual([
      expect.objectContaining({ role: "Animateur", leftOn: day(-5) }),
      expect.objectContaining({ role: "Secrétaire", leftOn: null }),
    ]);

    const trail = answer<{ edges: { node: { action: string; details: string } }[] }>(
      await run(TRAIL, { entityId: committee.id }),
      "networkAuditTrail",
    );
    expect(trail.edges.map((e) => e.node.action)).toEqual(["updateCommittee", "updateCommittee", "createCommittee"]);
    expect(JSON.parse(trail.edges[1].node.details)).toMatchObject({
      before: { name: "COTECH Finistère" },
      after: { name: "COTECH Finistère Nord" },
    });
    const memberTrail = answer<{ edges: { node: { action: string } }[] }>(await run(TRAIL, { entityId: member.id }), "networkAuditTrail");
    expect(memberTrail.edges.map((e) => e.node.action)).toEqual(["endCommitteeMembership", "addCommitteeMember"]);

    expect((await run(`query ($id: ID!) { committee(id: $id) { id } }`, { id: UNKNOWN }, analyst)).data).toEqual({ committee: null });
    expect((await run(`{ committee(id: "cotech") { id } }`, {}, analyst)).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "id",
    });
  });

  describe("refusals", () => {
    /** The IDs the refusals are tried on, made once. */
    const f = {} as Record<
      "committee" | "other" | "sitting" | "former" | "stranger" | "scheduled" | "held" | "approved" | "cancelled" | "open" | "closed",
      string
    >;

    beforeAll(async () => {
      f.committee = (await create({ kind: "TECHNICAL", name: "COTECH Isère" })).id;
      f.other = (await create({ kind: "TECHNICAL", name: "COTECH Savoie" })).id;
      f.sitting = (
        await addMember({
          committeeId: f.committee,
          fullName: "Claire Vial",
          organisation: "Réseau",
          role: "Animatrice",
          joinedOn: day(-100),
        })
      ).id;
      f.former = (
        await addMember({ committeeId: f.committee, fullName: "Paul Roux", organisation: "DREETS", role: "Membre", joinedOn: day(-100) })
      ).id;
      await run(END_MEMBERSHIP, { input: { memberId: f.former, leftOn: day(-50) } });
      f.stranger = (
        await addMember({ committeeId: f.other, fullName: "Léa Blanc", organisation: "Région", role: "Membre", joinedOn: day(-100) })
      ).id;
      const agenda = ["Suivi"];
      f.scheduled = (await schedule({ committeeId: f.committee, scheduledOn: day(10), place: "Grenoble", agenda })).id;
      f.held = (await schedule({ committeeId: f.committee, scheduledOn: day(-20), place: "Grenoble", agenda })).id;
      await recordMinutes({ meetingId: f.held, heldOn: day(-20), attendeeIds: [f.sitting], minutes: "Compte rendu." });
      f.open = (await decide({ meetingId: f.held, text: "Relancer les partenaires", owner: "Réseau" })).id;
      f.closed = (await decide({ meetingId: f.held, text: "Mettre à jour la liste", owner: "Réseau" })).id;
      await run(CLOSE_DECISION, { input: { decisionId: f.closed, status: "DONE", closedOn: day(-10) } });
      f.approved = (await schedule({ committeeId: f.committee, scheduledOn: day(-40), place: "Grenoble", agenda })).id;
      await recordMinutes({ meetingId: f.approved, heldOn: day(-40), attendeeIds: [f.sitting], minutes: "Compte rendu." });
      await run(APPROVE, { input: { meetingId: f.approved, approvedOn: day(-30) } });
      f.cancelled = (await schedule({ committeeId: f.committee, scheduledOn: day(5), place: "Grenoble", agenda })).id;
      await run(CANCEL, { input: { meetingId: f.cancelled, reason: "Reporté" } });
    });

    type Case = [string, string, () => Record<string, unknown>, string, string];
    const member = (overrides: Record<string, unknown> = {}) => ({
      committeeId: f.committee,
      fullName: "Marc Dubois",
      organisation: "France Travail",
      role: "Membre",
      ...overrides,
    });
    const meeting = (overrides: Record<string, unknown> = {}) => ({
      committeeId: f.committee,
      scheduledOn: day(60),
      place: "Grenoble",
      agenda: ["Bilan"],
      ...overrides,
    });
    const minutes = (overrides: Record<string, unknown> = {}) => ({
      meetingId: f.held,
      heldOn: day(-20),
      attendeeIds: [f.sitting],
      minutes: "Compte rendu corrigé.",
      ...overrides,
    });
    const cases: Case[] = [
      ["a committee with an empty name", CREATE, () => ({ kind: "STEERING", name: "  " }), "BAD_USER_INPUT", "input.name"],
      ["a committee name taken (whatever its case)", CREATE, () => ({ kind: "STEERING", name: "cotech isère" }), "CONFLICT", "input.name"],
      [
        "a funding agreement ID that is not one",
        CREATE,
        () => ({ kind: "STEERING", name: "X", fundingAgreementId: "agreement-1" }),
        "BAD_USER_INPUT",
        "input.fundingAgreementId",
      ],
      [
        "a funding agreement the network does not have",
        CREATE,
        () => ({ kind: "STEERING", name: "X", fundingAgreementId: UNKNOWN }),
        "NOT_FOUND",
        "input.fundingAgreementId",
      ],
      [
        "a cooperative's ID as the funding agreement",
        CREATE,
        () => ({ kind: "STEERING", name: "X", fundingAgreementId: "alpes-entreprendre:6b1f3c2e-8d4a-4f1b-9c7e-2a5d8e9f0a1b" }),
        "BAD_USER_INPUT",
        "input.fundingAgreementId",
      ],
      [
        "a territory too long",
        CREATE,
        () => ({ kind: "STEERING", name: "X", territory: "x".repeat(501) }),
        "BAD_USER_INPUT",
        "input.territory",
      ],
      ["a correction that changes nothing", UPDATE, () => ({ committeeId: f.committee }), "BAD_USER_INPUT", "input"],
      ["a correction of an unknown committee", UPDATE, () => ({ committeeId: UNKNOWN, name: "Y" }), "NOT_FOUND", "input.committeeId"],
      [
        "a correction to another committee's name",
        UPDATE,
        () => ({ committeeId: f.committee, name: "COTECH SAVOIE" }),
        "CONFLICT",
        "input.name",
      ],
      ["a member with a malformed email", ADD_MEMBER, () => member({ email: "marc@" }), "BAD_USER_INPUT", "input.email"],
      ["a member with an empty role", ADD_MEMBER, () => member({ role: "" }), "BAD_USER_INPUT", "input.role"],
      ["a member joining in 2999", ADD_MEMBER, () => member({ joinedOn: "2999-01-01" }), "BAD_USER_INPUT", "input.joinedOn"],
      ["a member already sitting", ADD_MEMBER, () => member({ fullName: "CLAIRE VIAL" }), "CONFLICT", "input.fullName"],
      ["a member of an unknown committee", ADD_MEMBER, () => member({ committeeId: UNKNOWN }), "NOT_FOUND", "input.committeeId"],
      [
        "a membership ending before it began",
        END_MEMBERSHIP,
        () => ({ memberId: f.sitting, leftOn: day(-101) }),
        "BAD_USER_INPUT",
        "input.leftOn",
      ],
      [
        "a membership ending before a meeting attended",
        END_MEMBERSHIP,
        () => ({ memberId: f.sitting, leftOn: day(-30) }),
        "CONFLICT",
        "input.leftOn",
      ],
      ["a membership ended twice", END_MEMBERSHIP, () => ({ memberId: f.former, leftOn: day(-40) }), "CONFLICT", "input.memberId"],
      ["a meeting without an agenda", SCHEDULE, () => meeting({ agenda: [] }), "BAD_USER_INPUT", "input.agenda"],
      ["a blank agenda item", SCHEDULE, () => meeting({ agenda: ["Bilan", " "] }), "BAD_USER_INPUT", "input.agenda.1"],
      ["a meeting without a place", SCHEDULE, () => meeting({ place: "" }), "BAD_USER_INPUT", "input.place"],
      ["a meeting in 2999", SCHEDULE, () => meeting({ scheduledOn: "2999-01-01" }), "BAD_USER_INPUT", "input.scheduledOn"],
      ["a second meeting on the same day", SCHEDULE, () => meeting({ scheduledOn: day(10) }), "CONFLICT", "input.scheduledOn"],
      ["a period without its last day", SCHEDULE, () => meeting({ periodFrom: "2026-01-01" }), "BAD_USER_INPUT", "input.periodTo"],
      ["a period without its first day", SCHEDULE, () => meeting({ periodTo: "2026-06-30" }), "BAD_USER_INPUT", "input.periodFrom"],
      [
        "a period in the wrong order",
        SCHEDULE,
        () => meeting({ periodFrom: "2026-06-30", periodTo: "2026-01-01" }),
        "BAD_USER_INPUT",
        "input.periodFrom",
      ],
      [
        "a period of more than ten years",
        SCHEDULE,
        () => meeting({ periodFrom: "2010-01-01", periodTo: "2026-06-30" }),
        "BAD_USER_INPUT",
        "input.periodTo",
      ],
      ["cancelling a meeting that took place", CANCEL, () => ({ meetingId: f.held, reason: "x" }), "CONFLICT", "input.meetingId"],
      ["cancelling a meeting twice", CANCEL, () => ({ meetingId: f.cancelled, reason: "x" }), "CONFLICT", "input.meetingId"],
      ["cancelling without a reason", CANCEL, () => ({ meetingId: f.scheduled, reason: " " }), "BAD_USER_INPUT", "input.reason"],
      [
        "minutes of a meeting held in the future",
        RECORD_MINUTES,
        () => minutes({ meetingId: f.scheduled, heldOn: day(10) }),
        "BAD_USER_INPUT",
        "input.heldOn",
      ],
      ["minutes without attendees", RECORD_MINUTES, () => minutes({ attendeeIds: [] }), "BAD_USER_INPUT", "input.attendeeIds"],
      [
        "an attendee of another committee",
        RECORD_MINUTES,
        () => minutes({ attendeeIds: [f.sitting, f.stranger] }),
        "BAD_USER_INPUT",
        "input.attendeeIds.1",
      ],
      ["an attendee who had left", RECORD_MINUTES, () => minutes({ attendeeIds: [f.former] }), "BAD_USER_INPUT", "input.attendeeIds.0"],
      [
        "an attendee ID that is not one",
        RECORD_MINUTES,
        () => minutes({ attendeeIds: ["claire"] }),
        "BAD_USER_INPUT",
        "input.attendeeIds.0",
      ],
      ["minutes too long", RECORD_MINUTES, () => minutes({ minutes: "x".repeat(50_001) }), "BAD_USER_INPUT", "input.minutes"],
      ["minutes held after a decision's closing", RECORD_MINUTES, () => minutes({ heldOn: day(-5) }), "BAD_USER_INPUT", "input.heldOn"],
      [
        "minutes already approved",
        RECORD_MINUTES,
        () => minutes({ meetingId: f.approved, heldOn: day(-40) }),
        "CONFLICT",
        "input.meetingId",
      ],
      ["minutes of a cancelled meeting", RECORD_MINUTES, () => minutes({ meetingId: f.cancelled }), "CONFLICT", "input.meetingId"],
      ["minutes of an unknown meeting", RECORD_MINUTES, () => minutes({ meetingId: UNKNOWN }), "NOT_FOUND", "input.meetingId"],
      ["approving minutes not recorded", APPROVE, () => ({ meetingId: f.scheduled, approvedOn: day(-1) }), "CONFLICT", "input.meetingId"],
      ["approving before the meeting", APPROVE, () => ({ meetingId: f.held, approvedOn: day(-21) }), "BAD_USER_INPUT", "input.approvedOn"],
      ["approving twice", APPROVE, () => ({ meetingId: f.approved, approvedOn: day(-1) }), "CONFLICT", "input.meetingId"],
      [
        "a decision of a meeting not held",
        RECORD_DECISION,
        () => ({ meetingId: f.scheduled, text: "x", owner: "y" }),
        "CONFLICT",
        "input.meetingId",
      ],
      [
        "a decision of approved minutes",
        RECORD_DECISION,
        () => ({ meetingId: f.approved, text: "x", owner: "y" }),
        "CONFLICT",
        "input.meetingId",
      ],
      [
        "a decision due before the meeting",
        RECORD_DECISION,
        () => ({ meetingId: f.held, text: "x", owner: "y", dueOn: day(-21) }),
        "BAD_USER_INPUT",
        "input.dueOn",
      ],
      [
        "a decision without an owner",
        RECORD_DECISION,
        () => ({ meetingId: f.held, text: "x", owner: "" }),
        "BAD_USER_INPUT",
        "input.owner",
      ],
      [
        "closing a decision as OPEN",
        CLOSE_DECISION,
        () => ({ decisionId: f.open, status: "OPEN", closedOn: day(-1) }),
        "BAD_USER_INPUT",
        "input.status",
      ],
      [
        "closing a decision before the meeting",
        CLOSE_DECISION,
        () => ({ decisionId: f.open, status: "DONE", closedOn: day(-21) }),
        "BAD_USER_INPUT",
        "input.closedOn",
      ],
      [
        "closing a decision in the future",
        CLOSE_DECISION,
        () => ({ decisionId: f.open, status: "DONE", closedOn: day(1) }),
        "BAD_USER_INPUT",
        "input.closedOn",
      ],
      [
        "closing a decision twice",
        CLOSE_DECISION,
        () => ({ decisionId: f.closed, status: "DROPPED", closedOn: day(-1) }),
        "CONFLICT",
        "input.decisionId",
      ],
    ];

    it.each(cases)("refuses %s, naming the field, and writes nothing", async (_case, mutation, input, code, field) => {
      const before = await run(EVERYTHING);
      expect(before.errors).toBeUndefined();
      const { errors } = await run(mutation, { input: input() });
      expect(errors?.[0].extensions).toMatchObject({ code, field });
      expect(await run(EVERYTHING)).toEqual(before);
    });

    it("leaves the committee the refusals were tried on as it was recorded", async () => {
      const read = await run(COMMITTEE, { id: f.committee, former: true }, analyst);
      const committee = read.data!.committee as {
        members: { id: string }[];
        meetings: { id: string; status: string; attendees: { fullName: string }[] }[];
        nextMeeting: { id: string };
        openDecisions: { id: string }[];
      };
      // Both joined the same day: by name.
      expect(committee.members.map((m) => m.id)).toEqual([f.sitting, f.former]);
      expect(committee.nextMeeting.id).toBe(f.scheduled);
      expect(committee.openDecisions.map((d) => d.id)).toEqual([f.open]);
      expect(committee.meetings.find((m) => m.id === f.held)).toMatchObject({ status: "HELD", attendees: [{ fullName: "Claire Vial" }] });
    });
  });

  describe("access", () => {
    let committeeId: string;
    let meetingId: string;
    beforeAll(async () => {
      committeeId = (await create({ kind: "STEERING", name: "COPIL Occitanie" })).id;
      await addMember({ committeeId, fullName: "Inès Garcia", organisation: "DREETS Occitanie", role: "Présidente", joinedOn: day(-10) });
      meetingId = (await schedule({ committeeId, scheduledOn: day(30), place: "Toulouse", agenda: ["Bilan"] })).id;
    });

    const LIST = `{ committees(first: 5) { totalCount edges { node { name members { fullName email } meetings { agenda } openDecisions { text } } } } }`;
    const cooperativeCaller = (role: "COOP_ADMIN" | "COUNSELOR" | "ENTREPRENEUR") =>
      testCaller(
        role,
        "alpes-entreprendre",
        role === "ENTREPRENEUR" ? "alpes-entreprendre:00000000-0000-4000-8000-000000000001" : undefined,
      );

    it.each(["NETWORK_ANALYST", "NETWORK_ADMIN"] as const)(
      "lets a %s read the committees, their members, meetings and decisions",
      async (role) => {
        const list = await run(LIST, {}, testCaller(role));
        expect(list.errors).toBeUndefined();
        expect((list.data!.committees as { totalCount: number }).totalCount).toBeGreaterThan(0);
        const one = await run(COMMITTEE, { id: committeeId }, testCaller(role));
        expect(one.errors).toBeUndefined();
        expect(one.data!.committee).toMatchObject({ members: [{ fullName: "Inès Garcia" }], nextMeeting: { id: meetingId } });
      },
    );

    it.each(["NETWORK_SERVICE", "COOP_ADMIN", "COUNSELOR", "ENTREPRENEUR"] as const)("shows a %s no committee", async (role) => {
      const caller = role === "NETWORK_SERVICE" ? testCaller(role) : cooperativeCaller(role);
      expect((await run(LIST, {}, caller)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const one = await run(COMMITTEE, { id: committeeId }, caller);
      expect(one.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(one.data?.committee ?? null).toBeNull();
    });

    const writes: [string, string, () => Record<string, unknown>][] = [
      ["createCommittee", CREATE, () => ({ kind: "STEERING", name: "COPIL Interdit" })],
      ["updateCommittee", UPDATE, () => ({ committeeId, name: "COPIL Renommé" })],
      ["addCommitteeMember", ADD_MEMBER, () => ({ committeeId, fullName: "A B", organisation: "C", role: "D" })],
      ["endCommitteeMembership", END_MEMBERSHIP, () => ({ memberId: UNKNOWN, leftOn: day(0) })],
      ["scheduleCommitteeMeeting", SCHEDULE, () => ({ committeeId, scheduledOn: day(40), place: "Toulouse", agenda: ["Bilan"] })],
      ["cancelCommitteeMeeting", CANCEL, () => ({ meetingId, reason: "x" })],
      ["recordCommitteeMinutes", RECORD_MINUTES, () => ({ meetingId, heldOn: day(0), attendeeIds: [UNKNOWN], minutes: "x" })],
      ["approveCommitteeMinutes", APPROVE, () => ({ meetingId, approvedOn: day(0) })],
      ["recordCommitteeDecision", RECORD_DECISION, () => ({ meetingId, text: "x", owner: "y" })],
      ["closeCommitteeDecision", CLOSE_DECISION, () => ({ decisionId: UNKNOWN, status: "DONE", closedOn: day(0) })],
    ];

    it.each(writes)("lets no one but a network admin %s", async (_name, mutation, input) => {
      const before = await run(EVERYTHING);
      for (const caller of [
        analyst,
        testCaller("NETWORK_SERVICE"),
        cooperativeCaller("COOP_ADMIN"),
        cooperativeCaller("COUNSELOR"),
        cooperativeCaller("ENTREPRENEUR"),
      ]) {
        const { errors } = await run(mutation, { input: input() }, caller);
        expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
      }
      expect(await run(EVERYTHING)).toEqual(before);
    });
  });

  it("lists committees with their members, meetings, attendees, decisions and open decisions in a bounded number of statements", async () => {
    // Three more committees of their own kind, each with members, a held meeting with decisions and a next meeting.
    for (const name of ["Bounded A", "Bounded B", "Bounded C"]) {
      const committee = await create({ kind: "TECHNICAL", name, territory: "Test" });
      const one = await addMember({ committeeId: committee.id, fullName: `${name} 1`, organisation: "O", role: "R", joinedOn: day(-30) });
      const two = await addMember({ committeeId: committee.id, fullName: `${name} 2`, organisation: "O", role: "R", joinedOn: day(-30) });
      const held = await schedule({ committeeId: committee.id, scheduledOn: day(-3), place: "P", agenda: ["A", "B"] });
      await recordMinutes({ meetingId: held.id, heldOn: day(-3), attendeeIds: [one.id, two.id], minutes: "M" });
      await decide({ meetingId: held.id, text: `${name} decision`, owner: "O" });
      await schedule({ committeeId: committee.id, scheduledOn: day(7), place: "P", agenda: ["A"] });
    }
    const LIST = `query ($first: Int) { committees(first: $first, kind: TECHNICAL) { edges { node { name
      members { fullName } nextMeeting { scheduledOn }
      meetings { status attendees { fullName } decisions { text meeting { heldOn } } }
      openDecisions { text meeting { heldOn committee { name } } } } } } }`;
    const cost = async (first: number) => {
      const before = server.database.statementCount;
      const result = await run(LIST, { first }, analyst);
      expect(result.errors).toBeUndefined();
      const edges = (result.data!.committees as { edges: unknown[] }).edges;
      return { committees: edges.length, statements: server.database.statementCount - before };
    };
    const one = await cost(1);
    const all = await cost(100);
    expect(one.committees).toBe(1);
    expect(all.committees).toBeGreaterThanOrEqual(3);
    // Page and count, then one statement each: members, meetings, attendees, meetings' decisions, open decisions, their meetings, committees.
    expect(all.statements).toBeLessThanOrEqual(9);
    expect(all.statements).toBe(one.statements);
  });
});
