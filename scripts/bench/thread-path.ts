// CPU per answer on the interview's own path: the grading thread (server/interview/grading-thread), holding the
// full pack as one object sent once, as server/app.ts runs it. interview-path.ts calls gradeQuestion in process
// with a fresh pack object per answer; the thread keeps one pack object per (id, version), so per-pack work is
// found by identity there. Compares checkouts in one run (the order alternates per round: the first graded in a
// round came out faster in earlier sessions):
//   npx tsx scripts/bench/thread-path.ts [rounds] [other checkout's root ...] [--exemplars]
// CPU is the whole process's (worker and main thread) while one answer is graded; the main thread only waits.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AnswerBody } from "../../server/contracts/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { blindAnswers } from "./blind-answers.js";
import { summarise } from "./stats.js";

type Thread = {
  grade: (q: Pack["questions"][number], answers: AnswerBody[], ctx: { pack: Pack; owner?: string }) => Promise<unknown>;
  warm: (q: Pack["questions"][number], pack: Pack) => Promise<void>;
  close: () => Promise<void>;
};
const exemplars = process.argv.includes("--exemplars");
const [roundsArg, ...others] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const rounds = Number(roundsArg ?? 3);
const roots = [resolve("."), ...others.map((r) => resolve(r))];
const [pack] = loadPacksFromDir("scenarios");
const answers = exemplars
  ? pack!.questions.flatMap((q) =>
      q.exemplars.map((e) => ({
        id: q.id,
        body: (q.kind === "coding" ? { code: e.answer, language: "python" } : { text: e.answer }) as AnswerBody,
      })),
    )
  : blindAnswers(pack!);
const threads: Thread[] = [];
for (const root of roots) {
  const mod = (await import(pathToFileURL(`${root}/server/interview/grading-thread/index.ts`).href)) as {
    createGradingThread: () => Thread;
  };
  threads.push(mod.createGradingThread());
}
const cpu = roots.map(() => [] as number[]);
const once = async (g: number, keep: boolean) => {
  for (const a of answers) {
    const q = pack!.questions.find((x) => x.id === a.id)!;
    const c = process.cpuUsage();
    await threads[g]!.grade(q, [a.body], { pack: pack!, owner: "bench" });
    const used = process.cpuUsage(c);
    if (keep) cpu[g]!.push((used.user + used.system) / 1000);
  }
};
for (let g = 0; g < roots.length; g++) {
  await threads[g]!.warm(pack!.questions[0]!, pack!);
  await once(g, false); // warm up: the language model, the pack's index, WordNet
}
const started = performance.now();
for (let r = 0; r < rounds; r++) {
  const order = roots.map((_, g) => g);
  if (r % 2 === 1) order.reverse();
  for (const g of order) await once(g, true);
}
for (let g = 0; g < roots.length; g++) {
  const c = summarise(cpu[g]!);
  console.log(
    `${roots[g]}: ${answers.length} ${exemplars ? "exemplars" : "blind answers"} x ${rounds} through the grading thread: CPU median ${c.median.toFixed(2)} ms, p95 ${c.p95.toFixed(2)} ms`,
  );
}
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s timed`);
for (const t of threads) await t.close();
