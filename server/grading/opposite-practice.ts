import type { Criterion } from "../scenarios/index.js";
import { isNegator, negatedAt, type Analysis } from "./language/index.js";
import { CLAUSE_PUNCT, gapBefore } from "./language/clause.js";

/**
 * A key point's own word said of the practice it warns against, which a fluent wrong answer does by sharing the
 * point's nouns: "log everything including the raw prompts and user PII" against a point that removes PII ("PII
 * handling": redact, mask, anonymise), "give the agent full permissions" against least privilege. Read from the
 * point's own words and the words around the term, no world knowledge of what is safe:
 * - a point that takes a thing out (its label or terms hold a word of removal: redact, mask, strip, anonymi...)
 *   is not stated where its object is named as kept in: "including X", "along with X", "X included";
 * - a point at the small end of a scale of access (least, minimal, scoped, fine-grained...) is not stated where
 *   its noun is given the other end: "full / admin / unrestricted / broad permissions".
 * What keeps an honest answer that names the practice to reject it: a negator or a word of removal in the
 * sentence ("never log raw prompts including PII", "keep prompts, including PII only once it is redacted"), the
 * small end of the scale or a word that takes access back in the sentence ("replace the admin permissions with least
 * privilege", "find who holds admin permissions and revoke them"), and the point's
 * removal or small-end word itself, which is never crossed.
 */

/** Stems of words that take a thing out. */
const REMOVAL = /\b(?:redact|mask|strip|scrub|remov|delet|exclud|anonymi|pseudonymi|tokeni[sz]|hash|drop|omit|filter|purg|hide|obfuscat)/i;
/** Words that put a thing in a kept whole: before it ("including X") or right after it ("X included"). */
const INCLUDING_BEFORE = new Set(["including", "incl", "plus"]);
const INCLUDING_PAIRS: [string, string][] = [
  ["along", "with"],
  ["together", "with"],
  ["as", "well"],
];
/** The small end of a scale of access, as a point states it. */
const SMALL_END = /\b(?:least|minimal|minimum|narrow|narrowly|scoped|scope|restricted|limited|fine-grained|read-only|per-repo|smallest)\b/i;
/** Words that take access back: "check who holds admin permissions and cut them back / revoke them". */
const NARROWING = /\b(?:revok|cut|reduc|shrink|tighten|audit|review|replac|downgrad|strip|remov|withdraw|rotat)/i;
/** Its other end, said of the point's noun. */
const LARGE_END = new Set([
  "full",
  "admin",
  "administrator",
  "unrestricted",
  "unlimited",
  "broad",
  "blanket",
  "root",
  "superuser",
  "wildcard",
  "global",
  "all",
]);

type Concept = Criterion["evidence"]["concepts"][number];

/** Whether the occurrence of `term` at token `index` names the practice the key point warns against. */
export function oppositePractice(a: Analysis, index: number, term: string, concept: Concept): boolean {
  const words = `${concept.label} ${concept.terms.join(" ")}`;
  const sentence = a.tokens[index]!.sentence;
  // The sentence's own tokens (its span, not a scan of the answer: this runs per occurrence of a term).
  const span = a.sentences[sentence];
  const inSentence = span ? a.tokens.slice(span.from, span.to) : [a.tokens[index]!];
  const text = inSentence.map((t) => t.word).join(" ");
  // The point's own removal or small-end word is the point, never its opposite.
  if (REMOVAL.test(term) || SMALL_END.test(term)) return false;
  // A negator before the practice is the honest rejection of it ("never log raw prompts including PII"); one after
  // it ("full permissions so it never gets blocked") says what the practice is for.
  const rejected = (at: number) => inSentence.some((t) => t.at < a.tokens[at]!.at && isNegator(t));
  if (REMOVAL.test(words) && !REMOVAL.test(text)) {
    const at = keptIn(a, index, term);
    if (at >= 0 && !rejected(at)) return true;
  }
  if (SMALL_END.test(words) && !SMALL_END.test(text) && !NARROWING.test(text)) {
    const at = largeEnd(a, index);
    if (at >= 0 && !rejected(at)) return true;
  }
  return false;
}

/** "including (the raw prompts and) X", "along with X", "X included": where its marker is, or -1. */
function keptIn(a: Analysis, index: number, term: string): number {
  const s = a.tokens[index]!.sentence;
  for (let j = index - 1; j >= Math.max(0, index - 6); j--) {
    const t = a.tokens[j]!;
    if (t.sentence !== s || CLAUSE_PUNCT.test(gapBefore(a, j + 1))) break;
    if (INCLUDING_BEFORE.has(t.word)) return j;
    if (INCLUDING_PAIRS.some(([x, y]) => t.word === x && a.tokens[j + 1]?.word === y)) return j;
  }
  const end = index + term.split(/\s+/).length;
  return a.tokens[end]?.sentence === s && a.tokens[end]!.word === "included" ? end : -1;
}

/** The large end right before the point's noun ("full permissions", "admin-level permission"): where it is, or -1. */
function largeEnd(a: Analysis, index: number): number {
  const s = a.tokens[index]!.sentence;
  for (let j = index - 1; j >= Math.max(0, index - 3); j--) {
    const t = a.tokens[j]!;
    if (t.sentence !== s || /[,;:.]/.test(gapBefore(a, j + 1))) break;
    if (LARGE_END.has(t.word) && !negatedAt(a, j)) return j;
    if (!["ADJ", "NOUN", "DET", "PROPN"].includes(t.pos)) break;
  }
  return -1;
}
