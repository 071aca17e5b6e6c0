import { Redis } from "ioredis";

/** Where answers are kept between requests: this process's memory, or Redis shared by several gateways. */
export interface IndicatorsCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}

export class MemoryCache implements IndicatorsCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  async get(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number) {
    // Expired entries go as new ones come, so the map stays as small as the live questions.
    for (const [old, entry] of this.entries) if (entry.expires <= Date.now()) this.entries.delete(old);
    this.entries.set(key, { value, expires: Date.now() + ttlSeconds * 1000 });
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
