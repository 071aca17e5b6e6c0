import { DURATION_BUCKETS, ServiceMetrics } from "@cae/shared";
import { Gauge, Histogram } from "prom-client";

/** The gateway's metrics: its requests (as every service's), and what it sees of each cooperative. */
export class GatewayMetrics extends ServiceMetrics {
  /** Each call to one cooperative's subgraph: its duration and outcome (answered, or unavailable). */
  readonly subgraphCalls = new Histogram({
    name: "cae_subgraph_call_duration_seconds",
    help: "Calls to a cooperative's subgraph: duration, by cooperative, subgraph and outcome",
    labelNames: ["cooperative", "subgraph", "outcome"],
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  /** 1 while a cooperative's subgraph answers, 0 from a failure until its next answer. */
  readonly cooperativeUp = new Gauge({
    name: "cae_cooperative_up",
    help: "Whether a cooperative's subgraph answered the gateway's last call (1) or not (0)",
    labelNames: ["cooperative", "subgraph"],
    registers: [this.registry],
  });
  /** How long the network indicators wait for every cooperative's figures (a release built). */
  readonly fanOut = new Histogram({
    name: "cae_indicators_fan_out_duration_seconds",
    help: "Time to gather every cooperative's figures for a release of the network indicators",
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    super({ service: "gateway" });
  }
}
