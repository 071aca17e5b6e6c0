import { randomUUID } from "node:crypto";
import { type GraphQLResult, employmentLegalInput, startTestNetwork, type TestNetwork, supportAgreementLegalInput } from "@cae/tools";
import { addDays, SUBGRAPH_NAMES, todayInFrance } from "@cae/shared";

const COOP = "garonne-activites";
// A business customer names its SIREN on invoices (e-invoicing reform): a checksum-valid SIRET.
const SIRET = "41220087000019";
const T = todayInFrance();

/**
 * One person, one truth across the cooperative's three subgraphs, walked through the gateway as a
 * counselor would, with the wrong turns: contracts only for admitted people, a person who left
 * drafts nothing and is shown no deadline, an unknown person does not empty a list, and an
 * erasure reaches every subgraph and every audit trail.
 */
describe("a person's path across the three subgraphs, through the gateway", () => {
  let network: TestNetwork;
  let counselor: string;
  let admin: string;
  let partnerId: string;
  let counselorId: string;
  const send = (query: string, variables: Record<string, unknown> = {}, token = counselor) => network.query(query, variables, token);
  const mutate = (name: string, input: Record<string, unknown>, fields = "id", token = counselor) =>
    send(`mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`, { input }, token);
  const ok = <T>(result: GraphQLResult, field: string): T => {
    expect(result.errors).toBeUndefined();
    return result.data?.[field] as T;
  };
  const refusal = (result: GraphQLResult) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });
  const register = async (lastName: string, extra: Record<string, unknown> = {}) =>
    ok<{ id: string }>(
      await mutate("registerPerson", { cooperativeId: COOP, firstName: "Zéphyrine", lastName, firstContactOn: addDays(T, -90), ...extra }),
      "registerPerson",
    ).id;
  const receive = (personId: string, decision: string, extra: Record<string, unknown> = {}) =>
    mutate("recordReception", {
      personId,
      receivedOn: addDays(T, -80),
      projectSummary: "Poterie et céramique",
      projectProgress: "OUTLINED",
      sector: "CRAFTS",
      decision,
      ...extra,
    });
  const draftObjective = (personId: string, description = "Étude de marché") =>
    mutate("draftObjectiveContract", {
      personId,
      startsOn: addDays(T, -60),
      reviewOn: addDays(T, 30),
      commitments: [{ party: "ENTREPRENEUR", kind: "MARKET_STUDY", description, dueOn: addDays(T, 20) }],
    });

  beforeAll(async () => {
    network = await startTestNetwork([COOP]);
    counselor = await network.token({ sub: "counselor-path", role: "COUNSELOR", coop: COOP });
    admin = await network.token({ sub: "admin-path", role: "COOP_ADMIN", coop: COOP });
    const members = network.subgraph(COOP, "members").database.dataSource;
    const [partner] = await members.query("SELECT id FROM partners WHERE deactivated_on IS NULL ORDER BY name LIMIT 1");
    const [follower] = await members.query("SELECT id FROM counselors WHERE deactivated_on IS NULL ORDER BY last_name LIMIT 1");
    partnerId = `${COOP}:${partner.id}`;
    counselorId = `${COOP}:${follower.id}`;
  });
  afterAll(() => network?.stop());

  it("drafts contracts only for people the cooperative admitted: not an unknown ID, a prospect, a pending reception or an orientation", async () => {
    const unknown = await draftObjective(`${COOP}:${randomUUID()}`);
    expect(refusal(unknown)).toEqual({ code: "NOT_FOUND", field: "input.personId" });

    const prospect = await register("Prospecte");
    await network.settled();
    const asProspect = await draftObjective(prospect);
    expect(refusal(asProspect)).toEqual({ code: "CONFLICT", field: "input.personId" });
    expect(asProspect.errors?.[0].message).toMatch(/a prospect, not yet received/);

    ok(await receive(prospect, "PENDING"), "recordReception");
    await network.settled();
    const pending = await draftObjective(prospect);
    expect(refusal(pending)).toEqual({ code: "CONFLICT", field: "input.personId" });
    expect(pending.errors?.[0].message).toMatch(/has not decided on their admission/);

    const oriented = await register("Orientée");
    ok(
      await receive(oriented, "ORIENTED", { partnerId, orientationReason: "Projet salarié, orientée vers le partenaire" }),
      "recordReception",
    );
    await network.settled();
    const asOriented = await draftObjective(oriented);
    expect(refusal(asOriented)).toEqual({ code: "CONFLICT", field: "input.personId" });
    expect(asOriented.errors?.[0].message).toMatch(/oriented to a partner/);
    // An activity account is refused alike.
    const account = await mutate("openActivityAccount", {
      personId: oriented,
      label: "Atelier",
      sector: "CRAFTS",
      openedOn: addDays(T, -10),
    });
    expect(refusal(account)).toEqual({ code: "CONFLICT", field: "input.personId" });

    ok(
      await mutate("decideReception", { personId: prospect, decision: "ADMITTED", decidedOn: addDays(T, -70) }, "welcomeStage"),
      "decideReception",
    );
    await network.settled();
    const contract = ok<{ id: string }>(await draftObjective(prospect), "draftObjectiveContract");
    expect(ok(await mutate("signContract", { id: contract.id, signedOn: addDays(T, -61) }, "status"), "signContract")).toEqual({
      status: "RUNNING",
    });

    // A reception reopened (a decision to take again) closes the door until it is decided again.
    const reopenedPerson = await register("Rouverte");
    ok(await receive(reopenedPerson, "ADMITTED"), "recordReception");
    ok(
      await mutate("reopenReception", { personId: reopenedPerson, reason: "Décision prise trop vite" }, "welcomeStage"),
      "reopenReception",
    );
    await network.settled();
    expect(refusal(await draftObjective(reopenedPerson))).toEqual({ code: "CONFLICT", field: "input.personId" });
  });

  it("keeps every item of a list when one item's person cannot be given: that person is null, with an error naming them", async () => {
    const contracts = network.subgraph(COOP, "contracts").database.dataSource;
    const ghost = randomUUID();
    // A contract whose person the members subgraph does not have (written before the path was enforced).
    await contracts.query(
      `CREATE TEMP TABLE ghost AS SELECT * FROM contracts WHERE kind = 'OBJECTIVE' AND status = 'SIGNED' ORDER BY starts_on DESC LIMIT 1;
       UPDATE ghost SET id = gen_random_uuid(), person_id = '${ghost}', starts_on = CURRENT_DATE + 400, ends_on = NULL, signed_on = CURRENT_DATE, review_on = CURRENT_DATE + 500;
       INSERT INTO contracts SELECT * FROM ghost; DROP TABLE ghost;`,
    );
    const [{ total }] = await contracts.query("SELECT count(*)::int AS total FROM contracts");
    const result = await send(
      `query ($id: ID!) { cooperative(id: $id) { contracts(first: 100, kind: OBJECTIVE) { totalCount edges { node { id person { lastName } } } } } }`,
      { id: COOP },
    );
    const connection = (result.data?.cooperative as { contracts: { totalCount: number; edges: { node: { person: unknown } }[] } })
      .contracts;
    expect(connection).not.toBeNull();
    expect(total).toBeGreaterThan(0);
    const nulls = connection.edges.filter((edge) => edge.node.person === null);
    expect(nulls).toHaveLength(1);
    expect(connection.edges.length).toBeGreaterThan(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`${COOP}:${ghost}`),
      extensions: { code: "NOT_FOUND" },
      path: ["cooperative", "contracts", "edges", connection.edges.findIndex((edge) => edge.node.person === null), "node", "person"],
    });
  });

  it("an exit ends the person's contracts on that day, hides their deadlines, and stops their drafting; a CESA in force needs its legal end mode", async () => {
    const person = await register("Partante", { email: `partante.${randomUUID().slice(0, 8)}@example.org` });
    ok(await receive(person, "ADMITTED"), "recordReception");
    ok(await mutate("assignFollowUp", { personId: person, counselorId }), "assignFollowUp");
    await network.settled();
    const objective = ok<{ id: string }>(await draftObjective(person), "draftObjectiveContract").id;
    ok(await mutate("signContract", { id: objective, signedOn: addDays(T, -61) }, "status"), "signContract");
    const cape = ok<{ id: string }>(
      await mutate("draftSupportAgreement", {
        personId: person,
        startsOn: addDays(T, -30),
        endsOn: addDays(T, 60),
        supportGiven: "Suivi mensuel",
        legal: supportAgreementLegalInput(),
      }),
      "draftSupportAgreement",
    ).id;
    ok(await mutate("signContract", { id: cape, signedOn: addDays(T, -31) }, "status"), "signContract");
    const draft = ok<{ id: string }>(
      await mutate("draftEmploymentContract", {
        personId: person,
        type: "OPEN_ENDED",
        startsOn: addDays(T, 61),
        monthlyHours: "60",
        fixedMonthlyPayCents: "80000",
        variablePay: "Selon le résultat de l'activité",
        legal: employmentLegalInput(),
      }),
      "draftEmploymentContract",
    ).id;
    const accountId = ok<{ id: string }>(
      await mutate("openActivityAccount", { personId: person, label: "Poterie", sector: "CRAFTS", openedOn: addDays(T, -20) }),
      "openActivityAccount",
    ).id;
    const deadlines = async () =>
      (
        (
          await send(`query ($id: ID!) { cooperative(id: $id) { contractDeadlines(withinDays: 120) { kind contract { id } } } }`, {
            id: COOP,
          })
        ).data?.cooperative as { contractDeadlines: { contract: { id: string } }[] }
      ).contractDeadlines.filter((deadline) => deadline.contract.id === cape);
    expect(await deadlines()).toHaveLength(1);

    ok(await mutate("recordExit", { personId: person, exitedOn: addDays(T, -1), reason: "SALARIED_JOB" }), "recordExit");
    await network.settled();
    const contracts = ok<{ contracts: { edges: { node: { id: string; status: string; endedOn: string | null } }[] } }>(
      await send(`query ($id: ID!) { person(id: $id) { contracts(first: 10) { edges { node { id status endedOn } } } } }`, { id: person }),
      "person",
    ).contracts.edges.map((edge) => edge.node);
    expect(Object.fromEntries(contracts.map((node) => [node.id, [node.status, node.endedOn]]))).toEqual({
      [objective]: ["ENDED", addDays(T, -1)],
      [cape]: ["ENDED", addDays(T, -1)],
      [draft]: ["CANCELLED", null],
    });
    expect(await deadlines()).toEqual([]);
    const customer = await mutate("createCustomer", {
      accountId,
      name: "Galerie du Port",
      kind: "BUSINESS",
      siret: SIRET,
      address: "2 quai du Port",
    });
    expect(refusal(customer)).toEqual({ code: "CONFLICT", field: "input.accountId" });
    expect(customer.errors?.[0].message).toMatch(/left the cooperative/);
    expect(refusal(await draftObjective(person))).toEqual({ code: "CONFLICT", field: "input.personId" });

    // Someone employed (a running CESA of the demo) leaves: the exit says how the CESA ends.
    const [employed] = await network.subgraph(COOP, "contracts").database.dataSource.query(
      `SELECT person_id FROM contracts c WHERE kind = 'EMPLOYMENT' AND status = 'SIGNED' AND starts_on <= CURRENT_DATE AND (ends_on IS NULL OR ends_on >= CURRENT_DATE)
           AND NOT EXISTS (SELECT 1 FROM person_path p WHERE p.person_id = c.person_id AND p.exited_on IS NOT NULL) ORDER BY person_id LIMIT 1`,
    );
    const employee = `${COOP}:${employed.person_id}`;
    const withoutMode = await mutate("recordExit", { personId: employee, exitedOn: T, reason: "OWN_COMPANY" });
    expect(refusal(withoutMode)).toEqual({ code: "BAD_USER_INPUT", field: "input.employmentEndMode" });
    ok(
      await mutate("recordExit", { personId: employee, exitedOn: T, reason: "OWN_COMPANY", employmentEndMode: "MUTUAL_AGREEMENT" }),
      "recordExit",
    );
    await network.settled();
    const [cesa] = await network
      .subgraph(COOP, "contracts")
      .database.dataSource.query(
        "SELECT status, ended_on::text AS ended_on, end_reason FROM contracts WHERE person_id = $1 AND kind = 'EMPLOYMENT' AND status <> 'CANCELLED' ORDER BY starts_on DESC LIMIT 1",
        [employed.person_id],
      );
    expect(cesa).toEqual({ status: "ENDED", ended_on: T, end_reason: "MUTUAL_AGREEMENT" });
  });

  it("erases a person at any stage from all three subgraphs and every audit trail, and says per subgraph what was kept and why", async () => {
    const lastName = "Quillardet";
    const email = `zephyrine.quillardet.${randomUUID().slice(0, 8)}@example.org`;
    const phone = "06 47 12 85 39";
    const person = await register(lastName, { email, phone });
    ok(await receive(person, "ADMITTED", { projectSummary: `Atelier de Zéphyrine ${lastName}` }), "recordReception");
    await network.settled();
    const contract = ok<{ id: string }>(
      await draftObjective(person, `Présenter l'offre de Zéphyrine ${lastName}`),
      "draftObjectiveContract",
    ).id;
    ok(await mutate("signContract", { id: contract, signedOn: addDays(T, -61) }, "status"), "signContract");
    const accountId = ok<{ id: string }>(
      await mutate("openActivityAccount", { personId: person, label: `Poterie ${lastName}`, sector: "CRAFTS", openedOn: addDays(T, -20) }),
      "openActivityAccount",
    ).id;
    ok(
      await mutate("createCustomer", { accountId, name: `Zéphyrine ${lastName}`, kind: "PRIVATE", address: "3 rue Haute", email }),
      "createCustomer",
    );
    // An invoice issued to another customer, paid by a transfer whose reference names her.
    const gallery = ok<{ id: string }>(
      await mutate("createCustomer", { accountId, name: "Galerie du Port", kind: "BUSINESS", siret: SIRET, address: "2 quai du Port" }),
      "createCustomer",
    ).id;
    const invoiceId = ok<{ id: string }>(
      await mutate("createInvoiceDraft", {
        accountId,
        customerId: gallery,
        lines: [{ description: "Vases en grès", quantity: "3", unitPriceCents: "4000", vatRate: "STANDARD_20" }],
      }),
      "createInvoiceDraft",
    ).id;
    ok(await mutate("issueInvoice", { id: invoiceId, issuedOn: addDays(T, -3) }, "number"), "issueInvoice");
    ok(
      await mutate("recordPayment", {
        invoiceId,
        receivedOn: addDays(T, -1),
        amountCents: "14400",
        method: "TRANSFER",
        reference: `VIR ${lastName.toUpperCase()} 0647128539`,
      }),
      "recordPayment",
    );
    ok(
      await mutate("recordSupportSession", {
        counselorId,
        personIds: [person],
        heldOn: addDays(T, -5),
        durationMinutes: 60,
        topic: "COMMERCIAL",
        kind: "INDIVIDUAL",
        notes: `Zéphyrine ${lastName} (${phone}) prépare son salon.`,
      }),
      "recordSupportSession",
    );
    await network.settled();

    const erased = ok<{ erasure: { complete: boolean; parts: { subgraph: string; state: string }[] } }>(
      await mutate(
        "erasePerson",
        { id: person, reason: "Demande de la personne (RGPD art. 17)" },
        "erasure { complete parts { subgraph state } }",
        admin,
      ),
      "erasePerson",
    );
    // Members' part is done in the mutation; the siblings' follow by their events.
    expect(erased.erasure.parts.find((part) => part.subgraph === "members")?.state).toBe("DONE");
    await network.settled();
    const report = ok<{
      erasure: { complete: boolean; parts: { subgraph: string; state: string; erased: string[]; kept: { what: string; why: string }[] }[] };
    }>(
      await send(
        `query ($id: ID!) { person(id: $id) { erasure { complete parts { subgraph state erased kept { what why } } } } }`,
        { id: person },
        admin,
      ),
      "person",
    ).erasure;
    expect(report.complete).toBe(true);
    expect(report.parts.map((part) => [part.subgraph, part.state])).toEqual(SUBGRAPH_NAMES.map((name) => [name, "DONE"]));
    const finance = report.parts.find((part) => part.subgraph === "finance")!;
    expect(finance.kept[0].why).toMatch(/L123-22/);
    expect(report.parts.find((part) => part.subgraph === "contracts")!.kept[0].why).toMatch(/five years/);

    // Nothing in any table of any subgraph names them any more: names, email, phone.
    for (const name of SUBGRAPH_NAMES) {
      const db = network.subgraph(COOP, name).database.dataSource;
      const columns: { table_name: string; column_name: string }[] = await db.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying')`,
      );
      for (const needle of [lastName, email, "47 12 85 39", "0647128539"]) {
        const hits: { table_name: string; column_name: string }[] = [];
        for (const column of columns) {
          const [{ found }] = await db.query(
            `SELECT count(*)::int AS found FROM "${column.table_name}" WHERE "${column.column_name}"::text ILIKE $1`,
            [`%${needle}%`],
          );
          if (found > 0) hits.push(column);
        }
        expect({ subgraph: name, needle, hits }).toEqual({ subgraph: name, needle, hits: [] });
      }
    }
    // At any stage: a prospect never received, and a person oriented to a partner.
    const prospect = await register("Effacée-Prospecte");
    const oriented = await register("Effacée-Orientée");
    ok(await receive(oriented, "ORIENTED", { partnerId, orientationReason: "Projet salarié" }), "recordReception");
    for (const id of [prospect, oriented]) {
      ok(await mutate("erasePerson", { id, reason: "Demande de la personne" }, "id", admin), "erasePerson");
    }
    await network.settled();
    for (const id of [prospect, oriented]) {
      const erasure = ok<{ erasure: { complete: boolean } }>(
        await send(`query ($id: ID!) { person(id: $id) { erasure { complete } } }`, { id }, admin),
        "person",
      ).erasure;
      expect(erasure).toEqual({ complete: true });
    }

    // The audit trails still say who did what and when: only what the inputs said about the person went.
    const trail = ok<{ membersAuditTrail: { edges: { node: { action: string; details: string } }[] } }>(
      await send(
        `query ($id: ID!, $entity: ID!) { cooperative(id: $id) { membersAuditTrail(first: 20, entityId: $entity) { edges { node { action details } } } } }`,
        { id: COOP, entity: person },
        admin,
      ),
      "cooperative",
    ).membersAuditTrail.edges.map((edge) => edge.node);
    expect(trail.map((event) => event.action)).toEqual(expect.arrayContaining(["erasePerson", "recordReception", "registerPerson"]));
    expect(trail.filter((event) => event.action !== "erasePerson").every((event) => event.details === '{"erased":true}')).toBe(true);
  });

  it("makes the everyday corrections through the gateway, each audited: identity, a payment cancelled by reversal, an account closed, a counselor deactivated", async () => {
    const person = await register("Corrigée", { phone: "06 00 00 00 01" });
    ok(await receive(person, "ADMITTED"), "recordReception");
    ok(await mutate("updatePerson", { id: person, phone: "06 00 00 00 02" }, "phone"), "updatePerson");
    expect(ok(await send(`query ($id: ID!) { person(id: $id) { phone } }`, { id: person }), "person")).toEqual({ phone: "06 00 00 00 02" });
    await network.settled();

    // A payment entered by mistake is cancelled by a reversing entry: both stay, the invoice is due again.
    const accountId = ok<{ id: string }>(
      await mutate("openActivityAccount", { personId: person, label: "Reliure", sector: "CRAFTS", openedOn: addDays(T, -20) }),
      "openActivityAccount",
    ).id;
    const customerId = ok<{ id: string }>(
      await mutate("createCustomer", { accountId, name: "Librairie du Port", kind: "BUSINESS", siret: SIRET, address: "4 quai du Port" }),
      "createCustomer",
    ).id;
    const invoiceId = ok<{ id: string }>(
      await mutate("createInvoiceDraft", {
        accountId,
        customerId,
        lines: [{ description: "Reliure de registres", quantity: "2", unitPriceCents: "5000", vatRate: "STANDARD_20" }],
      }),
      "createInvoiceDraft",
    ).id;
    ok(await mutate("issueInvoice", { id: invoiceId, issuedOn: addDays(T, -2) }, "number"), "issueInvoice");
    const paymentId = ok<{ id: string }>(
      await mutate("recordPayment", { invoiceId, receivedOn: addDays(T, -1), amountCents: "12000", method: "TRANSFER" }),
      "recordPayment",
    ).id;
    const reversal = ok<{
      amountCents: string;
      reverses: { id: string };
      invoice: { balanceCents: string; payments: { amountCents: string }[] };
    }>(
      await mutate(
        "cancelPayment",
        { id: paymentId, cancelledOn: T, reason: "Virement d'un autre client" },
        "amountCents reverses { id } invoice { balanceCents payments { amountCents } }",
      ),
      "cancelPayment",
    );
    expect(reversal).toEqual({
      amountCents: "-12000",
      reverses: { id: paymentId },
      invoice: { balanceCents: "12000", payments: [{ amountCents: "12000" }, { amountCents: "-12000" }] },
    });
    expect(refusal(await mutate("cancelPayment", { id: paymentId, cancelledOn: T, reason: "Encore" }))).toEqual({
      code: "CONFLICT",
      field: "input.id",
    });

    // An account with an invoice due is not closed; settled, it is, and the members subgraph hears of it.
    expect(refusal(await mutate("closeActivityAccount", { id: accountId, closedOn: T, reason: "Fin d'activité" }))).toEqual({
      code: "CONFLICT",
      field: "input.id",
    });
    ok(await mutate("recordPayment", { invoiceId, receivedOn: T, amountCents: "12000", method: "TRANSFER" }), "recordPayment");
    ok(await mutate("closeActivityAccount", { id: accountId, closedOn: T, reason: "Fin d'activité" }, "closedOn"), "closeActivityAccount");
    await network.settled();
    const [held] = await network
      .subgraph(COOP, "members")
      .database.dataSource.query("SELECT closed_on::text AS closed_on FROM person_accounts WHERE account_id = $1", [
        accountId.split(":")[1],
      ]);
    expect(held).toEqual({ closed_on: T });
    expect(refusal(await mutate("createCustomer", { accountId, name: "Autre", kind: "BUSINESS", address: "5 rue Basse" }))).toEqual({
      code: "CONFLICT",
      field: "input.accountId",
    });

    // A counselor who left the cooperative's team follows nobody new.
    const members = network.subgraph(COOP, "members").database.dataSource;
    const [spare] = await members.query("SELECT id FROM counselors WHERE deactivated_on IS NULL ORDER BY last_name DESC LIMIT 1");
    const spareId = `${COOP}:${spare.id}`;
    ok(await mutate("deactivateCounselor", { id: spareId, reason: "Départ de l'équipe" }, "active", admin), "deactivateCounselor");
    expect(refusal(await mutate("assignFollowUp", { personId: person, counselorId: spareId }))).toEqual({
      code: "CONFLICT",
      field: "input.counselorId",
    });
    ok(await mutate("reactivateCounselor", { id: spareId }, "active", admin), "reactivateCounselor");
  });
});
