import type { Question } from "../../scenarios/index.js";
import { analyseTerm, type Analysis, type Token } from "./analyse.js";
import { genericWord } from "./generic-words.js";

/**
 * Which of the question's own words an answer's sentence links to each other, and whether the question's texts ever
 * put those words together: a reading of what a sentence relates, not of which words it uses.
 *
 * A word salad strings the question's words together with glue ("The embedding threshold of the open tracker ranks
 * the nearest maintainer into recall"): every content word is the question's, so no vocabulary reading tells it
 * from an expert's dense sentence, but the pairs it links (threshold-tracker, maintainer-recall) are pairs no text
 * of the question links, because they mean nothing together. An honest sentence, in any wording, links things that
 * belong together (embed-title, issue-closed-duplicate), and the question's prompt, rubric and model answers say
 * those things together too.
 *
 * Stuffed filler is the other side: generic sentences ("it is really important to think carefully about embeddings
 * and duplicates") name two or more of the question's words and link none of them to another: the terms are items
 * hung on a frame, with nothing said about any of them.
 */

/** The question's words and the pairs of them its texts say in one sentence, built once per question. */
type References = { words: ReadonlySet<string>; pairs: ReadonlySet<string>; adjacent: ReadonlySet<string> };
const references = new WeakMap<Question, References>();

/** Parts of speech that carry content: a linked pair is two of these in one clause with only function words between. */
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ"]);
/**
 * Verbs every text uses, whatever it is about: they link nothing specific to the question ("is", "use", "make").
 * A closed class of light verbs, not a list of any answer's words.
 */
const LIGHT = new Set("be have do make use get go take give put let need want say see try keep set come find know seem".split(" "));
/** Where a clause ends: a linked pair never spans a comma, a coordination or a subordinate clause ("X and Y" lists X, Y). */
const BOUNDARY = new Set(["CCONJ", "SCONJ", "PUNCT", "SYM"]);

/**
 * How near two words must stand in a reference sentence to count as said together: within this many content words
 * (3 let a long salad's links pass as said together by chance and fired on no more honest sentences than 2 does).
 * A whole sentence is too wide: a long rubric anchor names a dozen of the question's words, and any two of them would
 * then be "said together".
 */
const REFERENCE_WINDOW = 2;
/** Whether a comma, semicolon, colon or dash stands between token i and the one before (the tokens carry no punctuation). */
function afterStop(a: Analysis, i: number): boolean {
  const prev = a.tokens[i - 1];
  return !!prev && /[,;:()–—]|\s-\s/.test(a.text.slice(prev.at + prev.word.length, a.tokens[i]!.at));
}
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const contentLemma = (t: Token) => (CONTENT.has(t.pos) && /^[a-z][a-z-]{2,}$/.test(t.lemma) && !LIGHT.has(t.lemma) ? t.lemma : null);

/**
 * The question's texts that say what a good answer says: prompt, rubric (descriptions, anchors, key points and
 * their terms) and the model answers above weak. The weak exemplar is left out: it is the vague answer, and a pair
 * it says together ("improve the prompt") is no evidence that the pair means something.
 */
function referencesOf(q: Question): References {
  let r = references.get(q);
  if (r) return r;
  const texts = [
    q.prompt,
    q.title,
    ...q.rubric.flatMap((c) => [
      c.title,
      c.description,
      ...Object.values(c.anchors),
      c.strongAnswerAdds ?? "",
      ...c.probes,
      ...c.evidence.concepts.map((k) => `${k.label}: ${k.terms.join(", ")}`),
    ]),
    ...q.exemplars.filter((e) => e.level !== "weak").map((e) => e.answer),
  ];
  const words = new Set<string>();
  const pairs = new Set<string>();
  const adjacent = new Set<string>();
  for (const text of texts) {
    if (!text.trim()) continue;
    const a = analyseTerm(text);
    for (const s of a.sentences) {
      const lemmas = a.tokens
        .slice(s.from, s.to)
        .map(contentLemma)
        .filter((l): l is string => !!l);
      for (const l of lemmas) words.add(l);
      const toks = a.tokens.slice(s.from, s.to);
      for (let i = 1; i < toks.length; i++) {
        const x = contentLemma(toks[i - 1]!);
        const y = contentLemma(toks[i]!);
        if (x && y) adjacent.add(pairKey(x, y));
      }
      for (let i = 0; i < lemmas.length; i++)
        for (let j = i + 1; j <= i + REFERENCE_WINDOW && j < lemmas.length; j++) pairs.add(pairKey(lemmas[i]!, lemmas[j]!));
    }
  }
  r = { words, pairs, adjacent };
  references.set(q, r);
  return r;
}

export type SentenceLinks = {
  /** Distinct question words the sentence names. */
  named: number;
  /** Pairs of question words it links in one clause (adjacent content words, only function words between). */
  linked: string[];
  /** Of those, the pairs some text of the question also says in one sentence. */
  attested: number;
  /** Of the links not attested, those made through a preposition ("the latency of the cache", "into recall"). */
  glued: number;
  /** Content words of the sentence that are not the question's. */
  other: number;
  /** Of those, the ones that say nothing about any particular thing (generic-words.ts). */
  generic: number;
  /** What commits the sentence to something checkable (`anchorsOf`). */
  anchor: Anchors;
};

/** What one sentence (token range) of an analysed answer links, against the question's references. */
export function sentenceLinks(q: Question, a: Analysis, from: number, to: number): SentenceLinks {
  const ref = referencesOf(q);
  const named = new Set<string>();
  const linked = new Set<string>();
  let attested = 0;
  let other = 0;
  let generic = 0;
  // The unit before: the question's words of one name ("system prompt", "confusion matrix": words the question says
  // side by side), whose link to the next unit is what the sentence relates.
  let unit: string[] = [];
  let glued = 0;
  // Whether a preposition stands between the unit and the next word ("the latency OF the cache", "INTO recall").
  let viaPreposition = false;
  for (let i = from; i < to; i++) {
    const t = a.tokens[i]!;
    if (BOUNDARY.has(t.pos) || (i > from && afterStop(a, i))) unit = [];
    if (BOUNDARY.has(t.pos)) continue;
    if (t.pos === "ADP") viaPreposition = true;
    const lemma = contentLemma(t);
    if (!lemma) continue;
    if (!ref.words.has(lemma)) {
      other++;
      if (genericWord(t)) generic++;
      unit = [];
      continue;
    }
    named.add(lemma);
    const last = unit[unit.length - 1];
    if (last === lemma) {
      viaPreposition = false;
      continue;
    }
    // Adjacent words the question also says side by side are one name, not a relation.
    if (last && i > from && a.tokens[i - 1] && contentLemma(a.tokens[i - 1]!) === last && ref.adjacent.has(pairKey(last, lemma))) {
      unit.push(lemma);
      viaPreposition = false;
      continue;
    }
    if (unit.length) {
      const key = `${unit.join(" ")}>${lemma}`;
      if (!linked.has(key)) {
        linked.add(key);
        if (unit.some((u) => ref.pairs.has(pairKey(u, lemma)))) attested++;
        else if (viaPreposition) glued++;
      }
    }
    unit = [lemma];
    viaPreposition = false;
  }
  return { named: named.size, linked: [...linked], attested, glued, other, generic, anchor: anchorsOf(a, from, to) };
}

/**
 * Closed-class words that make a sentence a claim a reader can check, whatever it is about: a denial or limit, a
 * clause of reason, condition, time or comparison, a unit of time. "then", "each" and "every" are not among them: a
 * salad strings its clauses with them ("The forum categories then escalate ...").
 */
const CLAIM_WORDS = new Set(
  (
    "not n't no never nothing none without only because since if unless until before after than instead otherwise whether " +
    "when whenever once where so week month year day hour minute daily weekly monthly"
  ).split(" "),
);
/** Someone who acts: a speaker or addressee ("we redact", "I asked"). Filler speaks in the first person too ("I think"). */
const AGENTS = new Set("i we you me us my our your".split(" "));
/** Quotes, code and relating symbols. */
const SYMBOLS = /["“”`]|[(){}[\]=<>_|$%€£→]|:\s|->/;
/** A figure of its own: a number standing alone ("14", "0.92", "$4", "30%"), not one written into a name ("p95", "top-5", "F1"). */
const FIGURE = /^[$€£]?\d[\d.,]*(?:%|k|m|ms|s|x)?$/;

export type Anchors = { claim: boolean; agent: boolean; form: boolean; list: boolean };

/**
 * What in a sentence commits it to something checkable: `form` (a figure, a quote, code or a symbol, an order),
 * `claim` (a denial, a clause of reason or condition, a time unit), `agent` (someone acting), and whether it is a
 * `list` of three items or more (notes, which the list readers read; filler strings its terms as one too).
 */
export function anchorsOf(a: Analysis, from: number, to: number): Anchors {
  const text = a.text.slice(a.tokens[from]?.at ?? 0, (a.tokens[to - 1]?.at ?? 0) + (a.tokens[to - 1]?.word.length ?? 0));
  const out: Anchors = { claim: false, agent: false, form: SYMBOLS.test(text), list: text.split(/[,;]\s+/).length >= 3 };
  for (let i = from; i < to; i++) {
    const t = a.tokens[i]!;
    if (FIGURE.test(t.word) || (t.pos === "NUM" && !/\d/.test(t.word) && t.word !== "one")) out.form = true;
    // An order: a base-form verb opening the sentence or a clause after a comma ("Monitor ...", "..., track ...").
    if (t.pos === "VERB" && t.word === t.lemma && !t.word.endsWith("ing") && (i === from || afterStop(a, i))) out.form = true;
    if (CLAIM_WORDS.has(t.word) || CLAIM_WORDS.has(t.lemma)) out.claim = true;
    if (AGENTS.has(t.word)) out.agent = true;
  }
  return out;
}
