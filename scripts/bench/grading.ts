// Offline grading speed: every exemplar answer of the built-in pack, graded many times.
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { printRow, summarise } from "./stats.js";

export async function benchGrading(): Promise<void> {
  const [pack] = loadPacksFromDir("scenarios");
  const answers = pack!.questions.flatMap((q) => q.exemplars.map((e) => ({ q, body: q.kind === "coding" ? { code: e.answer, language: "python" as const } : { text: e.answer } })));
  for (const a of answers) gradeQuestion(a.q, [a.body]); // warm up
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const a of answers) {
      const t = performance.now();
      gradeQuestion(a.q, [a.body]);
      samples.push(performance.now() - t);
    }
  }
  printRow(`offline grading of one answer (${answers.length} exemplars)`, summarise(samples), "target < 5 ms");
}
