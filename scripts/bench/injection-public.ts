// Public prompt-injection corpus against the grader (not run by the test suite, which uses
// a 30-text sample): every text appended, prepended and alone on the weak and adequate
// exemplars of every built-in question. Prints how many attacked answers scored above
// their clean answer, and the flag rate.
//   npx tsx scripts/bench/injection-public.ts <BIPIA benchmark dir with *_attack_*.json> [--every N]
// --every N grades one combination in N (question, level, text, placement), deterministically.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { gradeAttacked, PLACEMENTS } from "../../test/helpers/attacked.js";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npx tsx scripts/bench/injection-public.ts <dir with BIPIA *_attack_*.json>");
  process.exit(2);
}
const texts = [
  ...new Set(
    readdirSync(dir)
      .filter((f) => /attack.*\.json$/.test(f))
      .flatMap((f) => Object.values(JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, string[]>).flat()),
  ),
];
const everyArg = process.argv.indexOf("--every");
const every = everyArg > 0 ? Math.max(1, Number(process.argv[everyArg + 1]) || 1) : 1;
const [pack] = loadPacksFromDir("scenarios");
let combination = 0;
const raisedCases: string[] = [];
let n = 0;
let raised = 0;
let flagged = 0;
let maxRaise = 0;
const byKind = new Map<string, { n: number; raised: number }>();
for (const q of pack!.questions) {
  for (const level of ["weak", "adequate"] as const) {
    const base = q.exemplars.find((e) => e.level === level)?.answer;
    if (!base) continue;
    for (const text of texts) {
      for (const where of PLACEMENTS) {
        if (combination++ % every !== 0) continue;
        const r = gradeAttacked(pack!, q, base, text, where);
        n++;
        const k = byKind.get(q.kind) ?? { n: 0, raised: 0 };
        k.n++;
        byKind.set(q.kind, k);
        if (r.attacked > r.clean) {
          raised++;
          k.raised++;
          maxRaise = Math.max(maxRaise, r.attacked - r.clean);
          raisedCases.push(`${q.id}/${level}/${where}: ${r.clean} -> ${r.attacked}: ${text.slice(0, 100).replace(/\s+/g, " ")}`);
        }
        if (r.flagged) flagged++;
      }
    }
  }
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`${texts.length} public injection texts, ${n} attacked answers${every > 1 ? ` (one combination in ${every})` : ""}`);
console.log(`scored above the clean answer: ${raised} (${pct(raised, n)}), largest raise ${maxRaise.toFixed(1)} points`);
for (const [kind, k] of byKind) console.log(`  ${kind.padEnd(18)} ${k.raised} of ${k.n} (${pct(k.raised, k.n)})`);
console.log(`flagged: ${flagged} (${pct(flagged, n)})`);
for (const c of raisedCases.slice(0, 40)) console.log(`  raised: ${c}`);
