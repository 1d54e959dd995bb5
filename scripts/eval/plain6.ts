// Plain words and figures against human labels (session 17, branch `plain6`): grades every row of
// test/fixtures/plain6/<tune|held>.yaml (schema: fixture-rows.ts) and prints Pearson r and QWK of the question
// score against the label (both on 0-4 for QWK), then per kind the mean score against the mean label, and gaming
// rows above their question's weak exemplar (must be 0). held.yaml was committed before any grader change and is
// never tuned on.
// Rows of other sessions' fixtures are named by their folder: `plain7/held` reads test/fixtures/plain7/held.yaml.
// Session 21's built-in-pack rows: `plain11/held`, `plain11/tune`.
//   npx tsx scripts/eval/plain6.ts [tune|held|<folder>/<file> ...] [--rows]
import { compare } from "./metrics.js";
import { type FixtureRow, printKindSummary, printRows, readFixtureRows, rowScore, weakScore } from "./fixture-rows.js";

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const showRows = args.includes("--rows");
/** Kinds that must not score above their question's weak exemplar ("wrong": plain11's wrong plain answers). */
const LOW_KINDS = ["gaming", "vague", "wrong"];

for (const file of files.length ? files : ["tune", "held"]) {
  const rows: FixtureRow[] = readFixtureRows(`test/fixtures/${file.includes("/") ? file : `plain6/${file}`}.yaml`);
  const scored = rows.map((r) => ({ r, score: rowScore(r, r.answer) }));
  const { r, qwk } = compare(
    scored.map(({ r: row, score }) => ({ questionId: row.questionId, label: (row.label ?? 0) / 25, predicted: score / 25 })),
  );
  console.log(`${file}: n ${rows.length}, r ${r.toFixed(3)}, QWK ${qwk.toFixed(3)}`);
  printKindSummary(
    scored,
    (group, kind) => (LOW_KINDS.includes(kind) ? `, above weak ${group.filter((x) => x.score > weakScore(x.r) + 1e-9).length}` : ""),
    13,
  );
  if (showRows) printRows(scored);
}
