import { badUserInput, forbidden, type Caller, lastDayOfMonth, monthsOverlapping, periodDates } from "@cae/shared";
import type { GatewayContext } from "../context";
import type { Registry, RegistryEntry } from "../registry/registry";
import type { IndicatorsCache } from "./cache";
import {
  addContracts,
  addFinance,
  addMembers,
  emptyFigures,
  periodsOf,
  SOURCE_SELECTIONS,
  YEAR_SELECTIONS,
  yearFigures,
  type ContractsMonthPart,
  type ContractsPart,
  type Figures,
  type FinanceYearPart,
  type FinancePart,
  type MembersMonthPart,
  type MembersPart,
  type Source,
  type YearFigures,
} from "./figures";
import { FUNDER_FIELD, funderMeasures, hasFunderMeasures, type FunderPart } from "./funder";
import type { CooperativeFanOut, CooperativeField } from "./fan-out";
import type { MissingCooperative, NetworkIndicators, NetworkIndicatorsArgs, RegionIndicators } from "./indicators.type";
import { figuresView, indicatorSet, monthIndicators, releaseView, sumView, unavailableView, type View } from "./present";
import { buildRelease, DEFAULT_RULES, type DisclosureRules, type Release } from "./release";

export interface IndicatorsConfig extends DisclosureRules {
  /** How long a complete answer is kept; 0 keeps nothing. */
  cacheSeconds: number;
  /** Redis shared by the gateway's replicas; the process's memory when absent. */
  redisUrl?: string;
  /** Prefix of the cache's Redis keys. */
  cachePrefix: string;
}

export const DEFAULT_INDICATORS_CONFIG: IndicatorsConfig = { ...DEFAULT_RULES, cacheSeconds: 300, cachePrefix: "cae-indicators:" };

/** Who sees what: network roles see controlled figures of every cooperative, a cooperative's staff their own, exact. */
type Visibility = { kind: "network" } | { kind: "cooperative"; cooperativeId: string };

type Answer<F = Figures> = { entry: RegistryEntry; figures: F } | { entry: RegistryEntry; failure: string };

const MAX_MONTHS = 36;
/** How long the last complete release of a year is kept to answer while a cooperative is missing. */
export const LAST_RELEASE_SECONDS = 31 * 24 * 3600;

/** The periods a network role may ask: a calendar month, quarter or year. */
export function networkPeriod(from: string, to: string): { year: number; period: string; months: string[] } {
  const allowed =
    "network roles may ask for a calendar month, a calendar quarter or a calendar year (from its first day to its last day, e.g. 2026-04-01 to 2026-06-30)";
  if (!/^\d{4}-\d{2}-01$/.test(from)) throw badUserInput(`from must be the first day of a month: ${allowed}`, "from");
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  const lastDay = (y: number, m: number) => lastDayOfMonth(`${y}-${String(m).padStart(2, "0")}-01`);
  const key = from.slice(0, 7);
  if (to === lastDay(year, month)) return { year, period: key, months: [key] };
  if ((month - 1) % 3 === 0 && to === lastDay(year, month + 2))
    return { year, period: `${year}-Q${(month + 2) / 3}`, months: monthsOverlapping(from, to) };
  if (month === 1 && to === lastDay(year, 12)) return { year, period: String(year), months: monthsOverlapping(from, to) };
  throw badUserInput(`to must be the last day of the month, quarter or year starting on from: ${allowed}`, "to");
}

export class IndicatorsService {
  /** How many cooperatives were asked since start (a cache hit asks none). */
  fanOuts = 0;
  /** How many protected releases were built since start. */
  releasesBuilt = 0;
  /** What the last release cost: the cooperatives' answers, then its protection (for the benchmark). */
  lastBuild?: { fanOutMs: number; protectMs: number; cells: number; suppressed: number };
  /** A period's figures, and a whole year's, as fields of the cooperative. */
  private readonly fields: CooperativeField[];
  private readonly yearFields: CooperativeField[];
  /** Releases being built, so that simultaneous cold questions wait for one build. */
  private readonly building = new Map<string, Promise<Kept>>();
  /** Answers already cut from a release (keyed by the release, the period and the selection). */
  private readonly slices = new Map<string, NetworkIndicators>();
  /** The last release read from the cache, parsed: a warm question does not parse it again. */
  private parsed?: { text: string; release: Release };

  constructor(
    private readonly registry: Registry,
    /** Asks each cooperative's subgraphs for its figures (`@requires` and the sharded routing apply). */
    private readonly fanOut: CooperativeFanOut,
    /** The parts whose field the supergraph has: a part still to come is said unavailable, never made up. */
    readonly sources: readonly Source[],
    private readonly config: IndicatorsConfig,
    private readonly timeoutMs: number,
    private readonly cache: IndicatorsCache,
    /** Where each release's fan-out time goes (the gateway's metrics). */
    private readonly fanOutSeconds?: { observe(seconds: number): void },
    /** Whether the supergraph has the members subgraph's funders' figures (`Cooperative.funderIndicators`). */
    private readonly funder = false,
  ) {
    const fields = (selections: typeof SOURCE_SELECTIONS): CooperativeField[] =>
      sources.map((source) => ({
        alias: source,
        name: selections[source].field,
        rest: `(from: $from, to: $to) { ${selections[source].selection} }`,
      }));
    this.fields = fields(SOURCE_SELECTIONS);
    this.yearFields = fields(YEAR_SELECTIONS);
  }

  get unavailableSources(): Source[] {
    return (["members", "contracts", "finance"] as const).filter((source) => !this.sources.includes(source));
  }

  private get rules(): DisclosureRules {
    const { minCount, minActivities, dominancePercent, protectionPercent } = this.config;
    return { minCount, minActivities, dominancePercent, protectionPercent };
  }

  async indicators(args: NetworkIndicatorsArgs, ctx: GatewayContext): Promise<NetworkIndicators> {
    const { from, to } = args;
    if (from > to) throw badUserInput("from must not be after to", "from");
    const visibility = visibilityOf(ctx.caller);
    if (visibility.kind === "network") {
      const period = networkPeriod(from, to);
      const selection = this.selection(args, visibility);
      const kept = await this.release(period.year, ctx.asNetworkService?.() ?? ctx);
      const answer = this.sliceOnce(kept, selection, from, to, period.period, period.months);
      this.report(ctx, answer);
      return answer;
    }
    if (monthsOverlapping(from, to).length > MAX_MONTHS)
      throw badUserInput(`The period may span ${MAX_MONTHS} calendar months at most`, "to");
    const selection = this.selection(args, visibility);
    const key = JSON.stringify([visibility, from, to, [...selection].sort(), this.sources]);

    const cached = this.config.cacheSeconds > 0 ? await this.cache.get(key) : undefined;
    if (cached) {
      const answer = JSON.parse(cached) as NetworkIndicators;
      const generatedAt = new Date(answer.generatedAt);
      this.report(ctx, answer);
      return { ...answer, generatedAt, ageSeconds: Math.max(0, Date.now() - generatedAt.getTime()) / 1000 };
    }
    const asked = this.registry.cooperatives.filter((c) => selection.has(c.id));
    const generatedAt = new Date();
    const answers = await Promise.all(asked.map((entry) => this.ask(entry, from, to, ctx)));
    const answer = this.exact(answers, from, to, generatedAt);
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

  /** The key of a year's release: the year, the rules, the sources and the network's cooperatives (and regions). */
  private releaseKey(year: number): string {
    const cooperatives = this.registry.cooperatives.map((c) => [c.id, c.region]).sort();
    return JSON.stringify(["release", year, this.rules, this.sources, cooperatives]);
  }

  /**
   * The protected release of `year`: the kept one, or built once from every cooperative's year.
   * When a cooperative is missing, no partial release is built (its suppression pattern would
   * differ from the complete one's): the last complete release is served if one is kept.
   */
  async release(year: number, ctx: GatewayContext): Promise<Kept> {
    const key = this.releaseKey(year);
    if (this.config.cacheSeconds > 0) {
      const text = await this.cache.get(key);
      if (text) return { release: this.parse(text), missing: [] };
    }
    let build = this.building.get(key);
    if (!build) {
      build = this.build(year, key, ctx).finally(() => this.building.delete(key));
      this.building.set(key, build);
    }
    return build;
  }

  private parse(text: string): Release {
    if (this.parsed?.text !== text) this.parsed = { text, release: JSON.parse(text) as Release };
    return this.parsed.release;
  }

  private async build(year: number, key: string, ctx: GatewayContext): Promise<Kept> {
    const started = performance.now();
    const askedAt = new Date();
    const answers = await Promise.all(
      this.registry.cooperatives.map((entry) => this.ask(entry, `${year}-01-01`, `${year}-12-31`, ctx, year)),
    );
    const missing: MissingCooperative[] = answers.flatMap((a) =>
      "failure" in a ? [{ id: a.entry.id, name: a.entry.name, reason: a.failure }] : [],
    );
    if (missing.length > 0) {
      const last = this.config.cacheSeconds > 0 ? await this.cache.get(`last:${key}`) : undefined;
      return { release: last ? this.parse(last) : undefined, missing };
    }
    const answered = performance.now();
    this.fanOutSeconds?.observe((answered - started) / 1000);
    const figures = answers.map((a) => (a as Extract<Answer<YearFigures>, { figures: YearFigures }>).figures);
    // The funders' figures add up only if every cooperative gives them (one on an earlier release does not): else none are released.
    if (!figures.every((cooperative) => hasFunderMeasures(cooperative.get(String(year)))))
      for (const cooperative of figures)
        for (const measures of cooperative.values()) for (const key of [...measures.keys()]) if (key.startsWith("f.")) measures.delete(key);
    const release = buildRelease(
      year,
      answers.map((a, i) => ({
        cooperative: { id: a.entry.id, name: a.entry.name, region: a.entry.region },
        figures: figures[i],
      })),
      this.rules,
      askedAt,
    );
    this.releasesBuilt++;
    this.lastBuild = {
      fanOutMs: answered - started,
      protectMs: performance.now() - answered,
      cells: release.values.length,
      suppressed: release.values.filter((value) => value === null).length,
    };
    if (this.config.cacheSeconds > 0) {
      const text = JSON.stringify(release);
      this.parsed = { text, release };
      await this.cache.set(key, text, this.config.cacheSeconds);
      await this.cache.set(`last:${key}`, text, LAST_RELEASE_SECONDS);
    }
    return { release, missing: [], fresh: true };
  }

  /** One cooperative's figures through the federated plan, within the deadline whatever the plan's steps. */
  private ask(entry: RegistryEntry, from: string, to: string, ctx: GatewayContext): Promise<Answer>;
  private ask(entry: RegistryEntry, from: string, to: string, ctx: GatewayContext, year: number): Promise<Answer<YearFigures>>;
  private async ask(
    entry: RegistryEntry,
    from: string,
    to: string,
    ctx: GatewayContext,
    year?: number,
  ): Promise<Answer<Figures | YearFigures>> {
    this.fanOuts++;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Answer<Figures | YearFigures>>((resolve) => {
      timer = setTimeout(() => resolve({ entry, failure: `no answer within ${this.timeoutMs} ms` }), this.timeoutMs);
    });
    const fields = year === undefined ? this.fields : this.yearFields;
    const periods = year === undefined ? [{ key: "", from, to }] : yearPeriods(year);
    const asked = Promise.all([
      this.fanOut.ask(entry.id, fields, { from: ["Date!", from], to: ["Date!", to] }, { ...ctx, extraErrors: [] }),
      this.funderFigures(entry, periods, ctx),
    ]);
    const answer = asked.then(
      ([result, funder]): Answer<Figures | YearFigures> => {
        const cooperative = result.data;
        const error = result.errors?.[0];
        if (error || !cooperative) return { entry, failure: error?.message ?? "no figures" };
        try {
          if (year !== undefined) {
            const figures = yearFigures(year, {
              members: this.sources.includes("members") ? (cooperative.members as { monthly: MembersMonthPart[] }) : undefined,
              contracts: this.sources.includes("contracts") ? (cooperative.contracts as { monthly: ContractsMonthPart[] }) : undefined,
              finance: this.sources.includes("finance") ? (cooperative.finance as FinanceYearPart) : undefined,
            });
            // Each period's own figures (a quarter's people supported are not its months' sum), in the order asked.
            funder?.forEach((measures, i) => {
              for (const [key, value] of measures) figures.get(periods[i].key)!.set(key, value);
            });
            return { entry, figures };
          }
          const figures = emptyFigures();
          if (this.sources.includes("members")) addMembers(figures, cooperative.members as MembersPart);
          if (this.sources.includes("contracts")) addContracts(figures, cooperative.contracts as ContractsPart);
          if (this.sources.includes("finance")) addFinance(figures, cooperative.finance as FinancePart);
          for (const [key, value] of funder?.[0] ?? []) figures.period.set(key, value);
          return { entry, figures };
        } catch (failure) {
          return { entry, failure: `unreadable figures: ${failure instanceof Error ? failure.message : String(failure)}` };
        }
      },
      (failure: unknown): Answer<Figures | YearFigures> => ({
        entry,
        failure: failure instanceof Error ? failure.message : String(failure),
      }),
    );
    try {
      return await Promise.race([answer, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * One cooperative's funders' figures for each period, or none when it cannot give them (a members
   * subgraph of an earlier release): asked apart, so that they never make its other figures missing.
   */
  private async funderFigures(entry: RegistryEntry, periods: { from: string; to: string }[], ctx: GatewayContext) {
    if (!this.funder) return undefined;
    const variables = { periods: ["[FunderPeriodInput!]!", periods.map(({ from, to }) => ({ from, to }))] as const };
    const result = await this.fanOut.ask(entry.id, [FUNDER_FIELD], variables, { ...ctx, extraErrors: [] }).catch(() => undefined);
    const rows = (result?.data as { funderIndicators?: { figures: FunderPart }[] } | null | undefined)?.funderIndicators;
    if (result?.errors?.length || rows?.length !== periods.length) return undefined;
    try {
      return rows.map((row) => funderMeasures(row.figures));
    } catch {
      return undefined;
    }
  }

  /** The same slice of the same release is cut once: a warm question reads it (its age only changes). */
  private sliceOnce(
    kept: Kept,
    selection: ReadonlySet<string>,
    from: string,
    to: string,
    period: string,
    months: string[],
  ): NetworkIndicators {
    if (!kept.release) return this.slice(kept, selection, from, to, period, months);
    const key = `${kept.release.year}|${kept.release.generatedAt}|${period}|${[...selection].sort().join(",")}`;
    let answer = this.slices.get(key);
    if (!answer) {
      if (this.slices.size >= 256) this.slices.clear();
      answer = this.slice({ release: kept.release, missing: [] }, selection, from, to, period, months);
      this.slices.set(key, answer);
    }
    const age = kept.fresh ? 0 : Math.max(0, Date.now() - answer.generatedAt.getTime()) / 1000;
    return { ...answer, ageSeconds: age };
  }

  /** A network role's answer: a slice of the year's protected release (or every cell unavailable when there is none). */
  private slice(kept: Kept, selection: ReadonlySet<string>, from: string, to: string, period: string, months: string[]): NetworkIndicators {
    const { release } = kept;
    const entries = this.registry.cooperatives.filter((c) => selection.has(c.id)).sort((a, b) => a.id.localeCompare(b.id));
    const inRelease = (id: string) => !release || release.cooperatives.some((c) => c.id === id);
    const selected = entries.filter((c) => inRelease(c.id));
    const scope = (key: string, cooperatives: number): View =>
      release ? releaseView(release, key, period, cooperatives) : unavailableView(cooperatives);
    const allIds = release ? release.cooperatives.map((c) => c.id) : this.registry.cooperatives.map((c) => c.id);
    const regionMembers = (region: string) =>
      (release ? release.cooperatives : this.registry.cooperatives).filter((c) => c.region === region).map((c) => c.id);
    const viewOf = (group: RegistryEntry[]): View => {
      if (group.length === allIds.length) return scope("N", group.length);
      const region = group[0]?.region;
      const members = regionMembers(region);
      if (group.every((c) => c.region === region) && members.length === group.length) return scope(`R:${region}`, group.length);
      return sumView(group.map((c) => scope(`C:${c.id}`, 1)));
    };
    const generatedAt = release ? new Date(release.generatedAt) : new Date();
    return {
      from,
      to,
      generatedAt,
      ageSeconds: release && !kept.fresh ? Math.max(0, Date.now() - generatedAt.getTime()) / 1000 : 0,
      complete: release !== undefined,
      missingCooperatives: release ? [] : kept.missing,
      unavailableSources: this.unavailableSources,
      disclosureControl: true,
      minCount: this.config.minCount,
      totals: indicatorSet(viewOf(selected)),
      byCooperative: selected.map((c) => ({ id: c.id, name: c.name, region: c.region, indicators: indicatorSet(scope(`C:${c.id}`, 1)) })),
      byRegion: [...new Set(selected.map((c) => c.region))].sort().map((region) => {
        const group = selected.filter((c) => c.region === region);
        return { region, cooperativeIds: group.map((c) => c.id), indicators: indicatorSet(viewOf(group)) };
      }),
      monthly: months.map((month) => monthIndicators(viewOf(selected), month)),
    };
  }

  /** A cooperative's staff: their own cooperative's exact figures. */
  private exact(answers: Answer[], from: string, to: string, generatedAt: Date): NetworkIndicators {
    const months = monthsOverlapping(from, to);
    const answered = answers.filter((a): a is Extract<Answer, { figures: Figures }> => "figures" in a);
    const views = answered.map((a) => figuresView(a.figures, 1));
    // Nothing answered: nothing to add up (no zeros made up).
    const totals = views.length > 0 ? sumView(views) : unavailableView(0);
    const missingCooperatives: MissingCooperative[] = answers
      .filter((a): a is Extract<Answer, { failure: string }> => "failure" in a)
      .map((a) => ({ id: a.entry.id, name: a.entry.name, reason: a.failure }));
    const regions = [...new Set(answered.map((a) => a.entry.region))].sort();
    return {
      from,
      to,
      generatedAt,
      ageSeconds: 0,
      complete: missingCooperatives.length === 0,
      missingCooperatives,
      unavailableSources: this.unavailableSources,
      disclosureControl: false,
      minCount: this.config.minCount,
      totals: indicatorSet(totals),
      byCooperative: answered.map((a, i) => ({
        id: a.entry.id,
        name: a.entry.name,
        region: a.entry.region,
        indicators: indicatorSet(views[i]),
      })),
      byRegion: regions.map((region): RegionIndicators => {
        const group = answered.filter((a) => a.entry.region === region);
        return {
          region,
          cooperativeIds: group.map((a) => a.entry.id).sort(),
          indicators: indicatorSet(sumView(group.map((a) => views[answered.indexOf(a)]))),
        };
      }),
      monthly: months.map((month) => monthIndicators(totals, month)),
    };
  }

  /** What an answer covers, in words: the network, whole regions, or the cooperatives by name. */
  scopeOf(answer: NetworkIndicators): string {
    const names = answer.byCooperative.map((row) => row.name).join(", ");
    if (!answer.disclosureControl) return names;
    const all = this.registry.cooperatives;
    if (answer.byCooperative.length === all.length) return "Ensemble du réseau";
    const whole = answer.byRegion.every((row) => row.cooperativeIds.length === all.filter((c) => c.region === row.region).length);
    if (!whole) return names;
    const regions = answer.byRegion.map((row) => row.region);
    return regions.length === 1 ? `Région ${regions[0]}` : `Régions ${regions.join(", ")}`;
  }

  close(): Promise<void> {
    return this.cache.close();
  }
}

/** A year's release as kept, or none, with the cooperatives that were missing when it could not be built. */
export interface Kept {
  release?: Release;
  missing: MissingCooperative[];
  /** Built for this question (its age is 0). */
  fresh?: boolean;
}

/** A year's 17 periods, months first, as the release keys them. */
function yearPeriods(year: number): { key: string; from: string; to: string }[] {
  const { months, quarters, year: whole } = periodsOf(year);
  return [...months, ...quarters, whole].map((key) => ({ key, ...periodDates(key) }));
}

function visibilityOf(caller: Caller): Visibility {
  if (caller.role === "NETWORK_ANALYST" || caller.role === "NETWORK_ADMIN") return { kind: "network" };
  if (caller.role === "COUNSELOR" || caller.role === "COOP_ADMIN") return { kind: "cooperative", cooperativeId: caller.cooperativeId };
  throw forbidden("The network's indicators are for the network's staff and the cooperatives' staff");
}
