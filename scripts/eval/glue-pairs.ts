// Which glue words English puts side by side: for each pair of closed-class tags, how often the
// second follows the first in the repo's honest prose (the built-in pack's exemplars and the
// hand-written answers in test/fixtures). The pairs at 4% or more are GLUE_PAIRS in
// server/grading/language/glue-placement.ts.
//   npx tsx scripts/eval/glue-pairs.ts
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { analyse } from "../../server/grading/language/index.js";

const GLUE = ["ADP", "PRON", "SCONJ", "CCONJ", "AUX", "DET", "PART"];
const MIN_SHARE = 0.04;
const sources = [
  ...readdirSync("scenarios/ai-engineer/questions").map((f) => `scenarios/ai-engineer/questions/${f}`),
  ...["calibration", "calibration-v2", "honest"].flatMap((d) => readdirSync(`test/fixtures/${d}`).map((f) => `test/fixtures/${d}/${f}`)),
];
const answers: string[] = [];
const collect = (v: unknown): void => {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      if (k === "answer" && typeof x === "string") answers.push(x);
      else collect(x);
    }
};
for (const file of sources) collect(parse(readFileSync(file, "utf8")));
// Prose only: code has its own glue.
const prose = answers.filter((a) => !/^\s*(?:def |import |from |class |function |const )/m.test(a));

const pairs = new Map<string, number>();
const after = new Map<string, number>();
let words = 0;
for (const text of prose) {
  const a = analyse(text);
  words += a.tokens.length;
  for (const s of a.sentences) {
    const tags = a.tokens.slice(s.from, s.to).map((t) => t.pos);
    for (let i = 1; i < tags.length; i++) {
      after.set(tags[i - 1]!, (after.get(tags[i - 1]!) ?? 0) + 1);
      pairs.set(`${tags[i - 1]} ${tags[i]}`, (pairs.get(`${tags[i - 1]} ${tags[i]}`) ?? 0) + 1);
    }
  }
}
console.log(`${prose.length} answers, ${words} words`);
for (const first of GLUE)
  for (const second of GLUE) {
    const share = (pairs.get(`${first} ${second}`) ?? 0) / (after.get(first) ?? 1);
    if (share >= MIN_SHARE) console.log(`${first} ${second}  ${(100 * share).toFixed(1)}%`);
  }
