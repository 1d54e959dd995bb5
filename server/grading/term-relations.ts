import type { Question } from "../scenarios/index.js";
import { analyse, questionTerms, type Analysis } from "./language/index.js";
import type { Token } from "./language/analyse.js";
import { findTerm } from "./match.js";

/** Words that relate anything to anything: sharing one says nothing about how a key point is stated. */
const GENERIC = new Set("be have do use make get go need way thing also well more most very just take give put set keep".split(" "));
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV"]);

type Concept = { key: string; terms: string[] };
type Relations = { concepts: Concept[]; context: Map<string, Set<string>> };
const cache = new WeakMap<Question, Relations>();

/**
 * The words each key point is stated with in the question's own texts: its model answers (every level),
 * prompt, and each criterion's description, anchors and strong-answer note. For a key point, the content
 * words (not the question's terms, not generic verbs) of every sentence of those texts that names it. The
 * references say "PII is redacted or tokenised in the SDK before it is stored in any trace": "redact" is
 * stated with "SDK", "store", "trace".
 */
function relations(q: Question): Relations {
  let known = cache.get(q);
  if (known) return known;
  const concepts = q.rubric.flatMap((c) => c.evidence.concepts.map((k) => ({ key: `${c.id}\u0000${k.label}`, terms: k.terms })));
  const isTerm = questionTerms(q);
  const context = new Map<string, Set<string>>(concepts.map((c) => [c.key, new Set<string>()]));
  const texts = [
    q.prompt,
    ...q.exemplars.map((e) => e.answer),
    ...q.rubric.flatMap((c) => [c.description, ...Object.values(c.anchors), c.strongAnswerAdds ?? ""]),
  ];
  for (const text of texts) {
    const a = analyse(text);
    a.sentences.forEach((s, i) => {
      const words = relationWords(a, i, isTerm);
      for (const c of named(concepts, s.text)) for (const w of words) context.get(c.key)!.add(w);
    });
  }
  known = { concepts, context };
  cache.set(q, known);
  return known;
}

/** How many of the question's key points a sentence names. */
export const keyPointsNamed = (q: Question, a: Analysis, sentence: number): number =>
  named(relations(q).concepts, a.sentences[sentence]!.text).length;

const named = (concepts: Concept[], sentence: string) => {
  const lower = sentence.toLowerCase();
  return concepts.filter((c) => c.terms.some((t) => findTerm(lower, t) >= 0));
};

/** A content word besides the question's terms and generic verbs: what a sentence says about its terms. */
const relationWord = (t: Token, isTerm: (word: string) => boolean) =>
  CONTENT.has(t.pos) && t.lemma.length > 2 && !GENERIC.has(t.lemma) && !/\d/.test(t.word) && !isTerm(t.word) && !isTerm(t.lemma);

/** A sentence's relation words (see relationWord), as lemmas. */
export function relationWords(a: Analysis, sentence: number, isTerm: (word: string) => boolean): Set<string> {
  const s = a.sentences[sentence]!;
  return new Set(
    a.tokens
      .slice(s.from, s.to)
      .filter((t) => relationWord(t, isTerm))
      .map((t) => t.lemma),
  );
}

/** How near a term a word must stand to say something about it: "redacts PII", "PII is redacted in the SDK". */
const NEAR = 3;

/**
 * Whether a sentence relates a key point it names the way the question's own texts do: a word it says next
 * to the term (within NEAR words, the question's terms and generic verbs aside) is one the references state
 * that key point with. "We redact PII in the SDK before traces are stored" says "SDK" by "PII"; "A guardrail
 * filters cost per resolved conversation to catch regressions early" says "filter" by "cost per", and no
 * reference ever states that key point with it. A purpose tacked on further along ("to keep p95 latency
 * low") is not read: it fits any term. `skip`: words that do not count (a template's own frame words).
 * A sentence naming no key point relates none.
 */
export function relatesLikeKeyPoint(q: Question, a: Analysis, sentence: number, skip: ReadonlySet<string> = new Set()): boolean {
  const { concepts, context } = relations(q);
  const isTerm = questionTerms(q);
  const s = a.sentences[sentence]!;
  const lower = s.text.toLowerCase();
  const tokens = a.tokens.slice(s.from, s.to);
  for (const c of concepts) {
    for (const term of c.terms) {
      for (let at = findTerm(lower, term); at >= 0; at = findTerm(lower, term, { from: at + 1 })) {
        const from = s.start + at;
        const to = from + term.length;
        const first = tokens.findIndex((t) => t.at + t.word.length > from);
        if (first < 0) continue;
        let last = first;
        while (last + 1 < tokens.length && tokens[last + 1]!.at < to) last++;
        for (let k = Math.max(0, first - NEAR); k <= Math.min(tokens.length - 1, last + NEAR); k++) {
          if (k >= first && k <= last) continue;
          const t = tokens[k]!;
          if (relationWord(t, isTerm) && !skip.has(t.lemma) && context.get(c.key)!.has(t.lemma)) return true;
        }
      }
    }
  }
  return false;
}
