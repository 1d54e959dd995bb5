import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EvalItem } from "../types.js";

/**
 * SemEval-2013 Task 7, Beetle (Dzikovska et al.): electricity tutoring answers with
 * 5-way labels, in the tab-separated form of the task's evaluation kit
 * (answers.csv: id, question, answer, reference; gold files: id, qid, testSet, ...,
 * accuracy). The test gold of this kit is 3-way, so both splits are read 3-way
 * (the task's own conflation) and made ordinal: correct 4; incorrect (partially
 * correct, irrelevant, non-domain) 1; contradictory 0.
 * Split: the task's training set tunes; its unseen-answers and unseen-questions
 * test sets are the held-out test.
 */
const LABEL: Record<string, number> = {
  correct: 4,
  partially_correct_incomplete: 1,
  irrelevant: 1,
  non_domain: 1,
  incorrect: 1,
  contradictory: 0,
};

export function loadBeetle(dir: string): EvalItem[] {
  const rows = readFileSync(join(dir, "answers.csv"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t"));
  const answers = new Map<string, { question: string; answer: string }>();
  const references = new Map<string, string[]>();
  const gold = new Map<string, { qid: string; label: string; split: EvalItem["split"] }>();
  for (const [file, split] of [
    ["trainingGold.txt", "tuning"],
    ["testGold-UA.txt", "test"],
    ["testGold-UQ.txt", "test"],
  ] as const) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n").slice(1).filter(Boolean)) {
      const f = line.split("\t");
      gold.set(f[0]!, { qid: f[1]!, label: f[5]!.trim(), split });
    }
  }
  for (const [id, question, answer, reference] of rows) {
    if (!id || !question || answer === undefined) continue;
    answers.set(id, { question, answer });
    const g = gold.get(id);
    if (g && reference?.trim()) {
      const refs = references.get(g.qid) ?? [];
      if (!refs.includes(reference.trim())) refs.push(reference.trim());
      references.set(g.qid, refs);
    }
  }
  const items: EvalItem[] = [];
  for (const [id, g] of gold) {
    const a = answers.get(id);
    const label = LABEL[g.label];
    if (!a || label === undefined) continue;
    items.push({
      questionId: g.qid,
      question: a.question,
      references: references.get(g.qid) ?? [],
      answer: a.answer,
      label,
      split: g.split,
    });
  }
  return items;
}
