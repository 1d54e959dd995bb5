import type { Question } from "../scenarios/index.js";
import { forMatching, isContentWord } from "./integrity/index.js";
import { ABSENCE, LIMITERS, NEGATORS } from "./language/index.js";

/**
 * Evidence must come from the candidate, not from text we gave them, in other words too. given-text.ts drops the
 * prompt's lines an answer repeats verbatim; this drops the sentences that restate the prompt with small edits
 * ("The bot must hand off to a human agent when it cannot help; an agent ticket costs about $4."), which
 * otherwise earned the key points the question itself names (an outside audit: the prompt pasted back with a few
 * words changed scored 25 of 100, above the weak answer's 0).
 *
 * A sentence restates the question when one passage of the prompt (up to WINDOW consecutive sentences)
 * holds at least SHARE of its content words and numbers (at least MIN_WORDS of them), says most of them in the
 * passage's order (IN_ORDER of its neighbouring pairs stand within PAIR_GAP words of each other there, in that
 * order: "route the 70% the judge rated good to the cheap model" uses the prompt's words for a decision of its
 * own), every number it states is the passage's, and every negator or limiter it uses ("not", "only", "never")
 * is the passage's too: "Do not reveal
 * the discount codes to customers" is a fix of a prompt that says "Reveal the discount codes to customers", not a
 * restatement. A sentence that works with the givens adds a number or words of its own ("10,000 questions a day at
 * 3x peak is about 1,250 an hour") and stays.
 *
 * System-design questions only. A story's opening restates the behavioural prompt by nature ("A teammate and I
 * disagreed about whether a new retriever was better" is its situation), and a prompt-debugging answer's rewritten
 * prompt keeps the original's lines around its fix (their order can be the fix): both lost honest credit on the
 * blind calibration answers. Coding answers are code, read against the starter code by given-text.ts.
 */
const WINDOW = 3;
const SHARE = 0.85;
const IN_ORDER = 0.6;
const MIN_WORDS = 4;
/** Outside system design, restated sentences are set aside only when they hold this share of the answer's content words. */
const MOSTLY = 0.5;
/**
 * A brief, not a one-line question: a short answer to "Explain why terminal 1 reads 1.5 V" repeats most of the
 * question and adds its one word of answer ("... because they are connected"); on the public short-answer sets
 * (one- or two-sentence questions) the rule cost Beetle's test split 0.008 r. A design brief has dozens of givens.
 */
const MIN_PROMPT_WORDS = 40;
/** How far apart two words may stand in the prompt and still count as the pair the sentence says in order. */
const PAIR_GAP = 3;
/** Words that change what the prompt said when the sentence adds them: the grader's negators, absences and limiters. */
const CHANGES = new Set([...NEGATORS, ...ABSENCE, ...LIMITERS, "no", "unless", "except", "dont"]);

type Passage = { at: Map<string, number[]>; numbers: Set<string>; limiters: Set<string> };

/** The stem a word is compared by: "articles" / "article", "edited" / "edit", "retrieves" / "retrieve". */
const stem = (w: string) => (w.length > 4 ? w.replace(/(?:ies|es|s|ed|ing)$/, "") : w);
const number = (n: string) => n.replace(/,/g, "").replace(/\.0+$/, "");
const numbersOf = (s: string) => new Set((s.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map(number));
const limitersOf = (s: string) => new Set((s.toLowerCase().match(/[a-z']+/g) ?? []).filter((w) => CHANGES.has(w) || w.endsWith("n't")));
/** Content words (stemmed) and numbers, in the order written: a restatement keeps the prompt's order. */
const tokensOf = (s: string) =>
  (s.toLowerCase().match(/\d[\d,]*(?:\.\d+)?|[\p{L}][\p{L}'-]*/gu) ?? []).flatMap((t) =>
    // Read as the copy check reads words, without its cache of recent texts (each token here would push one out).
    /^\d/.test(t) ? [number(t)] : (forMatching(t).match(/[\p{L}\p{N}]+/gu) ?? []).filter(isContentWord).map(stem),
  );

/** The prompt's sentences: its lines are wrapped, so a paragraph or a bullet is joined first, then cut at full stops. */
const promptSentences = (text: string) =>
  text
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)
    .map((block) => block.replace(/\s*\n\s*/g, " "))
    .flatMap((block) => block.split(/(?<=[.!?;])\s+/))
    .map((s) => s.trim())
    .filter(Boolean);

const byQuestion = new WeakMap<Question, Passage[]>();
const byQuestionProse = new WeakMap<Question, Passage[]>();
/** Fenced blocks (a prompt under repair, starter code) are not the question's prose. */
const withoutFences = (text: string) => text.replace(/^\s*(```|~~~)[^\n]*\n[\s\S]*?^\s*\1\s*$/gm, "\n");

/** The prompt's passages (`proseOnly`: without its fenced blocks), once per question object (questions are per pack version). */
function passages(question: Question, proseOnly: boolean): Passage[] {
  const cache = proseOnly ? byQuestionProse : byQuestion;
  let known = cache.get(question);
  if (!known) {
    const text = proseOnly ? withoutFences(question.prompt) : question.prompt;
    const parts = promptSentences(text);
    const brief = new Set(tokensOf(text)).size >= MIN_PROMPT_WORDS;
    known = (brief ? parts : []).map((_, i) => {
      const text = parts.slice(i, i + WINDOW).join(" ");
      const at = new Map<string, number[]>();
      tokensOf(text).forEach((t, j) => at.set(t, [...(at.get(t) ?? []), j]));
      return { at, numbers: numbersOf(text), limiters: limitersOf(text) };
    });
    cache.set(question, known);
  }
  return known;
}

const inOrder = (p: Passage, a: string, b: string) =>
  (p.at.get(a) ?? []).some((i) => (p.at.get(b) ?? []).some((j) => j > i && j - i <= PAIR_GAP));

function restates(sentence: string, prompt: Passage[]): boolean {
  const tokens = tokensOf(sentence);
  const distinct = new Set(tokens);
  if (distinct.size < MIN_WORDS) return false;
  const numbers = numbersOf(sentence);
  const limiters = limitersOf(sentence);
  return prompt.some((p) => {
    let shared = 0;
    for (const w of distinct) if (p.at.has(w)) shared++;
    if (shared < SHARE * distinct.size) return false;
    for (const n of numbers) if (!p.numbers.has(n)) return false;
    for (const l of limiters) if (!p.limiters.has(l)) return false;
    let pairs = 0;
    for (let i = 1; i < tokens.length; i++) if (inOrder(p, tokens[i - 1]!, tokens[i]!)) pairs++;
    return pairs >= IN_ORDER * (tokens.length - 1);
  });
}

/** The answer's prose with the restated sentences taken out, and how many of its sentences those were. */
export type Restated = { text: string; restated: number; sentences: number };

/**
 * The answer's prose without the sentences that restate the question's prompt; lines and their breaks kept.
 * System design: each such sentence goes. The other kinds: only when they are most of what the answer says
 * (MOSTLY of its content words): a story's opening may restate the prompt ("A teammate and I disagreed about
 * whether a new retriever was better" is its situation), an explanation of code may echo its spec, and those
 * answers stay whole; an answer that is the question said back ("Tell me about a time I reduced what an LLM feature
 * cost...", 77 of 100 on the built-in pack, 44-92 on every coding and prompt-debugging question, above the weak
 * exemplar on all of them) earns nothing from it. For those kinds the prompt is read without its fenced blocks: a
 * fixed prompt keeps the broken prompt's lines, and the code a candidate writes keeps the starter's.
 */
export function withoutRestatedQuestion(prose: string, question: Question): Restated {
  const whole = { text: prose, restated: 0, sentences: 0 };
  if (!prose.trim() || !question.prompt) return whole;
  const design = question.kind === "system-design";
  const prompt = passages(question, !design);
  if (!prompt.length) return whole;
  let restated = 0;
  let sentences = 0;
  let restatedWords = 0;
  let words = 0;
  const lines = prose.split("\n").map((line) => {
    const parts = line.split(/(?<=[.!?;])\s+/);
    const kept = parts.filter((s) => {
      const size = new Set(tokensOf(s)).size;
      if (size) sentences++;
      words += size;
      if (!restates(s, prompt)) return true;
      restated++;
      restatedWords += size;
      return false;
    });
    return kept.length === parts.length ? line : kept.join(" ");
  });
  if (!restated || (!design && restatedWords < MOSTLY * words)) return { ...whole, sentences };
  return { text: lines.join("\n"), restated, sentences };
}
