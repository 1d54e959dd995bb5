export {
  createRateLimits,
  DEFAULT_RATE_LIMITS,
  limitedMessage,
  memoryLimiters,
  type Budget,
  type LimiterFactory,
  type Limited,
  type RateLimitConfig,
  type RateLimits,
} from "./rate-limits.js";
export { originAllowed } from "./origin.js";
