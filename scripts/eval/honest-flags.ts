// Public short-answer sets as an honest corpus: how many student answers the integrity layer
// flags as trying to steer the grader (must stay 0), and the other flags by kind.
//   npx tsx scripts/eval/honest-flags.ts beetle|saf|powergrading <dir>
import { gradeQuestion, MANIPULATION } from "../../server/grading/index.js";
import { authorPack, slug } from "./author-pack.js";
import { loadBeetle } from "./datasets/beetle.js";
import { loadPowergrading } from "./datasets/powergrading.js";
import { loadSaf } from "./datasets/saf.js";
import type { EvalItem } from "./types.js";

const LOADERS: Record<string, (path: string) => EvalItem[]> = { beetle: loadBeetle, saf: loadSaf, powergrading: loadPowergrading };
const [name, dir] = process.argv.slice(2);
const load = name ? LOADERS[name] : undefined;
if (!load || !dir) {
  console.error("usage: npx tsx scripts/eval/honest-flags.ts beetle|saf|powergrading <dir>");
  process.exit(2);
}
const items = load(dir);
const pack = authorPack(name!, items);
const kinds = new Map<string, number>();
const steering: string[] = [];
for (const item of items) {
  const q = pack.questions.find((x) => x.id === slug(item.questionId))!;
  const { flags } = gradeQuestion(q, [{ text: item.answer }], { pack });
  for (const f of flags) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  const steered = flags.filter((f) => MANIPULATION.includes(f.kind));
  if (steered.length) steering.push(`${item.questionId}: ${steered.map((f) => `${f.kind} "${f.quote}"`).join("; ")}`);
}
console.log(`${name}: ${items.length} answers, ${steering.length} with a steering flag`);
for (const [kind, n] of kinds) console.log(`  ${kind}: ${n}`);
for (const s of steering.slice(0, 30)) console.log(`  steering: ${s}`);
