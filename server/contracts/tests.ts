import { z } from "zod";
import { LanguageSchema } from "./enums.js";

/** One test as the candidate may see it: everything for visible tests, pass/fail only for hidden ones. */
export const TestResultSchema = z.discriminatedUnion("visible", [
  z.object({
    name: z.string(),
    visible: z.literal(true),
    passed: z.boolean(),
    args: z.array(z.unknown()),
    expected: z.unknown(),
    actual: z.unknown().optional(),
    error: z.string().optional(),
    stdout: z.string(),
    stderr: z.string(),
    ms: z.number(),
  }),
  // Hidden tests: pass/fail only. Not even timing, which candidate code could modulate to leak inputs.
  z.object({ name: z.string(), visible: z.literal(false), passed: z.boolean() }),
]);
export type TestResult = z.infer<typeof TestResultSchema>;

export const TestReportSchema = z.object({
  language: LanguageSchema,
  scope: z.enum(["visible", "all"]),
  passed: z.number().int(),
  total: z.number().int(),
  hiddenPassed: z.number().int(),
  hiddenTotal: z.number().int(),
  /** "ok" unless the run was stopped early. */
  status: z.enum(["ok", "timeout", "crashed", "output-limit", "compile-error"]),
  /**
   * With status "timeout": which of the run's budgets ran out. "cpu": the code used its CPU time
   * (a loop). "wall": it ran out of wall-clock time without using its CPU time (sleeping or blocked);
   * time spent waiting for a core on a busy server does not count, up to twice the wall budget. "ceiling": it
   * reached that twice (the server was busy and it had not finished: a loop or slow code starved of CPU).
   */
  budgetSpent: z.enum(["cpu", "wall", "ceiling"]).optional(),
  results: z.array(TestResultSchema),
  ms: z.number(),
});
export type TestReport = z.infer<typeof TestReportSchema>;

/** A visible test as shown with the question (hidden tests are never sent). */
export const VisibleTestSchema = z.object({ name: z.string(), args: z.array(z.unknown()), expected: z.unknown() });
export type VisibleTest = z.infer<typeof VisibleTestSchema>;
