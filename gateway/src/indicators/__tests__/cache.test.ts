import { MemoryCache } from "../cache";

describe("the process's own indicators cache", () => {
  afterEach(() => jest.useRealTimers());

  it("gives back what it keeps until its time is over", async () => {
    jest.useFakeTimers();
    const cache = new MemoryCache();
    await cache.set("2026", "release", 60);
    expect(await cache.get("2026")).toBe("release");
    jest.advanceTimersByTime(59_000);
    expect(await cache.get("2026")).toBe("release");
    jest.advanceTimersByTime(2_000);
    expect(await cache.get("2026")).toBeUndefined();
    expect(await cache.get("never kept")).toBeUndefined();
  });

  it("lets the least recently used go first when full, never the one just read", async () => {
    const cache = new MemoryCache();
    for (let i = 0; i < 1000; i++) await cache.set(`key ${i}`, String(i), 600);
    expect(await cache.get("key 0")).toBe("0");
    await cache.set("one more", "x", 600);
    expect(await cache.get("key 0")).toBe("0");
    expect(await cache.get("key 1")).toBeUndefined();
    expect(await cache.get("one more")).toBe("x");
  });
});
