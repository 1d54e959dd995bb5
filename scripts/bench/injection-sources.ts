// Readers for public prompt-injection and jailbreak collections, each recognised by its layout.
// The data is downloaded outside the repository (never committed); each reader returns the
// attack texts as a candidate could paste them into an answer.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export type Source = { name: string; texts: string[] };

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  if (field || row.length) endRow();
  const [header, ...body] = rows;
  return body.filter((r) => r.some((f) => f.trim())).map((r) => Object.fromEntries(header!.map((h, i) => [h.trim(), r[i] ?? ""])));
}

const csv = (path: string) => parseCsv(readFileSync(path, "utf8"));
const distinct = (texts: string[]) => [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));

/** BIPIA (microsoft/BIPIA, benchmark/): injected tasks and code, `*_attack_*.json` maps of category to texts. */
function bipia(dir: string): Source | null {
  const files = readdirSync(dir).filter((f) => /attack.*\.json$/.test(f));
  if (!files.length) return null;
  const texts = files.flatMap((f) => Object.values(JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, string[]>).flat());
  return { name: "BIPIA", texts: distinct(texts) };
}

/**
 * GPTFuzzer (sherdencooper/GPTFuzz): 77 human-written jailbreak templates with an
 * [INSERT PROMPT HERE] slot, filled round-robin with the collection's own questions.
 */
function gptFuzz(dir: string): Source | null {
  const templates = join(dir, "datasets/prompts/GPTFuzzer.csv");
  const questions = join(dir, "datasets/questions/question_list.csv");
  if (!existsSync(templates) || !existsSync(questions)) return null;
  const asks = csv(questions).map((r) => r.text!);
  const texts = csv(templates).map((r, i) => r.text!.replaceAll("[INSERT PROMPT HERE]", asks[i % asks.length]!));
  return { name: "GPTFuzzer templates", texts: distinct(texts) };
}

/** promptmap (utkusen/promptmap): rules/<family>/*.yaml, each with the attack in `prompt`. */
function promptmap(dir: string): Source | null {
  const rules = join(dir, "rules");
  if (!existsSync(rules)) return null;
  const texts = filesUnder(rules)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => (parse(readFileSync(f, "utf8")) as { prompt?: string }).prompt ?? "");
  return { name: "promptmap rules", texts: distinct(texts) };
}

/**
 * PromptInject's goal-hijacking texts, as collected in Giskard-AI/prompt-injections
 * (prompt_injections.csv). That file also holds garak's prompts: those are held out of
 * this project's tuning and are skipped by their `source` column.
 */
function promptInject(dir: string): Source | null {
  const file = join(dir, "prompt_injections.csv");
  if (!existsSync(file)) return null;
  const texts = csv(file)
    .filter((r) => /promptinject/i.test(r.source ?? "") && !/garak/i.test(r.source ?? ""))
    .map((r) => r.prompt!);
  return { name: "PromptInject (via Giskard)", texts: distinct(texts) };
}

/** PAIR (patrickrchao/JailbreakingLLMs): harmful-behaviour goals, plain tasks handed to a model. */
function pairGoals(dir: string): Source | null {
  const file = join(dir, "data/harmful_behaviors_custom.csv");
  if (!existsSync(file)) return null;
  return { name: "PAIR behaviours", texts: distinct(csv(file).map((r) => r.goal!)) };
}

const READERS = [bipia, gptFuzz, promptmap, promptInject, pairGoals];

/** The collection in `dir`, recognised by its layout, or null. */
export function readSource(dir: string): Source | null {
  for (const read of READERS) {
    const source = read(dir);
    if (source) return source;
  }
  return null;
}
