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
import { PLACEMENTS, placeAttack } from "../../test/helpers/attacked.js";
import { PUBLIC_ATTACKS } from "../../test/helpers/corpora.js";
import { gamingAnswers } from "../../test/helpers/gaming.js";
import { blindAnswers } from "./blind-answers.js";

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith("--")) ?? "grade-dump.jsonl";
const dataAt = args.indexOf("--data");
const data = dataAt >= 0 ? args[dataAt + 1]! : "/work/data";

const lines: string[] = [];
const record = (set: string, key: string, grade: QuestionGrade) => lines.push(JSON.stringify({ set, key, grade }));
const started = performance.now();

const raw = loadPacksFromDir("scenarios")[0]!;
const pack = defaultVariantPack(raw);
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

// The grading bench's row of answers that are not copies: the blind answers on the interview's path (a fresh
// pack object per answer, as the pack library returns built-ins).
const rawJson = JSON.stringify(raw);
for (const [i, a] of blindAnswers(raw).entries()) {
  const fresh = JSON.parse(rawJson) as Pack;
  record(
    "blind-interview",
    `${a.id}#${i}`,
    gradeQuestion(
      fresh.questions.find((x) => x.id === a.id)!,
      [a.body],
      { pack: fresh },
    ),
  );
}

// The generated corpora of `npm run bench:corpora` (the hand-written ones are YAML files above): every gaming
// answer of every question, as text and (for coding questions) as code, and every public injection in every
// placement on the weak and adequate exemplars of the attacked questions.
// Graded against the pack as loaded (no variant instantiated), as bench:corpora and the grading bench grade.
for (const q of raw.questions) {
  for (const [i, g] of gamingAnswers(q).entries()) {
    record("gaming", `${q.id}#${i}`, gradeQuestion(q, [{ text: g.text }], { pack: raw }));
    if (q.kind === "coding") record("gaming-code", `${q.id}#${i}`, gradeQuestion(q, [{ code: g.text, language: "python" }], { pack: raw }));
  }
}
for (const id of ["support-chatbot-rag", "extraction-invalid-json", "cut-llm-costs", "llm-retry-backoff"]) {
  const q = raw.questions.find((x) => x.id === id)!;
  for (const level of ["weak", "adequate"] as const) {
    const base = q.exemplars.find((e) => e.level === level)!.answer;
    for (const attack of PUBLIC_ATTACKS)
      for (const where of PLACEMENTS)
        record(
          "injection",
          `${id}/${level}/${where}/${attack.id}`,
          gradeQuestion(q, [body(q.kind, placeAttack(base, attack.text, where))], { pack: raw, gradingExemplar: base }),
        );
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
