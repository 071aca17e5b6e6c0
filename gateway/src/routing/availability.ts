import type { Logger } from "@cae/shared";
import type { GatewayMetrics } from "../metrics";

/**
 * What the gateway knows of each cooperative's subgraphs from its own calls: the metrics of every
 * call, and one log line when a subgraph stops answering and one when it answers again. A
 * cooperative that is down is logged once per incident, not once per request that needed it.
 */
export class CooperativeAvailability {
  private readonly down = new Map<string, { reason: string; since: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly metrics?: GatewayMetrics,
  ) {}

  answered(cooperativeId: string, subgraph: string, seconds: number): void {
    this.metrics?.subgraphCalls.observe({ cooperative: cooperativeId, subgraph, outcome: "answered" }, seconds);
    this.metrics?.cooperativeUp.set({ cooperative: cooperativeId, subgraph }, 1);
    const key = `${cooperativeId}/${subgraph}`;
    const incident = this.down.get(key);
    if (!incident) return;
    this.down.delete(key);
    this.logger.info({ cooperativeId, subgraph, downForMs: Date.now() - incident.since }, "cooperative answers again");
  }

  failed(cooperativeId: string, subgraph: string, reason: string, seconds: number, requestId?: string): void {
    this.metrics?.subgraphCalls.observe({ cooperative: cooperativeId, subgraph, outcome: "unavailable" }, seconds);
    this.metrics?.cooperativeUp.set({ cooperative: cooperativeId, subgraph }, 0);
    const key = `${cooperativeId}/${subgraph}`;
    if (this.down.has(key)) return;
    this.down.set(key, { reason, since: Date.now() });
    this.logger.warn({ cooperativeId, subgraph, reason, requestId }, "cooperative unavailable");
  }
}
