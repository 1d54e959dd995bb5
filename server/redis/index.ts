export { connectRedis, type RedisConfig } from "./connections.js";
export { redisLimiters } from "./limiters.js";
export { useRedisAdapter } from "./adapter.js";
