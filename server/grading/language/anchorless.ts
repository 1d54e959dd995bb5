import type { Question } from "../../scenarios/index.js";
import { analyse, type Token } from "./analyse.js";
import { relatesBySymbol } from "./terse-note.js";
import { questionTerms } from "./question-terms.js";
import { expectsShortAnswer } from "./short-answer-item.js";
import { sensesOf } from "./wordnet.js";

/**
 * A fluent template made of the domain's own words ("I flagged it proactively, re-planned with stakeholders and
 * aligned on outcomes", "**Latency:** we optimise latency for a seamless experience", "Latency is key. Context is
 * critical.") names the rubric's things in sentence after sentence and commits to nothing about them: every sentence
 * would fit any question with those names. What an honest answer says, however plainly or tersely, is anchored in
 * its situation by words that could be wrong: a figure of its own ("from 6% to 13%", "200 labelled tickets"), a
 * denial or a limit ("doesn't", "no", "only"), a reason or a condition ("because", "if", "unless", "than"), words
 * quoted from the case, a name, a relation written with a symbol ("->"), or an order ("Send each comment to ...",
 * "cap the text at 125 characters"). A template has none of these: its figures are the boast's ("99.9% uptime",
 * "10x", "24/7"), its verbs report conduct ("flagged", "aligned", "drove"), its clauses are joined by "so", "then"
 * and "when", which tell a story's order, not a mechanism.
 *
 * Read on the whole answer, line by line: an answer of two or more sentences naming the rubric's words and no anchor
 * anywhere says nothing specific. Questions of two or
 * more criteria only, answers of 20+ words. Linear in the text: one pass over the tokens per line (the tagger's own
 * cost aside), and no pattern that backtracks over a long run.
 */

/** Sentences naming a rubric word, fewer than this and nothing is read (a one-line answer is read elsewhere). */
const MIN_SENTENCES = 2;

/** Words that deny, limit or exclude: each commits to something that could be false. */
const LIMITS = new Set("not n't no never nothing none nobody neither nor only without".split(" "));
/**
 * Clauses of reason, condition, concession, comparison and precedence: a mechanism's joints ("approves before sending").
 * A story's "so", "then", "when" and "after" are not: they order events, which a template narrates too.
 */
const REASONS = new Set("because if unless until whether although though instead otherwise than before".split(" "));
/** Number words that count something of the case; "one", "two", "three" also count a template's own parts ("three pillars"). */
const COUNTS = new Set("four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand dozen half".split(" "));
/**
 * Units of time: a story's "three weeks later", "a few months ago", "the nightly job", "within a sprint". A template's
 * time is "every turn" or "on time" (an idiom, below: a bare singular after a preposition).
 */
const TIMES = new Set(
  "ago later earlier minute minutes hour hours day days week weeks month months year years sprint sprints quarter overnight nightly daily weekly monthly yesterday".split(
    " ",
  ),
);
/** The boast's figures: near-total uptime, a multiplier, round-the-clock, all or nothing. */
const BOAST = /^(?:99(?:\.\d+)?|100)%?$|^\d+(?:\.\d+)?x$|^24\/7$/i;
/** Quoted words from the case: a user's phrase, an instruction, a label ("keep it short", "Priya will send it"). */
const QUOTED = /["“”][^"“”\n]{2,}["“”]/;
/** Code and templates are read elsewhere. */
const CODE = /[(){}[\]=<>_`|$€£]/;

export type AnchorCounts = {
  /** Sentences naming a rubric word; anchors anywhere in the text (figures, limits, reasons, times, quotes, names, symbols, orders). */
  sentences: number;
  anchors: number;
  /** The anchoring words, for tests and probes. */
  words: string[];
};

/** What follows an order's verb when the verb is also a rubric word: its object or manner ("Recall matters" is no order). */
const ORDER_FOLLOWS = new Set(["DET", "PRON", "ADV", "ADP"]);
/** Tokens after which a capital is the line's or the list item's opening, not a name. */
const OPENERS = new Set([",", ":", "-", "*", "**", "•", "(", '"', "“", "1", "2", "3", "4", "5", "."]);
/** A word WordNet knows as a verb, not read as "-ing" (a gerund is a noun's use: "Testing long conversations"). */
const verbal = (w: string) => !w.endsWith("ing") && sensesOf(w).some((s) => s.pos === "verb");
/** A bare singular after a preposition: an idiom's shape ("on time", "at scale", "by day"). */
const bareAfterPreposition = (tokens: readonly Token[], i: number) => tokens[i - 1]?.pos === "ADP" && tokens[i]!.word === tokens[i]!.lemma;

/** Whether token i opens the sentence or a clause (after ",", ";", ":" or "and"), past adverbs before it. */
function opensClause(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && tokens[j]!.pos === "ADV") j--;
  return j < 0 || [",", ";", ":", "-", "*"].includes(tokens[j]!.word) || tokens[j]!.pos === "CCONJ";
}

/** Figures with a "%" or unit the tokenizer split off are read back with the next token. */
function boast(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const glued = next && next.at === t.at + t.word.length ? t.word + next.word : t.word;
  return BOAST.test(t.word) || BOAST.test(glued);
}

/** The anchoring words of one sentence (see above). */
function anchorsOf(
  line: string,
  sentence: string,
  tokens: readonly Token[],
  isTerm: (w: string) => boolean,
  labels: ReadonlySet<string>,
  given: ReadonlySet<string>,
): string[] {
  const found: string[] = [];
  if (relatesBySymbol(sentence) || CODE.test(sentence)) found.push("symbol");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.word.toLowerCase();
    if (/\d/.test(w)) {
      // The question's own figures asked back ("How do we make 120,000 images accessible?") are not the answer's.
      if (!boast(tokens, i) && !(given.has(w) && /\?\s*$/.test(sentence))) found.push(w);
      continue;
    }
    if (COUNTS.has(w) || LIMITS.has(w) || (REASONS.has(w) && t.pos !== "NOUN") || (TIMES.has(w) && !bareAfterPreposition(tokens, i))) {
      found.push(w);
      continue;
    }
    if (labels.has(w)) continue;
    // An order says what to do: a base-form verb opening the sentence or a clause ("Send each comment", "cap it at").
    // Not a subject the tagger read as a verb ("Recall matters", "and recall at the centre").
    const subject =
      ["VERB", "AUX"].includes(tokens[i + 1]?.pos ?? "") ||
      (isTerm(w) && (tokens[i - 1]?.pos === "CCONJ" || !ORDER_FOLLOWS.has(tokens[i + 1]?.pos ?? "")));
    if (
      (t.pos === "VERB" || (i === 0 && t.pos === "PROPN")) &&
      w === t.lemma.toLowerCase() &&
      verbal(w) &&
      !subject &&
      opensClause(tokens, i)
    ) {
      found.push(w);
      continue;
    }
    if (isTerm(w) || isTerm(t.lemma)) continue;
    // A name inside the sentence ("a Slack channel", "OpenTelemetry", "the effective-date field in SharePoint"): a
    // capitalised word past the sentence's or a list item's opening, not a short acronym (a template's "AI", "LLM", "PM").
    const written = line.slice(t.at, t.at + t.word.length);
    if (i > 0 && /^[A-Z]/.test(written) && !OPENERS.has(tokens[i - 1]!.word) && !/^[A-Z]{1,3}s?$/.test(written)) found.push(w);
  }
  return found;
}

/** The words that label a line ("**Situation:**", "Action:"): a heading of the writer's, not a claim. */
// Every match succeeds where it starts (the trailing run may be empty), so a 20,000-letter word is one pass, not a
// backtracking search from each of its letters.
const labelsOf = (text: string) =>
  new Set([...text.matchAll(/([A-Za-z][\w-]*)(\W{0,3})/g)].filter((m) => m[2]!.includes(":")).map((m) => m[1]!.toLowerCase()));

/**
 * A paragraph's sentences naming a rubric word and the anchors in them. Each line is read on its own: a bullet or a
 * labelled line is a sentence whether or not it ends with a full stop.
 */
export function anchorCounts(text: string, q: Question): AnchorCounts {
  const isTerm = questionTerms(q);
  const labels = labelsOf(text);
  const figures = new Set(q.prompt.toLowerCase().match(/\d[\d.,]*\d|\d/g) ?? []);
  const counts: AnchorCounts = { sentences: 0, anchors: 0, words: [] };
  for (const line of text.split("\n")) {
    if (!/[a-z]/i.test(line)) continue;
    // A quote may hold a full stop of its own ("... including the booking reference."), so it is read on the line.
    if (QUOTED.test(line)) {
      counts.anchors++;
      counts.words.push("quote");
    }
    const a = analyse(line);
    for (const s of a.sentences) {
      const tokens = a.tokens.slice(s.from, s.to);
      // Sentences are counted where they name the rubric; anchors wherever they are (a story's figure often sits in a
      // sentence of its own: "Complaints stopped within a month.").
      if (tokens.some((t) => isTerm(t.word.toLowerCase()) || isTerm(t.lemma))) counts.sentences++;
      const found = anchorsOf(a.text, s.text, tokens, isTerm, labels, figures);
      counts.anchors += found.length;
      counts.words.push(...found);
    }
  }
  return counts;
}

/** Questions of two or more criteria only: a one-criterion item (the public sets) is answered by its own things. */
const MIN_CRITERIA = 2;
/** An answer shorter than this many words is a note, read by the note rules ("Overfit after a few epochs. Early stopping."). */
const MIN_WORDS = 20;

/**
 * Whether an answer names the rubric's things sentence after sentence and anchors none of it (see above). Read on
 * the whole answer: an honest answer's plain paragraph ("I flagged it to the intranet team") stands on the figures
 * and reasons of the others.
 */
export function anchorlessTemplate(text: string, q: Question): boolean {
  if (q.rubric.length < MIN_CRITERIA || expectsShortAnswer(q)) return false;
  if ((text.match(/[A-Za-z]+/g)?.length ?? 0) < MIN_WORDS) return false;
  const c = anchorCounts(text, q);
  // One anchor anywhere is enough: an honest adequate answer may carry a single "if" or "can't" in five sentences
  // ("If the bot needs to give a discount, it should call a backend API that decides").
  return c.sentences >= MIN_SENTENCES && c.anchors === 0;
}
