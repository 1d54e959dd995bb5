// Chunk shuffles of genuine answers (session 23, branch `shuffle13`): how many rows of test/fixtures/shuffle13 the
// grader sets aside as `scrambled-words` and how many score above their question's weak model answer, by kind.
//   npx tsx scripts/eval/shuffle13.ts rows tune|held [--rows]   (--rows lists each row: tuning half only)
//   npx tsx scripts/eval/shuffle13.ts sources                    grades the honest sources the rows come from
//   npx tsx scripts/eval/shuffle13.ts speed                      the joint reader's cost per answer
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { analyse } from "../../server/grading/language/analyse.js";
import { readJoints } from "../../server/grading/language/word-junction.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { ChunkRowSchema, ROW_FILE, sources } from "./shuffle13-rows.js";

const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!;
const question = (id: string): Question => {
  const q = pack.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const grade = (q: Question, text: string) => {
  const g = gradeQuestion(q, [{ text }], { pack });
  return { score: questionScore(q.rubric, g.scores), set: g.flags.some((f) => f.kind === "scrambled-words"), flags: g.flags };
};
const weak = new Map<string, number>();
const weakOf = (q: Question) => {
  if (!weak.has(q.id)) {
    // The weak model answer graded as an answer, not as the copy of itself it is (as calibrate grades it).
    const answer = q.exemplars.find((e) => e.level === "weak")!.answer;
    weak.set(q.id, questionScore(q.rubric, gradeQuestion(q, [{ text: answer }], { pack, gradingExemplar: answer }).scores));
  }
  return weak.get(q.id)!;
};

function rows(split: "tune" | "held", detail: boolean): void {
  const all = z.array(ChunkRowSchema).parse(parse(readFileSync(ROW_FILE(split), "utf8")));
  const cells = new Map<string, { n: number; set: number; aboveWeak: number; sum: number }>();
  const add = (key: string, set: boolean, above: boolean, score: number) => {
    const c = cells.get(key) ?? { n: 0, set: 0, aboveWeak: 0, sum: 0 };
    c.n++;
    c.set += set ? 1 : 0;
    c.aboveWeak += above ? 1 : 0;
    c.sum += score;
    cells.set(key, c);
  };
  for (const r of all) {
    const q = question(r.questionId);
    const g = grade(q, r.answer);
    const above = g.score > weakOf(q);
    const chunk = r.kind.startsWith("chunk");
    for (const key of [`kind ${r.kind}`, chunk ? "all chunk" : "all sentences"]) add(key, g.set, above, g.score);
    if (detail && split === "tune")
      console.log(
        `  ${r.id}: ${g.score.toFixed(1)} (weak ${weakOf(q).toFixed(1)})${g.set ? " set aside" : ""}${above ? " ABOVE WEAK" : ""}`,
      );
  }
  console.log(`${split}: set aside / rows, above weak, mean score`);
  for (const [k, c] of [...cells].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`  ${k}: ${c.set}/${c.n}, above weak ${c.aboveWeak}, mean ${(c.sum / c.n).toFixed(1)}`);
}

function graded(): void {
  let flagged = 0;
  const list = sources();
  const sum = { tune: 0, held: 0 };
  for (const s of list) {
    const q = question(s.questionId);
    const g = grade(q, s.answer);
    sum[s.split] += g.score;
    if (g.set) {
      flagged++;
      console.log(`  FLAGGED ${s.id}`);
    }
  }
  const n = (split: "tune" | "held") => list.filter((s) => s.split === split).length;
  console.log(`sources: ${list.length}, set aside as scrambled ${flagged}; mean score tune ${(sum.tune / n("tune")).toFixed(1)}`);
}

/**
 * The joint reader's own cost per answer on the grading path: its text is already analysed there (the class order
 * reads the same prose first), so the analysis is warmed here and only the joints are timed. The model's one-off load
 * is timed apart.
 */
function speed(): void {
  const t0 = performance.now();
  readJoints("Warm the model: one short sentence read once.");
  const load = performance.now() - t0;
  const texts = sources().map((s) => s.answer);
  for (const f of ["tune", "held"] as const)
    for (const r of z.array(ChunkRowSchema).parse(parse(readFileSync(ROW_FILE(f), "utf8")))) texts.push(r.answer);
  const ms: number[] = [];
  for (const t of texts) {
    analyse(t);
    // The least of three runs: the machine is shared, and a run another process interrupts measures that process.
    let least = Infinity;
    for (let i = 0; i < 3; i++) {
      const a = performance.now();
      readJoints(t);
      least = Math.min(least, performance.now() - a);
    }
    ms.push(least);
  }
  ms.sort((a, b) => a - b);
  const q = (f: number) => ms[Math.floor(f * (ms.length - 1))]!.toFixed(3);
  console.log(`model load ${load.toFixed(1)} ms; per answer (${ms.length}): median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
}

const [mode, split] = process.argv.slice(2);
if (mode === "rows" && (split === "tune" || split === "held")) rows(split, process.argv.includes("--rows"));
else if (mode === "sources") graded();
else if (mode === "speed") speed();
else {
  console.error("usage: npx tsx scripts/eval/shuffle13.ts rows tune|held [--rows] | sources");
  process.exit(2);
}
