import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { addressKey } from "./address-key.js";

/** Points per window: `points` requests every `seconds`. */
export type Budget = { points: number; seconds: number };

/** Every limit the server applies; server/config.ts reads them from the environment. */
export type RateLimitConfig = {
  /** Socket events (every client->server event), per connection, per client address, and for the whole server. */
  socketPerConnection: Budget;
  socketPerAddress: Budget;
  socketGlobal: Budget;
  /** New sessions: they cost a graph, timers and sandboxes, so fewer than other events. */
  startsPerConnection: Budget;
  startsPerAddress: Budget;
  /**
   * Invites opened from one client address: their own budget, not the socket's starts. A team that invites its
   * candidates to sit in one office (behind one NAT address) would otherwise lock them out after 30 a minute.
   */
  inviteStartsPerAddress: Budget;
  /** New sessions through one team's invites (the team makes invites without limit; candidates start them from anywhere). */
  startsPerTeam: Budget;
  /** New sessions for the whole server: each runs a graph to its first question (~10 ms of CPU). */
  startsGlobal: Budget;
  /** New socket connections. */
  connectionsPerAddress: Budget;
  connectionsGlobal: Budget;
  /** HTTP requests (every route). */
  httpPerAddress: Budget;
  httpGlobal: Budget;
};

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  // An honest candidate autosaves every ~2 s and submits or runs code now and then.
  socketPerConnection: { points: 40, seconds: 10 },
  // An office or a classroom behind one NAT address.
  socketPerAddress: { points: 2_000, seconds: 10 },
  socketGlobal: { points: 50_000, seconds: 10 },
  startsPerConnection: { points: 10, seconds: 60 },
  // A classroom behind one address starts together; 200 a minute let 20 flooding addresses start over 60 sessions a second.
  startsPerAddress: { points: 30, seconds: 60 },
  // An assessment day in one office: as many as a team's invites may start in a minute.
  inviteStartsPerAddress: { points: 120, seconds: 60 },
  // A hiring team's assessment day: a hundred candidates may open their invites within a minute or two.
  startsPerTeam: { points: 120, seconds: 60 },
  // At most ~30% of a core on starting sessions: a flood of starts cannot starve running interviews.
  startsGlobal: { points: 300, seconds: 10 },
  // A candidate connects once and reconnects now and then; a classroom behind one address a few dozen times.
  connectionsPerAddress: { points: 60, seconds: 60 },
  connectionsGlobal: { points: 5_000, seconds: 10 },
  // A page load is ~15 requests (page, assets, API): ~20 people behind one address may open the app at
  // once, and a single client is held to 30 requests a second (600 let one loopback client do 60/s unseen).
  httpPerAddress: { points: 300, seconds: 10 },
  httpGlobal: { points: 20_000, seconds: 10 },
};

/**
 * Builds one limiter. Memory by default; pass a factory that returns a
 * RateLimiterRedis (same options plus its client) to share limits across processes.
 */
export type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * A refusal: what was exceeded and when to come back. `scope` names the budget as the subject of a sentence
 * ("Your address has started too many sessions"), so every message built from it reads whole (limitedMessage).
 */
export type Limited = { limited: true; scope: string; retryAfterMs: number };
const GLOBAL_KEY = "all";

/**
 * Consume one point from each bucket, narrowest first, stopping at the first
 * one that is empty: a flooding connection drains its own bucket and is
 * refused there, without eating into its address's or the server's budget.
 */
async function consumeAll(steps: { limiter: RateLimiterAbstract; key: string; scope: string }[]): Promise<Limited | null> {
  for (const { limiter, key, scope } of steps) {
    try {
      await limiter.consume(key, 1);
    } catch (err) {
      if (err instanceof RateLimiterRes) return { limited: true, scope, retryAfterMs: Math.max(1, Math.ceil(err.msBeforeNext)) };
      throw err;
    }
  }
  return null;
}

export function createRateLimits(config: RateLimitConfig, factory: LimiterFactory = memoryLimiters) {
  /** What each budget refused, as a sentence's subject and verb, with the budget itself so a reader knows the rule. */
  const per = (name: keyof RateLimitConfig) => {
    const { points, seconds } = config[name];
    return `${points} per ${seconds === 60 ? "minute" : `${seconds} s`}`;
  };
  const scope = {
    socketPerConnection: `This connection has sent too many messages (${per("socketPerConnection")})`,
    startsPerConnection: `This connection has started too many sessions (${per("startsPerConnection")})`,
    startsPerAddress: `Your address has started too many sessions (${per("startsPerAddress")})`,
    inviteStartsPerAddress: `Your address has opened too many invites (${per("inviteStartsPerAddress")})`,
    startsPerTeam: `This team's invites have started too many sessions (${per("startsPerTeam")})`,
    startsGlobal: `The server is starting too many sessions for everyone right now (${per("startsGlobal")})`,
    socketPerAddress: `Your address has sent too many messages (${per("socketPerAddress")} over all its connections)`,
    socketGlobal: `The server is receiving too many messages from everyone right now (${per("socketGlobal")})`,
    connectionsPerAddress: `Your address has opened too many connections (${per("connectionsPerAddress")})`,
    connectionsGlobal: `The server is accepting too many new connections right now (${per("connectionsGlobal")})`,
    httpPerAddress: `Your address has sent too many requests (${per("httpPerAddress")})`,
    httpGlobal: `The server is receiving too many requests from everyone right now (${per("httpGlobal")})`,
  } satisfies Record<keyof RateLimitConfig, string>;
  const make = (name: keyof RateLimitConfig) =>
    factory({ keyPrefix: `rl:${name}`, points: config[name].points, duration: config[name].seconds });
  const l = Object.fromEntries((Object.keys(config) as (keyof RateLimitConfig)[]).map((name) => [name, make(name)])) as Record<
    keyof RateLimitConfig,
    RateLimiterAbstract
  >;
  return {
    config,
    /** One client->server socket event (session:start also spends the session-creation budgets below). */
    socketEvent: (connectionId: string, rawAddress: string, event: string) => {
      const address = addressKey(rawAddress);
      return consumeAll([
        { limiter: l.socketPerConnection, key: connectionId, scope: scope.socketPerConnection },
        ...(event === "session:start"
          ? [
              { limiter: l.startsPerConnection, key: connectionId, scope: scope.startsPerConnection },
              { limiter: l.startsPerAddress, key: address, scope: scope.startsPerAddress },
              { limiter: l.startsGlobal, key: GLOBAL_KEY, scope: scope.startsGlobal },
            ]
          : []),
        { limiter: l.socketPerAddress, key: address, scope: scope.socketPerAddress },
        { limiter: l.socketGlobal, key: GLOBAL_KEY, scope: scope.socketGlobal },
      ]);
    },
    /**
     * An invite opened over HTTP: the address's invite budget (not its session:start budget, which a classroom
     * behind the same address spends), the team's own budget, and the server's, which every new session spends.
     */
    sessionStart: (address: string, teamId: string) =>
      consumeAll([
        { limiter: l.inviteStartsPerAddress, key: addressKey(address), scope: scope.inviteStartsPerAddress },
        { limiter: l.startsPerTeam, key: teamId, scope: scope.startsPerTeam },
        { limiter: l.startsGlobal, key: GLOBAL_KEY, scope: scope.startsGlobal },
      ]),
    connection: (address: string) =>
      consumeAll([
        { limiter: l.connectionsPerAddress, key: addressKey(address), scope: scope.connectionsPerAddress },
        { limiter: l.connectionsGlobal, key: GLOBAL_KEY, scope: scope.connectionsGlobal },
      ]),
    http: (address: string) =>
      consumeAll([
        { limiter: l.httpPerAddress, key: addressKey(address), scope: scope.httpPerAddress },
        { limiter: l.httpGlobal, key: GLOBAL_KEY, scope: scope.httpGlobal },
      ]),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;

/** A whole sentence: what was limited, then when to retry ("Your address has … (30 per minute); try again in 12 seconds."). */
export const limitedMessage = (l: Limited) => `${l.scope}; try again in ${retryWording(l.retryAfterMs)}.`;

/** "1 second", "12 seconds": whole seconds, rounded up so a client that waits that long is let through. */
export const retryWording = (retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
};
