// Every grade the repo's answer sets produce, one JSON line each: a speed change must leave this output
// byte-identical (diff two runs). Grades the built-in pack's exemplars (as the interview and as calibrate
// grade them), every labelled YAML answer under test/fixtures, the public sets' rows when their data is
// present, and the worst-case long answers of scripts/bench/grading.ts.
//   npx tsx scripts/bench/grade-dump.ts [out.jsonl] [--data /work/data]
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { gradeQuestion, type QuestionGrade } from "../../server/grading/index.js";
import { defaultVariantPack, loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { authorPack, slug } from "../eval/author-pack.js";
import { loadBeetle } from "../eval/datasets/beetle.js";
import { loadPowergrading } from "../eval/datasets/powergrading.js";
import { loadSaf } from "../eval/datasets/saf.js";

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith("--")) ?? "grade-dump.jsonl";
const dataAt = args.indexOf("--data");
const data = dataAt >= 0 ? args[dataAt + 1]! : "/work/data";

const lines: string[] = [];
const record = (set: string, key: string, grade: QuestionGrade) => lines.push(JSON.stringify({ set, key, grade }));
const started = performance.now();

const pack = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);
const json = JSON.stringify(pack);
const body = (kind: string, text: string) => (kind === "coding" ? { code: text, language: "python" as const } : { text });
for (const q of pack.questions) {
  for (const [i, e] of q.exemplars.entries()) {
    // The interview's path: a fresh pack object per answer.
    const fresh = JSON.parse(json) as Pack;
    const fq = fresh.questions.find((x) => x.id === q.id)!;
    record("exemplar", `${q.id}#${i}`, gradeQuestion(fq, [body(q.kind, e.answer)], { pack: fresh }));
    record("calibrate", `${q.id}#${i}`, gradeQuestion(q, [body(q.kind, e.answer)], { pack, gradingExemplar: e.answer }));
  }
}

// Every YAML list of {questionId, answer|code} under test/fixtures (the blind calibration sets among them).
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
for (const file of yamlFiles("test/fixtures")) {
  let items: unknown;
  try {
    items = parse(readFileSync(file, "utf8"));
  } catch {
    continue;
  }
  if (!Array.isArray(items)) continue;
  for (const [i, item] of (items as { questionId?: string; answer?: string; code?: string }[]).entries()) {
    const q = pack.questions.find((x) => x.id === item?.questionId);
    if (!q) continue;
    const answer = typeof item.code === "string" ? { code: item.code, language: "python" as const } : body(q.kind, item.answer ?? "");
    record(file, String(i), gradeQuestion(q, [answer], { pack }));
  }
}

// The public sets, graded as scripts/eval/index.ts grades them.
const sets = { beetle: loadBeetle, saf: loadSaf, powergrading: loadPowergrading } as const;
for (const [name, load] of Object.entries(sets)) {
  const dir = join(data, name);
  if (!existsSync(dir)) continue;
  const items = load(dir);
  const authored = authorPack(name, items);
  for (const [i, item] of items.entries()) {
    const q = authored.questions.find((x) => x.id === slug(item.questionId))!;
    record(name, String(i), gradeQuestion(q, [{ text: item.answer }], { pack: authored }));
  }
}

// The long worst cases of the grading bench.
const design = pack.questions.find((x) => x.kind === "system-design")!;
const items = Array.from({ length: 2200 }, (_, k) => `${k % 50 === 0 ? "[" : ""}"a b 0 ${k}", `).join("");
const long = {
  words: "0 " + "the cache keeps recent answers for an hour. ".repeat(460),
  run: "0" + "QUFB".repeat(5000),
  list: `run(${items}`,
  record: `score = 0${" ".repeat(19_980)},x`,
};
for (const [name, text] of Object.entries(long)) record("long", name, gradeQuestion(design, [{ text: text.slice(0, 20_000) }], { pack }));

const text = lines.join("\n") + "\n";
writeFileSync(out, text);
const hash = createHash("sha256").update(text).digest("hex");
console.log(`${lines.length} grades, sha256 ${hash}, ${((performance.now() - started) / 1000).toFixed(1)} s -> ${out}`);
