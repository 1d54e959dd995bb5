// Wrong answers against human labels (session 19, branch `wrong9`): grades every row of
// test/fixtures/wrong9/<tune|held>.yaml (schema: fixture-rows.ts) on the one criterion the row names and prints
// Pearson r and QWK of that criterion's level (x 25) against the label, then per class (wrong figures, wrong but
// fluent, right figures, right and fluent) the mean score against the mean label. held.yaml was committed before
// any grader change and is never tuned on.
// The same runner grades session 20's rows (`wrong10`, a pack with no written misconceptions) with --set=wrong10.
// And session 22's rows (`fluent12`, reversed claims on a pack with no written misconceptions) with --set=fluent12.
//   npx tsx scripts/eval/wrong9.ts [tune|held ...] [--rows] [--set=wrong10]
import { compare } from "./metrics.js";
import { type FixtureRow, gradeRow, printKindSummary, readFixtureRows } from "./fixture-rows.js";

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const showRows = args.includes("--rows");
const set = args.find((a) => a.startsWith("--set="))?.slice("--set=".length) ?? "wrong9";

/** The row's criterion level on 0-100, and that criterion's feedback. */
function criterionScore(row: FixtureRow): { score: number; feedback: string } {
  const graded = gradeRow(row, row.answer).scores.find((s) => s.criterionId === row.criterion);
  if (!graded) throw new Error(`${row.id}: no criterion ${row.criterion} on ${row.questionId}`);
  return { score: graded.score * 25, feedback: graded.feedback };
}

for (const file of files.length ? files : ["tune", "held"]) {
  const rows = readFixtureRows(`test/fixtures/${set}/${file}.yaml`);
  const scored = rows.map((r) => ({ r, ...criterionScore(r) }));
  const { r, qwk } = compare(
    scored.map(({ r: row, score }) => ({ questionId: row.questionId, label: (row.label ?? 0) / 25, predicted: score / 25 })),
  );
  console.log(`${file}: n ${rows.length}, r ${r.toFixed(3)}, QWK ${qwk.toFixed(3)}`);
  printKindSummary(
    scored,
    (group) => `, ${group.filter((x) => x.score > (x.r.label ?? 0) + 12.5).length} a level or more above their label`,
    14,
  );
  if (showRows)
    for (const { r: row, score, feedback } of scored)
      console.log(
        `\n${row.id} [${row.kind}] ${row.questionId}:${row.criterion} label ${row.label} score ${score}\n  ${feedback.replace(/\s+/g, " ")}`,
      );
}
