import type { Logger } from "pino";

/** One warning per window; the rest are counted and summarised when the next window opens. */
const WINDOW_MS = 60_000;

/**
 * "Event without an ack callback": a client can send thousands a second, and
 * one log line each would let it flood the log (and the disk). The first in
 * each minute is logged as it comes; the others are counted per event name
 * and reported as one summary line at the first ack-less event of the next minute.
 */
export function createAcklessLog(logger: Logger, now: () => number = Date.now) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let suppressed = new Map<string, number>();
  return (event: string, socketId: string): void => {
    const t = now();
    if (t - windowStart < WINDOW_MS) {
      suppressed.set(event, (suppressed.get(event) ?? 0) + 1);
      return;
    }
    if (suppressed.size > 0) {
      const total = [...suppressed.values()].reduce((a, b) => a + b, 0);
      logger.warn({ suppressed: total, byEvent: Object.fromEntries(suppressed) }, "more events without an ack callback were ignored");
    }
    windowStart = t;
    suppressed = new Map();
    logger.warn({ event, socket: socketId }, "event without an ack callback ignored (more in the next minute are counted, not logged)");
  };
}
export type AcklessLog = ReturnType<typeof createAcklessLog>;

/** One counter per server (its logger), so the socket binder needs no extra parameter. */
const perLogger = new WeakMap<Logger, AcklessLog>();
export function acklessLogFor(logger: Logger): AcklessLog {
  let log = perLogger.get(logger);
  if (!log) perLogger.set(logger, (log = createAcklessLog(logger)));
  return log;
}
