import {
  databaseBackends,
  employmentLegalInput,
  startTestSubgraph,
  testCaller,
  supportAgreementLegalInput,
  execute,
} from "@cae/tools/testing";
import { randomUUID } from "node:crypto";
import {
  addDays,
  addMonths,
  daysBetween,
  DEFAULT_MINIMUM_WAGE,
  hoursToHundredths,
  minimumMonthlyPayCents,
  todayInFrance,
  type SubgraphServer,
} from "@cae/shared";
import { contracts } from "../index";

/**
 * The rules of a person's path across their contracts (docs/contracts.md): 36 months of CAPE in
 * all, no CAPE beside full-time employment, the associate deadline and trial period counted from
 * the earlier contracts between the parties, a renewal entered after the term, and the legal
 * modes that end an employment contract. Each person is new, admitted, and has only the contracts
 * of their case.
 */
const COOP = "garonne-activites";
const T = todayInFrance();
const FIELDS = `id kind status startsOn endsOn signedOn endedOn endReason
  supportAgreement { renewals { number previousEndsOn endsOn decidedOn } }
  employment { trialPeriodLatestEnd supportDaysBefore priorContractDays associateDeadline }`;

type Result = Awaited<ReturnType<typeof execute>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a contract as the API returns it, read field by field
type ContractJson = Record<string, any>;
const lastOfMonths = (from: string, months: number) => addDays(addMonths(from, months), -1);

describe.each(databaseBackends())("the rules of a person's path across contracts, on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  /** A new person the cooperative admitted (the members subgraph's events would have said so): only they get a contract. */
  async function admittedPerson(): Promise<string> {
    const id = randomUUID();
    await server.database.dataSource.query("INSERT INTO person_path (person_id, welcome_stage) VALUES ($1, 'ADMITTED')", [id]);
    return `${COOP}:${id}`;
  }
  const run = (name: string, input: Record<string, unknown>): Promise<Result> =>
    execute(
      server,
      `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${FIELDS} } }`,
      { input },
      testCaller("COUNSELOR", COOP),
    );
  async function made(name: string, input: Record<string, unknown>): Promise<ContractJson> {
    const result = await run(name, input);
    expect(result.errors).toBeUndefined();
    return result.data?.[name] as ContractJson;
  }
  const auditCount = async () => Number((await server.database.dataSource.query("SELECT count(*) AS n FROM audit_events"))[0].n);

  /** A refused change: its code, field and message, and nothing written, not even an audit row. */
  async function expectRefused(name: string, input: Record<string, unknown>, code: string, field: string, message: RegExp | string) {
    const before = await auditCount();
    const result = await run(name, input);
    const error = result.errors?.[0];
    expect({ code: error?.extensions?.code, field: error?.extensions?.field }).toEqual({ code, field });
    if (typeof message === "string") expect(error?.message).toBe(message);
    else expect(error?.message).toMatch(message);
    expect(await auditCount()).toBe(before);
  }

  /** A signed support agreement. */
  async function cape(personId: string, startsOn: string, endsOn: string): Promise<ContractJson> {
    const draft = await made("draftSupportAgreement", {
      personId,
      startsOn,
      endsOn,
      supportGiven: "Suivi mensuel",
      legal: supportAgreementLegalInput(),
    });
    return made("signContract", { id: draft.id, signedOn: startsOn });
  }
  /** The input of an employment contract paid the SMIC of its first day for its hours. */
  const cesaInput = (personId: string, startsOn: string, monthlyHours: string, more: Record<string, unknown> = {}) => ({
    personId,
    type: "OPEN_ENDED",
    startsOn,
    monthlyHours,
    fixedMonthlyPayCents: String(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, startsOn, hoursToHundredths(monthlyHours)!)),
    variablePay: "Résultat de l'activité",
    legal: employmentLegalInput(more.type === "FIXED_TERM" ? "FIXED_TERM" : "OPEN_ENDED"),
    ...more,
  });
  /** A signed employment contract, hired directly unless the person had a support agreement. */
  async function cesa(personId: string, startsOn: string, monthlyHours: string, more: Record<string, unknown> = {}): Promise<ContractJson> {
    const draft = await made(
      "draftEmploymentContract",
      cesaInput(personId, startsOn, monthlyHours, { directHireReason: "Clientèle déjà constituée", ...more }),
    );
    return made("signContract", { id: draft.id, signedOn: addDays(startsOn, -1) < T ? addDays(startsOn, -1) : T });
  }
  const pay = (date: string, hours: string) => String(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, date, hoursToHundredths(hours)!));

  describe("a person's support agreements last 36 months in all, whatever their number (L127-1 Code de commerce)", () => {
    it("counts an earlier agreement and its renewals: a draft, a signature and another draft past 36 months are refused", async () => {
      const person = await admittedPerson();
      // 30 months of a first agreement, renewed twice (each renewal entered after the term it extended).
      const first = addMonths(T, -31);
      const agreement = await cape(person, first, lastOfMonths(first, 12));
      await made("renewSupportAgreement", {
        id: agreement.id,
        endsOn: lastOfMonths(first, 24),
        decidedOn: addDays(addMonths(first, 12), -10),
      });
      await made("renewSupportAgreement", {
        id: agreement.id,
        endsOn: lastOfMonths(first, 30),
        decidedOn: addDays(addMonths(first, 24), -10),
      });

      await expectRefused(
        "draftSupportAgreement",
        { personId: person, startsOn: T, endsOn: lastOfMonths(T, 12), supportGiven: "Suivi", legal: supportAgreementLegalInput() },
        "BAD_USER_INPUT",
        "input.endsOn",
        `A person's support agreements last 36 months in all, whatever their number (L127-1 Code de commerce): their other agreements already count 30 months; from ${T}, ${lastOfMonths(T, 6)} at the latest`,
      );
      // Two drafts side by side, each within the 6 months left alone: the second is refused at signature.
      const sixMonths = await made("draftSupportAgreement", {
        personId: person,
        startsOn: T,
        endsOn: lastOfMonths(T, 6),
        supportGiven: "Suivi",
        legal: supportAgreementLegalInput(),
      });
      const later = addMonths(T, 6);
      const after = await made("draftSupportAgreement", {
        personId: person,
        startsOn: later,
        endsOn: lastOfMonths(later, 3),
        supportGiven: "Suivi",
        legal: supportAgreementLegalInput(),
      });
      await made("signContract", { id: sixMonths.id, signedOn: T });
      const noneLeft = `A person's support agreements last 36 months in all, whatever their number (L127-1 Code de commerce): their other agreements already count 36 months, so none is left from ${later}`;
      await expectRefused("signContract", { id: after.id, signedOn: T }, "CONFLICT", "input.id", noneLeft);
      await expectRefused(
        "draftSupportAgreement",
        { personId: person, startsOn: later, endsOn: lastOfMonths(later, 1), supportGiven: "Suivi", legal: supportAgreementLegalInput() },
        "CONFLICT",
        "input.personId",
        noneLeft,
      );
    });

    it("counts the earlier agreements in a renewal's 36 months", async () => {
      const person = await admittedPerson();
      const first = addMonths(T, -20);
      await cape(person, first, lastOfMonths(first, 12));
      const second = await cape(person, T, lastOfMonths(T, 12));
      const renewed = await made("renewSupportAgreement", { id: second.id, endsOn: lastOfMonths(T, 24), decidedOn: T });
      expect(renewed.endsOn).toBe(lastOfMonths(T, 24));
      await expectRefused(
        "renewSupportAgreement",
        { id: second.id, endsOn: lastOfMonths(T, 25), decidedOn: T },
        "BAD_USER_INPUT",
        "input.endsOn",
        `A person's support agreements last 36 months in all, whatever their number (L127-1 Code de commerce): their other agreements already count 12 months; from ${T}, ${lastOfMonths(T, 24)} at the latest`,
      );
    });
  });

  describe("no support agreement while a full-time employment contract runs (L127-1 Code de commerce)", () => {
    it("refuses a CAPE beside a full-time CESA", async () => {
      const person = await admittedPerson();
      await cesa(person, addMonths(T, -2), "151.67");
      await expectRefused(
        "draftSupportAgreement",
        { personId: person, startsOn: T, endsOn: addDays(T, 30), supportGiven: "Suivi", legal: supportAgreementLegalInput() },
        "CONFLICT",
        "input.startsOn",
        `A support agreement (CAPE) is not for someone employed full time (L127-1 Code de commerce): the person's employment contract from ${addMonths(T, -2)} is at full time (151.67 h a month) on ${T}, within this agreement's period; part time is allowed`,
      );
    });

    it("takes a CAPE beside a part-time CESA, then refuses an amendment to full time over it", async () => {
      const person = await admittedPerson();
      const employment = await cesa(person, addDays(T, -60), "80");
      await cape(person, addDays(T, -30), addDays(T, 60));
      const effectiveOn = addDays(T, 10);
      await expectRefused(
        "amendEmploymentContract",
        { id: employment.id, effectiveOn, monthlyHours: "151.67", fixedMonthlyPayCents: pay(effectiveOn, "151.67"), reason: "Temps plein" },
        "CONFLICT",
        "input.monthlyHours",
        /not for someone employed full time \(L127-1 Code de commerce\): the person's support agreement from .* would overlap full-time employment \(151\.67 h a month\)/,
      );
      await made("amendEmploymentContract", {
        id: employment.id,
        effectiveOn,
        monthlyHours: "120",
        fixedMonthlyPayCents: pay(effectiveOn, "120"),
        reason: "Plus d'heures",
      });
    });

    it("reads the hours in force on the CAPE's days, amendments included, for a draft and for a renewal", async () => {
      const person = await admittedPerson();
      const employment = await cesa(person, addDays(T, -60), "80");
      const fullTimeOn = addDays(T, 30);
      await made("amendEmploymentContract", {
        id: employment.id,
        effectiveOn: fullTimeOn,
        monthlyHours: "151.67",
        fixedMonthlyPayCents: pay(fullTimeOn, "151.67"),
        reason: "Temps plein",
      });
      await expectRefused(
        "draftSupportAgreement",
        { personId: person, startsOn: T, endsOn: addDays(T, 60), supportGiven: "Suivi", legal: supportAgreementLegalInput() },
        "CONFLICT",
        "input.startsOn",
        new RegExp(`is at full time \\(151\\.67 h a month\\) on ${fullTimeOn}, within this agreement's period`),
      );
      const agreement = await cape(person, T, addDays(T, 20));
      await expectRefused(
        "renewSupportAgreement",
        { id: agreement.id, endsOn: addDays(T, 40), decidedOn: T },
        "CONFLICT",
        "input.endsOn",
        new RegExp(`is at full time \\(151\\.67 h a month\\) on ${fullTimeOn}`),
      );
    });

    it("refuses a full-time CESA over a CAPE, drafted or edited; part time is allowed", async () => {
      const person = await admittedPerson();
      await cape(person, addDays(T, -100), addDays(T, 100));
      const message = new RegExp(
        `not for someone employed full time \\(L127-1 Code de commerce\\): the person's support agreement from ${addDays(T, -100)} to ${addDays(T, 100)} would overlap full-time employment`,
      );
      await expectRefused("draftEmploymentContract", cesaInput(person, addDays(T, 1), "151.67"), "CONFLICT", "input.monthlyHours", message);
      const partTime = await made("draftEmploymentContract", cesaInput(person, addDays(T, 1), "100"));
      await expectRefused(
        "updateContractDraft",
        { id: partTime.id, monthlyHours: "151.67", fixedMonthlyPayCents: pay(addDays(T, 1), "151.67") },
        "CONFLICT",
        "input.monthlyHours",
        message,
      );
      expect((await made("signContract", { id: partTime.id, signedOn: T })).status).toBe("SIGNED");
    });
  });

  describe("the associate deadline (L7331-3) and the trial period (L7332-1) deduct every earlier contract between the parties", () => {
    it("counts from the signature and deducts the earlier CAPE and CESA", async () => {
      const person = await admittedPerson();
      await cape(person, addDays(T, -300), addDays(T, -201)); // 100 days
      const earlier = await made(
        "draftEmploymentContract",
        cesaInput(person, addDays(T, -200), "80", { type: "FIXED_TERM", endsOn: addDays(T, -101) }), // 100 days
      );
      await made("signContract", { id: earlier.id, signedOn: addDays(T, -200) });

      const start = addDays(T, 1);
      const latestTrial = addDays(addMonths(start, 8), -1 - 200);
      await expectRefused(
        "draftEmploymentContract",
        cesaInput(person, start, "80", { trialPeriodEndsOn: addDays(latestTrial, 1) }),
        "BAD_USER_INPUT",
        "input.trialPeriodEndsOn",
        `The trial period lasts 8 months at most minus the time of the earlier contracts between the parties (CAPEs, CESAs; L7332-1): ${latestTrial} at the latest`,
      );
      const draft = await made("draftEmploymentContract", cesaInput(person, start, "80", { trialPeriodEndsOn: latestTrial }));
      // Not concluded yet: counted from the planned first day until signed.
      expect(draft.employment).toEqual({
        trialPeriodLatestEnd: latestTrial,
        supportDaysBefore: 100,
        priorContractDays: 200,
        associateDeadline: addDays(addMonths(start, 36), -200),
      });
      const signed = await made("signContract", { id: draft.id, signedOn: addDays(T, -10) });
      expect(signed.employment.associateDeadline).toBe(addDays(addMonths(addDays(T, -10), 36), -200));
    });
  });

  describe("a renewal decided while the agreement ran may be entered after its term", () => {
    it("takes a renewal decided in time, without a gap, and refuses a decision after the term", async () => {
      const person = await admittedPerson();
      const agreement = await cape(person, addDays(T, -200), addDays(T, -20));
      expect(agreement.status).toBe("ENDED");
      await expectRefused(
        "renewSupportAgreement",
        { id: agreement.id, endsOn: addDays(T, 150), decidedOn: addDays(T, -10) },
        "BAD_USER_INPUT",
        "input.decidedOn",
        `A renewal is decided while the agreement runs, from ${addDays(T, -200)} to ${addDays(T, -20)} (L127-1 Code de commerce); entered after the term, it was decided by then`,
      );
      const renewed = await made("renewSupportAgreement", { id: agreement.id, endsOn: addDays(T, 150), decidedOn: addDays(T, -25) });
      expect(renewed).toMatchObject({
        status: "RUNNING",
        endsOn: addDays(T, 150),
        endedOn: null,
        supportAgreement: {
          renewals: [{ number: 1, previousEndsOn: addDays(T, -20), endsOn: addDays(T, 150), decidedOn: addDays(T, -25) }],
        },
      });
      const [row] = await server.database.dataSource.query(
        "SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'renewSupportAgreement'",
        [agreement.id],
      );
      expect(row.details).toMatchObject({ enteredAfterTerm: addDays(T, -20) });
    });

    it("undoes an end recorded at the term, and never renews an agreement ended early", async () => {
      const person = await admittedPerson();
      const atTerm = await cape(person, addDays(T, -200), T);
      await made("endContract", { id: atTerm.id, endedOn: T, reason: "TERM_REACHED" });
      const renewed = await made("renewSupportAgreement", { id: atTerm.id, endsOn: addDays(T, 100), decidedOn: T });
      expect(renewed).toMatchObject({ status: "RUNNING", endsOn: addDays(T, 100), endedOn: null, endReason: null });

      const other = await admittedPerson();
      const early = await cape(other, addDays(T, -200), addDays(T, 100));
      // A support agreement still ends with the person's outcome.
      expect((await made("endContract", { id: early.id, endedOn: addDays(T, -100), reason: "PROJECT_ABANDONED" })).endReason).toBe(
        "PROJECT_ABANDONED",
      );
      await expectRefused(
        "renewSupportAgreement",
        { id: early.id, endsOn: addDays(T, 100), decidedOn: addDays(T, -110) },
        "CONFLICT",
        "input.id",
        `The agreement ended early, on ${addDays(T, -100)} (PROJECT_ABANDONED): only an agreement that runs or reached its term is renewed`,
      );
    });
  });

  describe("an employment contract ends by a legal mode; the person's outcome is recorded with their exit", () => {
    it("refuses an outcome, the trial period once over, a term not reached and an associate deadline not reached", async () => {
      const person = await admittedPerson();
      const employment = await cesa(person, addDays(T, -40), "80", {
        type: "FIXED_TERM",
        endsOn: addDays(T, 200),
        trialPeriodEndsOn: addDays(T, -10),
      });
      for (const reason of ["OWN_COMPANY", "PROJECT_ABANDONED", "NEXT_CONTRACT", "OTHER"]) {
        await expectRefused(
          "endContract",
          { id: employment.id, endedOn: T, reason },
          "BAD_USER_INPUT",
          "input.reason",
          `${reason} is the person's outcome, not how an employment contract ends: record it with their exit (recordExit); the contract ends by one of the legal modes (RESIGNATION, MUTUAL_AGREEMENT, DISMISSAL, TRIAL_PERIOD, TERM_REACHED, ASSOCIATE_DEADLINE)`,
        );
      }
      await expectRefused(
        "endContract",
        { id: employment.id, endedOn: T, reason: "TRIAL_PERIOD" },
        "BAD_USER_INPUT",
        "input.reason",
        `The trial period ended on ${addDays(T, -10)}: the contract ends by it only until then (L7332-1)`,
      );
      await expectRefused(
        "endContract",
        { id: employment.id, endedOn: T, reason: "TERM_REACHED" },
        "BAD_USER_INPUT",
        "input.reason",
        `A fixed-term contract reaches its term on its last day, ${addDays(T, 200)} (L1243-5 Code du travail): before that, it ends by another mode`,
      );
      await expectRefused(
        "endContract",
        { id: employment.id, endedOn: T, reason: "ASSOCIATE_DEADLINE" },
        "BAD_USER_INPUT",
        "input.reason",
        new RegExp(`The associate deadline is ${addMonths(addDays(T, -41), 36)} \\(L7331-3 Code du travail\\)`),
      );
      expect(await made("endContract", { id: employment.id, endedOn: T, reason: "RESIGNATION" })).toMatchObject({
        endedOn: T,
        endReason: "RESIGNATION",
      });
    });

    it("ends by the trial period while it runs, and a fixed-term contract at its term", async () => {
      const trial = await cesa(await admittedPerson(), addDays(T, -10), "80", { trialPeriodEndsOn: addDays(T, 30) });
      expect((await made("endContract", { id: trial.id, endedOn: T, reason: "TRIAL_PERIOD" })).endReason).toBe("TRIAL_PERIOD");
      const fixed = await cesa(await admittedPerson(), addDays(T, -30), "80", { type: "FIXED_TERM", endsOn: T });
      expect((await made("endContract", { id: fixed.id, endedOn: T, reason: "TERM_REACHED" })).endReason).toBe("TERM_REACHED");
    });

    it("ends by the associate deadline from that day, the earlier CAPE deducted", async () => {
      const person = await admittedPerson();
      const start = addMonths(T, -26);
      const capeStart = addMonths(start, -11);
      await cape(person, capeStart, addDays(start, -1));
      const employment = await made("draftEmploymentContract", cesaInput(person, start, "80"));
      await made("signContract", { id: employment.id, signedOn: addDays(start, -1) });
      const deadline = addDays(addMonths(addDays(start, -1), 36), -daysBetween(capeStart, start));
      expect(deadline <= T).toBe(true);
      await expectRefused(
        "endContract",
        { id: employment.id, endedOn: addDays(deadline, -1), reason: "ASSOCIATE_DEADLINE" },
        "BAD_USER_INPUT",
        "input.reason",
        `The associate deadline is ${deadline} (L7331-3 Code du travail): the contract ends by it from that day only`,
      );
      const ended = await made("endContract", { id: employment.id, endedOn: deadline, reason: "ASSOCIATE_DEADLINE" });
      expect(ended).toMatchObject({ endedOn: deadline, endReason: "ASSOCIATE_DEADLINE", employment: { associateDeadline: deadline } });
    });
  });
});
