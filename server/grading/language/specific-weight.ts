import type { Question } from "../../scenarios/index.js";
import type { Token } from "./analyse.js";
import { specificKinds } from "./unspecific.js";
import { relatesBySymbol } from "./terse-note.js";

/**
 * Words that say how points stand to each other or what is claimed of them ("where", "so", "because", "never",
 * "only"): a relation between things the sentence names, and nothing when it names none. "Cap retries at 3 because
 * the provider throttles" relates a figure and a thing of the situation; "a prompt fault where the formats are
 * unspecified, so the fix injects the date so that ambiguous dates get a question" strings rubric names on them.
 */
const RELATIONAL = new Set(["relating", "specifying", "committing", "rubric-thing"]);
/** Kinds that are a rubric term's own word when the word is one ("in CI", "A/B test", "null for missing fields"). */
const NAMING = new Set(["name", "thing", "order"]);

const termWordsOf = new WeakMap<Question, ReadonlySet<string>>();
/** Every word of the question's evidence terms, built once per question. */
function termWords(q: Question): ReadonlySet<string> {
  let words = termWordsOf.get(q);
  if (!words) {
    const terms = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms));
    words = new Set(terms.join(" ").toLowerCase().match(/[a-z][a-z0-9@-]*/g) ?? []);
    termWordsOf.set(q, words);
  }
  return words;
}

/** A name written as code: "order_id", "orderId", "{{today}}", "json_schema". */
const IDENTIFIER = /\{\{[^}]+\}\}|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]+\b/g;
/** "x + y": two sides joined in a note ("task type + input length", "pydantic + 1 retry"). */
const JOIN = /[\w)\]]\s*\+\s*[\w(]/;
/** A quotation of five or more characters: what the prompt or the model says, in its own words. */
const QUOTED = /["“][^"”\n]{5,}["”]/g;

/**
 * How much a sentence says besides the rubric's names, counted in specific words (unspecific.ts): figures, orders,
 * someone acting, names, things of the question's situation, a relating symbol ("A -> B", "x = y", "a + b"), code-like names
 * and quotations. Relating, specifying and committing words count only beside those, at most one for each: alone
 * they relate rubric names. So do the words of the rubric's own terms and things only the rubric speaks of.
 */
export function specificWeight(sentence: string, tokens: readonly Token[], isTerm: (word: string) => boolean, question: Question): number {
  const kinds = specificKinds(sentence, tokens, isTerm);
  const words = termWords(question);
  const relational = kinds.filter(
    (k) => RELATIONAL.has(k.kind) || (NAMING.has(k.kind) && words.has(k.word.toLowerCase())),
  ).length;
  const own =
    kinds.length -
    relational +
    (relatesBySymbol(sentence) || JOIN.test(sentence) ? 1 : 0) +
    (sentence.match(IDENTIFIER) ?? []).length +
    (sentence.match(QUOTED) ?? []).length;
  // Each relation needs something to relate: no more relating words are counted than things named.
  return own + Math.min(relational, own);
}

/** Prepositions that only glue a name together ("check of the total", "tests for bias"): no relation of their own. */
const GLUE = new Set(["of", "for"]);

/**
 * How many items of a terse list relate what they name: "fallback to frontier on timeout; alert on per-route thumbs,
 * cost/request; re-label a shadow sample weekly". An item relates when it holds a figure of its own, a relating
 * symbol or "+", or a preposition between two of its words ("to frontier on timeout", "per team"), as an expert's
 * note does (terse-note.ts reads the same shapes); "of" and "for" glue a name and relate nothing. `separator`: what
 * ends an item (commas and semicolons in a list, semicolons alone in a sentence of clauses).
 */
export function relatingItems(sentence: string, tokens: readonly Token[], sentenceStart: number, separator: RegExp): number {
  const cuts = [...sentence.matchAll(new RegExp(separator.source, "g"))].map((m) => sentenceStart + m.index);
  if (!cuts.length) return 0;
  const bounds = [sentenceStart, ...cuts, Infinity];
  const texts = sentence.split(separator);
  let related = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const item = tokens.filter((t) => t.at >= bounds[i]! && t.at < bounds[i + 1]! && t.pos !== "PUNCT");
    const text = texts[i] ?? "";
    const relates =
      relatesBySymbol(text) ||
      /[\w)\]]\s*[+/]\s*[\w(]/.test(text) ||
      item.some((t) => t.pos === "NUM") ||
      item.some((t, k) => (t.pos === "ADP" || t.pos === "SCONJ") && !GLUE.has(t.word) && k > 0 && k < item.length - 1);
    if (relates) related++;
  }
  return related;
}
