import { describe, expect, it } from "vitest";
import type { HistorySession } from "../../server/contracts/index.js";
import { scoreSeries, sessionLabels, weakestCriteria } from "../../client/src/progress/progress-data.js";
import { clampSplit, SPLIT_MAX, SPLIT_MIN } from "../../client/src/room/split.js";

const session = (n: number, over: Partial<HistorySession>): HistorySession => ({
  sessionId: `00000000-0000-4000-8000-00000000000${n}`,
  packId: "ai-engineer",
  packTitle: "AI Engineer",
  mode: "timed",
  level: "mid",
  status: "complete",
  startedAt: n * 86_400_000,
  completedAt: n * 86_400_000 + 1,
  overall: 50,
  rounds: [],
  criteria: [],
  ...over,
});

describe("progress data", () => {
  it("plots each round kind per completed session, oldest first, averaging repeated kinds", () => {
    const { points, kinds } = scoreSeries([
      session(2, {
        rounds: [
          { roundId: "a", kind: "coding", title: "Coding", score: 80 },
          { roundId: "b", kind: "coding", title: "Coding 2", score: 60 },
        ],
      }),
      session(1, { rounds: [{ roundId: "d", kind: "system-design", title: "Design", score: 30 }] }),
      session(3, { status: "active", overall: null, rounds: [{ roundId: "a", kind: "coding", title: "Coding", score: 0 }] }),
    ]);
    expect(points.map((p) => [p.at, p.coding, p["system-design"]])).toEqual([
      [86_400_000, undefined, 30],
      [172_800_000, 70, undefined],
    ]);
    expect(kinds.sort()).toEqual(["coding", "system-design"]);
  });

  it("ranks criteria by their mean across sessions, per round kind, lowest first", () => {
    const weak = weakestCriteria([
      session(1, {
        criteria: [
          { kind: "system-design", criterionId: "cost", title: "Cost", score: 1 },
          { kind: "coding", criterionId: "tests", title: "Tests", score: 4 },
        ],
      }),
      session(2, {
        criteria: [
          { kind: "system-design", criterionId: "cost", title: "Cost", score: 2 },
          { kind: "behavioural", criterionId: "cost", title: "Cost talk", score: 1.5 },
        ],
      }),
    ]);
    expect(weak.map((w) => [w.kind, w.criterionId, w.score, w.sessions])).toEqual([
      ["system-design", "cost", 1.5, 2],
      ["behavioural", "cost", 1.5, 1],
      ["coding", "tests", 4, 1],
    ]);
  });

  it("keeps the room's split within bounds", () => {
    expect(clampSplit(0)).toBe(SPLIT_MIN);
    expect(clampSplit(2)).toBe(SPLIT_MAX);
    expect(clampSplit(Number.NaN)).toBeGreaterThan(SPLIT_MIN);
  });
});

describe("progress chart labels (session 23: two sessions on one day both read as that day)", () => {
  const day = 20 * 86_400_000;
  it("labels a day's one session by the day, and sessions sharing a day by their time too", () => {
    const { points } = scoreSeries([
      session(1, { startedAt: day + 9 * 3_600_000, rounds: [{ roundId: "a", kind: "coding", title: "Coding", score: 40 }] }),
      session(2, { startedAt: day + 16 * 3_600_000, rounds: [{ roundId: "a", kind: "coding", title: "Coding", score: 60 }] }),
      session(3, { startedAt: day + 3 * 86_400_000, rounds: [{ roundId: "a", kind: "coding", title: "Coding", score: 70 }] }),
    ]);
    const labels = points.map((p) => p.label);
    expect(new Set(labels).size).toBe(3);
    // Same day: the day's label, then a time; another day: the day alone.
    expect(labels[0]!.startsWith(labels[2]!.slice(0, 3))).toBe(true);
    expect(labels[0]).toMatch(/, .*\d{1,2}:\d{2}/);
    expect(labels[1]).toMatch(/, .*\d{1,2}:\d{2}/);
    expect(labels[2]).not.toMatch(/\d{1,2}:\d{2}/);
    // The tooltip's text names the date and the time for every point.
    for (const p of points) expect(p.when).toMatch(/\d{1,2}:\d{2}/);
  });

  it("numbers sessions that share the minute too", () => {
    const labels = sessionLabels([day, day + 1_000, day + 2_000]);
    expect(new Set(labels).size).toBe(3);
    expect(labels[1]).toBe(`${labels[0]} (2)`);
    expect(labels[2]).toBe(`${labels[0]} (3)`);
  });
});
