import type { Logger } from "@cae/shared";
import { pooledFetcher } from "../routing/http-client";
import { parseRegistry, type Registry, type RegistryEntry } from "./registry";

const REGISTRY_QUERY = "{ registry { cooperativeId name region departement endpoints { members contracts finance } } }";

interface RegistryAnswer {
  data?: {
    registry?: {
      cooperativeId: string;
      name: string;
      region: string;
      departement: string | null;
      endpoints: RegistryEntry["subgraphs"];
    }[];
  } | null;
  errors?: { message: string }[];
}

/**
 * Keeps the gateway's registry the network's: reads it from the network's subgraph under the
 * gateway's own credential, at start and then every `refreshMs`, and replaces the list of
 * cooperatives whole when it has changed. Everything that routes or counts reads the list at each
 * request, so a cooperative registered through the API is answered without a restart; a withdrawn
 * one is no longer routed to. While the network's subgraph does not answer, the last registry read
 * stays in force.
 */
export class RegistryFollower {
  private timer?: NodeJS.Timeout;
  private last?: string;
  private stopped = false;
  private listeners: (() => void)[] = [];
  /** Over node:http, as the data sources: `fetch` refuses some ports (the Fetch standard's "bad ports"). */
  private readonly fetcher = pooledFetcher(1);

  constructor(
    private readonly registry: Registry,
    private readonly options: {
      url: string;
      token: () => string;
      refreshMs: number;
      timeoutMs: number;
      logger: Logger;
      /** Where the registry may send the gateway (its credential, its users' tokens): none, anywhere (development). */
      allowedHosts?: readonly RegExp[];
    },
  ) {}

  /**
   * Reads the registry once, and keeps reading it every `refreshMs`. With no registry to start from
   * (no file), waits until the network's subgraph has answered, however long that takes.
   */
  async start(): Promise<void> {
    while (!(await this.refresh()) && this.registry.cooperatives.length === 0 && !this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.refreshMs, 1000)));
    }
    this.schedule();
  }

  /** Called after each change of the registry once started (the schema check of a cooperative just registered). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Reads the network's registry; whether it answered with a valid one. */
  async refresh(): Promise<boolean> {
    const { url, token, timeoutMs, logger } = this.options;
    try {
      const response = await this.fetcher(
        url,
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token()}` },
          body: JSON.stringify({ query: REGISTRY_QUERY }),
        },
        timeoutMs,
      );
      const answer = (await response.json()) as RegistryAnswer;
      if (answer?.errors?.length) throw new Error(answer.errors.map((error) => error.message).join("; "));
      // Only a registry read is one: an answer without it is no reason to route to nobody.
      if (!Array.isArray(answer?.data?.registry)) throw new Error("the answer holds no registry");
      const entries = answer.data.registry.map((entry) => ({
        id: entry.cooperativeId,
        name: entry.name,
        region: entry.region,
        ...(entry.departement ? { departement: entry.departement } : {}),
        subgraphs: entry.endpoints,
      }));
      const outside = this.options.allowedHosts && entries.flatMap((entry) => endpointsOutside(entry, this.options.allowedHosts!));
      if (outside?.length) throw new Error(`endpoints outside REGISTRY_ALLOWED_HOSTS: ${outside.join(", ")}`);
      const text = JSON.stringify(entries);
      if (text === this.last) return true;
      // The same checks as a registry file's: an entry the gateway cannot route by is refused whole.
      const { cooperatives } = parseRegistry({ cooperatives: entries }, `the network's registry (${url})`, { allowEmpty: true });
      const before = new Set(this.registry.cooperatives.map((cooperative) => cooperative.id));
      const first = this.last === undefined;
      this.registry.cooperatives = cooperatives;
      this.last = text;
      if (!first) for (const listener of this.listeners) listener();
      const now = new Set(cooperatives.map((cooperative) => cooperative.id));
      logger.info(
        { added: [...now].filter((id) => !before.has(id)), removed: [...before].filter((id) => !now.has(id)), cooperatives: now.size },
        "registry changed",
      );
      return true;
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "the network's registry could not be read: routing by the last one",
      );
      return false;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.refresh().finally(() => this.schedule()), this.options.refreshMs);
    // A gateway stopping does not wait for the next reading.
    this.timer.unref();
  }
}

/**
 * The hosts a registry's entries may name, from `REGISTRY_ALLOWED_HOSTS` ("*.cae-network.fr,
 * *-members"): a network admin changes the registry through the API, but where the gateway sends
 * its own credential and its users' tokens is the gateway's operator's decision. `*` stands for
 * any run of letters, digits and dashes (one label or part of one).
 */
export function hostPatterns(text: string): RegExp[] {
  return text
    .split(",")
    .map((pattern) => pattern.trim().toLowerCase())
    .filter((pattern) => pattern !== "")
    .map((pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[a-z0-9-]*")}$`));
}

/** The endpoints of an entry whose host no pattern allows, as "<cooperative> <subgraph> <host>". */
function endpointsOutside(entry: { id: string; subgraphs: Record<string, string> }, allowed: readonly RegExp[]): string[] {
  return Object.entries(entry.subgraphs)
    .filter(([, url]) => {
      const host = URL.canParse(url) ? new URL(url).hostname : url;
      return !allowed.some((pattern) => pattern.test(host));
    })
    .map(([subgraph, url]) => `${entry.id} ${subgraph} ${URL.canParse(url) ? new URL(url).hostname : url}`);
}
