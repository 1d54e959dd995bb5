import { describe, expect, it } from "vitest";
import type { HistorySession } from "../../server/contracts/index.js";
import { scoreSeries, weakestCriteria } from "../../client/src/progress/progress-data.js";
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
