import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { analyse, type Analysis } from "./analyse.js";
import { listItemMarks, readMarks } from "./word-order-marks.js";
import { chunkShuffled, readJoints } from "./word-junction.js";
import { FUNCTION_WORDS } from "./function-words.js";

/**
 * Words in no English order: a strong answer with its words shuffled ("What went constrains the prompt the output.
 * wrong: ...") keeps every word a key point is found by, and outside audit 17 scored ten such shuffles at 89 on
 * average, all above the weak answer. Which words a sentence holds says nothing of the order they come in; the
 * order of its small words does. An English sentence puts "the" before a noun or an adjective, "of" before "the",
 * "is" after its subject; a shuffle puts them anywhere. So a text is read as a sequence of word classes (a function
 * word as itself, any other word as its part of speech) and scored, pair by pair and triple by triple, against how
 * often English follows one class with the next (a trigram model, interpolated with bigrams, over the built-in
 * pack's model answers and prompts and WordNet's example sentences: written out by `npm run domain-words` to
 * word-order.tsv beside this file). The score is the mean log-ratio of each next class's likelihood after what came
 * before to its likelihood anywhere: near 0.4 for English prose, below 0 for a shuffle.
 *
 * Measured on held-out text (session 20; 2,675 honest texts of 20+ steps: every honest, terse and plain fixture
 * answer and the answers of three public human-graded sets, none of them training text): the lowest scored -1.01 (a
 * student's numbered list of run-together phrases), the fixtures' lowest -0.46. Shuffles of the same texts: 26-90%
 * below -1.1 by set and kind (words shuffled within sentences or across the text, lower-cased without punctuation, in
 * windows of four). Only a text that reads well below any honest one is taken: terse notes, short list items and
 * fragments have few function words, so their order says little either way. Session 21 (`shuffle11`) reads beside it
 * the marks a shuffle moves (openers inside sentences, full stops before lower-case words, units away from their
 * figures, short list items ending on small words: word-order-marks.ts), each with another or with a poor class order.
 */
export const WORD_ORDER_FILE = new URL("./word-order.tsv", import.meta.url);

/** Fewer scored steps than this say too little to call a text's order foreign. */
const MIN_STEPS = 20;
/**
 * Notes and formulas ("Data is send without acknowledgement -> Loss of data possible", "(1 / 6!) * (0.6 ** 3) =
 * 0.0000192") are read as prose by the class order and score like a shuffle on a short paragraph: two honest SAF
 * answers were set aside so (session 21). A paragraph with a chain of arrows, or one that opens with its label and holds
 * an arrow or this many marks of a formula, needs twice the steps; a shuffle moves the label.
 */
const NOTATION_MARKS = /\*\*|[*=¦^]/g;
const MANY_NOTATION_MARKS = 3;
/** Arrows between words ("timeout -> no loss", "Event B → Event C → Event A"): two mark a chain of notes on their own. */
const ARROW = /->|=>|→/g;
/** Notes open with their label ("Calculation of Event B:", "Unconfirmed Conn.less Service:"); a shuffle moves it. */
const NOTE_LABEL = /^\s*[A-Z][\w .()/-]{0,48}:\s/;
/**
 * The marks a shuffle moves (word-order-marks.ts) are read on texts of this many steps and more: a terse note of
 * three short sentences has some 22 (session 21).
 */
const MIN_MARK_STEPS = 12;
/** A note whose full stops stand before lower-case words is a shuffle only where its class order is this poor too. */
const NOTE_BELOW = -0.6;
/** Units apart from their figures: this many units at least, fewer than this share of them after a figure. */
const MIN_UNITS = 5;
const LOOSE_UNITS = 0.35;
/** A list is read for its items' edges from this many short items, half of them marked. */
const MIN_ITEMS = 3;
/** A mean log-ratio below this is no English order (the lowest honest text measured: -1.01). */
const SCRAMBLED_BELOW = -1.1;
/** How far the trigram is trusted over the bigram: a context seen n times weighs n / (n + this). */
const TRIGRAM_TRUST = 5;
/** Add-half smoothing of unseen pairs. */
const SMOOTHING = 0.5;

/** A list item of this many words or more is read as a sentence. */
const LONG_ITEM_WORDS = 8;
/** Lines that are list items are fragments ("- Reduce size of routing tables"): their order is a list's, not prose's. */
const LIST_LINE = /^\s*(?:[-*•+>]|\d+[.)])/;
/**
 * Notation ("p(B) less than p(C)", "f(x)", "len(items)") is one thing named, not three words: read as one noun. An
 * honest answer of probabilities in this notation read as a shuffle (-1.42) before.
 */
const NOTATION = /(?<![\w.])[\w.]{1,40}\([^()\s]{0,30}\)/g;
/**
 * A speaker's or field's label opening a line or sentence ("Q:", "A:", "User:", "Note:") names who speaks, not an
 * article: few-shot examples in an honest prompt-debugging answer ("Q: Where is my order? A: It shipped ...") read as a
 * shuffle (-1.27) when "A:" was read as "a".
 */
const LABEL = /(^|\s)[A-Z][A-Za-z]{0,11}:(?=\s)/g;
/**
 * A capital letter alone names a thing ("bulb A", "event B", "switch Z is closed"), whatever the tagger makes of it
 * (an article, a pronoun): honest answers about circuits and probabilities read as shuffles (-0.86) before.
 */
const LETTER_NAME = /^[B-HJ-Z]$/;
/** Quotes, brackets and emphasis marks stand between words without being part of their order. */
const MARK = /^[`"'()[\]*“”‘’]+$/;

/** The class sequence of each sentence of a reading, framed by sentence start and end. */
function classSequences(a: Analysis): string[][] {
  return a.sentences.map((s) => {
    const classes = ["BOS"];
    for (let i = s.from; i < s.to; i++) {
      const t = a.tokens[i]!;
      if (t.pos === "SPACE" || MARK.test(t.word)) continue;
      if (t.pos === "PUNCT") {
        if (!/^[.!?;:]$/.test(t.word)) classes.push("P");
      } else if (LETTER_NAME.test(a.text.slice(t.at, t.at + 1)) && t.word.length === 1) classes.push("NOUN");
      else classes.push(FUNCTION_WORDS.has(t.word) ? t.word : t.pos);
    }
    classes.push("EOS");
    return classes;
  });
}

/**
 * The texts' fingerprint, the first line of word-order.tsv: a test compares it with the built-in pack's texts of the
 * day, which is cheap where counting again (some 360,000 words to tag) is not.
 */
export function corpusHash(texts: readonly string[]): string {
  const h = createHash("sha256");
  for (const t of texts) h.update(t).update("\0");
  return h.digest("hex");
}

/** The lines of word-order.tsv for a set of English texts: "2\ta b\tcount" and "3\ta b c\tcount", sorted. */
export function wordOrderLines(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const text of texts)
    for (const s of classSequences(analyse(text))) {
      for (let i = 0; i + 1 < s.length; i++) add(`2\t${s[i]} ${s[i + 1]}`);
      // A trigram seen once says little and would double the file: the bigram speaks for it.
      for (let i = 0; i + 2 < s.length; i++) add(`3\t${s[i]} ${s[i + 1]} ${s[i + 2]}`);
    }
  const lines = [...counts].filter(([k, n]) => k.startsWith("2") || n > 1).map(([k, n]) => `${k}\t${n}`);
  return `# ${corpusHash(texts)}\n${lines.sort().join("\n")}\n`;
}

type Model = {
  pair: Map<string, number>;
  triple: Map<string, number>;
  /** How often each class was followed by anything, and each class followed anything. */
  after: Map<string, number>;
  before: Map<string, number>;
  total: number;
  classes: number;
};
let model: Model | null = null;

function loadModel(): Model {
  const m: Model = { pair: new Map(), triple: new Map(), after: new Map(), before: new Map(), total: 0, classes: 0 };
  for (const line of readFileSync(WORD_ORDER_FILE, "utf8").split("\n")) {
    const [n, key, count] = line.split("\t");
    if (!key || n === "#") continue;
    const c = Number(count);
    if (n === "3") {
      m.triple.set(key, c);
      continue;
    }
    m.pair.set(key, c);
    const [a, b] = key.split(" ");
    m.after.set(a!, (m.after.get(a!) ?? 0) + c);
    m.before.set(b!, (m.before.get(b!) ?? 0) + c);
    m.total += c;
  }
  m.classes = m.before.size + 1;
  return m;
}

/**
 * The prose a text's order is read on: list items of a few words left out (fragments, "- Reduce size of routing
 * tables": their order is a list's, not prose's), longer ones without their marker; notation and labels as one noun.
 */
function proseOf(text: string): string {
  return text
    .split("\n")
    .flatMap((l) => {
      const item = LIST_LINE.exec(l);
      if (!item) return [l];
      // A list item of a few words is a fragment; a long one is a sentence, and a shuffle cut into bulleted lines
      // must not pass for a list.
      const body = l.slice(item[0].length);
      return body.split(/\s+/).filter(Boolean).length >= LONG_ITEM_WORDS ? [body] : [];
    })
    .join("\n")
    .replace(NOTATION, "x")
    .replace(LABEL, "$1x:");
}

/** The mean log-ratio of a text's class steps (see above), and how many steps it rests on. List lines are left out. */
export function wordOrderScore(text: string): { score: number; steps: number } {
  return classOrderScore(proseOf(text));
}

/** One step's log-ratio: the next class `c` after `a b` (see above). It depends on the model alone (stepTerm memoises it). */
function stepTermNow(m: Model, a: string, b: string, c: string): number {
  const pairP = ((m.pair.get(`${b} ${c}`) ?? 0) + SMOOTHING) / ((m.after.get(b) ?? 0) + SMOOTHING * m.classes);
  const anywhere = ((m.before.get(c) ?? 0) + SMOOTHING) / (m.total + SMOOTHING * m.classes);
  const context = m.pair.get(`${a} ${b}`) ?? 0;
  const trust = context / (context + TRIGRAM_TRUST);
  const triple = context ? (m.triple.get(`${a} ${b} ${c}`) ?? 0) / context : 0;
  const p = trust * triple + (1 - trust) * pairP;
  return Math.log(p / anywhere);
}

/**
 * Each step's log-ratio, kept by its three classes: the model is fixed for the process, so a step's term is the same
 * number every time it is met, and a text repeats a few hundred of them (three string keys and five look-ups each,
 * a sixth of word order's time). Bounded by the classes' triples (some 60 classes; texts meet a few thousand).
 */
const stepTerms = new Map<string, Map<string, Map<string, number>>>();
const STEP_TERM_LIMIT = 50_000;
let stepTermCount = 0;
function stepTerm(m: Model, a: string, b: string, c: string): number {
  let byB = stepTerms.get(a);
  if (!byB) stepTerms.set(a, (byB = new Map()));
  let byC = byB.get(b);
  if (!byC) byB.set(b, (byC = new Map()));
  let term = byC.get(c);
  if (term === undefined) {
    if (stepTermCount >= STEP_TERM_LIMIT) {
      stepTerms.clear();
      stepTermCount = 0;
    }
    term = stepTermNow(m, a, b, c);
    byC.set(c, term);
    stepTermCount++;
  }
  return term;
}

function classOrderScore(prose: string): { score: number; steps: number } {
  model ??= loadModel();
  const m = model;
  let sum = 0;
  let steps = 0;
  for (const s of classSequences(analyse(prose))) {
    // The first word is not scored: a lower-case fragment ("stated that ...") opens many an honest student answer.
    for (let i = 2; i < s.length; i++) {
      sum += stepTerm(m, s[i - 2]!, s[i - 1]!, s[i]!);
      steps++;
    }
  }
  return { score: steps ? sum / steps : 0, steps };
}

/** Whether a paragraph's words stand in no English order: a shuffle (see above, and word-order-marks.ts). */
export function scrambledWordOrder(text: string): boolean {
  return scrambleReading(text) !== null;
}

/** Which reading takes a text for a shuffle, if any (the measurement script counts them apart). */
export function scrambleReading(
  text: string,
): "class-order" | "broken-edges" | "broken-note" | "loose-units" | "loose-items" | "chunk-joints" | null {
  // Short list items are left out of the class order; a list of them shuffled item by item shows in its items' edges.
  const list = listItemMarks(text);
  if (list.items >= MIN_ITEMS && list.marked >= MIN_ITEMS && list.marked * 2 >= list.items) return "loose-items";
  const prose = proseOf(text);
  const { score, steps } = classOrderScore(prose);
  const arrows = text.match(ARROW)?.length ?? 0;
  const notation =
    arrows >= 2 || (NOTE_LABEL.test(text) && (arrows >= 1 || (text.match(NOTATION_MARKS)?.length ?? 0) >= MANY_NOTATION_MARKS));
  if (steps >= (notation ? 2 * MIN_STEPS : MIN_STEPS) && score < SCRAMBLED_BELOW) return "class-order";
  if (steps < MIN_MARK_STEPS) return null;
  const marks = readMarks(prose);
  // Openers inside sentences and full stops before lower-case words, both: what a shuffle of any part of a text
  // leaves, and no honest text measured had (a student who writes no capitals after a full stop moves no opener).
  const brokenEdges =
    marks.brokenClosers >= 2 &&
    marks.displacedOpeners >= 1 &&
    marks.brokenClosers + marks.displacedOpeners >= 4 &&
    marks.brokenClosers * 2 >= marks.closers;
  // Full stops before lower-case words and a last word closing nothing: a shuffled terse note, whose openers are
  // its own verbs and nouns ("Retry 429 and 503 only. Honour Retry-After."); with a class order already poor, since
  // students who write no capitals after a full stop do so too.
  const brokenNote = marks.brokenClosers >= 2 && marks.brokenClosers * 2 >= marks.closers && marks.endsOpen && score < NOTE_BELOW;
  // Units apart from their figures ("ms the 400 p95"): a shuffled answer of figures, whose class order reads like
  // English more often than prose's does.
  const looseUnits = marks.units >= MIN_UNITS && marks.unitsByFigure < LOOSE_UNITS * marks.units && score < 0;
  if (brokenEdges) return "broken-edges";
  if (brokenNote) return "broken-note";
  if (looseUnits) return "loose-units";
  // Chunks of a few words put in another order keep most steps English; their joints give them away (word-junction.ts).
  // Not in formulas (their gaps are a notation's, not a sentence's) nor in a list numbered in order inline, whose items
  // repeat one template and so put their like gaps at a like period (a SAF answer, "1. TCP has a ... field, but UDP
  // does not. So TCP supports ... 2. TCP has ...", read so on session 23's tuning).
  const formula = text.match(JOINT_NOTATION)?.length ?? 0;
  if ((formula >= MANY_NOTATION_MARKS && formula * FORMULA_WORDS >= text.split(/\s+/).length) || numberedInOrder(text)) return null;
  return chunkShuffled(readJoints(prose)) ? "chunk-joints" : null;
}

/**
 * Marks of a formula (an honest answer of retrieval metrics, "recall@k = |top_k ∩ relevant| / |relevant|", read so),
 * taken where they are dense: one in this many words or more. An estimate's few "=" ("20k × 6 KB = 120 MB") are prose,
 * and 80 of the 640 tuning shuffles carried three or more.
 */
const JOINT_NOTATION = /[=¦^|∩∑√]/g;
const FORMULA_WORDS = 8;

/**
 * Whether a text numbers its items 1, 2, 3 ... each in turn and nothing else ("1. ... 2. ... 3."), at a line's start
 * or a sentence's: a list, whose numbers a shuffle would put out of turn.
 */
function numberedInOrder(text: string): boolean {
  const numbers = [...text.matchAll(/(?:^|\n|[.!?:]\s)\s*(\d{1,2})[.)]\s/g)].map((m) => Number(m[1]));
  return numbers.length >= 3 && numbers.every((n, i) => n === i + 1);
}

/**
 * The readings of a text's paragraphs (each, and together where there are several), for a measurement script's floor
 * (scripts/eval/shuffle11.ts): the class order's score and which reading, if any, takes it for a shuffle.
 */
export function orderReadings(paragraphs: readonly string[]): { score: number; steps: number; reading: string | null }[] {
  const texts = paragraphs.length > 1 ? [...paragraphs, paragraphs.join("\n\n")] : [...paragraphs];
  return texts.map((t) => ({ ...wordOrderScore(t), reading: scrambleReading(t) }));
}

/**
 * Which of an answer's prose paragraphs stand in no English order: each read alone (`alone`), then the rest read as
 * one (`together`, all of them or none): a shuffle cut into paragraphs too short to read alone goes together.
 */
export function scrambledParagraphs(paragraphs: readonly string[]): { alone: number[]; together: number[] } {
  const alone = paragraphs.flatMap((p, i) => (scrambledWordOrder(p) ? [i] : []));
  const rest = paragraphs.flatMap((_, i) => (alone.includes(i) ? [] : [i]));
  const together = rest.length >= 2 && scrambledWordOrder(rest.map((i) => paragraphs[i]).join("\n\n")) ? rest : [];
  return { alone, together };
}
