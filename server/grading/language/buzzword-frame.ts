import type { Token } from "./analyse.js";
import { RELATING_CLAUSE } from "./co-located.js";
import { questionOf } from "./question-terms.js";
import { specificWords } from "./unspecific.js";
import { gluedTo } from "./glued-to.js";

/**
 * Buzzword templates (session 16, `template6`): one fluent sentence that is the rubric's names set in lists inside a
 * frame of its own, and says nothing of any of them. "A robust approach would focus on chunking, embeddings and hybrid
 * search, underpinned by a golden eval set and a staged rollout, ensuring grounded answers and human handoff." An
 * outside audit scored such text 18-100. The frame's verbs are whatever the writer likes ("focus on", "centre on",
 * "hinge on", "key pillars include"), so no list of them catches the class (co-located.ts holds the light ones);
 * what does is its shape:
 * - it names five or more of the rubric's names (runs of term words), three quarters of them side by side with
 *   another (a gap of at most three words, no verb between: "hybrid search, reranking and index freshness",
 *   "calibrated judges with Cohen's kappa");
 * - nobody acts and nothing is ordered, conditioned, committed to or explained: no "I/we/you", no order opening a
 *   clause, no "because/when/if/so", no "only/never/every/versus", no relative clause, no figure of its own, and no
 *   label, semicolon, bracket, quotation or code (a note's or a program's layout);
 * - what else it holds that is specific (unspecific.ts, `specificWords`) is written onto the names ("recall@k",
 *   "every PR"), or at most one such word per three names.
 * A dense honest sentence says what is done with each thing ("combine BM25 with dense search because product codes
 * are exact strings", "reuse the cached answer only above a threshold tuned on labelled pairs"): its names stand
 * apart, each with its own verb, figure or reason. Read only on questions of three or more criteria (a one-criterion
 * question's answer is a relation among its own names, and the public short-answer sets are such questions).
 */
export function buzzwordFrame(sentence: string, tokens: readonly Token[], isTerm: (word: string) => boolean): boolean {
  const q = questionOf(isTerm);
  if (!q || q.rubric.length < MIN_CRITERIA) return false;
  // A label, a clause after a semicolon, a bracket, a quotation or code is a note's or a program's layout, not a frame.
  if (NOTE_MARKS.test(sentence)) return false;
  const term = (t: Token | undefined) => t !== undefined && (isTerm(t.word) || isTerm(t.lemma));
  const runs: [number, number][] = [];
  tokens.forEach((t, i) => {
    if (!term(t)) return;
    const last = runs.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  if (runs.length < MIN_NAMES) return false;
  // A frame has a predicate of its own ("would focus on", "include", "underpinned by"); a line of names with none is a
  // list, read by the list readers (set-answer.ts, bare-list.ts), whatever it names.
  if (!tokens.some((t) => (t.pos === "VERB" || t.pos === "AUX") && !term(t))) return false;
  // Where the sentence's text starts among the tokens' offsets: punctuation is no token, so a clause's opening is read
  // from the text between two tokens.
  const base = tokens.length ? tokens[0]!.at - Math.max(0, sentence.toLowerCase().indexOf(tokens[0]!.word)) : 0;
  const opensClause = (i: number) =>
    i === 0 || /[,;:(]/.test(sentence.slice(tokens[i - 1]!.at + tokens[i - 1]!.word.length - base, tokens[i]!.at - base));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // An order opening the sentence or a clause, on a name's own verb too: "Embed the question, rerank the top 20".
    // A name read as a verb in a list ("..., recall@k and faithfulness") is an order only with an object after it.
    const ordered = !term(t) || ["DET", "PRON", "NUM"].includes(tokens[i + 1]?.pos ?? "");
    if (t.pos === "VERB" && t.word === t.lemma && !t.word.endsWith("ing") && opensClause(i) && ordered) return false;
    // A reason, condition or sequence ("because", "before it is stored"), or a word that commits or compares ("only
    // above", "never", "every entry", "versus"), says something of a name; a reason's word even where a name holds it ("before booking"), a committing word not
    // ("every PR" is the rubric's name).
    if (RELATING_CLAUSE.has(t.word.toLowerCase()) || (COMMITTING.has(t.word.toLowerCase()) && !term(t))) return false;
    if (term(t)) continue;
    if (t.pos === "PRON" && AGENTS.has(t.word)) return false;
    // A relative clause with its own verb ("an orchestrator, which owns the conversation") says what a thing does.
    if (RELATIVE.has(t.word) && tokens.slice(i + 1, i + 3).some((u) => u.pos === "VERB" || u.pos === "AUX")) return false;
    if ((t.pos === "NUM" || /\d/.test(t.word)) && !gluedTo(tokens, i, term)) return false;
  }
  // Names side by side: the gap to a neighbouring name is short and holds no verb of its own.
  const sideBySide = (a: [number, number], b: [number, number]) => {
    const gap = tokens.slice(a[1] + 1, b[0]);
    return gap.length <= MAX_GAP && !gap.some((t) => t.pos === "VERB" || t.pos === "AUX");
  };
  const listed = runs.filter((r, k) => (k > 0 && sideBySide(runs[k - 1]!, r)) || (k + 1 < runs.length && sideBySide(r, runs[k + 1]!)));
  if (listed.length < LISTED_SHARE * runs.length) return false;
  // Specific words of its own, leaving out those that are names or written onto one ("recall@k").
  const own = specificWords(sentence, tokens, isTerm).filter((w) => {
    const i = tokens.findIndex((t) => t.word === w);
    return i < 0 || !(term(tokens[i]) || gluedTo(tokens, i, term));
  });
  return own.length * NAMES_PER_SPECIFIC < runs.length;
}

/** Questions of fewer criteria are never read: their answers relate their few names to each other. */
const MIN_CRITERIA = 3;
/** A frame holds at least this many of the rubric's names. */
const MIN_NAMES = 5;
const NOTE_MARKS = /[:;()"“”<>=_#{}[\]`]/;
const COMMITTING = new Set(
  "no not never none nothing only every each just without unless except versus vs than instead rather must".split(" "),
);
const RELATIVE = new Set(["which", "that", "who", "whose", "where"]);
/** Words between two names that still stand side by side ("judges with", ", and"). */
const MAX_GAP = 3;
/** The share of the names that stand beside another. */
const LISTED_SHARE = 0.75;
/** One specific word of its own per this many names says something about them. */
const NAMES_PER_SPECIFIC = 3;
const AGENTS = new Set("i we you me us my our your he she they them their".split(" "));
