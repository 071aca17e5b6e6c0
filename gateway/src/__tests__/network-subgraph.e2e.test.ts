import { todayInFrance } from "@cae/shared";
import { pdfText, startTestNetwork, type GraphQLResult, type TestNetwork } from "@cae/tools";

const ALPES = "alpes-entreprendre";
const GARONNE = "garonne-activites";

const COOPERATIVE = `query ($id: ID!) { cooperative(id: $id) { id name region charterInForce { charterVersion inForce } } }`;
const PEOPLE = `query ($id: ID!) { cooperative(id: $id) { people(first: 2) { totalCount } } }`;
const REGISTER = `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperativeId name joinedOn } }`;
const WITHDRAW = `mutation ($input: WithdrawCooperativeInput!) { withdrawCooperative(input: $input) { cooperativeId withdrawnOn } }`;
const CHARTER = `mutation ($input: RecordCharterAdherenceInput!) { recordCharterAdherence(input: $input) { charterVersion inForce } }`;
const TRAIL = `{ networkAuditTrail(first: 10, entityId: "${GARONNE}") { edges { node { action actorSubject actorRole } } } }`;

/** Asks again until `done` holds: the gateway reads the registry every 200 ms here; no deadline but the test's own. */
async function until<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  for (;;) {
    const answer = await ask();
    if (done(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Any answer's data, read by its paths: each is checked by the assertions that read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads answers of many shapes by their paths
type Answer = Record<string, any>;

/** The data of an answer that must have no errors. */
function dataOf(result: GraphQLResult): Answer {
  expect(result.errors).toBeUndefined();
  return result.data as Answer;
}

/** A CSV report's lines, each as its fields (without the byte order mark). */
const csvLines = (csv: string) =>
  csv
    .slice(1)
    .split("\r\n")
    .map((line) => line.split(";"));

describe("the network's own subgraph through the gateway: its registry followed without a restart, a committee prepared end to end", () => {
  let network: TestNetwork;
  const tokens: Record<string, string> = {};
  let garonneUrls: Record<string, string>;

  beforeAll(async () => {
    network = await startTestNetwork([ALPES], { networkSubgraph: true });
    garonneUrls = await network.startCooperative(GARONNE);
    tokens.admin = await network.token({ sub: "network-admin", role: "NETWORK_ADMIN" });
    tokens.analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    tokens.coopAdmin = await network.token({ sub: "admin-a", role: "COOP_ADMIN", coop: ALPES });
    tokens.garonne = await network.token({ sub: "counselor-g", role: "COUNSELOR", coop: GARONNE });
  });
  afterAll(() => network?.stop());

  it("joins a cooperative's registry entry with its charter, read from the network's subgraph", async () => {
    const { data, errors } = await network.query(COOPERATIVE, { id: ALPES }, tokens.analyst);
    expect(errors).toBeUndefined();
    expect(data!.cooperative).toEqual({ id: ALPES, name: `Coopérative ${ALPES}`, region: "Auvergne-Rhône-Alpes", charterInForce: null });
    const signed = await network.query(
      CHARTER,
      { input: { cooperativeId: ALPES, charterVersion: "2024", signedOn: "2024-06-01", signatory: "Claire Martin, gérante" } },
      tokens.admin,
    );
    expect(signed.errors).toBeUndefined();
    const after = await network.query(COOPERATIVE, { id: ALPES }, tokens.analyst);
    expect(after.data!.cooperative).toMatchObject({ charterInForce: { charterVersion: "2024", inForce: true } });
  });

  it("refuses a cooperative's admin a change to the registry, through the gateway", async () => {
    const { errors } = await network.query(
      REGISTER,
      { input: { cooperativeId: GARONNE, name: "Garonne Activités", region: "Occitanie", endpoints: garonneUrls } },
      tokens.coopAdmin,
    );
    expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await network.query(COOPERATIVE, { id: GARONNE }, tokens.analyst)).data!.cooperative).toBeNull();
  });

  it("routes to a cooperative registered through the API within seconds, and stops when it is withdrawn", async () => {
    // Not in the registry yet: the gateway knows no such cooperative.
    const unknown = await network.query(PEOPLE, { id: GARONNE }, tokens.garonne);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.cooperative).toBeNull();

    const registered = await network.query(
      REGISTER,
      { input: { cooperativeId: GARONNE, name: "Garonne Activités", region: "Occitanie", departement: "31", endpoints: garonneUrls } },
      tokens.admin,
    );
    expect(registered.errors).toBeUndefined();

    // The same gateway process, not restarted: it follows the network's registry.
    const listed = await until(
      () => network.query(COOPERATIVE, { id: GARONNE }, tokens.analyst),
      (answer) => answer.data?.cooperative != null,
    );
    expect(listed.data!.cooperative).toMatchObject({ id: GARONNE, name: "Garonne Activités", region: "Occitanie" });
    const people = await network.query(PEOPLE, { id: GARONNE }, tokens.garonne);
    expect(people.errors).toBeUndefined();
    expect((people.data!.cooperative as { people: { totalCount: number } }).people.totalCount).toBeGreaterThan(0);
    expect(network.registry.cooperatives.find((c) => c.id === GARONNE)).toMatchObject({ departement: "31" });

    const withdrawn = await network.query(
      WITHDRAW,
      {
        input: {
          cooperativeId: GARONNE,
          withdrawnOn: (registered.data!.registerCooperative as { joinedOn: string }).joinedOn,
          reason: "Test over",
        },
      },
      tokens.admin,
    );
    expect(withdrawn.errors).toBeUndefined();
    await until(
      () => network.query(COOPERATIVE, { id: GARONNE }, tokens.analyst),
      (answer) => answer.data?.cooperative === null,
    );
    const gone = await network.query(PEOPLE, { id: GARONNE }, tokens.garonne);
    expect(gone.data!.cooperative).toBeNull();
    // Nor is anything of it routed: a person's global ID of that cooperative finds no cooperative.
    const person = await network.query(
      `query ($id: ID!) { person(id: $id) { id } }`,
      { id: `${GARONNE}:00000000-0000-4000-8000-000000000001` },
      tokens.garonne,
    );
    expect(person.errors?.[0].extensions?.code).toBe("NOT_FOUND");

    const trail = await network.query(TRAIL, {}, tokens.admin);
    expect(trail.errors).toBeUndefined();
    const actions = (trail.data!.networkAuditTrail as { edges: { node: { action: string; actorSubject: string } }[] }).edges.map((edge) => [
      edge.node.action,
      edge.node.actorSubject,
    ]);
    expect(actions).toEqual([
      ["withdrawCooperative", "network-admin"],
      ["registerCooperative", "network-admin"],
    ]);
  });

  it("prepares a steering committee end to end: its agreement's report for the meeting's period, then minutes and decisions", async () => {
    const admin = (query: string, variables: Record<string, unknown>) => network.query(query, variables, tokens.admin).then(dataOf);
    const today = todayInFrance();
    const { createPartner: partner } = await admin(
      `mutation ($input: CreateNetworkPartnerInput!) { createPartner(input: $input) { id } }`,
      {
        input: { name: "DREETS Auvergne-Rhône-Alpes", kind: "STATE" },
      },
    );
    const { signFundingAgreement: agreement } = await admin(
      `mutation ($input: SignFundingAgreementInput!) { signFundingAgreement(input: $input) { id cooperativeIds } }`,
      {
        input: {
          partnerId: partner.id,
          reference: "DREETS-ARA-2026-07",
          title: "Accompagnement à la création d'activité",
          territory: { kind: "REGION", region: "Auvergne-Rhône-Alpes" },
          startsOn: "2026-01-01",
          endsOn: "2026-12-31",
          amountCents: "8000000",
          signedOn: "2025-12-10",
          indicatorsOwed: ["SUPPORTED", "ENTRIES", "FOLLOW_UPS"],
        },
      },
    );
    expect(agreement.cooperativeIds).toEqual([ALPES]);
    const { createCommittee: committee } = await admin(
      `mutation ($input: CreateCommitteeInput!) { createCommittee(input: $input) { id } }`,
      {
        input: { kind: "STEERING", name: "Comité de pilotage DREETS ARA", fundingAgreementId: agreement.id },
      },
    );
    const member = (fullName: string, organisation: string, role: string) =>
      admin(`mutation ($input: AddCommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }`, {
        input: { committeeId: committee.id, fullName, organisation, role, joinedOn: "2026-01-15" },
      }).then((data) => data.addCommitteeMember.id as string);
    const members = [await member("Hélène Roux", "DREETS", "Présidente"), await member("Paul Girard", "Réseau", "Chargé de mission")];
    await admin(`mutation ($input: ScheduleCommitteeMeetingInput!) { scheduleCommitteeMeeting(input: $input) { id } }`, {
      input: {
        committeeId: committee.id,
        scheduledOn: today,
        place: "Lyon",
        agenda: ["Bilan de l'année", "Suites à donner"],
        periodFrom: "2026-01-01",
        periodTo: "2026-12-31",
      },
    });

    // What the committee is handed, in one question through the gateway: the network's subgraph gives
    // the committee, its agenda and its agreement; the gateway, the agreement's report for the period.
    const { committee: pack } = dataOf(
      await network.query(
        `query ($id: ID!, $from: Date!, $to: Date!) { committee(id: $id) { name members { fullName organisation }
          nextMeeting { id agenda periodFrom periodTo }
          fundingAgreement { title reference reportCsv(from: $from, to: $to) reportPdf(from: $from, to: $to) } } }`,
        { id: committee.id, from: "2026-01-01", to: "2026-12-31" },
        tokens.analyst,
      ),
    );
    expect(pack.nextMeeting).toMatchObject({
      agenda: ["Bilan de l'année", "Suites à donner"],
      periodFrom: "2026-01-01",
      periodTo: "2026-12-31",
    });
    const report = csvLines(pack.fundingAgreement.reportCsv);
    expect(report[1]).toEqual([
      "Périmètre",
      // The region's cooperatives are the network's only one here.
      "Accompagnement à la création d'activité (convention DREETS-ARA-2026-07) – Ensemble du réseau",
    ]);
    const titles = report
      .filter((line, i) => i > 0 && report[i - 1].length === 1 && report[i - 1][0] === "" && line.length === 1)
      .map((line) => line[0]);
    expect(titles).toEqual([
      "Personnes accompagnées",
      "Entrées dans le parcours",
      "Suivi 6 mois après la sortie",
      "Suivi 12 mois après la sortie",
    ]);
    // Its figures are the network's own for the same cooperatives and period, under the same disclosure control.
    const { network: whole } = dataOf(
      await network.query(
        `{ network { indicators(from: "2026-01-01", to: "2026-12-31", cooperativeIds: ["${ALPES}"]) { funderReportCsv } } }`,
        {},
        tokens.analyst,
      ),
    );
    const territory = csvLines(whole.indicators.funderReportCsv);
    const rowsOf = (lines: string[][], title: string) => {
      const start = lines.findIndex((line) => line.length === 1 && line[0] === title);
      const end = lines.findIndex((line, i) => i > start && line.length === 1 && line[0] === "");
      return lines.slice(start, end < 0 ? undefined : end);
    };
    for (const title of titles) expect(rowsOf(report, title)).toEqual(rowsOf(territory, title));
    const pdf = await pdfText(Buffer.from(pack.fundingAgreement.reportPdf, "base64"));
    expect(pdf).toContain("convention DREETS-ARA-2026-07");
    expect(pdf).not.toContain("Personnes sous contrat");

    // The meeting held: minutes with who attended, a decision, approval; the decision waits for the next meeting.
    await admin(`mutation ($input: RecordCommitteeMinutesInput!) { recordCommitteeMinutes(input: $input) { id } }`, {
      input: { meetingId: pack.nextMeeting.id, heldOn: today, attendeeIds: members, minutes: "Le comité a examiné le rapport de l'année." },
    });
    await admin(`mutation ($input: RecordCommitteeDecisionInput!) { recordCommitteeDecision(input: $input) { id } }`, {
      input: { meetingId: pack.nextMeeting.id, text: "Transmettre le rapport signé à la DREETS", owner: "Réseau" },
    });
    await admin(`mutation ($input: ApproveCommitteeMinutesInput!) { approveCommitteeMinutes(input: $input) { id } }`, {
      input: { meetingId: pack.nextMeeting.id, approvedOn: today },
    });
    const { committee: after } = dataOf(
      await network.query(
        `query ($id: ID!) { committee(id: $id) { openDecisions { text owner } meetings { status minutesApprovedOn attendees { fullName } } } }`,
        { id: committee.id },
        tokens.analyst,
      ),
    );
    expect(after.openDecisions).toEqual([{ text: "Transmettre le rapport signé à la DREETS", owner: "Réseau" }]);
    expect(after.meetings).toEqual([
      { status: "HELD", minutesApprovedOn: today, attendees: [{ fullName: "Hélène Roux" }, { fullName: "Paul Girard" }] },
    ]);

    // A cooperative's admin reads none of it; its report refuses a period outside the agreement.
    const refused = await network.query(`query ($id: ID!) { committee(id: $id) { name } }`, { id: committee.id }, tokens.coopAdmin);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const outside = await network.query(
      `query ($id: ID!) { fundingAgreement(id: $id) { reportCsv(from: "2025-01-01", to: "2025-12-31") } }`,
      { id: agreement.id },
      tokens.analyst,
    );
    expect(outside.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });

  it("keeps routing by the last registry while the network's subgraph is down, and says its own fields are unavailable", async () => {
    await network.networkSubgraph!.stop();
    const cooperative = await network.query(`query ($id: ID!) { cooperative(id: $id) { id name } }`, { id: ALPES }, tokens.analyst);
    expect(cooperative.errors).toBeUndefined();
    expect(cooperative.data!.cooperative).toEqual({ id: ALPES, name: `Coopérative ${ALPES}` });
    const registry = await network.query(`{ registry { cooperativeId } }`, {}, tokens.analyst);
    expect(registry.errors?.[0].extensions?.code).toBe("NETWORK_UNAVAILABLE");
  });
});
