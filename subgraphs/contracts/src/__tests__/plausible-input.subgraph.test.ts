import { databaseBackends, employmentLegalInput, startTestSubgraph, supportAgreementLegalInput, execute } from "@cae/tools/testing";
import { randomUUID } from "node:crypto";
import {
  addDays,
  DEFAULT_MINIMUM_WAGE,
  latestPlannedDate,
  MAX_AMOUNT_CENTS,
  minimumMonthlyPayCents,
  todayInFrance,
  type SubgraphServer,
} from "@cae/shared";
import { contracts } from "../index";

const COOP = "garonne-activites";
const TABLES = ["contracts", "objective_commitments", "support_agreement_renewals", "contract_amendments", "audit_events"];
const T = todayInFrance();
const TOMORROW = addDays(T, 1);
const TOO_FAR = addDays(latestPlannedDate(T), 1);
const OVER_MAX = (MAX_AMOUNT_CENTS + 1n).toString();

describe.each(databaseBackends())("contract inputs out of range on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  const person = `${COOP}:${randomUUID()}`;

  /** A new person the cooperative admitted (the members subgraph's events would have said so): only they get a contract. */
  async function admitted(): Promise<string> {
    const id = randomUUID();
    await server.database.dataSource.query("INSERT INTO person_path (person_id, welcome_stage) VALUES ($1, 'ADMITTED')", [id]);
    return `${COOP}:${id}`;
  }

  beforeAll(async () => {
    server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
    await server.database.dataSource.query("INSERT INTO person_path (person_id, welcome_stage) VALUES ($1, 'ADMITTED')", [
      person.split(":")[1],
    ]);
  });
  afterAll(() => server?.stop());

  const run = (name: string, input: Record<string, unknown>) =>
    execute(server, `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { id } }`, { input });
  async function made(name: string, input: Record<string, unknown>): Promise<string> {
    const result = await run(name, input);
    expect(result.errors).toBeUndefined();
    return (result.data?.[name] as { id: string }).id;
  }
  /** The rows of every table: a refused change leaves them all as they were, its audit row included. */
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [table, await server.database.dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`)] as const),
      ),
    );
  async function expectRefused(name: string, input: Record<string, unknown>, field: string) {
    const before = await snapshot();
    const result = await run(name, input);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.data).toBeNull();
    expect(await snapshot()).toEqual(before);
  }

  const objective = {
    personId: person,
    startsOn: addDays(T, -60),
    reviewOn: addDays(T, 30),
    commitments: [
      { party: "ENTREPRENEUR", kind: "MARKET_STUDY", description: "Étude de marché", dueOn: addDays(T, -10) },
      { party: "COOPERATIVE", kind: "LEGAL_INFORMATION", description: "Présenter le statut", dueOn: addDays(T, 20) },
    ],
  };

  it("refuses planned dates before 1990 or more than five years ahead, commitments included", async () => {
    await expectRefused("draftObjectiveContract", { ...objective, startsOn: "0001-01-01" }, "input.startsOn");
    await expectRefused("draftObjectiveContract", { ...objective, reviewOn: TOO_FAR }, "input.reviewOn");
    await expectRefused("draftObjectiveContract", { ...objective, endsOn: "2099-12-31" }, "input.endsOn");
    const late = { ...objective.commitments[1], dueOn: "2099-01-01" };
    await expectRefused(
      "draftObjectiveContract",
      { ...objective, commitments: [objective.commitments[0], late] },
      "input.commitments.1.dueOn",
    );
    const cape = {
      personId: person,
      startsOn: TOO_FAR,
      endsOn: addDays(TOO_FAR, 100),
      supportGiven: "Suivi",
      legal: supportAgreementLegalInput(),
    };
    await expectRefused("draftSupportAgreement", cape, "input.startsOn");
  });

  it("refuses what happened dated in the future: a signature, a commitment done, an end", async () => {
    const id = await made("draftObjectiveContract", objective);
    await expectRefused("updateContractDraft", { id, reviewOn: TOO_FAR }, "input.reviewOn");
    await expectRefused("signContract", { id, signedOn: "0001-01-01" }, "input.signedOn");
    await expectRefused("signContract", { id, signedOn: TOMORROW }, "input.signedOn");
    await made("signContract", { id, signedOn: addDays(T, -61) });
    const [{ id: commitment }] = await server.database.dataSource.query(
      "SELECT id FROM objective_commitments WHERE contract_id = $1 ORDER BY position LIMIT 1",
      [id.split(":")[1]],
    );
    await expectRefused("completeCommitment", { id: `${COOP}:${commitment}`, doneOn: TOMORROW }, "input.doneOn");
    await expectRefused("endContract", { id, endedOn: TOMORROW, reason: "OTHER" }, "input.endedOn");
    await expectRefused("endContract", { id, endedOn: "2099-12-31", reason: "OTHER" }, "input.endedOn");
  });

  it("refuses a renewal decided in the future or ending too far ahead", async () => {
    const start = addDays(T, -100);
    const id = await made("draftSupportAgreement", {
      personId: person,
      startsOn: start,
      endsOn: addDays(start, 180),
      supportGiven: "Suivi",
      legal: supportAgreementLegalInput(),
    });
    await made("signContract", { id, signedOn: start });
    await expectRefused("renewSupportAgreement", { id, endsOn: addDays(start, 300), decidedOn: TOMORROW }, "input.decidedOn");
    await expectRefused("renewSupportAgreement", { id, endsOn: "2099-12-31", decidedOn: T }, "input.endsOn");
  });

  it("refuses amounts beyond a billion euros and amendments planned too far ahead", async () => {
    await expectRefused(
      "draftSupportAgreement",
      {
        personId: await admitted(),
        startsOn: T,
        endsOn: addDays(T, 100),
        supportGiven: "Suivi",
        legal: supportAgreementLegalInput(),
        revenueGoalCents: OVER_MAX,
      },
      "input.revenueGoalCents",
    );
    const start = addDays(T, -30);
    const employment = {
      personId: await admitted(),
      type: "OPEN_ENDED",
      startsOn: start,
      monthlyHours: "80",
      fixedMonthlyPayCents: String(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, start, 8000)),
      variablePay: "Résultat de l'activité",
      legal: employmentLegalInput(),
      directHireReason: "Clientèle déjà constituée",
    };
    await expectRefused("draftEmploymentContract", { ...employment, fixedMonthlyPayCents: OVER_MAX }, "input.fixedMonthlyPayCents");
    const id = await made("draftEmploymentContract", employment);
    await expectRefused("updateContractDraft", { id, fixedMonthlyPayCents: "999999999999999999" }, "input.fixedMonthlyPayCents");
    await made("signContract", { id, signedOn: addDays(start, -1) });
    const amendment = { id, effectiveOn: addDays(T, 10), reason: "Plus d'heures" };
    await expectRefused("amendEmploymentContract", { ...amendment, fixedMonthlyPayCents: OVER_MAX }, "input.fixedMonthlyPayCents");
    await expectRefused(
      "amendEmploymentContract",
      { ...amendment, effectiveOn: TOO_FAR, fixedMonthlyPayCents: "300000" },
      "input.effectiveOn",
    );
    await made("amendEmploymentContract", { ...amendment, fixedMonthlyPayCents: "300000" });
  });
});
