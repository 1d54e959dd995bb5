// Label dumps against genuine terse notes (session 13, branch `dumps`): grades every row of
// test/fixtures/dumps/<file>.yaml on the built-in pack and prints, per split and side, how many hold:
// a dump earns no more than its question's weak model answer; a terse note is unflagged and scores at least
// its adequate model answer less 10 points.
//   npx tsx scripts/eval/label-dumps.ts [tune|held ...] [--rows]
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";

type Row = { questionId: string; split: string; side: "dump" | "terse"; layout: string; answer: string };
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const showRows = args.includes("--rows");
const [pack] = loadPacksFromDir("scenarios");
const question = (id: string) => {
  const q = pack!.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const exemplar = new Map<string, number>();
const exemplarScore = (id: string, level: "weak" | "adequate") => {
  const key = `${id}#${level}`;
  if (!exemplar.has(key)) {
    const q = question(id);
    const answer = q.exemplars.find((e) => e.level === level)!.answer;
    exemplar.set(key, questionScore(q.rubric, gradeQuestion(q, [{ text: answer }], { pack, gradingExemplar: answer }).scores));
  }
  return exemplar.get(key)!;
};

for (const file of files.length ? files : ["tune", "held"]) {
  const rows = parse(readFileSync(`test/fixtures/dumps/${file}.yaml`, "utf8")) as Row[];
  const tally = { dump: { n: 0, ok: 0, sum: 0, flagged: 0 }, terse: { n: 0, ok: 0, sum: 0, flagged: 0 } };
  for (const r of rows) {
    const q = question(r.questionId);
    const g = gradeQuestion(q, [{ text: r.answer }], { pack });
    const score = questionScore(q.rubric, g.scores);
    const flags = [...new Set(g.flags.map((f) => f.kind))];
    const weak = exemplarScore(r.questionId, "weak");
    const adequate = exemplarScore(r.questionId, "adequate");
    const ok = r.side === "dump" ? score <= weak : flags.length === 0 && score >= adequate - 10;
    const t = tally[r.side];
    t.n++;
    t.sum += score;
    if (ok) t.ok++;
    if (flags.length) t.flagged++;
    if (showRows)
      console.log(
        `${ok ? "ok  " : "FAIL"} ${file} ${r.side} ${r.questionId} [${r.layout}] score ${score} weak ${weak} adequate ${adequate}${flags.length ? ` flags ${flags.join(",")}` : ""}`,
      );
  }
  for (const side of ["dump", "terse"] as const) {
    const t = tally[side];
    if (t.n) console.log(`${file} ${side}: ${t.ok}/${t.n} hold, mean score ${(t.sum / t.n).toFixed(1)}, flagged ${t.flagged}`);
  }
}
