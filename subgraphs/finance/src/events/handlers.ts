import { keepSnapshotOf, PERSON_SNAPSHOT_HANDLERS, type EventHandlers } from "@cae/shared";
import { eraseFromFinance } from "./erasure";

/**
 * What the finance subgraph does with its siblings' events (docs/architecture.md, "Events between
 * subgraphs"): it keeps where each person stands, so that someone who left drafts no more
 * documents, and erases what it holds about a person when the members subgraph erases them.
 */
export const financeEventHandlers: EventHandlers = {
  ...PERSON_SNAPSHOT_HANDLERS,
  async "person.exited"(manager, event, { cooperativeId }) {
    await keepSnapshotOf(manager, event, cooperativeId);
  },
  async "person.erased"(manager, event, { cooperativeId }) {
    const personId = await keepSnapshotOf(manager, event, cooperativeId);
    await eraseFromFinance(manager, cooperativeId, personId, event.payload.identity);
  },
};
