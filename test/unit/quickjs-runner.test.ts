import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../../server/sandbox/index.js";
import { createQuickJSRunner } from "../../server/sandbox/typescript/quickjs-runner.js";
import type { BatchRequest } from "../../server/sandbox/types.js";

// The runner in this thread (the sandbox runs it in a worker): QuickJS's own stderr is visible here.
const limits = { ...DEFAULT_LIMITS, perTestMs: 300 };
const batch = (code: string, cases = 2): BatchRequest => ({
  language: "typescript",
  code,
  entrypoint: "f",
  cases: Array.from({ length: cases }, (_, i) => ({ args: [i, 1] })),
});

afterEach(() => vi.restoreAllMocks());

describe("the QuickJS runner frees what it creates", () => {
  it("a batch cut off with promise jobs queued ends without QuickJS aborting, and the next batch runs", async () => {
    const printed: string[] = [];
    for (const method of ["error", "warn", "log"] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    const runner = createQuickJSRunner({ limits });
    const spinning = [
      "export async function f() { const spin = (): Promise<void> => Promise.resolve().then(spin); await spin(); return 3; }",
      "export function f() { const spin = (): Promise<void> => Promise.resolve().then(spin); spin(); return new Promise(() => {}); }",
    ];
    // Several runs: the abort came on some of them, depending on where the deadline fell.
    for (let i = 0; i < 3; i++) {
      for (const code of spinning) {
        const r = await runner.run(batch(code, 1 + (i % 2)));
        expect(
          r.outcomes.every((o) => !o.ok && /time limit/.test(o.error ?? "")),
          JSON.stringify(r),
        ).toBe(true);
      }
    }
    const healthy = await runner.run(batch("export function f(a: number, b: number) { return a + b; }"));
    expect(healthy.outcomes.map((o) => o.value)).toEqual([1, 2]);
    expect(printed.filter((l) => /Aborted|Assertion failed/.test(l))).toEqual([]);
    await runner.close();
  }, 60_000);
});
