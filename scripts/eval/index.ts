// Agreement with human graders on public short-answer sets.
//   npx tsx scripts/eval/index.ts beetle <dir with answers.csv and the gold files> [--pack <file>]
// Packs are authored from question + reference only (author-pack.ts); the bag-of-words
// baseline runs on the same rows. Tuning and test splits are reported apart, then together
// ("all"), which is comparable with figures measured before a set was split (Powergrading, session 7).
// `--pack <file>` grades with a hand-written pack instead (ids: author-pack.ts's slugs); answers to
// questions it lacks are counted as skipped.
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { DEFAULT_BLEND, type Blend } from "../../server/grading/grade-question.js";
import { LOADERS } from "./loaders.js";
import { packFor, withoutPackOption } from "./pack-option.js";
import { compare } from "./metrics.js";
import { bagOfWordsRecall } from "./baseline.js";
import type { EvalItem } from "./types.js";

export function evaluate(name: string, items: EvalItem[], blend?: Blend, argv: string[] = []) {
  const { pack, graded: toGrade } = packFor(name, items, argv);
  const rows = toGrade.map(({ item, question: q }) => {
    const graded = gradeQuestion(q, [{ text: item.answer }], { pack, blend });
    return { item, grader: questionScore(q.rubric, graded.scores) / 25, baseline: 4 * bagOfWordsRecall(item.answer, item.references) };
  });
  const table = [];
  const splits = new Set(rows.map((r) => r.item.split));
  // Both halves together as well, for figures comparable with those measured before a set was split.
  for (const split of [...(["tuning", "test"] as const), ...(splits.size > 1 ? (["all"] as const) : [])]) {
    const these = split === "all" ? rows : rows.filter((r) => r.item.split === split);
    if (!these.length) continue;
    const grader = compare(these.map((r) => ({ questionId: r.item.questionId, label: r.item.label, predicted: r.grader })));
    const baseline = compare(these.map((r) => ({ questionId: r.item.questionId, label: r.item.label, predicted: r.baseline })));
    const withSecond = these.filter((r) => r.item.secondLabel !== undefined);
    const human = withSecond.length
      ? compare(withSecond.map((r) => ({ questionId: r.item.questionId, label: r.item.label, predicted: r.item.secondLabel! })))
      : null;
    table.push({ split, grader, baseline, human });
  }
  return table;
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  -  ");
if (process.argv[1]?.endsWith("index.ts")) {
  const [name = "", path] = withoutPackOption(process.argv.slice(2));
  const load = LOADERS[name];
  if (!load || !path) {
    console.error(`usage: npx tsx scripts/eval/index.ts <${Object.keys(LOADERS).join("|")}> <dataset path> [--pack <file>]`);
    process.exit(2);
  }
  const items = load(path);
  if (process.argv.includes("--sweep")) {
    // The blend is chosen on the tuning split only.
    const tuning = items.filter((i) => i.split === "tuning");
    for (const weight of [0.25, 0.5, 0.75]) {
      for (const terms of [0, 6, 10]) {
        for (const floor of [0.15, 0.2, 0.25]) {
          // terms 0: a fixed share (`full`) whatever the reference's length.
          const blend = { ...DEFAULT_BLEND, weight, terms: terms || 1e9, floor: terms ? floor : DEFAULT_BLEND.full };
          const [row] = evaluate(name, tuning, blend, process.argv);
          console.log(
            `weight ${weight} terms ${terms} floor ${floor}: tuning r ${f(row!.grader.r)} QWK ${f(row!.grader.qwk)} per-question r ${f(row!.grader.perQuestionR)}`,
          );
          if (!terms) break;
        }
      }
    }
  }
  console.log(`${name}: ${items.length} answers, ${new Set(items.map((i) => i.questionId)).size} questions`);
  const { skipped } = packFor(name, items, process.argv);
  if (skipped.length)
    console.log(`skipped: ${skipped.length} answers to ${new Set(skipped.map((i) => i.questionId)).size} questions the pack lacks`);
  for (const { split, grader, baseline, human } of evaluate(name, items, undefined, process.argv)) {
    console.log(`${split.padEnd(7)} n=${grader.n} questions=${grader.questions}`);
    console.log(`  grader     r ${f(grader.r)}  QWK ${f(grader.qwk)}  per-question r ${f(grader.perQuestionR)}`);
    console.log(`  bag-of-words recall  r ${f(baseline.r)}  QWK ${f(baseline.qwk)}  per-question r ${f(baseline.perQuestionR)}`);
    if (human) console.log(`  human vs human  r ${f(human.r)}  QWK ${f(human.qwk)}  per-question r ${f(human.perQuestionR)}`);
  }
}
