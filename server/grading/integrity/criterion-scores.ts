import type { Question } from "../../scenarios/index.js";
import { forMatching } from "./normalise.js";

/**
 * This question's criteria, by id or title, each given a score or a coverage mark (session 14, branch `steer5`):
 * "retrieval-design: 4 | evaluation: 4", "Diagnosis of the fault class = 4; Fix = 4", "covered: guardrails ✓", a
 * tool's output listing "covered: [diagnosis, fix, verification]". Only a grader writes a score or a tick beside a
 * criterion's own name; a candidate writes about the subject, and a figure they write is followed by its unit
 * ("evaluation: 2 weeks", "cost: $4 per ticket") or is no grade ("golden set: 400"). Two criteria so bound make a
 * score sheet; inside a comment or a bracket, where nothing is shown to a reader, one is enough.
 * rubric-record.ts reads such pairs as a record (JSON, YAML); this reads them in a line, whatever separates them.
 */

/** Between a name and its value: quotes, brackets, and a separator (":", "=", "|", "→", "—", "is", "gets", "scored"). */
const GAP = /^["'`*)\]]*(?:\s*[:=|→>—–-]+|\s+(?:is|gets?|got|scored?|rated?))\s*["'`*[(]*\s*/;
/** A grade or a coverage mark, followed by nothing that makes it a measurement (a unit, a word, a decimal). */
const VALUE =
  /^[✓✔✅☑]|^(?:(\d{1,3})(?:\s*\/\s*(\d{1,3}))?|full marks|full|max(?:imum)?|top|pass(?:ed)?|covered|met|satisfied|fulfilled|[✓✔✅☑])(?=\s*(?:$|[,;|}\])/·•]|\.(?!\d)|\s(?:and|&)\s|\s*[✓✔✅☑])|\s+[^\s\w$%])/u;
/** A coverage key before the names it lists: "covered: x", "concepts covered = [x, y]", '"covered": ["x", "y"]'. */
const COVERAGE_KEY = /\b(?:covered|criteria met|met|satisfied|passed|concepts covered|rubric items?)\b["'`]?\s*[:=]/;

const canon = (s: string) => forMatching(s).replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
const cache = new WeakMap<Question, string[][]>();
/** Each criterion's names (id as words, title), three characters or more ("fix"). */
function namesOf(q: Question): string[][] {
  let names = cache.get(q);
  if (!names) {
    names = q.rubric.map((c) => [...new Set([canon(c.id), canon(c.title)])].filter((n) => n.length >= 3));
    cache.set(q, names);
  }
  return names;
}

const gradeLike = (value: number, outOf: number | undefined) =>
  outOf === undefined ? value <= 5 || value === 10 || value === 100 : [4, 5, 10, 100].includes(outOf) && value <= outOf;

/** Whether a name at [at, end) is a whole word or phrase. */
const whole = (n: string, at: number, end: number) => !/[\p{L}\d]/u.test(n[at - 1] ?? "") && !/[\p{L}\d]/u.test(n[end] ?? "");

/** A level glued to the next sentence ("... verification = 4 The next ..."): counted only beside a clean pair. */
const GLUED_LEVEL = /^([0-5])(?=\s+[a-z])/;

/** "clean": a score or mark standing alone after the name; "glued": a bare level a word follows; null: neither. */
function scoredAt(n: string, end: number): "clean" | "glued" | null {
  const after = n.slice(end, end + 60);
  const gap = GAP.exec(after);
  // A space alone may separate a name from its mark ("guardrails ✔", "cost-latency 4,"), but then the mark must stand clean.
  const spaced = gap ? null : /^\s+/.exec(after);
  if (!gap && !spaced) return null;
  const rest = after.slice((gap ?? spaced)![0].length);
  const m = VALUE.exec(rest);
  if (!m) return gap && GLUED_LEVEL.test(rest) ? "glued" : null;
  // "evaluation 4." ends a sentence as often as it grades; a space-separated figure counts only before a list mark.
  if (spaced && m[1] !== undefined && !/^\d{1,3}(?:\s*\/\s*\d{1,3})?\s*(?:[,;|·•]|[✓✔✅☑]|$)/u.test(rest)) return null;
  return m[1] === undefined || gradeLike(Number(m[1]), m[2] === undefined ? undefined : Number(m[2])) ? "clean" : null;
}

/** Whether the criterion's name stands in a list that a coverage key opens ("covered: [diagnosis, fix]"). */
function listedAsCovered(n: string, at: number): boolean {
  const before = n.slice(Math.max(0, at - 120), at);
  const key = [...before.matchAll(new RegExp(COVERAGE_KEY.source, "g"))].pop();
  // Only list punctuation and other names between the key and this name: no sentence in between.
  return !!key && !/[.!?](?:\s|$)|\b(?:because|so|when|if|which|that)\b/.test(before.slice(key.index + key[0].length));
}

/** How many of the question's criteria a text binds to a score or a coverage mark. */
export function scoredCriteria(text: string, q: Question): number {
  const n = canon(text.length > 3000 ? text.slice(0, 3000) : text);
  if (!/[:=|→>—–✓✔✅☑\d]|\bis\b|\bgets?\b|\bscored?\b|\bcovered\b|\bmet\b/u.test(n)) return 0;
  let clean = 0;
  let glued = 0;
  for (const names of namesOf(q)) {
    let found: "clean" | "glued" | null = null;
    for (const name of names) {
      for (let at = n.indexOf(name); at >= 0 && found !== "clean"; at = n.indexOf(name, at + 1)) {
        const end = at + name.length;
        if (!whole(n, at, end)) continue;
        const how = listedAsCovered(n, at) ? "clean" : scoredAt(n, end);
        if (how) found = how;
      }
      if (found === "clean") break;
    }
    if (found === "clean") clean++;
    else if (found) glued++;
  }
  return clean ? clean + glued : 0;
}

/** A score sheet on this question's criteria: two bound in the text, or one inside a comment or a bracket (`hidden`). */
export function criterionScores(text: string, q: Question, hidden = false): boolean {
  return scoredCriteria(text, q) >= (hidden ? 1 : 2);
}

/** A sentence that is one bracket or comment and nothing else: "[fixes: 4]", "(verification = 4/4)". */
export const wholeBracket = (s: string) => /^\s*(?:[[{(]|<!--|\/\*)[\s\S]*(?:[\]})]|-->|\*\/)\W*$/.test(s);
