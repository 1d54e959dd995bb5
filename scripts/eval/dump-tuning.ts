// Error analysis aid: the tuning split's rows with score, label and the grader's feedback, as JSON lines.
//   npx tsx scripts/eval/dump-tuning.ts <beetle|saf|powergrading> <dir> > out.jsonl
// Test rows are never written.
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { authorPack, slug } from "./author-pack.js";
import { loadBeetle } from "./datasets/beetle.js";
import { loadPowergrading } from "./datasets/powergrading.js";
import { loadSaf } from "./datasets/saf.js";
import type { EvalItem } from "./types.js";

const LOADERS: Record<string, (path: string) => EvalItem[]> = { beetle: loadBeetle, saf: loadSaf, powergrading: loadPowergrading };
const [name = "", path = ""] = process.argv.slice(2);
const items = LOADERS[name]!(path);
const pack = authorPack(name, items);
for (const item of items) {
  if (item.split !== "tuning") continue;
  const q = pack.questions.find((x) => x.id === slug(item.questionId))!;
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
