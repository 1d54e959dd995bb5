// A CPU profile of grading on the interview's path, warm (the first round, which loads the language model and
// builds the pack's index, is left out):
//   npx tsx scripts/bench/profile-blind.ts [rounds] [--blind] [--one-pack] [out.cpuprofile]
// --one-pack grades every answer against one pack object, as the grading thread holds it (per-pack work found by
// identity); without it, a fresh pack object per answer, as interview-path.ts.
// Read it in Chrome DevTools (Performance, "Load profile") or any .cpuprofile viewer.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { blindAnswers } from "./blind-answers.js";

const args = process.argv.slice(2);
const blind = args.includes("--blind");
const onePack = args.includes("--one-pack");
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const out = args.find((a) => a.endsWith(".cpuprofile")) ?? "grading.cpuprofile";
const [loaded] = loadPacksFromDir("scenarios");
const json = JSON.stringify(loaded!);
const answers = blind
  ? blindAnswers(loaded!)
  : loaded!.questions.flatMap((q) =>
      q.exemplars.map((e) => ({
        id: q.id,
        body: q.kind === "coding" ? { code: e.answer, language: "python" as const } : { text: e.answer },
      })),
    );
const shared = JSON.parse(json) as Pack;
const once = () => {
  for (const a of answers) {
    const pack = onePack ? shared : (JSON.parse(json) as Pack);
    gradeQuestion(
      pack.questions.find((x) => x.id === a.id)!,
      [a.body],
      { pack },
    );
  }
};
once();
const session = new Session();
session.connect();
// The grader's sources as run (tsx writes each module on a few lines): a function's place in the profile is a
// column of these, saved beside the profile so a reader can name anonymous functions.
await session.post("Debugger.enable");
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 200 });
await session.post("Profiler.start");
for (let r = 0; r < rounds; r++) once();
const { profile } = await session.post("Profiler.stop");
writeFileSync(out, JSON.stringify(profile));
const sources: Record<string, string> = {};
for (const node of profile.nodes) {
  const { scriptId, url } = node.callFrame;
  if (!url.includes("/server/") || sources[url] !== undefined) continue;
  sources[url] = (await session.post("Debugger.getScriptSource", { scriptId })).scriptSource;
}
writeFileSync(out.replace(/\.cpuprofile$/, ".sources.json"), JSON.stringify(sources));
console.log(`${answers.length} answers x ${rounds} -> ${out}`);
