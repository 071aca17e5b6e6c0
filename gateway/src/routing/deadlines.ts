/**
 * What one client request may still wait for each cooperative. The first call to a cooperative
 * starts its deadline (`COOPERATIVE_TIMEOUT_MS`); every later call of the same request, whatever
 * subgraph or step of the plan it is, gets what remains of it; and a cooperative's subgraph that
 * failed is not asked again within the request. So a cooperative that is down or slow costs a
 * request one deadline, not one per step of its plan or per part (indicators, lists) that needs it.
 */
export class CooperativeDeadlines {
  private readonly ends = new Map<string, number>();

  constructor(
    readonly timeoutMs: number,
    private readonly failures = new Map<string, string>(),
  ) {}

  /**
   * Deadlines of their own for work the request waits for as a whole (the network indicators'
   * release, built once for every question waiting on it), sharing what failed: a cooperative
   * found down there is not asked again by the request, but one that answered there keeps its
   * whole deadline for the request's own calls, whatever the release waited for meanwhile.
   */
  apart(): CooperativeDeadlines {
    return new CooperativeDeadlines(this.timeoutMs, this.failures);
  }

  /** Milliseconds left for `cooperativeId` in this request (its deadline starts at the first call). */
  remainingMs(cooperativeId: string, now = performance.now()): number {
    let end = this.ends.get(cooperativeId);
    if (end === undefined) this.ends.set(cooperativeId, (end = now + this.timeoutMs));
    return Math.max(0, Math.round(end - now));
  }

  /** Why this cooperative's subgraph already failed in this request, if it did. */
  failure(cooperativeId: string, subgraph: string): string | undefined {
    return this.failures.get(`${cooperativeId}/${subgraph}`);
  }

  fail(cooperativeId: string, subgraph: string, reason: string): void {
    this.failures.set(`${cooperativeId}/${subgraph}`, reason);
  }
}
