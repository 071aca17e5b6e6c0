import { type GraphQLResult, employmentLegalInput, startTestNetwork, type TestNetwork, supportAgreementLegalInput } from "@cae/tools";
import { addDays, addMonths, DEFAULT_MINIMUM_WAGE, minimumMonthlyPayCents, todayInFrance } from "@cae/shared";

const COOP = "garonne-activites";
const T = todayInFrance();
const smic = (date: string, hundredths: number) => String(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, date, hundredths)!);

/**
 * A person's contracts through the gateway, as the contracts issue checks them: objective contract,
 * support agreement, renewals, employment contract and two amendments; then each forbidden step
 * refused with a clear error; then the deadlines and the aggregates against the data.
 */
describe("a person's contracts, through the gateway", () => {
  let network: TestNetwork;
  let send: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult>;
  let analyst: string;
  let person: string;
  let counselorId: string;
  const ids: Record<string, string> = {};
  const capeStart = addDays(T, -150);
  const cesaStart = addDays(T, 1);

  beforeAll(async () => {
    network = await startTestNetwork([COOP]);
    const counselor = await network.token({ sub: "counselor-g", role: "COUNSELOR", coop: COOP });
    analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    send = (query, variables) => network.query(query, variables, counselor);
    const [row] = await network.subgraph(COOP, "members").database.dataSource.query("SELECT id FROM counselors ORDER BY last_name LIMIT 1");
    counselorId = `${COOP}:${row.id}`;
  });
  afterAll(() => network?.stop());

  const data = <T>(result: GraphQLResult, field: string): T => {
    expect(result.errors).toBeUndefined();
    return result.data?.[field] as T;
  };
  const refused = (result: GraphQLResult, code: string, message: RegExp) => {
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(result.errors?.[0].message).toMatch(message);
  };
  const mutation = (name: string, fields = "id status") =>
    `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`;
  const run = (name: string, input: Record<string, unknown>, fields?: string) => send(mutation(name, fields), { input });

  it("takes a person from objective contract to employment contract with two amendments", async () => {
    person = data<{ id: string }>(
      await run(
        "registerPerson",
        { cooperativeId: COOP, firstName: "Maïwenn", lastName: "Escoubet", firstContactOn: addDays(T, -240) },
        "id",
      ),
      "registerPerson",
    ).id;
    data(await run("assignFollowUp", { personId: person, counselorId }, "id"), "assignFollowUp");
    // Contracts are for people the cooperative admitted, once the contracts subgraph has heard of it.
    data(
      await run(
        "recordReception",
        {
          personId: person,
          receivedOn: addDays(T, -230),
          projectSummary: "Menuiserie",
          projectProgress: "OUTLINED",
          sector: "CRAFTS",
          decision: "ADMITTED",
        },
        "id",
      ),
      "recordReception",
    );
    await network.settled();

    ids.objective = data<{ id: string }>(
      await run("draftObjectiveContract", {
        personId: person,
        startsOn: addDays(T, -200),
        reviewOn: addDays(T, -120),
        commitments: [{ party: "ENTREPRENEUR", kind: "OFFER_AND_PRICES", description: "Grille de tarifs", dueOn: addDays(T, -170) }],
      }),
      "draftObjectiveContract",
    ).id;
    expect(data(await run("signContract", { id: ids.objective, signedOn: addDays(T, -201) }), "signContract")).toMatchObject({
      status: "RUNNING",
    });

    ids.cape = data<{ id: string }>(
      await run("draftSupportAgreement", {
        personId: person,
        startsOn: capeStart,
        endsOn: addDays(addMonths(capeStart, 6), -1),
        supportGiven: "Suivi mensuel",
        legal: supportAgreementLegalInput(),
      }),
      "draftSupportAgreement",
    ).id;
    data(await run("signContract", { id: ids.cape, signedOn: capeStart }), "signContract");
    const renewed = data<{ endsOn: string; supportAgreement: { renewals: { number: number }[] } }>(
      await run(
        "renewSupportAgreement",
        { id: ids.cape, endsOn: addDays(addMonths(capeStart, 12), -1), decidedOn: addDays(T, -10) },
        "endsOn supportAgreement { renewals { number } }",
      ),
      "renewSupportAgreement",
    );
    expect(renewed).toEqual({ endsOn: addDays(addMonths(capeStart, 12), -1), supportAgreement: { renewals: [{ number: 1 }] } });
    data(
      await run("renewSupportAgreement", {
        id: ids.cape,
        endsOn: addDays(addMonths(capeStart, 24), -1),
        decidedOn: addDays(T, -9),
      }),
      "renewSupportAgreement",
    );

    refused(
      await run("renewSupportAgreement", {
        id: ids.cape,
        endsOn: addDays(addMonths(capeStart, 30), -1),
        decidedOn: addDays(T, -8),
      }),
      "CONFLICT",
      /renewed twice at most/,
    );
    refused(
      await run("draftSupportAgreement", {
        personId: person,
        startsOn: T,
        endsOn: addDays(T, 60),
        supportGiven: "Autre",
        legal: supportAgreementLegalInput(),
      }),
      "CONFLICT",
      /one at a time/,
    );

    data(await run("endContract", { id: ids.cape, endedOn: T, reason: "NEXT_CONTRACT" }), "endContract");
    const cesa = {
      personId: person,
      type: "OPEN_ENDED",
      startsOn: cesaStart,
      monthlyHours: "70",
      variablePay: "Résultat de l'activité",
      legal: employmentLegalInput(),
    };
    refused(
      await run("draftEmploymentContract", { ...cesa, fixedMonthlyPayCents: String(BigInt(smic(cesaStart, 7000)) - 1n) }),
      "BAD_USER_INPUT",
      /below the legal minimum \(SMIC\)/,
    );
    ids.cesa = data<{ id: string }>(
      await run("draftEmploymentContract", { ...cesa, fixedMonthlyPayCents: smic(cesaStart, 7000) }),
      "draftEmploymentContract",
    ).id;
    expect(data(await run("signContract", { id: ids.cesa, signedOn: T }), "signContract")).toMatchObject({ status: "SIGNED" });

    const first = addDays(cesaStart, 30);
    const second = addDays(cesaStart, 60);
    data(
      await run("amendEmploymentContract", {
        id: ids.cesa,
        effectiveOn: first,
        monthlyHours: "100",
        fixedMonthlyPayCents: smic(first, 10000),
        reason: "Croissance",
      }),
      "amendEmploymentContract",
    );
    const amended = data<{ employment: { amendments: { number: number; effectiveOn: string; monthlyHours: string }[] } }>(
      await run(
        "amendEmploymentContract",
        { id: ids.cesa, effectiveOn: second, monthlyHours: "120", fixedMonthlyPayCents: smic(second, 12000), reason: "Croissance" },
        "employment { amendments { number effectiveOn monthlyHours } }",
      ),
      "amendEmploymentContract",
    );
    expect(amended.employment.amendments).toEqual([
      { number: 1, effectiveOn: first, monthlyHours: "100.00" },
      { number: 2, effectiveOn: second, monthlyHours: "120.00" },
    ]);
    refused(
      await run("amendEmploymentContract", {
        id: ids.cesa,
        effectiveOn: addDays(second, -1),
        fixedMonthlyPayCents: "500000",
        reason: "Trop tôt",
      }),
      "BAD_USER_INPUT",
      /after the previous one/,
    );
    refused(await run("updateContractDraft", { id: ids.cesa, monthlyHours: "151" }), "CONFLICT", /SIGNED: only a draft is edited/);
    refused(await run("cancelContract", { id: ids.objective, reason: "Erreur" }), "CONFLICT", /RUNNING: only a draft is cancelled/);
  });

  it("shows the person's path stage and current contract combined from members and contracts", async () => {
    const result = await send(
      `query ($id: ID!) { person(id: $id) { lastName stage currentContract { kind endsOn } contracts(first: 10) { totalCount } } }`,
      { id: person },
    );
    expect(data(result, "person")).toEqual({
      lastName: "Escoubet",
      stage: "EMPLOYMENT_CONTRACT",
      currentContract: { kind: "SUPPORT_AGREEMENT", endsOn: addDays(addMonths(capeStart, 24), -1) },
      contracts: { totalCount: 3 },
    });
  });

  it("prints the employment contract with the cooperative's identity, the parties, the terms and the amendments", async () => {
    const [profile] = await network
      .subgraph(COOP, "members")
      .database.dataSource.query("SELECT legal_name, siret FROM cooperative_profile");
    const result = await send(`query ($id: ID!) { person(id: $id) { contracts(first: 10) { edges { node { id kind document } } } } }`, {
      id: person,
    });
    const nodes = data<{ contracts: { edges: { node: { id: string; kind: string; document: string } }[] } }>(
      result,
      "person",
    ).contracts.edges.map((edge) => edge.node);
    const cesa = nodes.find((node) => node.id === ids.cesa)!.document;
    const french = (iso: string) => iso.split("-").reverse().join("/");
    for (const text of [
      "Contrat d'entrepreneur salarié associé (CESA)",
      profile.legal_name.replace(/'/g, "&#39;"),
      `SIRET ${profile.siret}`,
      "Maïwenn Escoubet",
      "70,00\u00a0h",
      "Avenants",
      `${french(addDays(cesaStart, 30))}</td><td>100,00\u00a0h`,
      // L7331-3: three years from the CESA's conclusion (signed today), less the 151 days of earlier contracts.
      `au plus tard le ${french(addDays(addMonths(T, 36), -151))}`,
      `signé le ${french(T)}`,
    ]) {
      expect(cesa).toContain(text);
    }
    expect(nodes.find((node) => node.id === ids.cape)!.document).toContain("Renouvellements");
    const forbidden = await network.query(
      `query ($id: ID!) { person(id: $id) { contracts(first: 1) { edges { node { document } } } } }`,
      { id: person },
      analyst,
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(forbidden.data)).not.toContain("Escoubet");
  });

  it("lists the deadlines for the person's counselor, and not for another counselor", async () => {
    const supportDays = 151; // capeStart (T - 150) to T, both included: the earlier contracts between the parties
    const deadlines = `query ($c: ID) { cooperative(id: "${COOP}") { contractDeadlines(withinDays: 1100, counselorId: $c) { kind dueOn daysLeft contract { id } person { id lastName } } } }`;
    type Deadline = { kind: string; dueOn: string; daysLeft: number; contract: { id: string }; person: { id: string; lastName: string } };
    const mine = data<{ contractDeadlines: Deadline[] }>(await send(deadlines, { c: counselorId }), "cooperative").contractDeadlines;
    // Counted from the CESA's conclusion, its signature today (L7331-3).
    const associateDeadline = addDays(addMonths(T, 36), -supportDays);
    expect(mine.filter((deadline) => deadline.contract.id === ids.cesa)).toEqual([
      {
        kind: "ASSOCIATE_DEADLINE",
        dueOn: associateDeadline,
        daysLeft: expect.any(Number),
        contract: { id: ids.cesa },
        person: { id: person, lastName: "Escoubet" },
      },
    ]);
    expect(mine.every((deadline, index) => index === 0 || mine[index - 1].dueOn <= deadline.dueOn)).toBe(true);
    const everyone = data<{ contractDeadlines: Deadline[] }>(await send(deadlines, { c: null }), "cooperative").contractDeadlines;
    expect(everyone.length).toBeGreaterThan(mine.length);
    const [other] = await network
      .subgraph(COOP, "members")
      .database.dataSource.query("SELECT id FROM counselors WHERE id <> $1 LIMIT 1", [counselorId.split(":")[1]]);
    const theirs = data<{ contractDeadlines: Deadline[] }>(
      await send(deadlines, { c: `${COOP}:${other.id}` }),
      "cooperative",
    ).contractDeadlines;
    expect(theirs.some((deadline) => deadline.person.id === person)).toBe(false);
  });

  it("gives aggregates that agree with the contracts in the cooperative's database", async () => {
    const db = network.subgraph(COOP, "contracts").database.dataSource;
    const [from, to] = [addDays(T, -30), T];
    const exactQuery = `{ cooperative(id: "${COOP}") { contractsIndicators(from: "${from}", to: "${to}") { signedByKind { kind count } amendments supportToEmployment { count totalDays } } } }`;
    // Exact figures are the cooperative's staff's; a network role gets them only through the protected network indicators.
    const refusedExact = await network.query(exactQuery, {}, analyst);
    expect(refusedExact.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const result = await send(exactQuery);
    const figures = data<{ contractsIndicators: { signedByKind: { kind: string; count: number }[]; amendments: number } }>(
      result,
      "cooperative",
    ).contractsIndicators;
    const signed: { kind: string; count: number }[] = await db.query(
      "SELECT kind, count(*)::int AS count FROM contracts WHERE signed_on BETWEEN $1 AND $2 GROUP BY kind",
      [from, to],
    );
    for (const { kind, count } of figures.signedByKind) expect(count).toBe(signed.find((row) => row.kind === kind)?.count ?? 0);
    expect(figures.signedByKind.find((cell) => cell.kind === "EMPLOYMENT")!.count).toBeGreaterThanOrEqual(1); // ours, signed today
    const [{ count: amendments }] = await db.query(
      "SELECT count(*)::int AS count FROM contract_amendments WHERE effective_on BETWEEN $1 AND $2",
      [from, to],
    );
    expect(figures.amendments).toBe(amendments);
    // No personal field for the analyst: deadlines name people, so they are refused.
    const refusedDeadlines = await network.query(
      `{ cooperative(id: "${COOP}") { contractDeadlines(withinDays: 30) { kind } } }`,
      {},
      analyst,
    );
    expect(refusedDeadlines.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
