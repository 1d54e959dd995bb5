import type { Question } from "../../scenarios/index.js";
import { criteriaNamed } from "./label-dump.js";

/**
 * Term lists appended inside a sentence (session 17, `gaming7`): "Use embeddings for the product search and check some
 * queries by hand — hybrid search, BM25, RRF, metadata filters, nDCG@10, click logs, A/B test." A weak answer with such
 * a tail scored 45 against 15 without it: the line is a sentence, so the line readers (`isKeywordList`, term-glossary.ts)
 * never saw a list, and the claim readers read the whole sentence as one claim. What marks the tail is its shape, not
 * its label (a dash, a colon, a bracket, "keywords:", or nothing but commas): a clause of five words or more, then a
 * run of five or more short items (at most four words, nearly all without a function word), after a mark naming terms
 * of two or more of the question's criteria or, with no mark, ending the sentence and naming three or more. A list of
 * one kind ("track recall@5, faithfulness and latency") is shorter or names one criterion and stays; so does a list
 * of clauses ("cache per tenant, purge on edit, ...").
 * Returns the sentence's own clause and the tail, or null.
 */
export function trailingList(line: string, q: Question): { head: string; list: string } | null {
  if (q.rubric.length < MIN_CRITERIA) return null;
  const text = line.trimEnd();
  const marked = markOf(text);
  if (marked) {
    const head = text.slice(0, marked.index);
    const list = text.slice(marked.index);
    const items = itemsOf(list.slice(marked[0].length).replace(/^\s*[\w ]{1,25}:\s*/, ""));
    if (
      words(head) >= MIN_HEAD &&
      functionWords(head) >= MIN_HEAD_FUNCTION &&
      items.length >= MIN_ITEMS &&
      listLike(items) &&
      criteriaNamed(q, list) >= MIN_MARKED_CRITERIA
    )
      return { head: head.trimEnd() + ".", list };
  }
  // No mark: the sentence's last comma items, as many as are short names.
  const parts = text.replace(/[.!]+$/, "").split(",");
  let k = parts.length;
  while (k > 1 && short(parts[k - 1]!)) k--;
  const tail = parts.slice(k).flatMap((p) => p.split(AND));
  if (tail.length < MIN_ITEMS) return null;
  const head = parts.slice(0, k).join(",");
  const list = parts.slice(k).join(",");
  if (words(head) < MIN_HEAD || functionWords(head) < MIN_HEAD_FUNCTION || criteriaNamed(q, list) < MIN_CRITERIA) return null;
  return { head: head.trimEnd() + ".", list };
}

const MIN_CRITERIA = 3;
/** A sentence's own clause: five words, two of them function words (a clause, not a label: "Keywords — ..."). */
const MIN_HEAD = 5;
const MIN_HEAD_FUNCTION = 2;
const MIN_ITEMS = 5;
/** A tail set off by a mark names two criteria; a bare one, whose start is only where the names begin, three. */
const MIN_MARKED_CRITERIA = 2;
/**
 * The mark opening a tail: of the last dash, the last colon and the last opening bracket, the earliest (a tail may
 * hold a colon of its own label: "[keywords: ...]"). Found by one pass per kind, linear in the line.
 */
function markOf(text: string): { index: number; 0: string } | null {
  let best: { index: number; 0: string } | null = null;
  for (const kind of MARKS) {
    let last: RegExpExecArray | null = null;
    for (const m of text.matchAll(kind)) last = m as RegExpExecArray;
    if (last && (!best || last.index < best.index)) best = { index: last.index, 0: last[0] };
  }
  return best;
}
// Each pattern that opens on a run of spaces starts only at the run's first space ((?<!\s)): tried from every space
// of a long run, it re-read the rest of the run each time (quadratic; 100,000 spaces took 10 s). Matches are the
// same: a leftmost match never starts inside a run it could have started before.
const MARKS = [/(?<!\s)\s+[—–-]\s+/g, /:\s+/g, /(?<!\s)\s*[([]/g];
const AND = /(?<!\s)\s+and\s+/;
const FUNCTION = new Set(
  "the a an to of for with when if because by so is are was be we i you it they this that which then than on in at per into from after before until unless".split(
    " ",
  ),
);
const functionWords = (s: string) =>
  s
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => FUNCTION.has(w)).length;
const words = (s: string) => s.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
const itemsOf = (list: string) =>
  list
    .replace(/[)\].!]+\s*$/, "")
    .split(/(?<!\s)\s*[,;]\s*|[,;]\s*|(?<!\s)\s+and\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
/** A short name: four words at most, none a function word. */
const short = (item: string) => {
  const ws = item.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return ws.length > 0 && ws.length <= 4 && !ws.some((w) => FUNCTION.has(w));
};
/** Nearly every item a short name (one in eight may say a little: "re-embedding on update"). */
const listLike = (items: string[]) => items.filter(short).length * 8 >= items.length * 7;
