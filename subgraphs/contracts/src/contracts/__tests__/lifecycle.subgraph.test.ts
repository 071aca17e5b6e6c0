import {
  databaseBackends,
  employmentLegalInput,
  ENTITIES_QUERY,
  startTestSubgraph,
  testCaller,
  supportAgreementLegalInput,
  execute,
} from "@cae/tools/testing";
import { randomUUID } from "node:crypto";
import { addDays, addMonths, DEFAULT_MINIMUM_WAGE, minimumMonthlyPayCents, todayInFrance, type SubgraphServer } from "@cae/shared";
import { contracts } from "../../index";

const COOP = "garonne-activites";
const T = todayInFrance();
const CONTRACT_FIELDS = `id kind status startsOn endsOn signedOn endedOn endReason cancelledOn monthlyHours fixedMonthlyPayCents
  objective { reviewOn commitments { id party kind doneOn } }
  supportAgreement { initialEndsOn renewals { number previousEndsOn endsOn } }
  employment { type trialPeriodEndsOn trialPeriodLatestEnd supportDaysBefore priorContractDays associateDeadline initialMonthlyHours amendments { number effectiveOn monthlyHours fixedMonthlyPayCents } }`;

type Result = Awaited<ReturnType<typeof execute>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a contract as the API returns it, read field by field
type ContractJson = Record<string, any>;
const errorOf = (result: Result) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });
const smic = (date: string, hundredths: number) => minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, date, hundredths)!;

describe.each(databaseBackends())("a person's contracts, from objective contract to amendments, on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  const person = `${COOP}:${randomUUID()}`;
  const ids: Record<string, string> = {};
  const capeStart = addDays(T, -150);

  const mutate = async (name: string, input: Record<string, unknown>, caller = testCaller("COUNSELOR", COOP)) => {
    const result = await execute(
      server,
      `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${CONTRACT_FIELDS} } }`,
      { input },
      caller,
    );
    return { result, contract: result.data?.[name] as ContractJson | undefined };
  };
  const contractRow = async (id: string) =>
    (await server.database.dataSource.query("SELECT * FROM contracts WHERE id = $1", [id.split(":")[1]]))[0];
  /** A new person the cooperative admitted (the members subgraph's events would have said so): only they get a contract. */
  const admit = async (personId: string) => {
    await server.database.dataSource.query("INSERT INTO person_path (person_id, welcome_stage) VALUES ($1, 'ADMITTED')", [
      personId.split(":")[1],
    ]);
    return personId;
  };
  const auditCount = async () => Number((await server.database.dataSource.query("SELECT count(*) AS n FROM audit_events"))[0].n);

  /** A refused change: the right code and field, and nothing written (not even an audit row). */
  async function expectRefused(name: string, input: Record<string, unknown>, code: string, field?: string, message?: RegExp) {
    const before = await auditCount();
    const { result } = await mutate(name, input);
    expect(errorOf(result)).toEqual({ code, field });
    if (message) expect(result.errors?.[0]?.message).toMatch(message);
    expect(await auditCount()).toBe(before);
  }

  beforeAll(async () => {
    server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
    await admit(person);
  });
  afterAll(() => server?.stop());

  it("drafts and signs the objective contract with its commitments, and marks one done once signed", async () => {
    await expectRefused(
      "draftObjectiveContract",
      { personId: person, startsOn: addDays(T, -200), reviewOn: addDays(T, -110), commitments: [] },
      "BAD_USER_INPUT",
      "input.commitments",
    );
    const { result, contract } = await mutate("draftObjectiveContract", {
      personId: person,
      startsOn: addDays(T, -200),
      reviewOn: addDays(T, -110),
      commitments: [
        { party: "ENTREPRENEUR", kind: "MARKET_STUDY", description: "Pré-étude de marché", dueOn: addDays(T, -150) },
        { party: "COOPERATIVE", kind: "LEGAL_INFORMATION", description: "Présenter le statut", dueOn: addDays(T, -180) },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(contract).toMatchObject({ kind: "OBJECTIVE", status: "DRAFT", signedOn: null, objective: { reviewOn: addDays(T, -110) } });
    ids.objective = contract!.id;
    const commitment = contract!.objective.commitments[0].id as string;
    const complete = `mutation { completeCommitment(input: { id: "${commitment}", doneOn: "${addDays(T, -160)}" }) { objective { commitments { doneOn } } } }`;
    expect(errorOf(await execute(server, complete)).code).toBe("CONFLICT"); // a draft's commitments are not done yet

    await expectRefused(
      "signContract",
      { id: ids.objective, signedOn: addDays(T, -199) },
      "BAD_USER_INPUT",
      "input.signedOn",
      /after the first day/,
    );
    const signed = await mutate("signContract", { id: ids.objective, signedOn: addDays(T, -205) });
    expect(signed.contract).toMatchObject({ status: "RUNNING", signedOn: addDays(T, -205) });
    const done = await execute(server, complete);
    expect(done.data?.completeCommitment).toEqual({ objective: { commitments: [{ doneOn: addDays(T, -160) }, { doneOn: null }] } });
  });

  it("takes a support agreement of 12 months at most, renews it twice and refuses a third renewal and an overlap", async () => {
    await expectRefused(
      "draftSupportAgreement",
      {
        personId: person,
        startsOn: capeStart,
        endsOn: addMonths(capeStart, 12),
        supportGiven: "Suivi",
        legal: supportAgreementLegalInput(),
      },
      "BAD_USER_INPUT",
      "input.endsOn",
      /12 months at most/,
    );
    const firstEnd = addDays(addMonths(capeStart, 6), -1);
    const drafted = await mutate("draftSupportAgreement", {
      personId: person,
      startsOn: capeStart,
      endsOn: firstEnd,
      supportGiven: "Suivi mensuel",
      legal: supportAgreementLegalInput(),
      revenueGoalCents: "2000000",
    });
    expect(drafted.result.errors).toBeUndefined();
    ids.cape = drafted.contract!.id;
    expect((await mutate("signContract", { id: ids.cape, signedOn: addDays(capeStart, -2) })).contract).toMatchObject({
      status: "RUNNING",
    });

    const renewed = await mutate("renewSupportAgreement", {
      id: ids.cape,
      endsOn: addDays(addMonths(capeStart, 12), -1),
      decidedOn: addDays(T, -5),
    });
    expect(renewed.result.errors).toBeUndefined();
    expect(renewed.contract!.supportAgreement).toEqual({
      initialEndsOn: firstEnd,
      renewals: [{ number: 1, previousEndsOn: firstEnd, endsOn: addDays(addMonths(capeStart, 12), -1) }],
    });
    await expectRefused(
      "renewSupportAgreement",
      { id: ids.cape, endsOn: addDays(addMonths(capeStart, 25), -1), decidedOn: addDays(T, -4) },
      "BAD_USER_INPUT",
      "input.endsOn",
      /12 months at most/,
    );
    const second = await mutate("renewSupportAgreement", {
      id: ids.cape,
      endsOn: addDays(addMonths(capeStart, 24), -1),
      decidedOn: addDays(T, -4),
    });
    expect(second.contract!.endsOn).toBe(addDays(addMonths(capeStart, 24), -1));
    await expectRefused(
      "renewSupportAgreement",
      { id: ids.cape, endsOn: addDays(addMonths(capeStart, 30), -1), decidedOn: addDays(T, -3) },
      "CONFLICT",
      "input.id",
      /twice at most/,
    );
    const overlap = await mutate("draftSupportAgreement", {
      personId: person,
      startsOn: T,
      endsOn: addDays(T, 30),
      supportGiven: "Autre",
      legal: supportAgreementLegalInput(),
    });
    expect(errorOf(overlap.result).code).toBe("CONFLICT");
    expect(overlap.result.errors?.[0]?.message).toMatch(/one at a time/);
  });

  it("refuses an employment contract below the SMIC, above full time, or without a prior support agreement or reason", async () => {
    const start = addDays(T, 1);
    const terms = {
      type: "OPEN_ENDED",
      startsOn: start,
      monthlyHours: "80",
      variablePay: "Résultat de l'activité",
      legal: employmentLegalInput(),
    };
    await expectRefused(
      "draftEmploymentContract",
      { ...terms, personId: person, fixedMonthlyPayCents: String(smic(start, 8000) - 1n) },
      "BAD_USER_INPUT",
      "input.fixedMonthlyPayCents",
      /below the legal minimum/,
    );
    await expectRefused(
      "draftEmploymentContract",
      { ...terms, personId: person, monthlyHours: "151.68", fixedMonthlyPayCents: "300000" },
      "BAD_USER_INPUT",
      "input.monthlyHours",
    );
    await expectRefused(
      "draftEmploymentContract",
      { ...terms, personId: person, type: "FIXED_TERM", fixedMonthlyPayCents: String(smic(start, 8000)) },
      "BAD_USER_INPUT",
      "input.endsOn",
    );
    const stranger = await admit(`${COOP}:${randomUUID()}`);
    await expectRefused(
      "draftEmploymentContract",
      { ...terms, personId: stranger, fixedMonthlyPayCents: String(smic(start, 8000)) },
      "BAD_USER_INPUT",
      "input.directHireReason",
    );
    const direct = await mutate("draftEmploymentContract", {
      ...terms,
      personId: stranger,
      fixedMonthlyPayCents: String(smic(start, 8000)),
      directHireReason: "Clientèle déjà constituée",
    });
    expect(direct.contract).toMatchObject({
      status: "DRAFT",
      employment: { supportDaysBefore: 0, priorContractDays: 0, trialPeriodLatestEnd: addDays(addMonths(start, 8), -1) },
    });
    const cancelled = await mutate("cancelContract", { id: direct.contract!.id, reason: "Projet reporté" });
    expect(cancelled.contract).toMatchObject({ status: "CANCELLED", cancelledOn: T });
    await expectRefused("signContract", { id: direct.contract!.id, signedOn: T }, "CONFLICT", undefined, /CANCELLED/);
  });

  it("ends the support agreement for the employment contract, whose trial and associate deadline count the support time", async () => {
    const ended = await mutate("endContract", { id: ids.cape, endedOn: T, reason: "NEXT_CONTRACT" });
    expect(ended.contract).toMatchObject({ status: "RUNNING", endedOn: T, endReason: "NEXT_CONTRACT" }); // its last day is today
    await expectRefused("endContract", { id: ids.cape, endedOn: T, reason: "OTHER" }, "CONFLICT", undefined, /already recorded/);

    const start = addDays(T, 1);
    const supportDays = 151; // from capeStart (T - 150) to T, both included
    const latestTrial = addDays(addMonths(start, 8), -1 - supportDays);
    const draft = {
      personId: person,
      type: "OPEN_ENDED",
      startsOn: start,
      monthlyHours: "80",
      fixedMonthlyPayCents: String(smic(start, 8000)),
      variablePay: "Résultat de l'activité après contribution",
      legal: employmentLegalInput(),
      trialPeriodEndsOn: addDays(latestTrial, 1),
    };
    await expectRefused("draftEmploymentContract", draft, "BAD_USER_INPUT", "input.trialPeriodEndsOn", /8 months at most/);
    const { result, contract } = await mutate("draftEmploymentContract", { ...draft, trialPeriodEndsOn: latestTrial });
    expect(result.errors).toBeUndefined();
    // A draft is not concluded yet: its associate deadline counts from its planned first day until it is signed.
    expect(contract!.employment).toMatchObject({
      type: "OPEN_ENDED",
      supportDaysBefore: supportDays,
      priorContractDays: supportDays,
      trialPeriodEndsOn: latestTrial,
      associateDeadline: addDays(addMonths(start, 36), -supportDays),
    });
    ids.cesa = contract!.id;
    // Signed, it counts from its conclusion (L7331-3).
    expect((await mutate("signContract", { id: ids.cesa, signedOn: T })).contract).toMatchObject({
      status: "SIGNED",
      signedOn: T,
      employment: { associateDeadline: addDays(addMonths(T, 36), -supportDays) },
    });
  });

  it("amends the employment contract twice, in order, never below the SMIC, and keeps the history", async () => {
    const start = addDays(T, 1);
    const first = addDays(start, 31);
    const second = addDays(start, 62);
    await expectRefused(
      "amendEmploymentContract",
      { id: ids.cesa, effectiveOn: first, monthlyHours: "120", reason: "Plus d'heures" },
      "BAD_USER_INPUT",
      "input.monthlyHours",
      /below the legal minimum/,
    );
    const one = await mutate("amendEmploymentContract", {
      id: ids.cesa,
      effectiveOn: first,
      monthlyHours: "120",
      fixedMonthlyPayCents: String(smic(first, 12000)),
      reason: "Croissance du chiffre d'affaires",
    });
    expect(one.result.errors).toBeUndefined();
    await expectRefused(
      "amendEmploymentContract",
      { id: ids.cesa, effectiveOn: addDays(first, -1), fixedMonthlyPayCents: "999999", reason: "Avant le précédent" },
      "BAD_USER_INPUT",
      "input.effectiveOn",
      /after the previous one/,
    );
    const two = await mutate("amendEmploymentContract", {
      id: ids.cesa,
      effectiveOn: second,
      fixedMonthlyPayCents: String(smic(second, 12000) + 10000n),
      reason: "Hausse du fixe",
    });
    expect(two.contract!.employment.amendments).toEqual([
      { number: 1, effectiveOn: first, monthlyHours: "120.00", fixedMonthlyPayCents: String(smic(first, 12000)) },
      { number: 2, effectiveOn: second, monthlyHours: "120.00", fixedMonthlyPayCents: String(smic(second, 12000) + 10000n) },
    ]);
    // Today the contract's own terms are in force: the amendments take effect later.
    expect(two.contract).toMatchObject({
      monthlyHours: "80.00",
      fixedMonthlyPayCents: String(smic(start, 8000)),
      employment: { initialMonthlyHours: "80.00" },
    });
  });

  it("never edits or cancels a signed contract: CONFLICT naming its state, nothing written", async () => {
    const before = await contractRow(ids.objective);
    await expectRefused(
      "updateContractDraft",
      { id: ids.objective, reviewOn: T },
      "CONFLICT",
      undefined,
      /RUNNING: only a draft is edited/,
    );
    await expectRefused(
      "cancelContract",
      { id: ids.objective, reason: "Erreur" },
      "CONFLICT",
      undefined,
      /RUNNING: only a draft is cancelled/,
    );
    await expectRefused("cancelContract", { id: ids.cesa, reason: "Erreur" }, "CONFLICT", undefined, /SIGNED/);
    expect(await contractRow(ids.objective)).toEqual(before);
  });

  it("edits a draft, refusing fields of another kind and re-checking the whole draft", async () => {
    const other = await admit(`${COOP}:${randomUUID()}`);
    const { contract } = await mutate("draftSupportAgreement", {
      personId: other,
      startsOn: T,
      endsOn: addDays(T, 90),
      supportGiven: "Suivi",
      legal: supportAgreementLegalInput(),
    });
    await expectRefused("updateContractDraft", { id: contract!.id, monthlyHours: "10" }, "BAD_USER_INPUT", "input.monthlyHours");
    await expectRefused("updateContractDraft", { id: contract!.id, endsOn: addMonths(T, 13) }, "BAD_USER_INPUT", "input.endsOn");
    const updated = await mutate("updateContractDraft", { id: contract!.id, endsOn: addDays(T, 120) });
    expect(updated.contract).toMatchObject({ status: "DRAFT", endsOn: addDays(T, 120) });
  });

  it("gives the person's contract in force and their path, to their counselor and to themselves only", async () => {
    const query = ENTITIES_QUERY(
      "... on Person { currentContract { kind status } furthestContractKind contracts(first: 10) { totalCount } }",
    );
    const representations = [{ __typename: "Person", id: person }];
    const seen = await execute(server, query, { representations });
    // The CESA starts tomorrow; the support agreement's last day is today.
    expect(seen.data?._entities).toEqual([
      {
        currentContract: { kind: "SUPPORT_AGREEMENT", status: "RUNNING" },
        furthestContractKind: "EMPLOYMENT",
        contracts: { totalCount: 3 },
      },
    ]);
    const self = await execute(server, query, { representations }, testCaller("ENTREPRENEUR", COOP, person));
    expect(self.errors).toBeUndefined();
    const stranger = await execute(server, query, { representations }, testCaller("ENTREPRENEUR", COOP, `${COOP}:${randomUUID()}`));
    expect(errorOf(stranger).code).toBe("FORBIDDEN");
    const { result } = await mutate("endContract", { id: ids.cesa, endedOn: T, reason: "OTHER" }, testCaller("ENTREPRENEUR", COOP, person));
    expect(errorOf(result).code).toBe("FORBIDDEN");
  });

  it("refuses another cooperative's IDs and unknown contracts with clear errors", async () => {
    await expectRefused("signContract", { id: `bretagne-cooperer:${randomUUID()}`, signedOn: T }, "BAD_USER_INPUT", "input.id");
    await expectRefused("signContract", { id: `${COOP}:${randomUUID()}`, signedOn: T }, "NOT_FOUND");
    await expectRefused("signContract", { id: ids.cesa, signedOn: addDays(T, 1) }, "BAD_USER_INPUT", "input.signedOn", /future/);
  });

  it("audits each change with who made it", async () => {
    const rows: { action: string; actor_role: string }[] = await server.database.dataSource.query(
      "SELECT action, actor_role FROM audit_events WHERE entity_id = $1 ORDER BY seq",
      [ids.cesa],
    );
    expect(rows.map((row) => row.action)).toEqual([
      "draftEmploymentContract",
      "signContract",
      "amendEmploymentContract",
      "amendEmploymentContract",
    ]);
    expect(new Set(rows.map((row) => row.actor_role))).toEqual(new Set(["COUNSELOR"]));
  });
});
