import type { GraphQLFormattedError } from "graphql";
import { badUserInput, forbidden, type Caller } from "@cae/shared";
import type { GatewayContext } from "../context";
import type { Registry, RegistryEntry } from "../registry/registry";
import type { IndicatorsCache } from "./cache";
import {
  addContracts,
  addFinance,
  addMembers,
  emptyFigures,
  monthsOf,
  SOURCE_SELECTIONS,
  sumFigures,
  type ContractsPart,
  type Figures,
  type FinancePart,
  type MembersPart,
  type Source,
} from "./figures";
import type {
  CooperativeIndicators,
  MissingCooperative,
  NetworkIndicators,
  NetworkIndicatorsArgs,
  RegionIndicators,
} from "./indicators.type";
import { indicatorSet, monthIndicators, scopeView, sumView, type View } from "./present";
import { controlledCells, DEFAULT_RULES, type DisclosureRules, type Reason, type Scope } from "./tables";

export interface IndicatorsConfig extends DisclosureRules {
  /** How long a complete answer is kept; 0 keeps nothing. */
  cacheSeconds: number;
  /** Redis shared by the gateway's replicas; the process's memory when absent. */
  redisUrl?: string;
  /** Prefix of the cache's Redis keys. */
  cachePrefix: string;
}

export const DEFAULT_INDICATORS_CONFIG: IndicatorsConfig = { ...DEFAULT_RULES, cacheSeconds: 300, cachePrefix: "cae-indicators:" };

/** Runs one operation through the gateway's own executor, so `@requires` and the sharded routing apply. */
export type Execute = (
  query: string,
  variables: Record<string, unknown>,
  context: GatewayContext,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

/** Who sees what: network roles see controlled figures of every cooperative, a cooperative's staff their own, exact. */
type Visibility = { kind: "network" } | { kind: "cooperative"; cooperativeId: string };

type Answer = { entry: RegistryEntry; figures: Figures } | { entry: RegistryEntry; failure: string };

const MAX_MONTHS = 36;

export class IndicatorsService {
  /** How many cooperatives were asked since start (a cache hit asks none). */
  fanOuts = 0;
  private readonly operation: string;

  constructor(
    private readonly registry: Registry,
    private readonly execute: Execute,
    /** The parts whose field the supergraph has: a part still to come is said unavailable, never made up. */
    readonly sources: readonly Source[],
    private readonly config: IndicatorsConfig,
    private readonly timeoutMs: number,
    private readonly cache: IndicatorsCache,
  ) {
    const fields = sources.map((source) => {
      const { field, selection } = SOURCE_SELECTIONS[source];
      return `${source}: ${field}(from: $from, to: $to) { ${selection} }`;
    });
    this.operation = `query NetworkIndicatorsFanOut($id: ID!, $from: Date!, $to: Date!) { cooperative(id: $id) { id ${fields.join(" ")} } }`;
  }

  get unavailableSources(): Source[] {
    return (["members", "contracts", "finance"] as const).filter((source) => !this.sources.includes(source));
  }

  async indicators(args: NetworkIndicatorsArgs, ctx: GatewayContext): Promise<NetworkIndicators> {
    const { from, to } = args;
    if (from > to) throw badUserInput("from must not be after to", "from");
    if (monthsOf(from, to).length > MAX_MONTHS) throw badUserInput(`The period may span ${MAX_MONTHS} calendar months at most`, "to");
    const visibility = visibilityOf(ctx.caller);
    const selection = this.selection(args, visibility);
    const key = JSON.stringify([visibility, from, to, [...selection].sort(), this.config.minCount, this.sources]);

    const cached = this.config.cacheSeconds > 0 ? await this.cache.get(key) : undefined;
    if (cached) {
      const answer = JSON.parse(cached) as NetworkIndicators;
      const generatedAt = new Date(answer.generatedAt);
      this.report(ctx, answer);
      return { ...answer, generatedAt, ageSeconds: Math.max(0, Date.now() - generatedAt.getTime()) / 1000 };
    }

    // Network roles: every cooperative is asked, whatever the selection, so that the hidden cells
    // are the same in every answer (a selection cannot undo the control of another one).
    const asked =
      visibility.kind === "network" ? this.registry.cooperatives : this.registry.cooperatives.filter((c) => selection.has(c.id));
    const generatedAt = new Date();
    const answers = await Promise.all(asked.map((entry) => this.ask(entry, from, to, ctx)));
    const answer = this.assemble(answers, selection, visibility, from, to, generatedAt);
    this.report(ctx, answer);
    if (answer.complete && this.config.cacheSeconds > 0) await this.cache.set(key, JSON.stringify(answer), this.config.cacheSeconds);
    return answer;
  }

  /** An incomplete answer or a missing part also gets a GraphQL error, so that no client takes it for the whole. */
  private report(ctx: GatewayContext, answer: NetworkIndicators) {
    for (const missing of answer.missingCooperatives) {
      ctx.extraErrors?.push({
        message: `Indicators incomplete: cooperative "${missing.id}" (${missing.name}) is missing: ${missing.reason}`,
        path: ["network", "indicators"],
        extensions: { code: "INCOMPLETE_INDICATORS", cooperativeId: missing.id },
      });
    }
    for (const source of answer.unavailableSources) {
      ctx.extraErrors?.push({
        message: `Indicators of the ${source} subgraph are unavailable: the network's schema has no Cooperative.${SOURCE_SELECTIONS[source as Source].field} yet`,
        path: ["network", "indicators"],
        extensions: { code: "INDICATORS_SOURCE_UNAVAILABLE", subgraph: source },
      });
    }
  }

  private selection(args: NetworkIndicatorsArgs, visibility: Visibility): Set<string> {
    const regions = new Set(this.registry.cooperatives.map((c) => c.region));
    for (const region of args.regions ?? []) {
      if (!regions.has(region))
        throw badUserInput(`No region "${region}" in the network's registry (known: ${[...regions].join(", ")})`, "regions");
    }
    for (const id of args.cooperativeIds ?? []) {
      if (!this.registry.cooperatives.some((c) => c.id === id))
        throw badUserInput(`No cooperative "${id}" in the network's registry`, "cooperativeIds");
    }
    if (visibility.kind === "cooperative") {
      const others = (args.cooperativeIds ?? []).filter((id) => id !== visibility.cooperativeId);
      if (others.length > 0) {
        throw forbidden(
          `A token of cooperative "${visibility.cooperativeId}" may read its own indicators only, not those of "${others[0]}"`,
        );
      }
    }
    const selected = this.registry.cooperatives.filter(
      (c) =>
        (!args.regions || args.regions.includes(c.region)) &&
        (!args.cooperativeIds || args.cooperativeIds.includes(c.id)) &&
        (visibility.kind === "network" || c.id === visibility.cooperativeId),
    );
    if (selected.length === 0) throw badUserInput("No cooperative matches both the regions and the cooperativeIds given", "regions");
    return new Set(selected.map((c) => c.id));
  }

  /** One cooperative's figures through the federated plan, within the deadline whatever the plan's steps. */
  private async ask(entry: RegistryEntry, from: string, to: string, ctx: GatewayContext): Promise<Answer> {
    this.fanOuts++;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Answer>((resolve) => {
      timer = setTimeout(() => resolve({ entry, failure: `no answer within ${this.timeoutMs} ms` }), this.timeoutMs);
    });
    const answer = this.execute(this.operation, { id: entry.id, from, to }, { ...ctx, extraErrors: [] }).then(
      (result): Answer => {
        const cooperative = result.data?.cooperative as Record<string, unknown> | null | undefined;
        const error = result.errors?.[0];
        if (error || !cooperative) return { entry, failure: error?.message ?? "no figures" };
        try {
          const figures = emptyFigures();
          if (this.sources.includes("members")) addMembers(figures, cooperative.members as MembersPart);
          if (this.sources.includes("contracts")) addContracts(figures, cooperative.contracts as ContractsPart);
          if (this.sources.includes("finance")) addFinance(figures, cooperative.finance as FinancePart);
          return { entry, figures };
        } catch (failure) {
          return { entry, failure: `unreadable figures: ${failure instanceof Error ? failure.message : String(failure)}` };
        }
      },
      (failure: unknown): Answer => ({ entry, failure: failure instanceof Error ? failure.message : String(failure) }),
    );
    try {
      return await Promise.race([answer, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private assemble(
    answers: Answer[],
    selection: ReadonlySet<string>,
    visibility: Visibility,
    from: string,
    to: string,
    generatedAt: Date,
  ): NetworkIndicators {
    const months = monthsOf(from, to);
    const answered = answers.filter((a): a is Extract<Answer, { figures: Figures }> => "figures" in a);
    const cooperativeScopes = answered.map((a): Scope => ({ key: `C:${a.entry.id}`, level: 0, figures: a.figures, parts: [] }));
    const regionNames = [...new Set(answered.map((a) => a.entry.region))].sort();
    const regionScopes = regionNames.map((region): Scope => {
      const members = answered.filter((a) => a.entry.region === region);
      return {
        key: `R:${region}`,
        level: 1,
        figures: sumFigures(members.map((m) => m.figures)),
        parts: members.map((m) => `C:${m.entry.id}`),
      };
    });
    const networkScope: Scope = {
      key: "N",
      level: 2,
      figures: sumFigures(answered.map((a) => a.figures)),
      parts: cooperativeScopes.map((s) => s.key),
      monthParts: regionScopes.map((s) => s.key),
    };
    const control = visibility.kind === "network";
    const hidden: Map<string, Reason> = control
      ? controlledCells([...cooperativeScopes, ...regionScopes, networkScope], months, this.config)
      : new Map();

    const selected = answered.filter((a) => selection.has(a.entry.id));
    const coopView = (a: (typeof answered)[number]) => scopeView(cooperativeScopes[answered.indexOf(a)], 1, hidden, control);
    const viewOf = (group: typeof answered): View => {
      if (group.length === answered.length) return scopeView(networkScope, group.length, hidden);
      const region = regionScopes.find((scope) => {
        const members = answered.filter((a) => `R:${a.entry.region}` === scope.key);
        return members.length === group.length && members.every((m) => group.includes(m));
      });
      return region ? scopeView(region, group.length, hidden) : sumView(group.map(coopView));
    };

    const byCooperative: CooperativeIndicators[] = [...selected]
      .sort((a, b) => a.entry.id.localeCompare(b.entry.id))
      .map((a) => ({ id: a.entry.id, name: a.entry.name, region: a.entry.region, indicators: indicatorSet(coopView(a)) }));
    const byRegion: RegionIndicators[] = [...new Set(selected.map((a) => a.entry.region))].sort().map((region) => {
      const group = selected.filter((a) => a.entry.region === region);
      return { region, cooperativeIds: group.map((a) => a.entry.id).sort(), indicators: indicatorSet(viewOf(group)) };
    });
    const totals = viewOf(selected);
    const missingCooperatives: MissingCooperative[] = answers
      .filter((a): a is Extract<Answer, { failure: string }> => "failure" in a && selection.has(a.entry.id))
      .map((a) => ({ id: a.entry.id, name: a.entry.name, reason: a.failure }));
    return {
      from,
      to,
      generatedAt,
      ageSeconds: 0,
      complete: missingCooperatives.length === 0,
      missingCooperatives,
      unavailableSources: this.unavailableSources,
      disclosureControl: control,
      minCount: this.config.minCount,
      totals: indicatorSet(totals),
      byCooperative,
      byRegion,
      monthly: months.map((month) => monthIndicators(totals, month)),
    };
  }

  close(): Promise<void> {
    return this.cache.close();
  }
}

function visibilityOf(caller: Caller): Visibility {
  if (caller.role === "NETWORK_ANALYST" || caller.role === "NETWORK_ADMIN") return { kind: "network" };
  if (caller.role === "COUNSELOR" || caller.role === "COOP_ADMIN") return { kind: "cooperative", cooperativeId: caller.cooperativeId };
  throw forbidden("The network's indicators are for the network's staff and the cooperatives' staff");
}
