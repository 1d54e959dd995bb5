// Off-topic and rambling answers (session 22, branch `ramble12`): `npx tsx scripts/eval/ramble12.ts [tune|held] [--rows]`.
// Per kind: mean score against mean label, mean absolute error, how many rows are flagged as manipulation, and (for
// off-topic rows) how many score above their question's weak exemplar (must be 0). Rows: test/fixtures/ramble12/.
import { MANIPULATION } from "../../server/grading/integrity/index.js";
import { questionScore } from "../../server/grading/index.js";
import { fixtureQuestion, gradeRow, readFixtureRows, weakScore } from "./fixture-rows.js";

const split = process.argv[2] === "held" ? "held" : "tune";
const showRows = process.argv.includes("--rows");
const rows = readFixtureRows(`test/fixtures/ramble12/${split}.yaml`);
const byKind = new Map<string, { score: number; label: number; err: number; n: number; above: number; flagged: number }>();
for (const r of rows) {
  const g = gradeRow(r, r.answer);
  const score = questionScore(fixtureQuestion(r).rubric, g.scores);
  const k = byKind.get(r.kind) ?? { score: 0, label: 0, err: 0, n: 0, above: 0, flagged: 0 };
  k.score += score;
  k.label += r.label ?? 0;
  k.err += Math.abs(score - (r.label ?? 0));
  k.n++;
  if (r.kind === "offtopic" && score > weakScore(r)) k.above++;
  if (g.flags.some((f) => MANIPULATION.includes(f.kind))) k.flagged++;
  byKind.set(r.kind, k);
  if (showRows) {
    console.log(`\n[${r.kind}] ${r.id} label ${r.label} score ${score.toFixed(1)} flags ${g.flags.map((f) => f.kind).join(",")}`);
    for (const s of g.scores) console.log(`  ${s.criterionId} ${s.score}: ${s.feedback.slice(0, 300)}`);
  }
}
for (const [kind, k] of byKind)
  console.log(
    `${split} ${kind}: ${k.n} rows, mean score ${(k.score / k.n).toFixed(1)} against label ${(k.label / k.n).toFixed(1)}, ` +
      `MAE ${(k.err / k.n).toFixed(1)}, flagged ${k.flagged}` +
      (kind === "offtopic" ? `, above weak ${k.above}` : ""),
  );
