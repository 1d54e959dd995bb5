export {
  createRateLimits,
  DEFAULT_RATE_LIMITS,
  limitedMessage,
  retryWording,
  type LimiterFactory,
  type RateLimitConfig,
  type RateLimits,
} from "./rate-limits.js";
export { addressKey } from "./address-key.js";
export { originAllowed } from "./origin.js";
export { defaultAllowedHosts, hostAllowed } from "./host.js";
