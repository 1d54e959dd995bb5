import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { gradeQuestion } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!;
const t0 = process.cpuUsage();
for (const file of ["tuning", "held-apart"]) {
  const rows = parse(readFileSync(`test/fixtures/disowned/${file}.yaml`, "utf8"));
  let over = 0,
    over2 = 0,
    under = 0,
    exact = 0,
    abs = 0;
  const verbose = process.argv.includes("-v");
  for (const r of rows) {
    const q = pack.questions.find((x) => x.id === r.question)!;
    const c = q.rubric.find((k) => k.evidence.checks?.includes("action"))!;
    const g = gradeQuestion(q, [{ text: r.answer }], { pack });
    const s = g.scores.find((x) => x.criterionId === c.id)!;
    const refl = g.scores.find((x) => x.criterionId === "reflection")?.score;
    const d = s.score - r.expected;
    abs += Math.abs(d);
    if (d === 0) exact++;
    if (r.side === "disowned" && d > 0) over++;
    if (r.side === "disowned" && d > 1) over2++;
    if (r.side === "honest" && d < -1) under++;
    if ((verbose || d !== 0) && file === "tuning")
      console.log(
        `${file} ${r.id} exp ${r.expected} got ${s.score} refl ${refl} | ${s.evidence.map((e) => e.note + ": " + e.quote.slice(0, 70)).join(" // ")}`,
      );
  }
  const dis = rows.filter((r: any) => r.side === "disowned").length;
  console.log(
    `== ${file}: n=${rows.length} exact ${exact} MAE ${(abs / rows.length).toFixed(2)} disowned over-credited ${over}/${dis} (by >=2: ${over2}) honest under by>=2 ${under}/${rows.length - dis}`,
  );
}
const u = process.cpuUsage(t0);
console.log("cpu ms", ((u.user + u.system) / 1000).toFixed(0));
