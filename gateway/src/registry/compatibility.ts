import { buildSubgraph, Supergraph } from "@apollo/federation-internals";
import { SUBGRAPH_NAMES, type Logger, type SubgraphName } from "@cae/shared";
import { BreakingChangeType, findBreakingChanges, type GraphQLSchema } from "graphql";
import type { Registry } from "./registry";

/**
 * What the supergraph expects of one subgraph and a cooperative's instance lacks: each line as
 * graphql-js says it ("Person.postcode was removed."). Federation's own bookkeeping (its directives,
 * `link__`/`federation__` types) differs with the version a subgraph was built with, and is left out.
 */
export function lackingFrom(expected: GraphQLSchema, actual: GraphQLSchema): string[] {
  return findBreakingChanges(expected, actual)
    .filter(
      (change) =>
        change.type !== BreakingChangeType.DIRECTIVE_REMOVED &&
        change.type !== BreakingChangeType.DIRECTIVE_ARG_REMOVED &&
        change.type !== BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED &&
        change.type !== BreakingChangeType.DIRECTIVE_LOCATION_REMOVED &&
        change.type !== BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED &&
        !/^(federation__|link__|join__)/.test(change.description),
    )
    .map((change) => change.description);
}

/** The schema of each subgraph as the supergraph has it (what the gateway's plans send it). */
export function expectedSubgraphSchemas(supergraphSdl: string): Map<SubgraphName, GraphQLSchema> {
  const subgraphs = Supergraph.build(supergraphSdl).subgraphs();
  return new Map(
    SUBGRAPH_NAMES.flatMap((name) => {
      const subgraph = subgraphs.get(name);
      return subgraph ? [[name, subgraph.schema.toGraphQLJSSchema()] as const] : [];
    }),
  );
}

/** A subgraph's schema from its SDL (`_service { sdl }`), read as federation reads it. */
export function subgraphSchemaOf(name: string, sdl: string): GraphQLSchema {
  return buildSubgraph(name, "", sdl).schema.toGraphQLJSSchema();
}

export interface SubgraphCompatibility {
  cooperativeId: string;
  subgraph: SubgraphName;
  /** `compatible`; `behind` (it lacks what `lacking` lists: those parts fail for this cooperative only); `unchecked` (no answer, or no credential). */
  status: "compatible" | "behind" | "unchecked";
  /** The release it says it runs (`/health`). */
  release?: string;
  lacking?: string[];
  reason?: string;
}

const CHECK_EVERY_MS = 5 * 60_000;

/**
 * Checks each cooperative's subgraphs against the supergraph the gateway serves, at start and
 * every five minutes: cooperatives upgrade one at a time, so some run the previous release. A
 * cooperative behind is still served (what it has works), and is named, with what it lacks, in
 * `/health` and in one log line when its state changes.
 */
export class SchemaCompatibility {
  private expected?: Map<SubgraphName, GraphQLSchema>;
  private latest: SubgraphCompatibility[] = [];
  private checkedAt?: Date;
  private timer?: NodeJS.Timeout;
  private running?: Promise<SubgraphCompatibility[]>;

  constructor(
    private readonly supergraphSdl: string,
    private readonly registry: Registry,
    private readonly serviceToken: (() => string) | undefined,
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {}

  /** Checks now, then every five minutes (the timer does not keep the process alive). */
  start(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The last check's cooperatives that are not compatible, for `/health`. */
  report(): { checkedAt: string | null; notCompatible: SubgraphCompatibility[] } {
    return {
      checkedAt: this.checkedAt?.toISOString() ?? null,
      notCompatible: this.latest.filter((entry) => entry.status !== "compatible"),
    };
  }

  check(): Promise<SubgraphCompatibility[]> {
    this.running ??= this.checkAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkAll(): Promise<SubgraphCompatibility[]> {
    // Built on first use: about a second of CPU, better spent after the gateway has started.
    this.expected ??= expectedSubgraphSchemas(this.supergraphSdl);
    const results = await Promise.all(
      this.registry.cooperatives.flatMap((cooperative) =>
        SUBGRAPH_NAMES.map((subgraph) => this.checkOne(cooperative.id, subgraph, cooperative.subgraphs[subgraph])),
      ),
    );
    this.logChanges(results);
    this.latest = results;
    this.checkedAt = new Date();
    return results;
  }

  private async checkOne(cooperativeId: string, subgraph: SubgraphName, url: string): Promise<SubgraphCompatibility> {
    const expected = this.expected?.get(subgraph);
    const token = this.serviceToken?.();
    if (!expected || !token)
      return { cooperativeId, subgraph, status: "unchecked", reason: "no credential of the gateway to read subgraph schemas" };
    try {
      const signal = AbortSignal.timeout(this.timeoutMs);
      const health = (await (await fetch(new URL("/health", url), { signal })).json()) as { release?: string };
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ _service { sdl } }" }),
        signal,
      });
      const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
      const sdl = body.data?._service?.sdl;
      if (!sdl) return { cooperativeId, subgraph, status: "unchecked", release: health.release, reason: "it did not give its schema" };
      const lacking = lackingFrom(expected, subgraphSchemaOf(subgraph, sdl));
      return {
        cooperativeId,
        subgraph,
        release: health.release,
        status: lacking.length === 0 ? "compatible" : "behind",
        ...(lacking.length > 0 && { lacking }),
      };
    } catch (error) {
      return { cooperativeId, subgraph, status: "unchecked", reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private logChanges(results: SubgraphCompatibility[]): void {
    const before = new Map(this.latest.map((entry) => [`${entry.cooperativeId}/${entry.subgraph}`, entry.status]));
    for (const entry of results) {
      if (before.get(`${entry.cooperativeId}/${entry.subgraph}`) === entry.status || entry.status === "unchecked") continue;
      if (entry.status === "behind") {
        this.logger.warn(
          { cooperativeId: entry.cooperativeId, subgraph: entry.subgraph, release: entry.release, lacking: entry.lacking },
          "cooperative behind the supergraph",
        );
      } else if (before.has(`${entry.cooperativeId}/${entry.subgraph}`)) {
        this.logger.info(
          { cooperativeId: entry.cooperativeId, subgraph: entry.subgraph, release: entry.release },
          "cooperative compatible",
        );
      }
    }
  }
}
