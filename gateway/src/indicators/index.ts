export { IndicatorsService, type IndicatorsConfig } from "./indicators.service";
export { CooperativeFanOut } from "./fan-out";
export { MemoryCache, RedisCache, type IndicatorsCache } from "./cache";
export { NetworkIndicatorsResolver } from "./indicators.resolver";
export { DEFAULT_RULES, buildRelease, FAMILIES, type Release } from "./release";
