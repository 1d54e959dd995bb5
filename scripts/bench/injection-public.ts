// Public prompt-injection and jailbreak collections against the grader (not run by the test
// suite, which uses small samples): every text appended, prepended and alone on the weak and
// adequate exemplars of every built-in question. Prints, per collection, how many attacked
// answers scored above their clean answer, and the flag rate.
//   npx tsx scripts/bench/injection-public.ts <dir> [<dir> ...] [--every N] [--offset K] [--match REGEX]
// Each dir is one collection, recognised by its layout (scripts/bench/injection-sources.ts):
// BIPIA benchmark/, GPTFuzz, promptmap, Giskard-AI/prompt-injections (PromptInject rows only),
// JailbreakingLLMs (PAIR goals).
// --every N grades one combination in N (question, level, text, placement), deterministically.
// --offset K (0 <= K < N) picks which one in N: tuning on offset 0 and checking another offset
// gives a held-out subset of the same collection.
// --match REGEX keeps only the texts it matches (to re-run a residue while fixing it).
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { gradeAttacked, PLACEMENTS } from "../../test/helpers/attacked.js";
import { readSource, type Source } from "./injection-sources.js";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const every = Math.max(1, Number(option("--every")) || 1);
const offset = Math.max(0, Math.floor(Number(option("--offset")) || 0)) % every;
const match = option("--match");
const filter = match ? new RegExp(match, "i") : null;
if (!args.length) {
  console.error("usage: npx tsx scripts/bench/injection-public.ts <collection dir> [...] [--every N] [--offset K] [--match REGEX]");
  process.exit(2);
}
const sources: Source[] = args.map((dir) => {
  const source = readSource(dir);
  if (!source) {
    console.error(`${dir}: no known collection layout`);
    process.exit(2);
  }
  return { ...source, texts: source.texts.filter((t) => !filter || filter.test(t)) };
});

const [pack] = loadPacksFromDir("scenarios");
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const started = Date.now();
for (const { name, texts } of sources) {
  let combination = 0;
  const raisedCases: string[] = [];
  let n = 0;
  let raised = 0;
  let flagged = 0;
  let maxRaise = 0;
  const byKind = new Map<string, { n: number; raised: number; flagged: number }>();
  for (const q of pack!.questions) {
    for (const level of ["weak", "adequate"] as const) {
      const base = q.exemplars.find((e) => e.level === level)?.answer;
      if (!base) continue;
      for (const text of texts) {
        for (const where of PLACEMENTS) {
          if (combination++ % every !== offset) continue;
          const r = gradeAttacked(pack!, q, base, text, where);
          n++;
          const k = byKind.get(q.kind) ?? { n: 0, raised: 0, flagged: 0 };
          k.n++;
          byKind.set(q.kind, k);
          if (r.flagged) {
            flagged++;
            k.flagged++;
          }
          if (r.attacked > r.clean) {
            raised++;
            k.raised++;
            maxRaise = Math.max(maxRaise, r.attacked - r.clean);
            raisedCases.push(`${q.id}/${level}/${where}: ${r.clean} -> ${r.attacked}: ${text.slice(0, 140).replace(/\s+/g, " ")}`);
          }
        }
      }
    }
  }
  console.log(
    `\n${name}: ${texts.length} texts, ${n} attacked answers${every > 1 ? ` (one combination in ${every}${offset ? `, offset ${offset}` : ""})` : ""}`,
  );
  console.log(`scored above the clean answer: ${raised} (${pct(raised, n)}), largest raise ${maxRaise.toFixed(1)} points`);
  for (const [kind, k] of byKind)
    console.log(`  ${kind.padEnd(18)} raised ${k.raised} of ${k.n} (${pct(k.raised, k.n)}), flagged ${pct(k.flagged, k.n)}`);
  console.log(`flagged: ${flagged} (${pct(flagged, n)})`);
  for (const c of raisedCases.slice(0, 60)) console.log(`  raised: ${c}`);
}
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
