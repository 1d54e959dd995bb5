import type { Question } from "../../scenarios/index.js";
import { analyse, type Analysis, type Token } from "../language/analyse.js";
import { words } from "./copy-index.js";
import { forEachLabelAt, labelWords } from "./label-words.js";

/**
 * A short correct answer may say the key points in the rubric's own words: "The prompt has no reply-language
 * instruction, so add an explicit reply language and an automatic language check on outputs." Its labels are its
 * objects and causes, each governed by a verb of the candidate's ("has", "add", "set", "say"), and the readers of
 * pasted labels, rubric dumps and term-stuffed paragraphs set it aside as a list (session 20: such answers earned 0
 * against a human's half marks). A pasted list differs in structure, not in words: its labels stand side by side,
 * joined by commas and "and" ("data drift, no intent for the new product, label new examples, ..."), alone on a line
 * or after one frame ("The answer is ...", "We fix it with ..."), with no verb of its own between them.
 *
 * A paragraph states its labels when every sentence naming one has a predicate of its own (a verb outside the labels
 * that is not "be", "have" or "do", or a "so" / "because" relating two clauses; or the copula before its one label:
 * "It's a prompt fault."), no sentence strings three labels with nothing but commas, "and"/"or" and
 * articles between them, no verb of its own opens three clauses (a template: "Add X. Add Y. Add Z."), and it has at
 * most two labels per verb of its own. A description pasted from the rubric is read by its own reader and stays set
 * aside (`isRubricCopy`).
 */
const LIGHT = new Set(["be", "have", "do"]);
const COPULA = new Set(["be"]);
/** Words that relate two clauses as cause and effect: they state as much as a verb does. */
const RELATING = new Set(["so", "because", "since", "therefore", "hence", "thus"]);
/** Words that join the items of a list: with these alone between them, labels stand side by side. */
const LIST_GLUE = new Set(["and", "or", "a", "an", "the", "plus", "&", "/", "nor"]);
/** This many labels side by side are a list, whatever verb stands before them. */
const LIST_RUN = 3;
/** A verb of the candidate's this many times is a frame the labels are poured into. */
const FRAME_REPEATS = 3;
/** At most this many labels per verb of the candidate's. */
const LABELS_PER_VERB = 2;
/** A paragraph stating labels this way is a short answer (the repros are 18-22 words, the held rows up to 36). */
const MAX_WORDS = 40;
/** Labels of one word are terms an answer says anyway; they neither make nor break a list. */
const MIN_LABEL_WORDS = 2;

const termsOf = new WeakMap<Question, (readonly string[])[]>();
/** The key points' terms: side by side with the labels, they make a list too ("t1, t2 and a label"). */
function termWords(q: Question): (readonly string[])[] {
  let known = termsOf.get(q);
  if (!known) {
    known = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms.map((t) => words(t)))).filter((w) => w.length > 0);
    termsOf.set(q, known);
  }
  return known;
}

/** Criterion titles and key-point labels of two words or more (see MIN_LABEL_WORDS). */
const LABELS = { titles: true, minWords: MIN_LABEL_WORDS };

/** One word of a token (a token may hold several: "re-routed"), and the token it belongs to. */
type Part = { word: string; token: number };

/** Where the question's labels stand in a paragraph, in tokens, and which tokens they cover. */
function labelsIn(
  q: Question,
  a: Analysis,
  names = labelWords(q, LABELS),
): { starts: { from: number; to: number }[]; inLabel: Uint8Array } {
  const parts: Part[] = [];
  a.tokens.forEach((t, i) => {
    for (const w of words(t.word)) parts.push({ word: w, token: i });
  });
  const inLabel = new Uint8Array(a.tokens.length);
  const starts: { from: number; to: number }[] = [];
  forEachLabelAt(
    parts.map((p) => p.word),
    names,
    (label, i) => {
      const from = parts[i]!.token;
      const to = parts[i + names[label]!.length - 1]!.token;
      inLabel.fill(1, from, to + 1);
      starts.push({ from, to });
    },
  );
  return { starts, inLabel };
}

/**
 * The paragraph with the question's labels blanked (same length): what is left is what the candidate wrote around
 * them, read for a copy of the rubric's descriptions. A sentence stating labels shares the rubric's word runs
 * because the labels do; a pasted description shares them everywhere.
 */
export function labelsBlanked(q: Question, paragraph: string): string {
  const a = analyse(paragraph);
  const { inLabel } = labelsIn(q, a);
  const chars = [...paragraph];
  if (chars.length !== paragraph.length) return paragraph;
  a.tokens.forEach((t, i) => {
    if (inLabel[i]) for (let c = t.at; c < t.at + t.word.length && c < chars.length; c++) chars[c] = " ";
  });
  return chars.join("");
}

export function statesLabels(q: Question, paragraph: string): boolean {
  // A short answer only: the term salads and templates of the gaming corpora are long, and other readers see a long
  // answer's claims sentence by sentence.
  // Not on coding questions, whose terms are identifiers ("unknown tool", "iserror"): the rubric-dump reader skips
  // them too, and a salad of them read as statements beat the weak exemplar.
  if (q.kind === "coding" || !labelWords(q, LABELS).length || words(paragraph).length > MAX_WORDS) return false;
  const a = analyse(paragraph);
  const { starts, inLabel } = labelsIn(q, a);
  if (!starts.length) return false;
  const everyName = labelsIn(q, a, [...labelWords(q, LABELS), ...termWords(q)]);
  let verbs = 0;
  const openers = new Map<string, number>();
  for (const s of a.sentences) {
    const tokens = a.tokens.slice(s.from, s.to);
    const labelled = starts.filter((x) => x.from >= s.from && x.from < s.to);
    const own = tokens.filter((t, k) => !inLabel[s.from + k] && ownVerb(t));
    verbs += own.length + tokens.filter((t, k) => !inLabel[s.from + k] && RELATING.has(t.word)).length;
    if (!labelled.length) continue;
    // "It's a prompt fault." names one point with the copula: a diagnosis, not a list.
    if (!own.length && !(labelled.length === 1 && tokens.some((t) => t.pos === "AUX" && COPULA.has(t.lemma)))) return false;
    const named = everyName.starts.filter((x) => x.from >= s.from && x.from < s.to);
    if (longestRun(a.tokens, named) >= LIST_RUN) return false;
    for (const t of own) openers.set(t.lemma, (openers.get(t.lemma) ?? 0) + 1);
  }
  if ([...openers.values()].some((n) => n >= FRAME_REPEATS)) return false;
  return starts.length <= LABELS_PER_VERB * verbs;
}

const ownVerb = (t: Token) => t.pos === "VERB" && !LIGHT.has(t.lemma) && /^[a-z]/.test(t.word);

/** The longest run of labels with only list glue (commas, "and", articles) between one and the next. */
function longestRun(tokens: readonly Token[], labelled: readonly { from: number; to: number }[]): number {
  const sorted = [...labelled].sort((x, y) => x.from - y.from);
  let best = 1;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (next.from <= prev.to) continue;
    const between = tokens.slice(prev.to + 1, next.from);
    run = between.every((t) => t.pos === "PUNCT" || LIST_GLUE.has(t.word)) ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}
