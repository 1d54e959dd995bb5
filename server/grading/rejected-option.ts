import { analyse, type Analysis } from "./language/index.js";
import type { Token } from "./language/analyse.js";
import { CLAUSE_PUNCT_OR_COMMA, CLAUSE_WORDS, gapBefore } from "./language/clause.js";

/**
 * An option named to reject it. "Retrieval adds latency and can miss relevant documents, whereas a
 * fine-tuned model recalls every clause" names retrieval only to argue for the alternative: it does
 * not recommend retrieval, so a key point that recommends it ("use retrieval (RAG)") earns nothing
 * there. Read structurally: the term is the subject of a clause whose predicate is a drawback (a
 * verb of failing, a cost added, a property such as slow or brittle), and the sentence sets another
 * named thing against it ("whereas Y ...", "while Y ...", "unlike Y, X is ...").
 *
 * Only recommendation points are read so (a label that says what to do: "use retrieval", "add a step
 * limit", "cap output tokens"): a comparison point ("HNSW graph index") is stated by "HNSW is slower to
 * build, whereas IVF trains fast", and a point about the drawback itself ("retrieval adds latency")
 * is stated by naming it. A concession keeps the credit: "Retrieval adds latency, but it keeps answers
 * fresh", "... while keeping answers fresh" set nothing else against it; a later "use RAG" counts.
 */
export function rejectedOption(a: Analysis, index: number, label: string): boolean {
  if (!recommends(label)) return false;
  const s = a.sentences[a.tokens[index]!.sentence]!;
  const start = clauseStart(a, index, s.from);
  // The term is (part of) the clause's subject: only noun-phrase words before it.
  for (let j = start; j < index; j++) if (!NOMINAL.has(a.tokens[j]!.pos)) return false;
  let j = index + 1;
  while (j < s.to && NOMINAL.has(a.tokens[j]!.pos) && !breaks(a, j)) j++;
  if (j >= s.to || breaks(a, j) || !drawback(a, j, s.to)) return false;
  return setAgainst(a, start, j, s.from, s.to, label);
}

const NOMINAL = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);
/** Verbs of failing: "X can miss / fails / hurts / breaks ...". */
const FAILING = new Set([
  "miss",
  "fail",
  "hurt",
  "break",
  "struggle",
  "suffer",
  "lose",
  "leak",
  "hallucinate",
  "drift",
  "lag",
  "degrade",
  "complicate",
]);
/** Verbs that add a cost when their object is one: "X adds latency / increases cost / introduces complexity". */
const ADDING = new Set(["add", "increase", "introduce", "bring", "cause", "double", "raise", "incur"]);
const COSTS = new Set([
  "latency",
  "cost",
  "costs",
  "complexity",
  "overhead",
  "delay",
  "delays",
  "risk",
  "risks",
  "lag",
  "error",
  "errors",
  "hallucination",
  "hallucinations",
]);
/** Properties that are drawbacks: "X is slow / expensive / brittle / stale". */
const DRAWBACKS = new Set([
  "slow",
  "slower",
  "expensive",
  "costly",
  "brittle",
  "fragile",
  "unreliable",
  "risky",
  "complex",
  "complicated",
  "inaccurate",
  "outdated",
  "stale",
  "inefficient",
  "worse",
  "insecure",
  "unpredictable",
  "error-prone",
]);
const DEGREE = new Set([
  "too",
  "very",
  "more",
  "really",
  "often",
  "much",
  "quite",
  "also",
  "always",
  "usually",
  "still",
  "far",
  "way",
  "both",
]);
/** Words that set another thing against the clause: "whereas Y", "while Y", "unlike Y", "compared with Y". */
const AGAINST = new Set(["whereas", "while", "unlike"]);

/** Whether the verb group at `j` states a drawback of its subject. */
function drawback(a: Analysis, j: number, to: number): boolean {
  let k = j;
  let negated = false;
  while (k < to && (a.tokens[k]!.pos === "AUX" || a.tokens[k]!.pos === "PART" || DEGREE.has(a.tokens[k]!.word))) {
    if (a.tokens[k]!.lemma === "not") negated = true;
    k++;
  }
  const head = a.tokens[k];
  if (!head || negated) return false;
  if (FAILING.has(head.lemma)) return true;
  if (ADDING.has(head.lemma)) return a.tokens.slice(k + 1, Math.min(to, k + 4)).some((t) => COSTS.has(t.word));
  // "X is slow", the copula being the auxiliary skipped above.
  return k > j && a.tokens.slice(j, k).some((t) => t.lemma === "be") && DRAWBACKS.has(head.word);
}

/** Whether the sentence sets another named thing against the clause: a following "whereas/while Y <verb>" or an opening "unlike Y,". */
function setAgainst(a: Analysis, start: number, verb: number, from: number, to: number, label: string): boolean {
  const own = new Set(a.tokens.slice(start, verb).map((t) => t.lemma));
  // "Unlike Y, X is slow": the clause opens after a phrase that names Y.
  if (a.tokens[from]!.word === "unlike" || (a.tokens[from]!.word === "compared" && start > from)) return start > from;
  for (let k = verb; k < to; k++) {
    const t = a.tokens[k]!;
    if (!AGAINST.has(t.word)) continue;
    // Another thing, named as the subject of what follows: "whereas a fine-tuned model has ...". A gerund
    // ("while keeping answers fresh") names nothing else. The tagger often reads the verb after it as a
    // noun ("a tuned model answers ..."), so the noun phrase's head is enough.
    const nouns: Token[] = [];
    for (let m = k + 1; m < Math.min(to, k + 6); m++) {
      const b = a.tokens[m]!;
      if (b.pos === "NOUN" || b.pos === "PROPN") nouns.push(b);
      else if (nouns.length || !(b.pos === "DET" || b.pos === "ADJ" || b.pos === "NUM" || participle(a, m))) break;
    }
    if (nouns.length) return !nouns.some((n) => own.has(n.lemma)) && !recommendedTerm(label, nouns);
  }
  return false;
}

/** A participle inside a noun phrase, before its head: "a fine-tuned model". */
const participle = (a: Analysis, m: number) =>
  a.tokens[m]!.pos === "VERB" && a.tokens[m]!.word.endsWith("ed") && NOMINAL.has(a.tokens[m + 1]?.pos ?? "");

/** The other side names the point itself ("whereas retrieval ...") rather than an alternative. */
const recommendedTerm = (label: string, nouns: Token[]) => nouns.some((n) => label.toLowerCase().includes(n.lemma));

function clauseStart(a: Analysis, index: number, from: number): number {
  let j = index;
  while (j > from && !breaks(a, j) && !CLAUSE_WORDS.has(a.tokens[j - 1]!.word)) j--;
  return j;
}

/** Clause punctuation, a comma too, between a token and the one before it. */
const breaks = (a: Analysis, j: number) => CLAUSE_PUNCT_OR_COMMA.test(gapBefore(a, j));

/** A label that says what to do: read as an order ("You must use retrieval"), it opens with a verb. */
function recommends(label: string): boolean {
  let is = RECOMMENDS.get(label);
  if (is === undefined) {
    const first = analyse(`You must ${label}`).tokens[2];
    is = first?.pos === "VERB";
    RECOMMENDS.set(label, is);
  }
  return is;
}
const RECOMMENDS = new Map<string, boolean>();
