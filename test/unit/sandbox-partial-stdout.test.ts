import { describe, expect, it } from "vitest";
import { createPartialStdout } from "../../server/sandbox/python/partial-stdout.js";

describe("partial stdout of a stopped Python run", () => {
  it("attributes text to the test whose marker came before it, across any chunk split", () => {
    const whole = "loading\n\u0000case:0\nfirst\n\u0000case:1\nsecond é\n";
    for (let cut = 0; cut <= whole.length; cut++) {
      const p = createPartialStdout(1000);
      p.feed(whole.slice(0, cut));
      p.feed(whole.slice(cut));
      expect([p.of(0), p.of(1), p.of(2)], `cut at ${cut}`).toEqual(["first\n", "second é\n", ""]);
    }
  });

  it("a run stopped while loading shows the load's output on its first test only", () => {
    const p = createPartialStdout(1000);
    p.feed("top level print\n");
    expect([p.of(0), p.of(1)]).toEqual(["top level print\n", ""]);
  });

  it("keeps at most the limit per test, and NUL bytes that are not markers stay text", () => {
    const p = createPartialStdout(5);
    p.feed("\u0000case:0\n");
    p.feed("abcdefgh");
    p.feed("\u0000case:x\n");
    expect(p.of(0)).toBe("abcde");
    const q = createPartialStdout(100);
    q.feed("\u0000case:0\na\u0000b\n");
    expect(q.of(0)).toBe("a\u0000b\n");
  });
});
