import type { Question } from "../../scenarios/index.js";
import { praises } from "./evaluative.js";

/**
 * What a question that asks for things ("how would you make it robust?", "what does each span record?")
 * lets a short list answer: its key points (terms, by criterion) and the words it names things with.
 * Built once per question (a WeakMap on the question object, like questionTerms).
 */
export type SetQuestion = {
  /** Each key point's terms, lower-cased, and the index of its criterion. */
  points: readonly { criterion: number; terms: readonly string[] }[];
  criteria: number;
  /** The words of the prompt and of the terms, lower-cased and read without a plural "s". */
  names: ReadonlySet<string>;
  /** The rubric's own names of several words (criterion titles, key-point labels), as `verbatim` reads them. */
  rubricNames: ReadonlySet<string>;
};

/** A list answers with a few things; a run longer than this is a dump, whatever its items. */
const MIN_ITEMS = 3;
const MAX_ITEMS = 7;
/**
 * A field list of one part of the question under a label naming what its items are of ("Each log record: conversation
 * id, turn number, prompt version, ...") runs longer: this many items, all reaching one criterion. Outside
 * audits and session 15's notes had such lists of 8 set aside as keyword lists; a dump takes terms from several.
 */
const MAX_FIELD_ITEMS = 10;
/** A set answers a part of the question: items reaching more criteria than this are a tour of the rubric. */
const MAX_CRITERIA = 2;
/** A label is a short noun phrase ("Per call span", "Retries"), not a clause. */
const LABEL = /^\s*(?:[-*•·]\s*|\d+[.)]\s*)?([A-Za-z][\w'/ -]{0,40}?)\s*:\s*(\S[\s\S]*)$/;
const LABEL_WORDS = 4;
/** Words that carry no name: articles and the light prepositions of a label ("per call span", "for each span"). */
const LIGHT = new Set(["a", "an", "the", "per", "each", "every", "for", "of", "on", "in", "to", "with", "and", "or", "our", "my", "its"]);
/** How the question is asked: it wants things named (how, what, which, list, name, design), not a story. */
const ASKS_FOR_THINGS = /\b(?:how|what|which|list|name|design|describe|give)\b/i;

/** A clause inside an item: an auxiliary or modal after its first word, or a subject pronoun. */
const CLAUSE =
  /(?:^|\s)(?:i|we|you|he|she|they|it)\s|\S\s+(?:is|are|was|were|be|been|being|has|have|had|do|does|did|must|should|would|will|can|could|may|might|shall)\b/;

const cache = new WeakMap<Question, SetQuestion | null>();

/**
 * The set reading of a question, or null when a list cannot answer it: a behavioural question asks for a story
 * (a list of what one did is no account of it), and a question that asks only why wants a reason.
 */
export function setQuestion(q: Question): SetQuestion | null {
  let known = cache.get(q);
  if (known === undefined) {
    known = null;
    if (q.kind !== "behavioural" && ASKS_FOR_THINGS.test(q.prompt)) {
      const points = q.rubric.flatMap((c, criterion) =>
        c.evidence.concepts.map((k) => ({ criterion, terms: k.terms.map((t) => t.toLowerCase().trim()).filter(Boolean) })),
      );
      const names = new Set([q.prompt, ...points.flatMap((p) => p.terms)].flatMap(wordsOf));
      const rubricNames = new Set(
        q.rubric
          .flatMap((c) => [c.title, ...c.evidence.concepts.map((k) => k.label)])
          .map(verbatim)
          .filter((n) => n.includes(" ")),
      );
      known = { points, criteria: q.rubric.length, names, rubricNames };
    }
    cache.set(q, known);
  }
  return known;
}

/** A name as compared with the rubric's: lower case, words only. */
const verbatim = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ");
const singular = (w: string) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w);
const wordsOf = (text: string) => (text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? []).map(singular);

/** Whether `term` occurs in `item` at a word start (terms are often stems: "idempoten", "tokenis"). */
function holds(item: string, term: string): boolean {
  for (let at = item.indexOf(term); at >= 0; at = item.indexOf(term, at + 1)) if (at === 0 || !/[a-z0-9]/.test(item[at - 1]!)) return true;
  return false;
}

/**
 * Whether a line is a short list that answers a question asking for things: "retries with backoff, idempotency
 * keys, timeouts" to "how do you make the tool call robust?", or "Per call span: trace id, prompt version, model
 * name, token counts, latency" (the fields of a thing the label names). Such a list IS the answer; a keyword dump
 * is not, and differs in shape:
 * - a set is a few items (3 to 7); a dump names everything;
 * - a set answers one or two parts of the question; a dump takes terms from the whole rubric at once;
 * - a set's items are the candidate's noun phrases, a term with its modifiers ("retries with backoff",
 *   "idempotency keys", "token counts"), so at least half of them hold a word beyond the term they match; a dump
 *   is the rubric's terms verbatim ("backoff, jitter, circuit breaker, failover").
 * A label naming the thing the items belong to (a word of the question: "Per call span:", "Each trace:") says
 * what the list is of, as the question's own "how" does: under one, one item in the candidate's words is enough,
 * but a list of nothing but the rubric's terms stays a dump, however labelled ("Key points: ...").
 */
export function answersAsSet(line: string, q: SetQuestion): boolean {
  const labelled = LABEL.exec(line);
  const label = labelled && labelled[1]!.split(/\s+/).length <= LABEL_WORDS ? labelled[1]! : null;
  const value = label ? labelled![2]! : line.replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, "");
  // Items are cut at commas and semicolons, and the last one at its "and" ("..., token counts and latency"): a
  // sentence without two such cuts is no list.
  const cut = value.replace(/[.!]+\s*$/, "").split(/[,;]/);
  if (cut.length < MIN_ITEMS - 1) return false;
  const items = [...cut.slice(0, -1), ...cut[cut.length - 1]!.split(/(?<!\s)\s+and\s+/)]
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /[a-z]/.test(s));
  if (items.length < MIN_ITEMS || items.length > MAX_FIELD_ITEMS) return false;
  // An item that is a clause ("bulb a is contained in a path", "we retry it") makes the line a sentence, read as one.
  if (items.some((item) => CLAUSE.test(item))) return false;
  // The rubric's own names, copied ("Sampling settings: temperature zero, seed, still not fully deterministic" from
  // a criterion's title and key-point labels): a list half of whose text is its several-word names is a dump of them.
  if (copiesRubricNames(value, q)) return false;
  const touched = new Set<number>();
  let matched = 0;
  const read = items.map((item) => {
    const points = q.points.filter((p) => p.terms.some((t) => holds(item, t)));
    for (const p of points) touched.add(p.criterion);
    if (points.length) matched++;
    // The words no single matching term accounts for: the item's own modifiers ("with backoff", "keys", "counts").
    // Praise before a term ("good backoff", "important failover") is no modifier; after one ("idempotency keys") it is a noun.
    const all = wordsOf(item);
    const lead = all.findIndex((w) => !praises(w));
    const words = all.slice(Math.max(lead, 0)).filter((w) => !LIGHT.has(w));
    const termWords = points.flatMap((p) => p.terms.filter((t) => holds(item, t)).map(wordsOf));
    const modifiers = termWords.length
      ? termWords
          .map((tw) => words.filter((w) => !tw.some((x) => w.startsWith(x) || x.startsWith(w))))
          .reduce((a, b) => (a.length <= b.length ? a : b))
      : [];
    return new Set(modifiers);
  });
  // A modifier put on every term ("robust backoff, robust failover, robust circuit breaker") fits any term and says
  // nothing about one: a word shared by items is a template's, not a modifier.
  const own = read.filter((mods, i) => [...mods].some((w) => !read.some((other, j) => j !== i && other.has(w)))).length;
  if (matched === 0 || touched.size > MAX_CRITERIA || (q.criteria > 1 && touched.size >= q.criteria)) return false;
  // A long list is a field list only under a label saying what its items are of ("Each log record:").
  if (items.length > MAX_ITEMS && (touched.size > 1 || label === null || !namesAThing(label, q))) return false;
  if (own * 2 >= items.length) return true;
  return own >= 1 && label !== null && namesAThing(label, q);
}

/** A label names a thing of the question: its last word (the head of a noun phrase) is a word the question uses. */
function namesAThing(label: string, q: SetQuestion): boolean {
  const words = wordsOf(label).filter((w) => !LIGHT.has(w));
  const head = words[words.length - 1];
  return head !== undefined && q.names.has(head);
}

/** Whether half of a list's text, or more, is the rubric's several-word names (labels hold commas: read whole). */
function copiesRubricNames(value: string, q: SetQuestion): boolean {
  const text = verbatim(value);
  let covered = 0;
  for (const name of q.rubricNames) if (` ${text} `.includes(` ${name} `)) covered += name.length;
  return covered * 2 >= text.length;
}
