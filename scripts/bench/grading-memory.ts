// Whether grading's caches stay bounded in a long-running server: thousands of gradings on the interview's path
// (a fresh pack object per answer), each answer a new text (a blind answer with a numbered line of its own, so
// every cache keyed by text keeps filling), with the heap measured after a full collection every `every` gradings.
// A flat heap after the caches fill is the pass; the bench prints it and asserts nothing (the machine is shared).
//   npx tsx -e 'import("./scripts/bench/grading-memory.ts").then(m=>m.benchGradingMemory())'
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { blindAnswers } from "./blind-answers.js";

/** A full collection (node runs without --expose-gc: the flag is set for a fresh context's `gc`). */
function collect(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

export async function benchGradingMemory(gradings = 5000, every = 500): Promise<void> {
  const started = performance.now();
  const [loaded] = loadPacksFromDir("scenarios");
  const json = JSON.stringify(loaded!);
  const answers = blindAnswers(loaded!);
  const heap: { graded: number; mb: number }[] = [];
  const measure = (graded: number) => {
    collect();
    heap.push({ graded, mb: process.memoryUsage().heapUsed / 2 ** 20 });
  };
  measure(0);
  for (let i = 1; i <= gradings; i++) {
    const a = answers[i % answers.length]!;
    const line = `\n\nNote ${i}: we measured this on run ${i}.`;
    const body = "code" in a.body ? { ...a.body, code: `${a.body.code}\n# run ${i}` } : { text: `${a.body.text}${line}` };
    const pack = JSON.parse(json) as Pack;
    gradeQuestion(
      pack.questions.find((x) => x.id === a.id)!,
      [body],
      { pack },
    );
    if (i % every === 0) measure(i);
  }
  const after = heap.filter((h) => h.graded >= gradings / 2);
  const spread = Math.max(...after.map((h) => h.mb)) - Math.min(...after.map((h) => h.mb));
  console.log(`heap after a full GC (MB), every ${every} gradings: ${heap.map((h) => h.mb.toFixed(0)).join(" ")}`);
  console.log(
    `grading memory: ${gradings} gradings of new answer texts; second half's heap ${Math.min(...after.map((h) => h.mb)).toFixed(0)}-${Math.max(...after.map((h) => h.mb)).toFixed(0)} MB (spread ${spread.toFixed(0)} MB), ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
