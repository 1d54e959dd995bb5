import { describe, expect, it } from "vitest";
import { createRoundEndMirror } from "../../server/interview/round-end-mirror.js";

function recordingSessions() {
  const writes: [string, number | null][] = [];
  let fail = false;
  return {
    writes,
    failNext: () => (fail = true),
    sessions: {
      setRoundEndsAt: async (id: string, endsAt: number | null) => {
        if (fail) {
          fail = false;
          throw new Error("disk full");
        }
        writes.push([id, endsAt]);
      },
    },
  };
}

describe("the stored round deadline", () => {
  it("is written when it changes, not again for each step that leaves it as it was", async () => {
    const r = recordingSessions();
    const mirror = createRoundEndMirror(r.sessions, () => 0);
    await mirror.set("a", 1_000, true);
    await mirror.set("a", 1_000, true);
    await mirror.set("b", 1_000, true);
    await mirror.set("a", 2_000, true);
    await mirror.set("a", null, true);
    await mirror.set("a", null, true);
    expect(r.writes).toEqual([
      ["a", 1_000],
      ["b", 1_000],
      ["a", 2_000],
      ["a", null],
    ]);
  });

  it("is written again after another instance may have written it, after a failed write, and at every step of a finished session", async () => {
    const r = recordingSessions();
    const mirror = createRoundEndMirror(r.sessions, () => 0);
    await mirror.set("a", 1_000, true);
    mirror.forget("a");
    await mirror.set("a", 1_000, true);
    r.failNext();
    await expect(mirror.set("a", 2_000, true)).rejects.toThrow("disk full");
    await mirror.set("a", 1_000, true);
    await mirror.set("a", null, false);
    await mirror.set("a", null, false);
    expect(r.writes).toEqual([
      ["a", 1_000],
      ["a", 1_000],
      ["a", 1_000],
      ["a", null],
      ["a", null],
    ]);
  });
});
