import { describe, expect, it } from "vitest";
import { createRateLimits, DEFAULT_RATE_LIMITS, limitedMessage, type RateLimitConfig } from "../../server/limits/index.js";
import { addressBusyError } from "../../server/realtime/byte-budget.js";

type Limits = ReturnType<typeof createRateLimits>;

/** How each budget is spent: the call a client's request makes. */
const SPEND: Record<keyof RateLimitConfig, (l: Limits) => ReturnType<Limits["http"]>> = {
  socketPerConnection: (l) => l.socketEvent("conn-1", "10.0.0.1", "answer:draft"),
  socketPerAddress: (l) => l.socketEvent("conn-1", "10.0.0.1", "answer:draft"),
  socketGlobal: (l) => l.socketEvent("conn-1", "10.0.0.1", "answer:draft"),
  startsPerConnection: (l) => l.socketEvent("conn-1", "10.0.0.1", "session:start"),
  startsPerAddress: (l) => l.socketEvent("conn-1", "10.0.0.1", "session:start"),
  startsGlobal: (l) => l.socketEvent("conn-1", "10.0.0.1", "session:start"),
  inviteStartsPerAddress: (l) => l.sessionStart("10.0.0.1", "acme"),
  startsPerTeam: (l) => l.sessionStart("10.0.0.1", "acme"),
  connectionsPerAddress: (l) => l.connection("10.0.0.1"),
  connectionsGlobal: (l) => l.connection("10.0.0.1"),
  httpPerAddress: (l) => l.http("10.0.0.1"),
  httpGlobal: (l) => l.http("10.0.0.1"),
};

/** What each budget's message must name (the thing limited), besides its numbers. */
const NAMES: Record<keyof RateLimitConfig, RegExp> = {
  socketPerConnection: /^This connection has sent too many messages \(1 per 10 s\)/,
  socketPerAddress: /^Your address has sent too many messages \(1 per 10 s over all its connections\)/,
  socketGlobal: /^The server is receiving too many messages from everyone right now \(1 per 10 s\)/,
  startsPerConnection: /^This connection has started too many sessions \(1 per minute\)/,
  startsPerAddress: /^Your address has started too many sessions \(1 per minute\)/,
  inviteStartsPerAddress: /^Your address has opened too many invites \(1 per minute\)/,
  startsGlobal: /^The server is starting too many sessions for everyone right now \(1 per 10 s\)/,
  startsPerTeam: /^This team's invites have started too many sessions \(1 per minute\)/,
  connectionsPerAddress: /^Your address has opened too many connections \(1 per minute\)/,
  connectionsGlobal: /^The server is accepting too many new connections right now \(1 per 10 s\)/,
  httpPerAddress: /^Your address has sent too many requests \(1 per 10 s\)/,
  httpGlobal: /^The server is receiving too many requests from everyone right now \(1 per 10 s\)/,
};

/** A whole sentence saying when to retry: no cut-off phrase ("from your a…"), no "requests from new sessions". */
const SENTENCE = /^[A-Z][^;]+; try again in [1-9]\d* seconds?\.$/;

describe("rate-limit messages", () => {
  // Each budget alone at one point (the others roomy), so the second spend is refused by that budget and no other.
  for (const name of Object.keys(SPEND) as (keyof RateLimitConfig)[]) {
    it(`${name}: says what was limited and when to retry, in one whole sentence`, async () => {
      const roomy = Object.fromEntries(
        Object.entries(DEFAULT_RATE_LIMITS).map(([k, b]) => [k, { ...b, points: k === name ? 1 : 1_000_000 }]),
      ) as RateLimitConfig;
      const limits = createRateLimits(roomy);
      expect(await SPEND[name](limits)).toBeNull();
      const refused = await SPEND[name](limits);
      expect(refused).not.toBeNull();
      const message = limitedMessage(refused!);
      expect(message).toMatch(SENTENCE);
      expect(message).toMatch(NAMES[name]);
      expect(message).toContain(`try again in ${Math.ceil(refused!.retryAfterMs / 1000)} second`);
    });
  }

  it("the byte budget's refusal is a whole sentence too, in whole seconds", () => {
    const { error } = addressBusyError(6_000);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterMs).toBe(6_000);
    expect(error.message).toMatch(SENTENCE);
    expect(error.message).toMatch(/^Other connections from your address have sent too much data/);
    expect(error.message).toContain("try again in 6 seconds.");
    expect(addressBusyError(400).error.message).toContain("try again in 1 second.");
  });
});
