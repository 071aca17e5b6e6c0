export { IndicatorsService, type IndicatorsConfig, type Execute } from "./indicators.service";
export { MemoryCache, RedisCache, type IndicatorsCache } from "./cache";
export { NetworkIndicatorsResolver } from "./indicators.resolver";
export { DEFAULT_RULES, buildRelease, FAMILIES, type Release } from "./release";
