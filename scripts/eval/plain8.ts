// Plain words on a small pack without `plain:` phrasings (session 19, branch `plain8`): grades every row of
// test/fixtures/plain8/<tune|held>.yaml (schema: fixture-rows.ts) and prints Pearson r and QWK of the question score
// against the label, then per kind the mean score against the mean label; for the kinds that must stay low (vague,
// gaming) also how many rows score above their label and above their question's weak exemplar. held.yaml was
// committed before any grader change and is never tuned on.
//   npx tsx scripts/eval/plain8.ts [tune|held ...] [--rows]
import { compare } from "./metrics.js";
import { type FixtureRow, printKindSummary, printRows, readFixtureRows, rowScore, weakScore } from "./fixture-rows.js";

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const showRows = args.includes("--rows");
const LOW_KINDS = ["gaming", "vague"];
/** A low row may score up to this much above its label before it counts as raised (the grader's scale is coarse). */
const SLACK = 10;

for (const file of files.length ? files : ["tune", "held"]) {
  const rows: FixtureRow[] = readFixtureRows(`test/fixtures/plain8/${file}.yaml`);
  const scored = rows.map((r) => ({ r, score: rowScore(r, r.answer) }));
  const { r, qwk } = compare(
    scored.map(({ r: row, score }) => ({ questionId: row.questionId, label: (row.label ?? 0) / 25, predicted: score / 25 })),
  );
  console.log(`${file}: n ${rows.length}, r ${r.toFixed(3)}, QWK ${qwk.toFixed(3)}`);
  printKindSummary(scored, (group, kind) => {
    const aboveLabel = group.filter((x) => x.score > (x.r.label ?? 0) + SLACK).length;
    const aboveWeak = group.filter((x) => x.score > weakScore(x.r) + 1e-9).length;
    const farBelow = group.filter((x) => x.score < (x.r.label ?? 0) - 25).length;
    return LOW_KINDS.includes(kind) ? `, above label+${SLACK} ${aboveLabel}, above weak ${aboveWeak}` : `, more than 25 below ${farBelow}`;
  });
  if (showRows) printRows(scored);
}
