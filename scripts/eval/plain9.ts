// Plain words on a small pack, and short correct answers that reuse the key points' labels (session 20, branch
// `plain9`): grades every row of test/fixtures/plain9/<tune|held>.yaml (schema: fixture-rows.ts) and prints Pearson
// r and QWK of the question score against the label, then per kind the mean score against the mean label: for the
// kinds that must earn (plain, labels) how many rows score more than 25 below their label, for the kinds that must
// not (gaming, vague) how many score above their question's weak exemplar (must be 0); for every kind how many rows
// were flagged and how many lost words to the off-topic readings (language/on-topic.ts, off-topic-task.ts). held.yaml was committed
// before any grader change and is never tuned on.
//   npx tsx scripts/eval/plain9.ts [tune|held ...] [--rows]
import { withoutOffTopicTasks } from "../../server/grading/language/index.js";
import { withoutOffTopicProse } from "../../server/grading/language/on-topic.js";
import { packIndex } from "../../server/grading/pack-index.js";
import { compare } from "./metrics.js";
import {
  type FixtureRow,
  fixturePack,
  fixtureQuestion,
  gradeRow,
  printKindSummary,
  printRows,
  readFixtureRows,
  rowScore,
  weakScore,
} from "./fixture-rows.js";

/** Whether the off-topic readings (a paragraph or an order not about the question) take any of the answer's words. */
function cutAsOffTopic(r: FixtureRow): boolean {
  const q = fixtureQuestion(r);
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const kept = withoutOffTopicTasks(q, withoutOffTopicProse(q, r.answer, packIndex(fixturePack(r.pack)).idf), {
    story: q.kind === "behavioural",
  });
  return words(kept) < words(r.answer);
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const showRows = args.includes("--rows");
const LOW_KINDS = ["gaming", "vague"];

for (const file of files.length ? files : ["tune", "held"]) {
  const rows: FixtureRow[] = readFixtureRows(`test/fixtures/plain9/${file}.yaml`);
  const scored = rows.map((r) => ({
    r,
    score: rowScore(r, r.answer),
    setAside: gradeRow(r, r.answer).flags.length > 0,
    cut: cutAsOffTopic(r),
  }));
  const { r, qwk } = compare(
    scored.map(({ r: row, score }) => ({ questionId: row.questionId, label: (row.label ?? 0) / 25, predicted: score / 25 })),
  );
  console.log(`${file}: n ${rows.length}, r ${r.toFixed(3)}, QWK ${qwk.toFixed(3)}`);
  printKindSummary(
    scored,
    (group, kind) =>
      (LOW_KINDS.includes(kind)
        ? `, above weak ${group.filter((x) => x.score > weakScore(x.r) + 1e-9).length}`
        : `, more than 25 below ${group.filter((x) => x.score < (x.r.label ?? 0) - 25).length}`) +
      `, flagged ${group.filter((x) => x.setAside).length}, cut as off-topic ${group.filter((x) => x.cut).length}`,
  );
  if (showRows) printRows(scored);
}
