// One schema for the hand-labelled fixture rows the session scripts grade (scripts/eval/template6.ts,
// scripts/eval/plain6.ts): a row names its pack and question, carries the answer, and the expectations its class
// needs (a human label 0-100, a level bound on one criterion, a twin without an appended list).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPackDir, loadPacksFromDir, type Pack, type Question } from "../../server/scenarios/index.js";

const PACK_DIRS = {
  builtin: "scenarios",
  template6: "test/fixtures/packs/template6",
  estimates: "test/fixtures/packs/estimates",
  plain6: "test/fixtures/packs/plain6",
  plain8: "test/fixtures/plain8",
  plain9: "test/fixtures/plain9",
  wrong9: "test/fixtures/wrong9",
  wrong10: "test/fixtures/wrong10",
  fluent12: "test/fixtures/fluent12",
  fluent13: "test/fixtures/fluent13",
  gaming9: "test/fixtures/packs/gaming9",
  "gaming9-tune": "test/fixtures/packs/gaming9-tune",
  gaming10: "test/fixtures/packs/gaming10",
  ramble12: "test/fixtures/ramble12",
  salad13: "test/fixtures/salad13",
} as const;
type PackName = keyof typeof PACK_DIRS;
const ROWS_BESIDE_PACK = new Set<PackName>(["plain8", "plain9", "wrong9", "wrong10", "ramble12", "fluent12", "fluent13", "salad13"]);

export const FixtureRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  pack: z.enum(Object.keys(PACK_DIRS) as [PackName, ...PackName[]]),
  questionId: z.string(),
  answer: z.string(),
  without: z.string().optional(),
  criterion: z.string().optional(),
  maxLevel: z.number().optional(),
  minLevel: z.number().optional(),
  label: z.number().min(0).max(100).optional(),
  min: z.number().optional(),
});
export type FixtureRow = z.infer<typeof FixtureRowSchema>;

/** The rows of a fixture file, checked against the one row schema or a class's extension of it (gaming-rows.ts). */
export function readFixtureRows(path: string): FixtureRow[];
export function readFixtureRows<S extends z.ZodType<FixtureRow>>(path: string, schema: S): z.infer<S>[];
export function readFixtureRows(path: string, schema: z.ZodType<FixtureRow> = FixtureRowSchema): FixtureRow[] {
  return z.array(schema).parse(parse(readFileSync(path, "utf8")));
}

const loaded = new Map<PackName, Pack>();
let everyRowsPack: Pack | undefined;
/** Grades every row against this pack instead of the one it names (`--pack <file>`: the same rows on another pack). */
export function gradeRowsWith(pack: Pack): void {
  everyRowsPack = pack;
}
export function fixturePack(name: PackName): Pack {
  if (everyRowsPack) return everyRowsPack;
  let pack = loaded.get(name);
  if (!pack) {
    // A folder that also holds the rows graded against its pack (plain8's, plain9's, wrong9's and wrong10's held.yaml, tune.yaml) is read as one pack folder.
    const packs = ROWS_BESIDE_PACK.has(name) ? [loadPackDir(PACK_DIRS[name]).pack] : loadPacksFromDir(PACK_DIRS[name]);
    pack = name === "builtin" ? packs.find((p) => p.id === "ai-engineer") : packs[0];
    if (!pack) throw new Error(`no pack in ${PACK_DIRS[name]}`);
    loaded.set(name, pack);
  }
  return pack;
}

export function fixtureQuestion(r: FixtureRow): Question {
  const q = fixturePack(r.pack).questions.find((x) => x.id === r.questionId);
  if (!q) throw new Error(`no question ${r.questionId} in ${r.pack}`);
  return q;
}

export const gradeRow = (r: FixtureRow, text: string, exemplar = false) =>
  gradeQuestion(fixtureQuestion(r), [{ text }], { pack: fixturePack(r.pack), ...(exemplar ? { gradingExemplar: text } : {}) });

export const rowScore = (r: FixtureRow, text: string, exemplar = false) =>
  questionScore(fixtureQuestion(r).rubric, gradeRow(r, text, exemplar).scores);

/** The question score of the row's question's weak exemplar, graded as an exemplar. */
export const weakScore = (r: FixtureRow) => rowScore(r, fixtureQuestion(r).exemplars.find((e) => e.level === "weak")!.answer, true);

/** A graded row: the row and its score (0-100) as the calling script measures it. */
export interface ScoredRow {
  r: FixtureRow;
  score: number;
}

/**
 * Prints, per kind in order of first appearance, the rows' count and mean score against mean label, then what
 * `note` says of that kind's rows (the class's own count: rows above weak, rows far below their label ...).
 */
export function printKindSummary<T extends ScoredRow>(scored: T[], note: (group: T[], kind: string) => string = () => "", width = 7): void {
  for (const kind of [...new Set(scored.map((x) => x.r.kind))]) {
    const group = scored.filter((x) => x.r.kind === kind);
    const mean = (f: (x: T) => number) => group.reduce((a, x) => a + f(x), 0) / group.length;
    console.log(
      `  ${kind.padEnd(width)} n ${String(group.length).padStart(2)}: score ${mean((x) => x.score).toFixed(1)} vs label ${mean((x) => x.r.label ?? 0).toFixed(1)}` +
        note(group, kind),
    );
  }
}

/** Prints each graded row: its id, kind, label and score, its flags, and each criterion's score and feedback. */
export function printRows(scored: ScoredRow[]): void {
  for (const { r: row, score } of scored) {
    const g = gradeRow(row, row.answer);
    const flags = g.flags.map((f) => f.kind).join(",");
    console.log(`\n${row.id} [${row.kind}] label ${row.label} score ${score.toFixed(1)}${flags ? ` flags ${flags}` : ""}`);
    for (const c of g.scores) console.log(`  ${c.criterionId} ${c.score}: ${c.feedback.replace(/\s+/g, " ").slice(0, 240)}`);
  }
}
