import { keepSnapshotOf, PERSON_SNAPSHOT_HANDLERS, type EventHandlers } from "@cae/shared";
import { eraseFromContracts } from "./erasure";
import { endContractsOnExit } from "./exit";

/** What the contracts subgraph does with its siblings' events (docs/architecture.md, "Events between subgraphs"). */
export const contractsEventHandlers: EventHandlers = {
  ...PERSON_SNAPSHOT_HANDLERS,
  async "person.exited"(manager, event, { cooperativeId, source }) {
    const personId = await keepSnapshotOf(manager, event, cooperativeId);
    await endContractsOnExit(manager, cooperativeId, personId, event.payload.exit, event, source);
  },
  async "person.erased"(manager, event, { cooperativeId }) {
    const personId = await keepSnapshotOf(manager, event, cooperativeId);
    await eraseFromContracts(manager, cooperativeId, personId, event.payload.identity);
  },
};
