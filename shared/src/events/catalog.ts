import type { SubgraphName } from "../config";
import type { WelcomeStage } from "../path";

/**
 * The events a cooperative's subgraphs send each other (docs/architecture.md, "Events between
 * subgraphs"): for each topic, the subgraph that owns the change and writes the event, and the
 * siblings that must know. A topic nobody consumes is not written.
 */
export const EVENT_ROUTES = {
  "person.registered": { from: ["members"], to: ["contracts", "finance"] },
  "person.received": { from: ["members"], to: ["contracts", "finance"] },
  "person.admitted": { from: ["members"], to: ["contracts", "finance"] },
  "person.oriented": { from: ["members"], to: ["contracts", "finance"] },
  "person.receptionReopened": { from: ["members"], to: ["contracts", "finance"] },
  "person.exited": { from: ["members"], to: ["contracts", "finance"] },
  "person.erased": { from: ["members"], to: ["contracts", "finance"] },
  "contract.signed": { from: ["contracts"], to: ["members"] },
  "contract.amended": { from: ["contracts"], to: ["members"] },
  "contract.ended": { from: ["contracts"], to: ["members"] },
  "account.opened": { from: ["finance"], to: ["members"] },
  "account.closed": { from: ["finance"], to: ["members"] },
  "erasure.applied": { from: ["contracts", "finance"], to: ["members"] },
} as const satisfies Record<string, { from: readonly SubgraphName[]; to: readonly SubgraphName[] }>;

export type EventTopic = keyof typeof EVENT_ROUTES;
export const EVENT_TOPICS = Object.keys(EVENT_ROUTES) as EventTopic[];

/** Where a person stands, as the members subgraph last said: every person event carries it whole. */
export interface PersonSnapshot {
  welcomeStage: WelcomeStage;
  exitedOn: string | null;
  erased: boolean;
}

/** What a person's exit does to their running contracts (docs/contracts.md, "An exit"). */
export interface PersonExit {
  exitedOn: string;
  /** The legal mode the employment contract (CESA) in force ends with; null when none is in force. */
  employmentEndReason: string | null;
}

/** What the siblings need to find free texts about an erased person: sent once, then the event is deleted. */
export interface ErasedIdentity {
  names: string[];
  email: string | null;
  phone: string | null;
}

/** A contract as the members subgraph keeps it: enough to know whether one is in force. */
export interface ContractFacts {
  contractId: string;
  kind: "OBJECTIVE" | "SUPPORT_AGREEMENT" | "EMPLOYMENT";
  employmentType: "OPEN_ENDED" | "FIXED_TERM" | null;
  monthlyHours: string | null;
  startsOn: string;
  /** The last day in force (early end or planned end); null for an open-ended contract not ended. */
  lastDay: string | null;
  ended: boolean;
}

/** One subgraph's part of an erasure, reported to the members subgraph. */
export interface ErasurePart {
  subgraph: SubgraphName;
  appliedAt: string;
  erased: string[];
  kept: { what: string; why: string }[];
}

/** The payload of each topic. */
export interface EventPayloads {
  "person.registered": { person: PersonSnapshot };
  "person.received": { person: PersonSnapshot };
  "person.admitted": { person: PersonSnapshot };
  "person.oriented": { person: PersonSnapshot };
  "person.receptionReopened": { person: PersonSnapshot };
  "person.exited": { person: PersonSnapshot; exit: PersonExit };
  "person.erased": { person: PersonSnapshot; identity: ErasedIdentity };
  "contract.signed": { contract: ContractFacts };
  "contract.amended": { contract: ContractFacts };
  "contract.ended": { contract: ContractFacts };
  "account.opened": { accountId: string; openedOn: string };
  "account.closed": { accountId: string; closedOn: string };
  "erasure.applied": { part: ErasurePart };
}

/** An event as written and delivered: `subject` is the person's global ID, the key of its order. */
export interface CooperativeEvent<Topic extends EventTopic = EventTopic> {
  id: string;
  topic: Topic;
  subject: string;
  payload: EventPayloads[Topic];
  occurredAt: string;
}

/** The subgraphs a topic is written for. */
export const subscribersOf = (topic: EventTopic): readonly SubgraphName[] => EVENT_ROUTES[topic].to;

/** The siblings a subgraph writes events for. */
export const destinationsOf = (subgraph: SubgraphName): SubgraphName[] => [
  ...new Set(
    Object.values(EVENT_ROUTES)
      .filter((route) => (route.from as readonly SubgraphName[]).includes(subgraph))
      .flatMap((route) => route.to),
  ),
];
