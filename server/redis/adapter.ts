import { createAdapter } from "@socket.io/redis-adapter";
import type { Redis } from "ioredis";
import type { Server } from "socket.io";
import type { RedisConnections } from "./connections.js";

/**
 * The adapter calls publish and subscribe without handling their promises. A
 * command still queued when a connection is closed for good (shutdown while
 * Redis is down) rejects, and an unhandled rejection would end the process.
 * This view of the client marks every command's promise as handled; the
 * adapter sees the same client otherwise.
 */
function handledCommands(client: Redis): Redis {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || prop === "constructor") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}

/**
 * Broadcasts through Redis pub/sub: an event a graph step emits on one instance
 * reaches the candidate's socket on whichever instance it is connected to.
 * Channels carry the key prefix, since pub/sub ignores Redis database numbers.
 */
export function useRedisAdapter(io: Server, redis: RedisConnections): void {
  io.adapter(createAdapter(handledCommands(redis.pub), handledCommands(redis.sub), { key: `${redis.config.keyPrefix}:socket.io` }));
}
