import { describe, expect, it } from "vitest";
import { createFairTurns } from "../../server/turns/index.js";

/** Everything waiting, in the order it is served. */
const served = (turns: { shift(): string | undefined }) => {
  const order: string[] = [];
  for (let next = turns.shift(); next !== undefined; next = turns.shift()) order.push(next);
  return order;
};

// Grading took turns per session: one address with many sessions had a turn for each, so its sessions together
// slowed another address's follow-ups as many times over. Turns go between addresses first, then between the
// sessions of one address.
describe("grading turns between addresses, then sessions", () => {
  it("an address with three sessions gets one turn per round, as an address with one does", () => {
    const turns = createFairTurns<string>(8);
    for (const session of ["a1", "a2", "a3"]) for (const i of [1, 2]) turns.push(session, `${session}-${i}`, "10.0.0.1");
    for (const i of [1, 2, 3]) turns.push("b1", `b1-${i}`, "10.0.0.2");
    expect(served(turns)).toEqual(["a1-1", "b1-1", "a2-1", "b1-2", "a3-1", "b1-3", "a1-2", "a2-2", "a3-2"]);
  });

  it("sessions without an address are groups of their own (start-up warm-ups, tools), as before", () => {
    const turns = createFairTurns<string>(8);
    for (const i of [1, 2]) turns.push("a1", `a1-${i}`);
    for (const i of [1, 2]) turns.push("a2", `a2-${i}`);
    turns.push("b1", "b1-1", "10.0.0.2");
    expect(served(turns)).toEqual(["a1-1", "a2-1", "b1-1", "a1-2", "a2-2"]);
  });

  it("the cap is per session, not per address: an address's other sessions still queue", () => {
    const turns = createFairTurns<string>(2);
    expect(turns.push("a1", "x", "10.0.0.1")).toBe(true);
    expect(turns.push("a1", "y", "10.0.0.1")).toBe(true);
    expect(turns.push("a1", "z", "10.0.0.1")).toBe(false);
    expect(turns.push("a2", "w", "10.0.0.1")).toBe(true);
    expect(turns.size).toBe(3);
  });

  it("within an address, a session that just had its turn goes behind its neighbour's next item", () => {
    const turns = createFairTurns<string>(8);
    turns.push("a1", "a1-1", "10.0.0.1");
    expect(turns.shift()).toBe("a1-1");
    turns.push("a1", "a1-2", "10.0.0.1");
    turns.push("a2", "a2-1", "10.0.0.1");
    expect(served(turns)).toEqual(["a2-1", "a1-2"]);
  });

  it("an address that queues nothing for a while earns no credit, and drain takes everything out", () => {
    const turns = createFairTurns<string>(8);
    for (const i of [1, 2, 3]) turns.push("a1", `a1-${i}`, "10.0.0.1");
    expect(turns.shift()).toBe("a1-1");
    expect(turns.shift()).toBe("a1-2");
    // Arriving now, b1 goes next, then they alternate: no backlog of turns saved up while it was away.
    for (const i of [1, 2]) turns.push("b1", `b1-${i}`, "10.0.0.2");
    turns.push("a1", "a1-4", "10.0.0.1");
    expect(served(turns)).toEqual(["b1-1", "a1-3", "b1-2", "a1-4"]);
    turns.push("c1", "c", "10.0.0.3");
    expect(turns.drain()).toEqual(["c"]);
    expect(turns.size).toBe(0);
    expect(turns.shift()).toBeUndefined();
  });
});

describe("an item given up while it waits", () => {
  it("leaves the line: it frees its session's place under the cap and its address's turn, and is never served", () => {
    const turns = createFairTurns<string>(2);
    turns.push("a1", "a1-1", "10.0.0.1");
    turns.push("a1", "a1-2", "10.0.0.1");
    expect(turns.push("a1", "a1-3", "10.0.0.1")).toBe(false);
    expect(turns.remove("a1-2")).toBe(true);
    expect(turns.remove("a1-2")).toBe(false);
    expect(turns.size).toBe(1);
    expect(turns.push("a1", "a1-3", "10.0.0.1")).toBe(true);
    turns.push("b1", "b1-1", "10.0.0.2");
    expect(served(turns)).toEqual(["a1-1", "b1-1", "a1-3"]);
  });

  it("a session that gives up its latest item is due as if it had never queued it", () => {
    const turns = createFairTurns<string>(8);
    turns.push("a1", "a1-1", "10.0.0.1");
    turns.push("a1", "a1-2", "10.0.0.1");
    turns.push("b1", "b1-1", "10.0.0.2");
    turns.remove("a1-2");
    // a1's next item takes the turn a1-2 would have had, not one after it.
    turns.push("a1", "a1-3", "10.0.0.1");
    turns.push("b1", "b1-2", "10.0.0.2");
    expect(served(turns)).toEqual(["a1-1", "b1-1", "a1-3", "b1-2"]);
    turns.push("c1", "c1-1");
    expect(turns.remove("c1-1")).toBe(true);
    expect(turns.size).toBe(0);
    expect(turns.shift()).toBeUndefined();
  });
});
