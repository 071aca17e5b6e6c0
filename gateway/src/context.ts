import type { Caller } from "@cae/shared";
import type { Registry } from "./registry/registry";

/** What the gateway knows of a request: it reaches the network schema's resolvers and every data source. */
export interface GatewayContext {
  caller: Caller;
  registry: Registry;
  /** The incoming request's headers, for what the data sources forward. */
  headers: Headers;
}
