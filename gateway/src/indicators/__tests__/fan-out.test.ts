import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { DEFAULT_SUPERGRAPH_FILE } from "../../config";
import type { GatewayContext } from "../../context";
import { CooperativeFanOut, type SubgraphCall } from "../fan-out";

const supergraph = readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8");
const context = { caller: { subject: "gateway", role: "NETWORK_SERVICE" } } as GatewayContext;
const PERIOD = { from: ["Date!", "2026-01-01"], to: ["Date!", "2026-12-31"] } as const;
const FIELDS = [
  { alias: "members", name: "membersIndicators", rest: "(from: $from, to: $to) { receptions }" },
  { alias: "contracts", name: "contractsIndicators", rest: "(from: $from, to: $to) { signed }" },
  { alias: "finance", name: "financeIndicators", rest: "(from: $from, to: $to) { revenueExcludingVat }" },
];

type Sent = { subgraph: string; query: string; variables: Record<string, unknown> };

/** Subgraphs answering from `answers` (by subgraph), recording what they were sent. */
function subgraphs(answers: Record<string, () => { data?: Record<string, unknown>; errors?: { message: string }[] }>) {
  const sent: Sent[] = [];
  const call: SubgraphCall = async (subgraph, { request }) => {
    sent.push({ subgraph, query: request.query, variables: request.variables });
    const answer = answers[subgraph]?.();
    return answer ?? { errors: [{ message: `no ${subgraph}` }] };
  };
  return { sent, call };
}

describe("the indicators' questions to a cooperative's subgraphs", () => {
  it("asks each subgraph once, the one whose field @requires another after it, with the required values in its representation", async () => {
    const milestones = [{ personId: "p1", furthestContractKind: "EMPLOYMENT" }];
    const { sent, call } = subgraphs({
      contracts: () => ({ data: { _entities: [{ contracts: { signed: 3 }, contractMilestones: milestones }] } }),
      finance: () => ({ data: { _entities: [{ finance: { revenueExcludingVat: "10.00" } }] } }),
      members: () => ({ data: { _entities: [{ members: { receptions: 2 } }] } }),
    });
    const answer = await new CooperativeFanOut(supergraph, call).ask("alpes-entreprendre", FIELDS, PERIOD, context);

    // The milestones stay in transit: the answer holds the asked fields only.
    expect(answer).toEqual({ data: { members: { receptions: 2 }, contracts: { signed: 3 }, finance: { revenueExcludingVat: "10.00" } } });
    expect(sent.map((call) => call.subgraph)).toEqual(["contracts", "finance", "members"]);
    // Each query is valid GraphQL, declares the variables it uses and no other.
    for (const { query } of sent) expect(() => parse(query)).not.toThrow();
    expect(sent[0].query).toMatch(/contractMilestones \{/);
    expect(sent[0].variables).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
      representations: [{ __typename: "Cooperative", id: "alpes-entreprendre" }],
    });
    expect(sent[2].variables.representations).toEqual([
      { __typename: "Cooperative", id: "alpes-entreprendre", contractMilestones: milestones },
    ]);
  });

  it("declares only the variables a subgraph's fields use", async () => {
    const { sent, call } = subgraphs({ members: () => ({ data: { _entities: [{ funderIndicators: [] }] } }) });
    const funder = { alias: "funderIndicators", name: "funderIndicators", rest: "(periods: $periods) { from }" };
    const periods = [{ from: "2026-01-01", to: "2026-03-31" }];
    const answer = await new CooperativeFanOut(supergraph, call).ask(
      "alpes-entreprendre",
      [funder],
      { ...PERIOD, periods: ["[FunderPeriodInput!]!", periods] },
      context,
    );
    expect(answer).toEqual({ data: { funderIndicators: [] } });
    expect(sent[0].query).toMatch(/^query \(\$representations: \[_Any!\]!, \$periods: \[FunderPeriodInput!\]!\)/);
    expect(sent[0].variables).toEqual({ periods, representations: [{ __typename: "Cooperative", id: "alpes-entreprendre" }] });
  });

  it("stops at a wave with an error: no data, the subgraph's errors, and the requiring subgraph not asked", async () => {
    const { sent, call } = subgraphs({
      contracts: () => ({ errors: [{ message: 'Cooperative "alpes-entreprendre" did not answer for contracts: ECONNREFUSED' }] }),
      finance: () => ({ data: { _entities: [{ finance: {} }] } }),
      members: () => ({ data: { _entities: [{ members: {} }] } }),
    });
    const answer = await new CooperativeFanOut(supergraph, call).ask("alpes-entreprendre", FIELDS, PERIOD, context);
    expect(answer.data).toBeNull();
    expect(answer.errors?.map((error) => error.message)).toEqual([
      'Cooperative "alpes-entreprendre" did not answer for contracts: ECONNREFUSED',
    ]);
    expect(sent.map((call) => call.subgraph)).toEqual(["contracts", "finance"]);
  });

  it("takes a missing entity for a failure, and refuses a field the supergraph does not place", async () => {
    const { call } = subgraphs({ finance: () => ({ data: { _entities: [null] } }) });
    const fanOut = new CooperativeFanOut(supergraph, call);
    const missing = await fanOut.ask("alpes-entreprendre", [FIELDS[2]], PERIOD, context);
    expect(missing).toEqual({ data: null, errors: [{ message: "The cooperative's subgraph answered without its entity" }] });
    await expect(fanOut.ask("alpes-entreprendre", [{ alias: "x", name: "noSuchField", rest: "" }], PERIOD, context)).rejects.toThrow(
      "The supergraph does not say which subgraph resolves Cooperative.noSuchField",
    );
  });
});
