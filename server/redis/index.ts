export { connectRedis, type RedisConfig, type RedisConnections } from "./connections.js";
export { redisLimiters } from "./limiters.js";
export { useRedisAdapter } from "./adapter.js";
