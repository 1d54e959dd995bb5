import type { Question } from "../../scenarios/index.js";
import { isTypoOf } from "../language/index.js";
import { isMarkupLine } from "../language/markup-lines.js";

/**
 * A dump of the rubric's own names: its criterion titles, key-point labels and terms arranged as notes
 * ("Retrieval quality: hybrid search, reranking. Grounding: citations. Evaluation: golden set, faithfulness.";
 * "Fix => hard limit with headroom, summary only no preamble, plain-text format"), in any layout (labelled lines,
 * bullets, headings, a table, one line of colons and semicolons, mixed case, slips of a letter), with nothing the
 * candidate says of their own about them. A terse note names the same things and says something of its own: a
 * figure ("rerank top 50 -> 8"), a choice or a tool the rubric does not name ("e5 embeddings in pgvector",
 * "Luhn"), a reason or an order ("after redaction", "because"). The measure is that: the share of an answer's
 * content words that are not the rubric's, with the labels a note puts before its items ("Fix:", "## Eval",
 * a table's first column) read as layout, not content. Outside audit 9's concept-label dump earned 40 against a
 * weak exemplar at 0, under the rubric-pasted check's 40 characters and the key-point label check's three words.
 */

/** Below this many content words there is too little to tell a dump from a short answer. */
const MIN_CONTENT_WORDS = 6;
/** At most this share of the content words are the candidate's own (figures, words the rubric does not use). */
const MAX_OWN_SHARE = 0.08;
/** Questions of fewer criteria are short-answer items, where the reference's words are the answer. */
const MIN_CRITERIA = 3;

/** Words that say nothing either way: function words, and praise or assent put next to a name ("(critical)", ": yes"). */
const NEUTRAL = new Set(
  (
    "a an the to of and or in on for with by as at is are be it its this that these those we i you they our my " +
    "but not no from into which each every all any w vs also up out over then plus etc " +
    "important critical key essential crucial must yes core vital good proper solid careful robust main"
  ).split(" "),
);

/** Words that relate one thing to another: said outside the rubric's names they are the candidate's own. */
const RELATING = new Set("because so since therefore when if unless until after before instead via than".split(" "));

/**
 * The label a note puts before its items: a few words then a colon, an arrow or a spaced dash, at a line's or a
 * sentence's start. Each run of spaces has exactly one part of the pattern that may take it (the start's, the
 * marker run's, or the bounded label's): several optional space-takers in a row made a run of 800 spaces cost
 * minutes of backtracking (a review of session 13 found it).
 */
const ITEM_LABEL =
  /(^[ \t]*|[.;!?|][ \t]+|\n[ \t]*)(?:[-*•#>][-*•#> \t]*|\d+[.)][ \t]*)?(?=[^\s])[^.;:|\n=]{1,40}?(?::|=>|->|→|[ \t][-–—][ \t])(?=\s)/g;

const singular = (w: string) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w);

type Names = {
  words: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
  /** Each criterion's terms, lower case. */
  terms: string[][];
  known: Map<string, boolean>;
};
const cache = new WeakMap<Question, Names>();
/**
 * The words of the rubric's names (criterion titles, key-point labels and their terms, function words too) and of the
 * question itself: a dump padded with the question's own nouns ("reranking for the help articles", "citations in the
 * answers") says no more than the names did.
 */
function namesOf(q: Question): Names {
  let known = cache.get(q);
  if (!known) {
    const texts = [q.title, q.prompt, ...q.rubric.flatMap((c) => [c.title, ...c.evidence.concepts.flatMap((k) => [k.label, ...k.terms])])];
    const words = new Set(
      texts
        .flatMap((t) => t.toLowerCase().split(/[^a-z0-9@]+/))
        .filter(Boolean)
        .map(singular),
    );
    // Word pairs of the descriptions (titles and labels), function words left out: "hard limit with headroom" holds
    // "hard limit" and "limit headroom".
    const pairs = new Set(
      q.rubric
        .flatMap((c) => [c.title, ...c.evidence.concepts.map((k) => k.label)])
        .flatMap((t) => {
          const w = t
            .toLowerCase()
            .split(/[^a-z0-9@]+/)
            .map(singular)
            .filter((x) => x.length > 1 && !NEUTRAL.has(x))
            .map(stem);
          return w.slice(1).map((x, i) => `${w[i]} ${x}`);
        }),
    );
    const terms = q.rubric.map((c) => c.evidence.concepts.flatMap((k) => k.terms.map((t) => t.toLowerCase().trim())).filter(Boolean));
    known = { words, pairs, terms, known: new Map() };
    cache.set(q, known);
  }
  return known;
}

/** Whether a word is one of the rubric's: the same, another form of it ("reranking" for "rerank"), or a slip of it. */
function rubricWord(w: string, names: Names): boolean {
  const seen = names.known.get(w);
  if (seen !== undefined) return seen;
  let found = names.words.has(w);
  if (!found)
    for (const v of names.words)
      if ((v.length >= 4 && w.length >= 4 && (w.startsWith(v) || v.startsWith(w))) || isTypoOf(w, v)) {
        found = true;
        break;
      }
  names.known.set(w, found);
  return found;
}

/** Whether a word (lower case) is one of the rubric's or the question's own names, in any form or with a slip. */
export function isRubricWord(q: Question, word: string): boolean {
  return rubricWord(singular(word), namesOf(q));
}

/** The text as content is read: labels before items, table headers and first cells, list numbers blanked. */
function contentOf(text: string): string {
  const lines = text.split("\n");
  const read = lines.map((line, i) => {
    // Headings and other layout lines ("**Answer:**", "---") are no words of the answer (language/markup-lines.ts).
    if (/^\s*#/.test(line) || isMarkupLine(line)) return "";
    if (/^\s*\|/.test(line)) {
      // A table: its header row and each row's first cell name what the other cells hold.
      if (/^\s*\|[\s|:-]+\|?\s*$/.test(line) || /^\s*\|[\s|:-]+\|?\s*$/.test(lines[i + 1] ?? "")) return "";
      return line.replace(/^\s*\|[^|]*\|/, " ");
    }
    return line;
  });
  const joined = read.join("\n");
  return (
    joined
      // A label over nothing ("Strict schemas: yes.", "Audit log: yes.") is the content itself.
      .replace(ITEM_LABEL, (label: string, before: string, at: number) =>
        // A label ending its line ("Answer:") is over the lines that follow it.
        saysSomething(
          joined
            .slice(at + label.length, at + label.length + 200)
            .replace(/^\s+/, "")
            .split(/[.;|\n]/)[0]!,
        )
          ? `${before} `
          : label,
      )
      .replace(/(^|\s)\d+[.)](?=\s)/g, "$1 ")
  );
}

/** Whether a stretch of text holds a word that is not neutral. */
const saysSomething = (text: string) => tokens(text).some((t) => !NEUTRAL.has(t.toLowerCase()));

/** Words and figures, split where notes join them (punctuation, arrows, "+", hyphens, slashes). */
const tokens = (text: string) => text.split(/[\s,;:|/()[\]{}<>"'`*#+=→←⇒&!?-]+/).filter(Boolean);

/** Whether a paragraph (or a whole answer) names only the rubric's own names, with nothing of the candidate's. */
export function labelDump(q: Question, text: string): boolean {
  if (q.rubric.length < MIN_CRITERIA || q.coding) return false;
  const names = namesOf(q);
  let content = 0;
  let own = 0;
  const words: string[] = [];
  for (const token of tokens(contentOf(text))) {
    // A figure is always the candidate's: a size, a count, a threshold, a price.
    if (/\d/.test(token)) {
      content++;
      own++;
      continue;
    }
    const w = singular(token.toLowerCase().replace(/^[^a-z0-9@]+|[^a-z0-9@]+$/g, ""));
    if (w.length < 2 || (NEUTRAL.has(w) && !RELATING.has(w))) continue;
    content++;
    words.push(w);
    if (!rubricWord(w, names)) own++;
  }
  if (content < MIN_CONTENT_WORDS || own > MAX_OWN_SHARE * content) return false;
  // Names of one part, in the candidate's terms, are a set answer to that part ("trace id, span per model call,
  // prompt version, model version, doc ids, tokens in/out, latency, thumbs"); a dump samples the whole rubric, or
  // copies its descriptions ("prompt and model version", "redaction before writing").
  return criteriaNamed(q, text) >= MIN_CRITERIA || labelPhrasing(names, words) * 2 >= words.length;
}

/** A word as word pairs are compared: its first five letters ("reranking" and "rerank", "confidnce" and "confidence"). */
const stem = (w: string) => w.slice(0, 5);

/** How many of the content words stand in a pair that one of the rubric's titles or labels also holds. */
function labelPhrasing(names: Names, words: string[]): number {
  const keys = words.map(stem);
  return keys.filter((k, i) => names.pairs.has(`${keys[i - 1]} ${k}`) || names.pairs.has(`${k} ${keys[i + 1]}`)).length;
}

/** How many criteria the text names a term of. */
export function criteriaNamed(q: Question, text: string): number {
  const lower = text.toLowerCase();
  return namesOf(q).terms.filter((terms) =>
    terms.some((t) => {
      for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) if (at === 0 || !/[a-z0-9]/.test(lower[at - 1]!)) return true;
      return false;
    }),
  ).length;
}
