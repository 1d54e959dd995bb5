import type { Analysis, Token } from "./analyse.js";
import { CLAUSE_PUNCT_OR_COMMA, gapBefore } from "./clause.js";
import { NEGATORS } from "./negators.js";

/**
 * A thing taken away is said to be absent: "kill the shell tool", "I remove shell", "get rid of the
 * shared key", "the shell tool is removed", "the arbitrary shell goes". Against a key point that is an
 * absence ("no arbitrary shell", "no shared credentials") such a sentence states the point; it is no
 * opposite of it. Read only for negative terms: "remove personal data" states redaction, a positive point,
 * and must not deny "personal data".
 *
 * Bounded: the removing verb stands within a few words of the term, in its clause, with nothing between
 * them but the term's own noun phrase (determiners, adjectives, nouns). A negated removal ("don't remove
 * the shell", "is never disabled") keeps the thing: "kept", which outweighs the negator it contains.
 */
export function removalAt(a: Analysis, first: number, last: number): "removed" | "kept" | null {
  return removedBefore(a, first) ?? removedAfter(a, last);
}

type Removal = "removed" | "kept" | null;
const removedUnless = (a: Analysis, k: number): Removal => (negatedVerb(a, k) ? "kept" : "removed");

/** Verbs that take their object away. */
const REMOVING = new Set([
  "remove",
  "kill",
  "drop",
  "disable",
  "ban",
  "block",
  "forbid",
  "prohibit",
  "strip",
  "eliminate",
  "revoke",
  "delete",
  "retire",
  "withdraw",
  "deny",
  "scrap",
  "ditch",
]);
/** Phrasal verbs of removal, by their particle: "take away", "rip out", "turn off", "get rid of". */
const PHRASAL: Record<string, ReadonlySet<string>> = {
  away: new Set(["take", "strip"]),
  out: new Set(["rip", "take", "strip", "cut"]),
  off: new Set(["turn", "switch", "shut", "cut"]),
  of: new Set(["rid"]),
};
/** What may stand between a verb and its object's head: the object's own noun phrase. */
const NOUN_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);
/** What may stand between a subject and its predicate ("is", "must", "has to", "be"). */
const AUXILIARY = new Set(["AUX", "PART"]);
const REACH = 4;

function removedBefore(a: Analysis, first: number): Removal {
  const sentence = a.tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && k >= first - REACH; k--) {
    const t = a.tokens[k]!;
    if (t.sentence !== sentence || CLAUSE_PUNCT_OR_COMMA.test(gapBefore(a, k + 1))) return null;
    if (removing(a, k)) return removedUnless(a, k);
    if (!NOUN_PHRASE.has(t.pos)) return null;
  }
  return null;
}

function removing(a: Analysis, k: number): boolean {
  const t = a.tokens[k]!;
  // The tagger often reads an order's first word ("Kill the shell") as a noun: the lemma decides.
  if (REMOVING.has(t.lemma) || REMOVING.has(t.word)) return t.pos !== "NOUN" || k === 0 || a.tokens[k - 1]!.sentence !== t.sentence;
  const verbs = PHRASAL[t.word];
  const before = a.tokens[k - 1];
  if (!verbs || !before || before.sentence !== t.sentence) return false;
  if (t.word === "of") return before.word === "rid" && ["get", "got", "getting"].includes(a.tokens[k - 2]?.word ?? "");
  return verbs.has(before.lemma);
}

function removedAfter(a: Analysis, last: number): Removal {
  const sentence = a.tokens[last]!.sentence;
  for (let k = last + 1; k < a.tokens.length && k <= last + REACH; k++) {
    const t = a.tokens[k]!;
    if (t.sentence !== sentence || CLAUSE_PUNCT_OR_COMMA.test(gapBefore(a, k))) return null;
    // "is removed", "gets disabled", "must be dropped": a passive of removal.
    if ((REMOVING.has(t.lemma) || REMOVING.has(t.word.replace(/d$/, ""))) && /(?:ed|en)$/.test(t.word)) return removedUnless(a, k);
    // "the shell goes", "has to go", "is gone": the thing leaves, said at the end of its clause.
    if (t.lemma === "go" && /^(?:go|goes|gone)$/.test(t.word) && clauseEndsAfter(a, k)) return removedUnless(a, k);
    if (!AUXILIARY.has(t.pos) && !NOUN_PHRASE.has(t.pos) && t.word !== "to") return null;
  }
  return null;
}

const clauseEndsAfter = (a: Analysis, k: number) => {
  const next = a.tokens[k + 1];
  return !next || next.sentence !== a.tokens[k]!.sentence || CLAUSE_PUNCT_OR_COMMA.test(gapBefore(a, k + 1));
};

/** "don't remove", "never drop", "is not removed": the thing stays. */
function negatedVerb(a: Analysis, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const t: Token = a.tokens[j]!;
    if (t.sentence !== a.tokens[k]!.sentence) return false;
    if (NEGATORS.has(t.word) || NEGATORS.has(t.lemma)) return true;
  }
  return false;
}
