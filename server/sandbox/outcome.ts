import { z } from "zod";
import type { SandboxLimits } from "./limits.js";
import type { CaseOutcome } from "./types.js";

/**
 * One case's outcome as the sandbox reported it, checked field by field with
 * strict types: whatever the sandboxed side sends, the server keeps only plain
 * data within the limits (a value the harness refused arrives as an error).
 */
const ReportedOutcome = z.object({
  ok: z.boolean(),
  value: z.json().optional(),
  error: z.string().optional(),
  stdout: z.string().default(""),
  stderr: z.string().default(""),
  ms: z.number().finite().nonnegative().default(0),
});

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}\n… [cut at the output limit]` : s);

export function parseOutcome(raw: unknown, limits: SandboxLimits): CaseOutcome {
  const parsed = ReportedOutcome.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "the sandbox sent a malformed result", stdout: "", stderr: "", ms: 0 };
  const o = parsed.data;
  const text = { stdout: cut(o.stdout, limits.outputBytes + 200), stderr: cut(o.stderr, limits.outputBytes + 200), ms: o.ms };
  if (o.ok) return { ok: true, value: o.value ?? null, ...text };
  return { ok: false, error: cut(o.error ?? "failed", 2000), ...text };
}
