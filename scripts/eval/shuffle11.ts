// Words in no English order (session 21, branch `shuffle11`): how many shuffles of test/fixtures/shuffle11 the grader
// sets aside, by kind, style and split, and the honest-text floor of the order reader (language/word-order.ts).
//   npx tsx scripts/eval/shuffle11.ts rows [--rows]   grades every shuffle and its honest source on the built-in pack
//   npx tsx scripts/eval/shuffle11.ts floor [--show]  reads every honest text the project has: the honest fixtures,
//                                                     the built-in pack's exemplars, the public sets' student answers
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { orderReadings, scrambledParagraphs } from "../../server/grading/language/word-order.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { LOADERS } from "./loaders.js";
import { HONEST_FILE, HonestRowSchema, SHUFFLE_FILE, ShuffleRowSchema } from "./shuffle11-rows.js";

const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!;

/** Row kinds and sides of the fixtures that are no honest answer: gaming, dumps, attacks, salads. */
const NOT_HONEST = /^(?:buzzword|gibberish|gaming|dump|labels|injection|figure-salad|appended|self-praise|salad|disowned|restated)$/;
/** Fixture folders of gaming rows only (their honest rows, where any, carry kind: honest in other folders). */
const NOT_HONEST_DIRS = /^(?:gaming|injection|dumps|salads2|broken-packs|upload|packs|shuffle11|shuffle13)\b|fluent-salads/;

/** Every honest answer in the fixtures: rows with an answer whose kind or side names no gaming, and `honest:` lists. */
export function honestFixtures(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".yaml")) read(path);
    }
  };
  const read = (path: string) => {
    const rel = path.replace("test/fixtures/", "");
    if (NOT_HONEST_DIRS.test(rel)) return;
    let data: unknown;
    try {
      data = parse(readFileSync(path, "utf8"));
    } catch {
      return;
    }
    const rows = Array.isArray(data) ? data : [];
    for (const r of rows as Record<string, unknown>[])
      if (r && typeof r.answer === "string" && !NOT_HONEST.test(String(r.kind ?? "")) && !NOT_HONEST.test(String(r.side ?? "")))
        out.push({ where: rel, text: r.answer });
    if (data && !Array.isArray(data) && typeof data === "object" && Array.isArray((data as { honest?: unknown }).honest))
      for (const t of (data as { honest: unknown[] }).honest)
        if (typeof t === "string") out.push({ where: rel, text: t });
        else if (t && typeof (t as { answer?: unknown }).answer === "string")
          out.push({ where: rel, text: (t as { answer: string }).answer });
  };
  walk("test/fixtures");
  return out;
}

function floor(show: boolean): void {
  const sets: [string, { where: string; text: string }[]][] = [
    ["fixtures", honestFixtures()],
    [
      "shuffle11 honest",
      z
        .array(HonestRowSchema)
        .parse(parse(readFileSync(HONEST_FILE, "utf8")))
        .map((r) => ({ where: r.id, text: r.answer })),
    ],
    ["exemplars", pack.questions.flatMap((q) => q.exemplars.map((e) => ({ where: `${q.id}/${e.level}`, text: e.answer })))],
  ];
  for (const [name, load] of Object.entries(LOADERS))
    sets.push([name, load(`/work/data/${name}`).map((i) => ({ where: i.questionId, text: i.answer }))]);
  let all = 0;
  let flaggedAll = 0;
  for (const [name, texts] of sets) {
    const flagged: { where: string; text: string }[] = [];
    let low = { value: Infinity, where: "" };
    const readings = new Map<string, number>();
    for (const t of texts) {
      const paragraphs = t.text.trim().split(/\n\s*\n/);
      const { alone, together } = scrambledParagraphs(paragraphs);
      if (alone.length || together.length) flagged.push(t);
      for (const r of orderReadings(paragraphs)) {
        if (r.steps >= 20 && r.score < low.value) low = { value: r.score, where: t.where };
        if (r.reading) readings.set(r.reading, (readings.get(r.reading) ?? 0) + 1);
      }
    }
    all += texts.length;
    flaggedAll += flagged.length;
    const taken = [...readings].map(([k, n]) => `${k} ${n}`).join(", ") || "none";
    console.log(
      `${name}: ${texts.length} texts, ${flagged.length} flagged; lowest class order ${low.value.toFixed(2)} (${low.where}); readings taking a paragraph: ${taken}`,
    );
    if (show) for (const f of flagged.slice(0, 20)) console.log(`  FLAGGED ${f.where}: ${f.text.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  console.log(`all honest: ${all} texts, ${flaggedAll} flagged`);
}

function rows(detail: boolean): void {
  const question = (id: string): Question => pack.questions.find((q) => q.id === id)!;
  const grade = (q: Question, text: string) => {
    const g = gradeQuestion(q, [{ text }], { pack });
    return { score: questionScore(q.rubric, g.scores), set: g.flags.some((f) => f.kind === "scrambled-words") };
  };
  const weak = new Map<string, number>();
  const weakOf = (q: Question) => {
    if (!weak.has(q.id)) {
      // The weak model answer graded as an answer, not as the copy of itself it is (as calibrate grades it).
      const answer = q.exemplars.find((e) => e.level === "weak")!.answer;
      weak.set(q.id, questionScore(q.rubric, gradeQuestion(q, [{ text: answer }], { pack, gradingExemplar: answer }).scores));
    }
    return weak.get(q.id)!;
  };
  const honest = z.array(HonestRowSchema).parse(parse(readFileSync(HONEST_FILE, "utf8")));
  const honestScore = new Map<string, number>();
  let honestFlagged = 0;
  for (const h of honest) {
    const g = grade(question(h.questionId), h.answer);
    honestScore.set(h.id, g.score);
    if (g.set) honestFlagged++;
    if (detail || g.set)
      console.log(`  honest ${h.id}: ${g.score.toFixed(1)}${g.set ? " FLAGGED" : ""} (weak ${weakOf(question(h.questionId)).toFixed(1)})`);
  }
  console.log(`honest sources: ${honest.length}, flagged ${honestFlagged}`);
  const shuffles = z.array(ShuffleRowSchema).parse(parse(readFileSync(SHUFFLE_FILE, "utf8")));
  const cells = new Map<string, { n: number; set: number; aboveWeak: number; sum: number }>();
  const add = (key: string, set: boolean, above: boolean, score: number) => {
    const c = cells.get(key) ?? { n: 0, set: 0, aboveWeak: 0, sum: 0 };
    c.n++;
    c.set += set ? 1 : 0;
    c.aboveWeak += above ? 1 : 0;
    c.sum += score;
    cells.set(key, c);
  };
  for (const r of shuffles) {
    const q = question(r.questionId);
    const g = grade(q, r.answer);
    const above = g.score > weakOf(q);
    for (const key of [`kind ${r.kind} ${r.split}`, `style ${r.style} ${r.split}`, `all ${r.split}`]) add(key, g.set, above, g.score);
    if (detail) console.log(`  ${r.id}: ${g.score.toFixed(1)}${g.set ? " set aside" : ""}${above ? " ABOVE WEAK" : ""}`);
  }
  console.log("cell: set aside / rows, above weak, mean score");
  for (const [k, c] of [...cells].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`  ${k}: ${c.set}/${c.n}, above weak ${c.aboveWeak}, mean ${(c.sum / c.n).toFixed(1)}`);
}

const [mode] = process.argv.slice(2);
if (import.meta.url !== `file://${process.argv[1]}`) {
  // Imported for honestFixtures (shuffle13-dump.ts): no mode to run.
} else if (mode === "floor") floor(process.argv.includes("--show"));
else if (mode === "rows") rows(process.argv.includes("--rows"));
else {
  console.error("usage: npx tsx scripts/eval/shuffle11.ts rows|floor [--rows|--show]");
  process.exit(2);
}
