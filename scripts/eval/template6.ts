// Buzzword templates, appended term lists and cost figures (session 16, branch `template6`): grades every row of
// test/fixtures/template6/<tune|held>.yaml and prints, per class, how many hold their label (see held.yaml's header).
//   npx tsx scripts/eval/template6.ts [tune|held ...] [--rows]
import { questionScore } from "../../server/grading/index.js";
import {
  type FixtureRow,
  fixtureQuestion as question,
  gradeRow as grade,
  readFixtureRows,
  rowScore as score,
  weakScore as weak,
} from "./fixture-rows.js";

type Row = FixtureRow;
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const showRows = args.includes("--rows");

for (const file of files.length ? files : ["tune", "held"]) {
  const rows: Row[] = readFixtureRows(`test/fixtures/template6/${file}.yaml`);
  const tally = new Map<string, { hold: number; n: number }>();
  for (const r of rows) {
    const g = grade(r, r.answer);
    const s = questionScore(question(r).rubric, g.scores);
    const flags = g.flags.map((f) => f.kind).join(",");
    let holds: boolean;
    let detail: string;
    if (r.kind === "buzzword") {
      const w = weak(r);
      holds = s <= w;
      detail = `${s.toFixed(1)} vs weak ${w.toFixed(1)}`;
    } else if (r.kind === "appended") {
      const w = weak(r);
      const base = score(r, r.without!);
      holds = s <= Math.max(base, w) + 1e-9;
      detail = `${s.toFixed(1)} vs without ${base.toFixed(1)}, weak ${w.toFixed(1)}`;
    } else if (r.kind === "honest") {
      holds = s >= r.min! && !g.flags.length;
      detail = `${s.toFixed(1)} (min ${r.min}, label ${r.label})`;
    } else {
      const c = g.scores.find((x) => x.criterionId === r.criterion)!;
      holds = r.kind === "wrong-numbers" ? c.score <= r.maxLevel! : c.score >= r.minLevel!;
      detail = `${r.criterion} ${c.score} (${r.kind === "wrong-numbers" ? `max ${r.maxLevel}` : `min ${r.minLevel}`}) q ${s.toFixed(1)}: ${c.feedback.replace(/\s+/g, " ").slice(0, 160)}`;
    }
    const t = tally.get(r.kind) ?? { hold: 0, n: 0 };
    t.n++;
    if (holds) t.hold++;
    tally.set(r.kind, t);
    if (showRows) console.log(`${holds ? "ok  " : "MISS"} ${r.id.padEnd(9)} ${detail}${flags ? ` [${flags}]` : ""}`);
  }
  console.log(`${file}: ${[...tally].map(([k, t]) => `${k} ${t.hold}/${t.n}`).join(", ")}`);
}
