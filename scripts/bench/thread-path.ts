// CPU per answer on the interview's own path: the grading thread (server/interview/grading-thread), holding the
// full pack as one object sent once, as server/app.ts runs it. interview-path.ts calls gradeQuestion in process
// with a fresh pack object per answer; the thread keeps one pack object per (id, version), so per-pack work is
// found by identity there. Compares checkouts in one run (the order alternates per round: the first graded in a
// round came out faster in earlier sessions):
//   npx tsx scripts/bench/thread-path.ts [rounds (rounded up to even)] [other checkout's root ...] [--exemplars]
// Prints median, p90 and p95 per checkout, the median and p95 of each answer's least CPU over the rounds, each
// one's ratio to the first other checkout (the baseline, e.g. the commit before a change), and whether this
// checkout meets the target (median < 5 ms).
// CPU is the whole process's (worker and main thread) while one answer is graded; the main thread only waits.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AnswerBody } from "../../server/contracts/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { blindAnswers } from "./blind-answers.js";
import { percentile, summarise } from "./stats.js";

type Thread = {
  grade: (q: Pack["questions"][number], answers: AnswerBody[], ctx: { pack: Pack; owner?: string }) => Promise<unknown>;
  warm: (q: Pack["questions"][number], pack: Pack) => Promise<void>;
  close: () => Promise<void>;
};
const exemplars = process.argv.includes("--exemplars");
const [roundsArg, ...others] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
// An even number of rounds, so that each checkout is graded first in as many rounds as it is graded last (with an
// odd number one checkout goes first once more). Two checkouts of the same commit still came out x1.11 (3 rounds)
// and x0.90 (4 rounds) apart at load ~20-24 (session 23): below ~10% a single run tells nothing there.
const rounds = Math.ceil(Number(roundsArg ?? 4) / 2) * 2;
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
// Per answer, the least CPU over the rounds: the load of other processes only ever adds time (cache misses, a
// sibling hyperthread), so the least of a few rounds is the figure least moved by the load.
const least = roots.map(() => answers.map(() => Infinity));
const once = async (g: number, keep: boolean) => {
  for (const [i, a] of answers.entries()) {
    const q = pack!.questions.find((x) => x.id === a.id)!;
    const c = process.cpuUsage();
    await threads[g]!.grade(q, [a.body], { pack: pack!, owner: "bench" });
    const used = process.cpuUsage(c);
    if (keep) cpu[g]!.push((used.user + used.system) / 1000);
    if (keep) least[g]![i] = Math.min(least[g]![i]!, (used.user + used.system) / 1000);
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
/** The target: median CPU per answer that is not a copy, through the grading thread, full pack loaded. */
const TARGET_MS = 5;
const figures = cpu.map((samples) => ({ ...summarise(samples), p90: percentile(samples, 90) }));
for (let g = 0; g < roots.length; g++) {
  const c = figures[g]!;
  // The first other checkout is the baseline: measured in the same run, in alternating order, under the same load.
  const base = roots.length > 1 ? figures[1] : undefined;
  const ratio =
    g !== 1 && base ? `; x${(c.median / base.median).toFixed(2)} median, x${(c.p90 / base.p90).toFixed(2)} p90 of the baseline` : "";
  console.log(
    `${roots[g]}${g === 1 ? " (baseline)" : ""}: ${answers.length} ${exemplars ? "exemplars" : "blind answers"} x ${rounds} through the grading thread: CPU median ${c.median.toFixed(2)} ms, p90 ${c.p90.toFixed(2)} ms, p95 ${c.p95.toFixed(2)} ms${ratio}`,
  );
}
for (let g = 0; g < roots.length; g++) {
  const xs = least[g]!;
  const sum = xs.reduce((s, x) => s + x, 0);
  console.log(
    `${roots[g]}: least CPU per answer over the ${rounds} rounds: median ${percentile(xs, 50).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms, sum ${sum.toFixed(0)} ms`,
  );
}
const own = figures[0]!;
console.log(
  `target: median < ${TARGET_MS} ms CPU per answer: ${own.median < TARGET_MS ? "met" : "not met"} (${own.median.toFixed(2)} ms, x${(own.median / TARGET_MS).toFixed(1)} the target)`,
);
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s timed`);
for (const t of threads) await t.close();
