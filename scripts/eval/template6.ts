// Buzzword templates, appended term lists and cost figures (session 16, branch `template6`): grades every row of
// test/fixtures/template6/<tune|held>.yaml and prints, per class, how many hold their label (see held.yaml's header).
//   npx tsx scripts/eval/template6.ts [tune|held ...] [--rows]
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir, type Pack, type Question } from "../../server/scenarios/index.js";

type Row = {
  id: string;
  kind: "buzzword" | "appended" | "wrong-numbers" | "right-numbers" | "honest";
  pack: "builtin" | "template6" | "estimates";
  questionId: string;
  answer: string;
  without?: string;
  criterion?: string;
  maxLevel?: number;
  minLevel?: number;
  label?: number;
  min?: number;
};
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const showRows = args.includes("--rows");
const packs: Record<Row["pack"], Pack> = {
  builtin: loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!,
  template6: loadPacksFromDir("test/fixtures/packs/template6")[0]!,
  estimates: loadPacksFromDir("test/fixtures/packs/estimates")[0]!,
};
const question = (r: Row): Question => {
  const q = packs[r.pack].questions.find((x) => x.id === r.questionId);
  if (!q) throw new Error(`no question ${r.questionId} in ${r.pack}`);
  return q;
};
const grade = (r: Row, text: string, exemplar = false) =>
  gradeQuestion(question(r), [{ text }], { pack: packs[r.pack], ...(exemplar ? { gradingExemplar: text } : {}) });
const score = (r: Row, text: string, exemplar = false) => questionScore(question(r).rubric, grade(r, text, exemplar).scores);
const weak = (r: Row) => score(r, question(r).exemplars.find((e) => e.level === "weak")!.answer, true);

for (const file of files.length ? files : ["tune", "held"]) {
  const rows = parse(readFileSync(`test/fixtures/template6/${file}.yaml`, "utf8")) as Row[];
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
