// Per-answer grading time on the interview's path only (a fresh pack object per answer, parsed outside the
// timing), for profiling and for comparing two checkouts in one run:
//   npx tsx scripts/bench/interview-path.ts [rounds] [other checkout's root ...] [--blind]
// --blind grades the blind calibration answers (test/fixtures/calibration*) instead of the pack's exemplars: the
// exemplars are the model answers, which the copy check sets aside before any reader of key points runs.
// With other roots, each round grades every exemplar with each checkout's grader in turn, so all are measured
// at the same machine load.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { blindAnswers } from "./blind-answers.js";
import { summarise } from "./stats.js";

type Grade = (q: Pack["questions"][number], answers: unknown[], ctx: { pack: Pack }) => unknown;
const blind = process.argv.includes("--blind");
const [roundsArg, ...others] = process.argv.slice(2).filter((a) => a !== "--blind");
const rounds = Number(roundsArg ?? 5);
const roots = [resolve("."), ...others.map((r) => resolve(r))];
const graders: Grade[] = [];
for (const root of roots) {
  const mod = (await import(pathToFileURL(`${root}/server/grading/index.ts`).href)) as { gradeQuestion: Grade };
  graders.push(mod.gradeQuestion);
}
const [loaded] = loadPacksFromDir("scenarios");
const json = JSON.stringify(loaded!);
const body = (q: Pack["questions"][number], text: string) => (q.kind === "coding" ? { code: text, language: "python" } : { text });
const answers = blind
  ? blindAnswers(loaded!)
  : loaded!.questions.flatMap((q) => q.exemplars.map((e) => ({ id: q.id, body: body(q, e.answer) })));
const samples = roots.map(() => [] as number[]);
// CPU time too (the whole process, GC threads included): on a shared machine wall time mostly measures the load.
const cpu = roots.map(() => [] as number[]);
const once = (g: number, keep: boolean) => {
  for (const a of answers) {
    const pack = JSON.parse(json) as Pack;
    const q = pack.questions.find((x) => x.id === a.id)!;
    const c = process.cpuUsage();
    const t = performance.now();
    graders[g]!(q, [a.body], { pack });
    if (!keep) continue;
    samples[g]!.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu[g]!.push((used.user + used.system) / 1000);
  }
};
for (let g = 0; g < roots.length; g++) once(g, false); // warm up
const started = performance.now();
for (let r = 0; r < rounds; r++) for (let g = 0; g < roots.length; g++) once(g, true);
for (let g = 0; g < roots.length; g++) {
  const s = summarise(samples[g]!);
  const c = summarise(cpu[g]!);
  console.log(
    `${roots[g]}: ${answers.length} answers x ${rounds}: wall median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms; CPU median ${c.median.toFixed(2)} ms, p95 ${c.p95.toFixed(2)} ms`,
  );
}
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s timed`);
