/**
 * Plain-words and short answers against their human labels (session 16, branch `plain5`):
 * `npx tsx scripts/eval/plain-words.ts [tune|held] [--rows]`. Prints, per kind, the mean score against the mean
 * label, and how many dumps score above their question's weak exemplar (must be 0). Fixtures:
 * test/fixtures/plain5/ (held.yaml was written and committed before any grader change and is never tuned on).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";

type Row = { questionId: string; kind: "plain" | "short" | "dump"; label: number; answer: string };
const split = process.argv[2] === "held" ? "held" : "tune";
const showRows = process.argv.includes("--rows");
const rows = parse(readFileSync(new URL(`../../test/fixtures/plain5/${split}.yaml`, import.meta.url), "utf8")) as Row[];
const pack = loadPacksFromDir(new URL("../../scenarios", import.meta.url).pathname).find((p) => p.id === "ai-engineer")!;
const question = (id: string) => pack.questions.find((q) => q.id === id)!;
const weak = (id: string) => {
  const answer = question(id).exemplars.find((e) => e.level === "weak")!.answer;
  return questionScore(question(id).rubric, gradeQuestion(question(id), [{ text: answer }], { pack, gradingExemplar: answer }).scores);
};

const byKind = new Map<string, { score: number; label: number; n: number; above: number; flagged: number }>();
for (const r of rows) {
  const q = question(r.questionId);
  const g = gradeQuestion(q, [{ text: r.answer }], { pack });
  const score = questionScore(q.rubric, g.scores);
  const k = byKind.get(r.kind) ?? { score: 0, label: 0, n: 0, above: 0, flagged: 0 };
  k.score += score;
  k.label += r.label;
  k.n++;
  if (r.kind === "dump" && score > weak(r.questionId)) k.above++;
  if (r.kind !== "dump" && g.flags.length) k.flagged++;
  byKind.set(r.kind, k);
  if (showRows) {
    console.log(`\n[${r.kind}] ${r.questionId} label ${r.label} score ${score.toFixed(1)} flags ${g.flags.map((f) => f.kind).join(",")}`);
    for (const s of g.scores) console.log(`  ${s.criterionId} ${s.score}: ${s.feedback.slice(0, 260)}`);
  }
}
for (const [kind, k] of byKind)
  console.log(
    `${split} ${kind}: ${k.n} rows, mean score ${(k.score / k.n).toFixed(1)} against label ${(k.label / k.n).toFixed(1)}` +
      (kind === "dump" ? `, above weak ${k.above}` : `, flagged ${k.flagged}`),
  );
