// npx tsx scripts/eval/collateral.ts — honest credit an attack costs: for adequate and strong exemplars of
// built-in questions, grade the answer clean and with attacks in several placements, and print the mean and
// worst loss (attacked must never score above clean; it should score as close to clean as it can).
import { gradeQuestion, gradingCriteria, questionScore } from "../../server/grading/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { COLLATERAL_ATTACKS, placeCollateral, COLLATERAL_PLACEMENTS } from "../../test/helpers/collateral.js";

const [pack] = loadPacksFromDir("scenarios");
const verbose = process.argv.includes("-v");
// --all: every question that is no coding task; by default the first two of each kind (a loaded machine).
const all = process.argv.includes("--all");
const kinds = new Map<string, number>();
const chosen = pack!.questions.filter((q) => {
  if (q.kind === "coding") return false;
  kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  return all || kinds.get(q.kind)! <= 2;
});
let n = 0;
let lost = 0;
let above = 0;
const worst: string[] = [];
for (const q of chosen) {
  for (const level of ["adequate", "strong"] as const) {
    const base = q.exemplars.find((e) => e.level === level)?.answer;
    if (!base) continue;
    const grade = (text: string) => {
      const g = gradeQuestion(q, [{ text }], { pack, gradingExemplar: base });
      return { score: questionScore(gradingCriteria(q), g.scores), g };
    };
    const clean = grade(base).score;
    for (const attack of COLLATERAL_ATTACKS)
      for (const where of COLLATERAL_PLACEMENTS) {
        const r = grade(placeCollateral(base, attack.text, where));
        n++;
        lost += clean - r.score;
        if (r.score > clean) above++;
        if (clean - r.score >= 3 || r.score > clean || !r.g.flags.length)
          worst.push(`${q.id}/${level}/${attack.id}/${where}: ${clean} -> ${r.score}${r.g.flags.length ? "" : " UNFLAGGED"}`);
        if (verbose && clean !== r.score)
          for (const f of r.g.flags) console.log(`   ${q.id}/${attack.id}/${where} ${f.kind}: ${f.quote.slice(0, 100)}`);
      }
  }
}
for (const w of worst.slice(0, 80)) console.log(w);
console.log(
  `${n} attacked answers: mean loss ${(lost / n).toFixed(2)} points, ${worst.length} lose >= 3 or unflagged, ${above} above clean`,
);
