import { backoffMs, batchOf, destinationsOf, eventsUrlOf, mentions, scrubIdentity, subscribersOf, EVENT_TOPICS } from "..";

const identity = { names: ["Zoé Garnier", "Garnier Zoé", "Garnier", "Zoé"], email: "zoe.garnier@example.fr", phone: "06 12 34 56 78" };

describe("finding an erased person in a free text", () => {
  it("replaces every mention of the names, the email and the phone whatever its separators, and nothing else", () => {
    const text = "Zoé Garnier (zoe.garnier@example.fr, 06.12.34.56.78) a rencontré M. Garnault ; rappeler Zoé au 0612345678.";
    expect(scrubIdentity(text, identity)).toBe("(effacé) ((effacé), (effacé)) a rencontré M. Garnault ; rappeler (effacé) au (effacé).");
  });

  it("matches whole words only, in any case, and leaves a text without them as it was", () => {
    expect(scrubIdentity("GARNIER et garniérisme", identity)).toBe("(effacé) et garniérisme");
    expect(scrubIdentity("Zoéline Garniera", identity)).toBe("Zoéline Garniera");
    expect(mentions("Atelier du port", identity)).toBe(false);
    expect(mentions("Atelier Garnier", identity)).toBe(true);
  });

  it("ignores names too short to mean anything and names already erased", () => {
    expect(scrubIdentity("Li et (effacé)", { names: ["L", "(effacé)"], email: null, phone: null })).toBe("Li et (effacé)");
  });

  it("takes names with the characters of a regular expression literally", () => {
    expect(scrubIdentity("Voir A.B. (Dupont) puis ABC", { names: ["A.B."], email: null, phone: null })).toBe(
      "Voir (effacé) (Dupont) puis ABC",
    );
  });
});

describe("the events' routes", () => {
  it("sends every topic to siblings only, and each subgraph writes for the siblings that consume its topics", () => {
    for (const topic of EVENT_TOPICS) expect(subscribersOf(topic).length).toBeGreaterThan(0);
    expect(destinationsOf("members").sort()).toEqual(["contracts", "finance"]);
    expect(destinationsOf("contracts")).toEqual(["members"]);
    expect(destinationsOf("finance")).toEqual(["members"]);
  });

  it("finds a sibling's events endpoint from its GraphQL URL or its base URL", () => {
    expect(eventsUrlOf("http://members:4101/graphql")).toBe("http://members:4101/events");
    expect(eventsUrlOf("http://127.0.0.1:4102")).toBe("http://127.0.0.1:4102/events");
  });

  it("waits longer after each failure, up to its limit, with jitter", () => {
    expect(backoffMs(1, 60_000)).toBeGreaterThanOrEqual(375);
    expect(backoffMs(1, 60_000)).toBeLessThanOrEqual(625);
    expect(backoffMs(4, 60_000)).toBeGreaterThanOrEqual(3000);
    expect(backoffMs(40, 60_000)).toBeLessThanOrEqual(75_000);
    expect(backoffMs(40, 60_000)).toBeGreaterThanOrEqual(45_000);
  });
});

describe("reading a delivery", () => {
  const event = {
    id: "7e0bd4f2-3f55-4b8e-9d8f-4d2a3b1c0e11",
    topic: "person.admitted",
    subject: "c:x",
    occurredAt: "2026-11-01T00:00:00Z",
    payload: {},
  };
  it("takes a batch of well-formed events from a sibling", () => {
    expect(batchOf({ events: [event] }, "members")).toEqual({ source: "members", events: [event] });
  });
  it("names the first malformed part of a batch", () => {
    expect(batchOf({}, "members")).toBe("the body is { events: [...] }");
    expect(batchOf({ events: [{ ...event, topic: "person.teleported" }] }, "members")).toBe("events[0].topic is not a known topic");
    expect(batchOf({ events: [event, { ...event, id: 3 }] }, "members")).toBe("events[1].id is an event's uuid");
    expect(batchOf({ events: [{ ...event, payload: null }] }, "members")).toBe("events[0].payload is an object");
    // Each sibling tells only what it owns.
    expect(batchOf({ events: [event] }, "finance")).toBe("events[0].topic person.admitted is not written by finance");
    expect(batchOf({ events: [{ ...event, topic: "erasure.applied" }] }, "contracts")).toEqual({
      source: "contracts",
      events: [{ ...event, topic: "erasure.applied" }],
    });
  });
});
