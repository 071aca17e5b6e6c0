/**
 * What is computed from an operation's text, computed once: the query planner sends the same few
 * operations again and again. Past `limit` texts (no workload of this network comes near) it
 * forgets them all rather than keep growing.
 */
export class KeptByText<Value> {
  private readonly values = new Map<string, Value>();

  constructor(private readonly limit = 1000) {}

  get(text: string, compute: () => Value): Value {
    if (this.values.has(text)) return this.values.get(text) as Value;
    const value = compute();
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(text, value);
    return value;
  }
}
