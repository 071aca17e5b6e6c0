import type { Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createCharterLoaders } from "./charter/charter.loaders";
import { createCommitteeLoaders } from "./committees/committee.loaders";
import { createCommitteeDecisionLoaders } from "./committees/decision.loaders";
import { createCommitteeMeetingLoaders } from "./committees/meeting.loaders";
import { createCommitteeMemberLoaders } from "./committees/member.loaders";
import { createFundingLoaders } from "./funding/funding.loaders";
import { createPartnerLoaders } from "./partners/partner.loaders";
import { createRegistryLoaders } from "./registry/registry.loaders";

export function createLoaders(db: DataSource) {
  return {
    ...createRegistryLoaders(db),
    ...createCharterLoaders(db),
    ...createCommitteeLoaders(db),
    ...createCommitteeMemberLoaders(db),
    ...createCommitteeMeetingLoaders(db),
    ...createCommitteeDecisionLoaders(db),
    ...createPartnerLoaders(db),
    ...createFundingLoaders(db),
  };
}

export type NetworkLoaders = ReturnType<typeof createLoaders>;

/**
 * What every resolver of the network subgraph receives, built afresh for each request. The network
 * holds no cooperative's data: unlike a cooperative's subgraph, it has no `cooperativeId` of its own.
 */
export interface NetworkContext {
  caller: Caller;
  db: DataSource;
  /** The request's DataLoaders: created per request, so no cache outlives it. */
  loaders: NetworkLoaders;
  /** When the caller stops waiting (epoch ms, from the gateway's `x-deadline-ms`). */
  deadline?: number;
  requestId?: string;
}
