import { LRUCache } from "lru-cache";
import { Redis } from "ioredis";

/** Where answers are kept between requests: this process's memory, or Redis shared by several gateways. */
export interface IndicatorsCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}

/** The process's own cache: at most 1000 answers and releases, the least recently used going first. */
export class MemoryCache implements IndicatorsCache {
  // Kept time is wall-clock time, read at every look-up, as Redis's expiry is.
  private readonly entries = new LRUCache<string, string>({ max: 1000, perf: { now: () => Date.now() }, ttlResolution: 0 });

  async get(key: string) {
    return this.entries.get(key);
  }

  async set(key: string, value: string, ttlSeconds: number) {
    this.entries.set(key, value, { ttl: ttlSeconds * 1000 });
  }

  async close() {
    this.entries.clear();
  }
}

export class RedisCache implements IndicatorsCache {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // A cache must never make an answer wait: fail fast when Redis is away, and compute instead.
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2000 });
    this.redis.on("error", () => undefined);
  }

  async get(key: string) {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, ttlSeconds: number) {
    try {
      await this.redis.set(this.prefix + key, value, "EX", ttlSeconds);
    } catch {
      // Not cached: the next question computes again.
    }
  }

  async close() {
    this.redis.disconnect();
  }
}
