import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EvalItem } from "../types.js";

/**
 * SAF, Short Answer Feedback (Filighera et al., ACL 2022; github.com/SebOchs/SAF,
 * MIT): university communication-networks questions, English part. Each answer
 * carries one tutor's score (0-1, in steps such as 0.25 or 0.125), made ordinal
 * on 0-4 as 4 × score. Split: the training folder tunes; the unseen-answers and
 * unseen-questions folders are the held-out test.
 * The files are small, regular XML (one question, its reference answers, its
 * student answers), so a few patterns read them without an XML dependency.
 */
export function loadSaf(dir: string): EvalItem[] {
  const items: EvalItem[] = [];
  for (const [folder, split] of [
    ["training", "tuning"],
    ["unseen_answers", "test"],
    ["unseen_questions", "test"],
  ] as const) {
    const path = join(dir, folder, "english");
    for (const file of readdirSync(path).filter((f) => f.endsWith(".xml"))) {
      const xml = readFileSync(join(path, file), "utf8");
      // The file name carries the question number: two files (4.2, 4.3) repeat id="2.1" inside.
      const questionId = /^\d+\.\d+/.exec(file)?.[0] ?? attribute(xml, "question", "id") ?? file;
      const question = text(xml, "questionText") ?? "";
      const references = all(xml, "referenceAnswer").filter(Boolean);
      for (const block of xml.split(/<studentAnswer\b/).slice(1)) {
        const answer = text(block, "response") ?? "";
        const score = Number(text(block, "score"));
        if (!Number.isFinite(score)) continue;
        items.push({ questionId, question, references, answer, label: 4 * Math.max(0, Math.min(1, score)), split });
      }
    }
  }
  return items;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const decode = (s: string) =>
  s
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .trim();

function text(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? decode(m[1]!) : undefined;
}

function all(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => decode(m[1]!));
}

function attribute(xml: string, tag: string, name: string): string | undefined {
  return new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
}
