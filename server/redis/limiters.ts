import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { LimiterFactory } from "../limits/index.js";

/**
 * Rate limits counted in Redis, so every instance behind the load balancer
 * draws on the same budgets. Each limiter is insured by an in-memory one with
 * the same budget: while Redis is down or slow the instance goes on limiting
 * on its own counts (looser across N instances, never off, never an error).
 */
export function redisLimiters(client: Redis, keyPrefix: string): LimiterFactory {
  return (options) =>
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${keyPrefix}:${options.keyPrefix}`,
      points: options.points,
      duration: options.duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}
