import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { addDays, todayInFrance, type SubgraphServer } from "@cae/shared";
import { members } from "../index";

const COOP = "garonne-activites";
const ADMIN = testCaller("COOP_ADMIN", COOP);
const UNKNOWN = `${COOP}:00000000-0000-4000-8000-000000000000`;

const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const UPDATE = `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) {
  id firstName lastName email phone gender birthYear postcode welcomeStage } }`;
const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { id } }`;
const RECEIVE = `mutation ($input: RecordReceptionInput!) { recordReception(input: $input) { id welcomeStage } }`;
const DECIDE = `mutation ($input: DecideReceptionInput!) { decideReception(input: $input) {
  id welcomeStage reception { decision decidedOn orientationReason orientedTo { id } } } }`;
const CORRECT = `mutation ($input: CorrectReceptionInput!) { correctReception(input: $input) {
  id welcomeStage receivedOn reception { receivedOn projectSummary projectProgress sector decision decidedOn } } }`;
const REOPEN = `mutation ($input: ReopenReceptionInput!) { reopenReception(input: $input) {
  id welcomeStage reception { decision decidedOn orientationReason orientedTo { id } } } }`;
const ADMIT = `mutation ($input: AdmitAssociateInput!) { admitAssociate(input: $input) { id } }`;
const EXIT = `mutation ($input: RecordExitInput!) { recordExit(input: $input) { id } }`;
const START = `mutation ($input: StartActivityInput!) { startActivity(input: $input) { id } }`;
const ADD_COUNSELOR = `mutation ($input: AddCounselorInput!) { addCounselor(input: $input) { id active deactivatedOn } }`;
const DEACTIVATE_COUNSELOR = `mutation ($input: DeactivateCounselorInput!) { deactivateCounselor(input: $input) { id active deactivatedOn } }`;
const REACTIVATE_COUNSELOR = `mutation ($input: ReactivateCounselorInput!) { reactivateCounselor(input: $input) { id active deactivatedOn } }`;
const ADD_PARTNER = `mutation ($input: AddPartnerInput!) { addPartner(input: $input) { id active deactivatedOn } }`;
const DEACTIVATE_PARTNER = `mutation ($input: DeactivatePartnerInput!) { deactivatePartner(input: $input) { id active deactivatedOn } }`;
const REACTIVATE_PARTNER = `mutation ($input: ReactivatePartnerInput!) { reactivatePartner(input: $input) { id active deactivatedOn } }`;
const ASSIGN = `mutation ($input: AssignFollowUpInput!) { assignFollowUp(input: $input) { id counselor { id } referringPartner { id } } }`;
const SESSION = `mutation ($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { id } }`;

const TODAY = todayInFrance();

describe.each(databaseBackends())("the members subgraph's corrections on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  let serial = 0;

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const query = (sql: string, parameters: unknown[] = []) => server.database.dataSource.query(sql, parameters);
  const localId = (globalId: string) => globalId.split(":")[1];

  /** A new prospect, first contact on 2026-11-03. */
  const prospect = async (extra: Record<string, unknown> = {}) => {
    serial += 1;
    const result = await execute(server, REGISTER, {
      input: { cooperativeId: COOP, firstName: "Maëlle", lastName: `Roux-${serial}`, firstContactOn: "2026-11-03", ...extra },
    });
    expect(result.errors).toBeUndefined();
    return (result.data?.registerPerson as { id: string }).id;
  };
  /** A new person received on 2026-11-10, with the decision given (PENDING unless said otherwise). */
  const received = async (decision: Record<string, unknown> = { decision: "PENDING" }) => {
    const id = await prospect();
    const result = await execute(server, RECEIVE, {
      input: {
        personId: id,
        receivedOn: "2026-11-10",
        projectSummary: "Reliure d'art",
        projectProgress: "IDEA",
        sector: "CRAFTS",
        ...decision,
      },
    });
    expect(result.errors).toBeUndefined();
    return id;
  };
  const firstPartner = async () => `${COOP}:${(await query("SELECT id FROM partners ORDER BY name, id LIMIT 1"))[0].id}`;
  const auditOf = (entityId: string): Promise<{ action: string; details: Record<string, unknown> }[]> =>
    query("SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY seq", [entityId]);
  /** What a refused mutation must leave as it was: the rows it could touch, the audit trail and the outbox. */
  const footprint = async (personId?: string) => ({
    person: personId ? await query("SELECT * FROM people WHERE id = $1", [localId(personId)]) : [],
    reception: personId ? await query("SELECT * FROM receptions WHERE person_id = $1", [localId(personId)]) : [],
    counts: await query(`SELECT (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM outbox_events)::int AS outbox,
      (SELECT count(*) FILTER (WHERE deactivated_on IS NOT NULL) FROM counselors)::int AS counselors,
      (SELECT count(*) FILTER (WHERE deactivated_on IS NOT NULL) FROM partners)::int AS partners`),
  });
  async function expectRefused(
    mutation: string,
    input: Record<string, unknown>,
    expected: { code: string; field?: string },
    options: { personId?: string; caller?: ReturnType<typeof testCaller> } = {},
  ) {
    const before = await footprint(options.personId);
    const result = await execute(server, mutation, { input }, options.caller);
    expect(result.errors?.[0].extensions).toMatchObject(expected);
    expect(result.data).toBeNull();
    expect(await footprint(options.personId)).toEqual(before);
    return result.errors![0];
  }

  describe("updatePerson", () => {
    it("changes only the fields given, with the registration's rules, and audits the new values and which fields changed", async () => {
      const id = await prospect({
        email: "maelle.roux@example.fr",
        phone: "05 61 00 00 00",
        gender: "FEMALE",
        birthYear: 1988,
        postcode: "31000",
      });
      const updated = await execute(server, UPDATE, {
        input: { id, lastName: " Martin ", email: "Maelle.Martin@Example.fr", phone: null, gender: null, postcode: "31000" },
      });
      expect(updated.errors).toBeUndefined();
      expect(updated.data?.updatePerson).toEqual({
        id,
        firstName: "Maëlle",
        lastName: "Martin",
        email: "maelle.martin@example.fr",
        phone: null,
        gender: "UNDISCLOSED",
        birthYear: 1988,
        postcode: "31000",
        welcomeStage: "PROSPECT",
      });
      const [row] = await query("SELECT last_name, email, phone, gender, birth_year FROM people WHERE id = $1", [localId(id)]);
      expect(row).toEqual({ last_name: "Martin", email: "maelle.martin@example.fr", phone: null, gender: "UNDISCLOSED", birth_year: 1988 });
      const audit = await auditOf(id);
      expect(audit.map((event) => event.action)).toEqual(["registerPerson", "updatePerson"]);
      // The values as given, and the fields they changed (the postcode given was already the person's).
      expect(audit[1].details).toEqual({
        lastName: " Martin ",
        email: "Maelle.Martin@Example.fr",
        phone: null,
        gender: null,
        postcode: "31000",
        changed: ["lastName", "email", "phone", "gender"],
      });
      expect(JSON.stringify(audit[1].details)).not.toMatch(/Roux|05 61|maelle\.roux/);

      // The person's own email again is not a clash.
      const same = await execute(server, UPDATE, { input: { id, email: "maelle.martin@example.fr" } });
      expect(same.errors).toBeUndefined();
    });

    it.each([
      [{ firstName: null }, "input.firstName"],
      [{ lastName: "   " }, "input.lastName"],
      [{ email: "not-an-email" }, "input.email"],
      [{ phone: "0".repeat(31) }, "input.phone"],
      [{ postcode: "3100" }, "input.postcode"],
      [{ birthYear: 1850 }, "input.birthYear"],
      [{ birthYear: Number(TODAY.slice(0, 4)) }, "input.birthYear"],
      [{}, "input"],
      [{ id: "bretagne-cooperer:00000000-0000-4000-8000-000000000000", lastName: "X" }, "input.id"],
    ])("refuses %j with BAD_USER_INPUT on %s and writes nothing", async (change, field) => {
      const id = await prospect();
      await expectRefused(UPDATE, { id, ...change }, { code: "BAD_USER_INPUT", field }, { personId: id });
    });

    it("refuses another person's email, an unknown person and an erased person", async () => {
      const taken = await prospect({ email: "deja.pris@example.fr" });
      const id = await prospect();
      const clash = await expectRefused(
        UPDATE,
        { id, email: "DEJA.pris@example.fr" },
        { code: "CONFLICT", field: "input.email" },
        { personId: id },
      );
      expect(clash.message).toMatch(/already registered/);
      expect(taken).not.toBe(id);
      const unknown = await execute(server, UPDATE, { input: { id: UNKNOWN, lastName: "X" } });
      expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");

      expect((await execute(server, ERASE, { input: { id, reason: "Demande de la personne" } }, ADMIN)).errors).toBeUndefined();
      await expectRefused(UPDATE, { id, firstName: "Maëlle" }, { code: "CONFLICT", field: "input.id" }, { personId: id });
    });

    it("shares its checks with the registration, which refuses the same input on the same field", async () => {
      await prospect({ email: "une.seule@example.fr" });
      const registration = { cooperativeId: COOP, firstName: "A", lastName: "B", firstContactOn: "2026-11-03" };
      for (const [change, code, field] of [
        [{ email: "UNE.seule@example.fr" }, "CONFLICT", "input.email"],
        [{ postcode: "3100" }, "BAD_USER_INPUT", "input.postcode"],
        [{ firstName: " " }, "BAD_USER_INPUT", "input.firstName"],
      ] as const) {
        const result = await execute(server, REGISTER, { input: { ...registration, ...change } });
        expect(result.errors?.[0].extensions).toMatchObject({ code, field });
      }
    });
  });

  describe("correctReception", () => {
    it("corrects the details given, the person's reception date with them, and audits the correction", async () => {
      const id = await received();
      const corrected = await execute(server, CORRECT, {
        input: { personId: id, receivedOn: "2026-11-05", projectSummary: " Reliure et dorure ", sector: "SERVICES" },
      });
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data?.correctReception).toEqual({
        id,
        welcomeStage: "RECEIVED",
        receivedOn: "2026-11-05",
        reception: {
          receivedOn: "2026-11-05",
          projectSummary: "Reliure et dorure",
          projectProgress: "IDEA",
          sector: "SERVICES",
          decision: "PENDING",
          decidedOn: null,
        },
      });
      expect(await query("SELECT received_on::text FROM people WHERE id = $1", [localId(id)])).toEqual([{ received_on: "2026-11-05" }]);
      const audit = await auditOf(id);
      expect(audit.at(-1)).toEqual({
        action: "correctReception",
        details: { personId: id, receivedOn: "2026-11-05", projectSummary: " Reliure et dorure ", sector: "SERVICES" },
      });
    });

    it("refuses a date before the first contact, after the decision or in the future, a cleared field and an empty correction", async () => {
      const id = await received({ decision: "ADMITTED" });
      const decided = { code: "BAD_USER_INPUT", field: "input.receivedOn" };
      expect((await expectRefused(CORRECT, { personId: id, receivedOn: "2026-11-01" }, decided, { personId: id })).message).toMatch(
        /before the first contact/,
      );
      expect((await execute(server, CORRECT, { input: { personId: id, receivedOn: "2026-11-08" } })).data?.correctReception).toMatchObject({
        reception: { receivedOn: "2026-11-08", decidedOn: "2026-11-10" },
      });
      expect((await expectRefused(CORRECT, { personId: id, receivedOn: "2026-11-11" }, decided, { personId: id })).message).toMatch(
        /after the decision/,
      );
      await expectRefused(CORRECT, { personId: id, receivedOn: addDays(TODAY, 1) }, decided, { personId: id });
      await expectRefused(CORRECT, { personId: id, receivedOn: null }, decided, { personId: id });
      for (const field of ["projectSummary", "projectProgress", "sector"]) {
        await expectRefused(
          CORRECT,
          { personId: id, [field]: null },
          { code: "BAD_USER_INPUT", field: `input.${field}` },
          { personId: id },
        );
      }
      await expectRefused(CORRECT, { personId: id }, { code: "BAD_USER_INPUT", field: "input" }, { personId: id });
    });

    it("refuses a person never received and an erased person", async () => {
      const never = await prospect();
      await expectRefused(
        CORRECT,
        { personId: never, sector: "CRAFTS" },
        { code: "CONFLICT", field: "input.personId" },
        { personId: never },
      );
      const erased = await received();
      expect((await execute(server, ERASE, { input: { id: erased, reason: "Demande" } }, ADMIN)).errors).toBeUndefined();
      await expectRefused(
        CORRECT,
        { personId: erased, projectSummary: "Reliure" },
        { code: "CONFLICT", field: "input.personId" },
        { personId: erased },
      );
    });
  });

  describe("reopenReception", () => {
    it("puts an admission back to pending, tells the siblings, lets it be decided again, and keeps every decision in the trail", async () => {
      const id = await received({ decision: "ADMITTED" });
      const reopened = await execute(server, REOPEN, {
        input: { personId: id, reason: "Admise par erreur : dossier d'une autre personne" },
      });
      expect(reopened.errors).toBeUndefined();
      expect(reopened.data?.reopenReception).toEqual({
        id,
        welcomeStage: "RECEIVED",
        reception: { decision: "PENDING", decidedOn: null, orientationReason: null, orientedTo: null },
      });
      const events: { topic: string; subject: string; destination: string; stage: string }[] = await query(
        `SELECT topic, subject, destination, payload->'person'->>'welcomeStage' AS stage FROM outbox_events
          WHERE subject = $1 AND topic = 'person.receptionReopened' ORDER BY destination`,
        [id],
      );
      expect(events).toEqual([
        { topic: "person.receptionReopened", subject: id, destination: "contracts", stage: "RECEIVED" },
        { topic: "person.receptionReopened", subject: id, destination: "finance", stage: "RECEIVED" },
      ]);

      const partner = await firstPartner();
      const oriented = await execute(server, DECIDE, {
        input: { personId: id, decision: "ORIENTED", decidedOn: "2026-11-12", partnerId: partner, orientationReason: "Formation d'abord" },
      });
      expect(oriented.errors).toBeUndefined();
      expect(oriented.data?.decideReception).toMatchObject({ welcomeStage: "ORIENTED", reception: { orientedTo: { id: partner } } });

      // An orientation reopened loses its partner and reason: a pending reception names neither.
      const again = await execute(server, REOPEN, { input: { personId: id, reason: "Le partenaire ne prend plus de dossiers" } });
      expect(again.data?.reopenReception).toMatchObject({ welcomeStage: "RECEIVED", reception: { decision: "PENDING", orientedTo: null } });
      expect(
        await query("SELECT decision, decided_on, partner_id, orientation_reason FROM receptions WHERE person_id = $1", [localId(id)]),
      ).toEqual([{ decision: "PENDING", decided_on: null, partner_id: null, orientation_reason: null }]);

      const trail = await auditOf(id);
      expect(trail.map((event) => event.action)).toEqual([
        "registerPerson",
        "recordReception",
        "reopenReception",
        "decideReception",
        "reopenReception",
      ]);
      expect(trail[2].details).toEqual({
        reason: "Admise par erreur : dossier d'une autre personne",
        reopened: { decision: "ADMITTED", decidedOn: "2026-11-10", partnerId: null, orientationReason: null },
      });
      expect(trail[4].details).toEqual({
        reason: "Le partenaire ne prend plus de dossiers",
        reopened: { decision: "ORIENTED", decidedOn: "2026-11-12", partnerId: partner, orientationReason: "Formation d'abord" },
      });
      const published: { topic: string }[] = await query(
        "SELECT topic FROM outbox_events WHERE subject = $1 AND destination = 'contracts' ORDER BY seq",
        [id],
      );
      expect(published.map((event) => event.topic)).toEqual([
        "person.registered",
        "person.admitted",
        "person.receptionReopened",
        "person.oriented",
        "person.receptionReopened",
      ]);

      const decided = await execute(server, DECIDE, { input: { personId: id, decision: "ADMITTED", decidedOn: "2026-11-20" } });
      expect(decided.data?.decideReception).toMatchObject({
        welcomeStage: "ADMITTED",
        reception: { decision: "ADMITTED", decidedOn: "2026-11-20" },
      });
    });

    it("refuses a pending reception, no reception, a blank reason and an erased person", async () => {
      const conflict = { code: "CONFLICT", field: "input.personId" };
      const pending = await received();
      expect((await expectRefused(REOPEN, { personId: pending, reason: "x" }, conflict, { personId: pending })).message).toMatch(
        /still pending/,
      );
      const never = await prospect();
      await expectRefused(REOPEN, { personId: never, reason: "x" }, conflict, { personId: never });
      const admitted = await received({ decision: "ADMITTED" });
      await expectRefused(
        REOPEN,
        { personId: admitted, reason: " " },
        { code: "BAD_USER_INPUT", field: "input.reason" },
        { personId: admitted },
      );
      expect((await execute(server, ERASE, { input: { id: admitted, reason: "Demande" } }, ADMIN)).errors).toBeUndefined();
      expect((await expectRefused(REOPEN, { personId: admitted, reason: "x" }, conflict, { personId: admitted })).message).toMatch(
        /erased/,
      );
    });

    it("refuses once the person signed a contract, left, became an associate, started an activity or holds an activity account", async () => {
      const conflict = { code: "CONFLICT", field: "input.personId" };
      const signed = await received({ decision: "ADMITTED" });
      // What the contracts subgraph's contract.signed event writes.
      await query(
        `INSERT INTO person_contracts (contract_id, person_id, kind, starts_on, last_day, ended)
         VALUES (gen_random_uuid(), $1, 'OBJECTIVE', '2026-11-15', '2027-05-14', false)`,
        [localId(signed)],
      );
      expect((await expectRefused(REOPEN, { personId: signed, reason: "x" }, conflict, { personId: signed })).message).toMatch(
        /signed a contract \(OBJECTIVE, from 2026-11-15\)/,
      );

      const left = await received({ decision: "ADMITTED" });
      expect(
        (await execute(server, EXIT, { input: { personId: left, exitedOn: "2026-11-20", reason: "SALARIED_JOB" } })).errors,
      ).toBeUndefined();
      expect((await expectRefused(REOPEN, { personId: left, reason: "x" }, conflict, { personId: left })).message).toMatch(
        /left the cooperative/,
      );

      const associate = await received({ decision: "ADMITTED" });
      const admission = { personId: associate, admittedOn: "2026-11-20", shares: 1, shareValueCents: "2500" };
      expect((await execute(server, ADMIT, { input: admission })).errors).toBeUndefined();
      expect((await expectRefused(REOPEN, { personId: associate, reason: "x" }, conflict, { personId: associate })).message).toMatch(
        /associate/,
      );

      const active = await received({ decision: "ADMITTED" });
      const activity = { personId: active, name: "Reliure", sector: "CRAFTS", startedOn: "2026-11-20" };
      expect((await execute(server, START, { input: activity })).errors).toBeUndefined();
      expect((await expectRefused(REOPEN, { personId: active, reason: "x" }, conflict, { personId: active })).message).toMatch(/activity/);

      const accountHolder = await received({ decision: "ADMITTED" });
      // What the finance subgraph's account.opened event writes.
      await query(`INSERT INTO person_accounts (account_id, person_id, opened_on) VALUES (gen_random_uuid(), $1, '2026-11-18')`, [
        localId(accountHolder),
      ]);
      expect(
        (await expectRefused(REOPEN, { personId: accountHolder, reason: "x" }, conflict, { personId: accountHolder })).message,
      ).toMatch(/activity account \(opened on 2026-11-18\)/);
    });
  });

  describe("deactivating counselors and partners", () => {
    it("deactivates a counselor (admins only), who is then chosen for no person nor session, listed still, and reactivates them", async () => {
      const added = await execute(server, ADD_COUNSELOR, { input: { cooperativeId: COOP, firstName: "Léa", lastName: "Fabre" } }, ADMIN);
      const counselor = added.data?.addCounselor as { id: string; active: boolean };
      expect(counselor).toMatchObject({ active: true, deactivatedOn: null });
      const person = await received({ decision: "ADMITTED" });

      await expectRefused(DEACTIVATE_COUNSELOR, { id: counselor.id, reason: "Départ" }, { code: "FORBIDDEN" });
      const deactivated = await execute(
        server,
        DEACTIVATE_COUNSELOR,
        { input: { id: counselor.id, reason: "Départ de la coopérative" } },
        ADMIN,
      );
      expect(deactivated.data?.deactivateCounselor).toEqual({ id: counselor.id, active: false, deactivatedOn: TODAY });
      await expectRefused(
        DEACTIVATE_COUNSELOR,
        { id: counselor.id, reason: "Encore" },
        { code: "CONFLICT", field: "input.id" },
        { caller: ADMIN },
      );

      const field = { code: "CONFLICT", field: "input.counselorId" };
      const assign = await expectRefused(ASSIGN, { personId: person, counselorId: counselor.id }, field, { personId: person });
      expect(assign.message).toMatch(new RegExp(`deactivated on ${TODAY}`));
      const session = {
        counselorId: counselor.id,
        personIds: [person],
        heldOn: "2026-11-20",
        durationMinutes: 60,
        topic: "COMMERCIAL",
        kind: "INDIVIDUAL",
      };
      await expectRefused(SESSION, session, field);
      // Leaving a person without a counselor is no choice of one.
      expect((await execute(server, ASSIGN, { input: { personId: person, counselorId: null } })).errors).toBeUndefined();

      const listed = await execute(
        server,
        ENTITIES_QUERY("... on Cooperative { counselors(first: 100) { edges { node { id active deactivatedOn } } } }"),
        {
          representations: [{ __typename: "Cooperative", id: COOP }],
        },
      );
      const nodes = (listed.data?._entities as { counselors: { edges: { node: { id: string; active: boolean } }[] } }[])[0].counselors
        .edges;
      expect(nodes.map((edge) => edge.node)).toContainEqual({ id: counselor.id, active: false, deactivatedOn: TODAY });
      expect(nodes.filter((edge) => edge.node.active).length).toBeGreaterThan(0);

      const reactivated = await execute(server, REACTIVATE_COUNSELOR, { input: { id: counselor.id } }, ADMIN);
      expect(reactivated.data?.reactivateCounselor).toEqual({ id: counselor.id, active: true, deactivatedOn: null });
      await expectRefused(REACTIVATE_COUNSELOR, { id: counselor.id }, { code: "CONFLICT", field: "input.id" }, { caller: ADMIN });
      const assigned = await execute(server, ASSIGN, { input: { personId: person, counselorId: counselor.id } });
      expect(assigned.data?.assignFollowUp).toMatchObject({ counselor: { id: counselor.id } });
      expect((await execute(server, SESSION, { input: session })).errors).toBeUndefined();

      expect(await auditOf(counselor.id)).toEqual([
        { action: "addCounselor", details: expect.objectContaining({ lastName: "Fabre" }) },
        { action: "deactivateCounselor", details: { reason: "Départ de la coopérative" } },
        { action: "reactivateCounselor", details: { deactivatedOn: TODAY } },
      ]);
    });

    it("refuses to deactivate an unknown counselor or partner, or without a reason", async () => {
      await expectRefused(DEACTIVATE_COUNSELOR, { id: UNKNOWN, reason: "x" }, { code: "NOT_FOUND", field: "input.id" }, { caller: ADMIN });
      await expectRefused(DEACTIVATE_PARTNER, { id: UNKNOWN, reason: "x" }, { code: "NOT_FOUND", field: "input.id" }, { caller: ADMIN });
      const [row] = await query("SELECT id FROM counselors ORDER BY id LIMIT 1");
      await expectRefused(
        DEACTIVATE_COUNSELOR,
        { id: `${COOP}:${row.id}`, reason: "" },
        { code: "BAD_USER_INPUT", field: "input.reason" },
        { caller: ADMIN },
      );
    });

    it("deactivates a partner (admins only), then chosen for no orientation nor referral, listed still, and reactivates it", async () => {
      const added = await execute(server, ADD_PARTNER, {
        input: { cooperativeId: COOP, name: "Boutique de gestion", kind: "BUSINESS_NETWORK" },
      });
      const partner = added.data?.addPartner as { id: string };
      expect(added.data?.addPartner).toMatchObject({ active: true, deactivatedOn: null });

      await expectRefused(DEACTIVATE_PARTNER, { id: partner.id, reason: "Fermé" }, { code: "FORBIDDEN" });
      const deactivated = await execute(server, DEACTIVATE_PARTNER, { input: { id: partner.id, reason: "Fermé" } }, ADMIN);
      expect(deactivated.data?.deactivatePartner).toEqual({ id: partner.id, active: false, deactivatedOn: TODAY });

      const field = { code: "CONFLICT", field: "input.partnerId" };
      const orientation = { decision: "ORIENTED", partnerId: partner.id, orientationReason: "Accompagnement externe" };
      const prospectId = await prospect();
      const reception = {
        personId: prospectId,
        receivedOn: "2026-11-10",
        projectSummary: "Conseil",
        projectProgress: "IDEA",
        sector: "SERVICES",
      };
      await expectRefused(RECEIVE, { ...reception, ...orientation }, field, { personId: prospectId });
      const pending = await received();
      await expectRefused(DECIDE, { personId: pending, decidedOn: "2026-11-12", ...orientation }, field, { personId: pending });
      await expectRefused(
        ASSIGN,
        { personId: pending, referringPartnerId: partner.id },
        { code: "CONFLICT", field: "input.referringPartnerId" },
        { personId: pending },
      );

      const listed = await execute(
        server,
        ENTITIES_QUERY("... on Cooperative { partners(first: 100) { edges { node { id active deactivatedOn } } } }"),
        {
          representations: [{ __typename: "Cooperative", id: COOP }],
        },
      );
      const nodes = (listed.data?._entities as { partners: { edges: { node: unknown }[] } }[])[0].partners.edges.map((edge) => edge.node);
      expect(nodes).toContainEqual({ id: partner.id, active: false, deactivatedOn: TODAY });

      const reactivated = await execute(server, REACTIVATE_PARTNER, { input: { id: partner.id } }, ADMIN);
      expect(reactivated.data?.reactivatePartner).toEqual({ id: partner.id, active: true, deactivatedOn: null });
      const decided = await execute(server, DECIDE, { input: { personId: pending, decidedOn: "2026-11-12", ...orientation } });
      expect(decided.data?.decideReception).toMatchObject({ welcomeStage: "ORIENTED", reception: { orientedTo: { id: partner.id } } });
      expect((await auditOf(partner.id)).map((event) => event.action)).toEqual(["addPartner", "deactivatePartner", "reactivatePartner"]);
    });
  });

  it("refuses every correction to an entrepreneur", async () => {
    const id = await received({ decision: "ADMITTED" });
    const entrepreneur = testCaller("ENTREPRENEUR", COOP, id);
    const [counselor] = await query("SELECT id FROM counselors ORDER BY id LIMIT 1");
    const partner = await firstPartner();
    const forbidden = { code: "FORBIDDEN" };
    const options = { personId: id, caller: entrepreneur };
    await expectRefused(UPDATE, { id, lastName: "Moi" }, forbidden, options);
    await expectRefused(CORRECT, { personId: id, sector: "SERVICES" }, forbidden, options);
    await expectRefused(REOPEN, { personId: id, reason: "x" }, forbidden, options);
    await expectRefused(DEACTIVATE_COUNSELOR, { id: `${COOP}:${counselor.id}`, reason: "x" }, forbidden, options);
    await expectRefused(REACTIVATE_COUNSELOR, { id: `${COOP}:${counselor.id}` }, forbidden, options);
    await expectRefused(DEACTIVATE_PARTNER, { id: partner, reason: "x" }, forbidden, options);
    await expectRefused(REACTIVATE_PARTNER, { id: partner }, forbidden, options);
  });
});
