// Session 23 (`fluent13`): every row of every fixture file under test/fixtures that sits on a behavioural question,
// read by the conduct reader (server/grading/conduct.ts); prints the rows it finds conduct in, with their kind, so
// honest rows the reader would dock can be read. Also the built-in pack's behavioural exemplars.
//   npx tsx scripts/eval/fluent13-conduct-scan.ts [--skip=fluent13]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { poorConduct } from "../../server/grading/conduct.js";
import { evidenceFor } from "../../server/grading/story.js";
import { analyse } from "../../server/grading/language/index.js";
import { fixtureQuestion, fixturePack, type FixtureRow } from "./fixture-rows.js";

const skip = process.argv.find((a) => a.startsWith("--skip="))?.slice(7);
const files: string[] = [];
const walk = (dir: string) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(f) && !f.startsWith("pack")) files.push(p);
  }
};
walk("test/fixtures");
let read = 0;
let ms = 0;
/** The reader's own time per answer (the analysis is shared with the grader, so it is taken first, untimed). */
const timed = (q: Parameters<typeof poorConduct>[0], prose: string) => {
  analyse(prose);
  const t0 = performance.now();
  const acts = poorConduct(q, prose);
  ms += performance.now() - t0;
  return acts;
};
for (const file of files) {
  if (skip && file.includes(`/${skip}/`)) continue;
  let rows: unknown;
  try {
    rows = parse(readFileSync(file, "utf8"));
  } catch {
    continue;
  }
  if (!Array.isArray(rows)) continue;
  for (const r of rows as FixtureRow[]) {
    if (!r || typeof r.answer !== "string" || !r.questionId) continue;
    let q;
    try {
      // Rows without a pack (honest/*, calibration/*) are on the built-in pack.
      q = fixtureQuestion({ ...r, pack: r.pack ?? "builtin" });
    } catch {
      continue;
    }
    if (q.kind !== "behavioural") continue;
    read++;
    const prose = evidenceFor(q, { prose: r.answer, code: "" } as never).prose;
    const acts = timed(q, prose);
    if (acts.length)
      console.log(`${file} ${r.id} [${r.kind}] ${acts.map((x) => `${x.kind}${x.lesson ? " (lesson)" : ""}: ${x.quote}`).join(" | ")}`);
  }
}
const pack = fixturePack("builtin");
for (const q of pack.questions.filter((x) => x.kind === "behavioural"))
  for (const e of q.exemplars) {
    read++;
    const acts = timed(q, evidenceFor(q, { prose: e.answer, code: "" } as never).prose);
    if (acts.length) console.log(`exemplar ${q.id} ${e.level}: ${acts.map((x) => `${x.kind}: ${x.quote}`).join(" | ")}`);
  }
console.log(`read ${read} behavioural rows and exemplars, ${(ms / read).toFixed(2)} ms per answer in the conduct reader`);
