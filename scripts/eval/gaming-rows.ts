// One row schema for the gaming fixture sets (test/fixtures/template6, gaming7, gaming8, integrity8): a graded answer, its
// class and what it is measured against (the weak exemplar, a clean twin `without`, a criterion level, a floor).
// Shared by scripts/eval/template6.ts, gaming7.ts, gaming8.ts and integrity8.ts so a class means the same thing in all.
import { z } from "zod";
import { questionScore } from "../../server/grading/index.js";
import { FixtureRowSchema, fixtureQuestion as rowQuestion, gradeRow, readFixtureRows, rowScore, weakScore } from "./fixture-rows.js";

/** A fixture row (fixture-rows.ts, the one row schema) whose class is one of the gaming set's. */
export const GamingRowSchema = FixtureRowSchema.extend({
  kind: z.enum([
    "buzzword",
    "appended",
    "wrong-numbers",
    "right-numbers",
    "honest",
    "injection",
    "figure-salad",
    "gibberish",
    "word-salad",
    "stuffed-filler",
    "keyword-list",
    "template",
  ]),
  /** Injection: an honest phrase no flag may quote. */
  keep: z.string().optional(),
});
export type GamingRow = z.infer<typeof GamingRowSchema>;

/** Flags that are an attack on the grader (the penalised set), as opposed to text that earns nothing. */
export const ATTACK_FLAGS = new Set(["grader-instruction", "fake-verdict", "role-tag", "self-assessment", "hidden-instruction"]);

/** Whether a row holds its label, and a one-line account. */
export function judgeRow(r: GamingRow): { holds: boolean; detail: string; flags: string } {
  const g = gradeRow(r, r.answer);
  const s = questionScore(rowQuestion(r).rubric, g.scores);
  const flags = g.flags.map((f) => f.kind).join(",");
  switch (r.kind) {
    case "buzzword":
    case "gibberish":
    case "figure-salad":
    case "word-salad":
    case "stuffed-filler":
    case "keyword-list":
    case "template": {
      const w = weakScore(r);
      return { holds: s <= w + 1e-9, detail: `${s.toFixed(1)} vs weak ${w.toFixed(1)}`, flags };
    }
    case "appended": {
      const w = weakScore(r);
      const base = rowScore(r, r.without!);
      return {
        holds: s <= Math.max(base, w) + 1e-9,
        detail: `${s.toFixed(1)} vs without ${base.toFixed(1)}, weak ${w.toFixed(1)}`,
        flags,
      };
    }
    case "injection": {
      const base = rowScore(r, r.without!);
      const flagged = g.flags.some((f) => ATTACK_FLAGS.has(f.kind));
      const keepQuoted = g.flags.some((f) => r.keep && f.quote.toLowerCase().includes(r.keep.toLowerCase()));
      return {
        holds: flagged && !keepQuoted && s <= base + 1e-9,
        detail: `${s.toFixed(1)} vs without ${base.toFixed(1)}${flagged ? "" : " UNFLAGGED"}${keepQuoted ? " KEEP-QUOTED" : ""}`,
        flags,
      };
    }
    case "honest":
      return {
        holds: s >= r.min! && !g.flags.length,
        detail: `${s.toFixed(1)} (min ${r.min}, label ${r.label})${g.scores[0]?.notGraded ? ` ${g.scores[0].notGraded}` : ""}`,
        flags,
      };
    default: {
      const c = g.scores.find((x) => x.criterionId === r.criterion)!;
      const holds = r.kind === "wrong-numbers" ? c.score <= r.maxLevel! : c.score >= r.minLevel!;
      const bound = r.kind === "wrong-numbers" ? `max ${r.maxLevel}` : `min ${r.minLevel}`;
      return {
        holds,
        detail: `${r.criterion} ${c.score} (${bound}) q ${s.toFixed(1)}: ${c.feedback.replace(/\s+/g, " ").slice(0, 160)}`,
        flags,
      };
    }
  }
}

/** Grades every row of each named file under `dir` and prints per-class counts (and each row with --rows). */
export function runGamingSets(dir: string, argv: string[]): void {
  const files = argv.filter((a) => !a.startsWith("--"));
  const showRows = argv.includes("--rows");
  for (const file of files.length ? files : ["tune", "held"]) runGamingFile(file, `${dir}/${file}.yaml`, showRows);
}

/** Grades every row of one fixture file and prints its per-class counts (and each row with `showRows`). */
export function runGamingFile(name: string, path: string, showRows: boolean): void {
  const tally = new Map<string, { hold: number; n: number }>();
  for (const r of readFixtureRows(path, GamingRowSchema)) {
    const { holds, detail, flags } = judgeRow(r);
    const t = tally.get(r.kind) ?? { hold: 0, n: 0 };
    t.n++;
    if (holds) t.hold++;
    tally.set(r.kind, t);
    if (showRows) console.log(`${holds ? "ok  " : "MISS"} ${r.id.padEnd(9)} ${detail}${flags ? ` [${flags}]` : ""}`);
  }
  console.log(`${name}: ${[...tally].map(([k, t]) => `${k} ${t.hold}/${t.n}`).join(", ")}`);
}
