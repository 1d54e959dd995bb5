// Error analysis aid: the tuning split's rows with score, label and the grader's feedback, as JSON lines.
//   npx tsx scripts/eval/dump-tuning.ts <beetle|saf|powergrading> <dir> [--pack <file>] > out.jsonl
// Test rows are never written.
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { LOADERS } from "./loaders.js";
import { packFor, withoutPackOption } from "./pack-option.js";

const [name = "", path = ""] = withoutPackOption(process.argv.slice(2));
const items = LOADERS[name]!(path).filter((item) => item.split === "tuning");
const { pack, graded: toGrade, skipped } = packFor(name, items, process.argv);
if (skipped.length) console.error(`skipped: ${skipped.length} tuning answers to questions the pack lacks`);
for (const { item, question: q } of toGrade) {
  const graded = gradeQuestion(q, [{ text: item.answer }], { pack });
  const s = graded.scores[0]!;
  console.log(
    JSON.stringify({
      q: item.questionId,
      label: item.label,
      second: item.secondLabel,
      score: questionScore(q.rubric, graded.scores) / 25,
      answer: item.answer,
      ref: item.references[0],
      terms: q.rubric[0]!.evidence.concepts.map((c) => c.terms[0]),
      fb: s.feedback,
    }),
  );
}
