import type { Question } from "../../scenarios/index.js";
import { givesAnOrder } from "../integrity/addressed.js";
import { analyse, type Analysis, type Token } from "./analyse.js";
import { offTopicRequestSentences } from "./off-topic-task.js";
import { questionTerms } from "./question-terms.js";
import type { Idf } from "./similarity.js";
import { inThinTopic } from "./thin-topic.js";
import { wordFamily } from "./word-family.js";

/**
 * Text that is not about the question earns nothing. Similarity is the share of a reference
 * answer's weight the answer also states, so any added text can only add to it, and a concept
 * term can turn up in any text: pasted jailbreak prose, a fiction scene, an essay prompt or a
 * request about something else added a word or two of a reference ("plan", "stock", "measured")
 * and tipped a level. Read by paragraph, against the question's own vocabulary (title, prompt,
 * rubric, concepts, model answers), each word weighted by its idf in the pack, so the words every
 * LLM answer shares ("model", "output", "instructions") say little and an unknown word says most:
 * - a paragraph under P of whose weight is the question's goes whole;
 * - so does a paragraph next to one that went, when under half of it is the question's (an attack
 *   runs over several paragraphs: "SmartGPT is ..." then its variables, a request then its table);
 * - a paragraph that asks its reader for something off the topic (an order or a question under R)
 *   is a request: its sentences under R go with it, the request's set-up included ("I'm writing an
 *   essay.").
 * In a story, a paragraph the writer tells as their own account (first person, past tense) is
 * never gated by its words: honest stories name hackathons, libraries and colleagues no rubric
 * does. Measured in docs/grading-history.md ("Gaming and injections").
 */
const P = 0.3;
const NEXT_TO_GONE = 0.5;
const R = 0.35;
/** Fewer content words than this say too little to judge a paragraph by. */
const MIN_WORDS = 3;

// Adverbs ("first", "then", "finally", "often") order and hedge a text whatever its topic: they are not counted.
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ"]);
const LIGHT = new Set(["be", "have", "do", "will", "would", "can", "could", "should", "may", "might", "must"]);

/**
 * A share of the question's words means something only when its texts say enough about its topic: a
 * short-answer item authored from one reference sentence (the public agreement sets) names a few dozen
 * words, and honest answers in other words went whole (Powergrading r 0.682 -> 0.641, SAF tuning 0.629 ->
 * 0.497). Built-in questions name 101 to 259 content lemmas; below this many, nothing is gated.
 */
const MIN_VOCABULARY = 80;

const vocabularies = new WeakMap<Question, Set<string>>();
const sizes = new WeakMap<Question, number>();

/** Everything the question's own texts say: title, prompt, rubric, concepts and model answers (with word families). */
export function questionVocabulary(q: Question): Set<string> {
  let known = vocabularies.get(q);
  if (!known) {
    const texts = [
      q.title,
      q.prompt,
      ...q.rubric.flatMap((c) => [
        c.title,
        c.description,
        ...Object.values(c.anchors),
        c.strongAnswerAdds ?? "",
        ...c.probes,
        ...c.evidence.concepts.flatMap((k) => [k.label, ...k.terms]),
      ]),
      ...q.exemplars.map((e) => e.answer),
    ];
    known = new Set<string>();
    const lemmas = new Set<string>();
    for (const t of analyse(texts.join("\n\n")).tokens) {
      if (!CONTENT.has(t.pos)) continue;
      lemmas.add(t.lemma);
      known.add(t.lemma);
      known.add(t.word);
      for (const w of wordFamily(t.lemma)) known.add(w);
    }
    vocabularies.set(q, known);
    sizes.set(q, lemmas.size);
  }
  return known;
}

/** Whether the question's own texts say enough about its topic for a share of its words to mean anything (MIN_VOCABULARY). */
export function judgesTopic(q: Question): boolean {
  questionVocabulary(q);
  return (sizes.get(q) ?? 0) >= MIN_VOCABULARY;
}

/** A word counts towards a sentence's topic when it has letters and carries content. */
const counts = (t: Token) => CONTENT.has(t.pos) && !LIGHT.has(t.lemma) && /[a-z]{2}/.test(t.word);

/**
 * `domain`: the weight of the words that are not the question's but the domain's, on a thin question, once the
 * sentence names two of the question's words (`onWords`; thin-topic.ts).
 */
export type TopicalWeight = { on: number; all: number; words: number; domain: number };

/** Per sentence: the idf weight of its distinct content words, the weight of those the question's texts use, and their count. */
export function topicalWeights(q: Question, a: Analysis, idf: Idf): TopicalWeight[] {
  const vocab = questionVocabulary(q);
  const isTerm = questionTerms(q);
  const weight = (lemma: string) => Math.log((idf.docs + 1) / ((idf.df.get(lemma) ?? 0) + 1) + 1);
  return a.sentences.map((s) => {
    const words = new Map<string, Token>();
    for (const t of a.tokens.slice(s.from, s.to)) if (counts(t)) words.set(t.lemma, t);
    let all = 0;
    let on = 0;
    let domain = 0;
    const own = (t: Token) => vocab.has(t.lemma) || vocab.has(t.word) || isTerm(t.word) || isTerm(t.lemma);
    const topical = inThinTopic(q, [...words.values()], own);
    for (const [lemma, t] of words) {
      const w = weight(lemma);
      all += w;
      if (own(t)) on += w;
      else if (topical(t)) domain += w;
    }
    return { on, all, words: words.size, domain };
  });
}

/** A sentence that asks its reader for something: an order, a proposal ("Let's ..."), or a question of the writer's own (not one they quote). */
const asks = (text: string) => givesAnOrder(text) || /^\W*let['’]?s\b/i.test(text) || (/\?["'”’)]*\s*$/.test(text) && !/["“]/.test(text));

const PAST_AUX = new Set(["was", "were", "had", "did"]);
/** Common irregular past forms (grammar, not vocabulary): the tagger's lemma tells "went" from "go" but not the tense. */
const IRREGULAR_PAST =
  /^(?:went|took|made|got|gave|told|said|saw|found|built|sent|wrote|ran|kept|left|led|brought|thought|felt|knew|came|became|began|chose|spent|caught|held|meant|paid|sold|stood|understood|won|lost|met)$/;
/** A paragraph in which the writer says what they did: a first-person subject and a verb in the past tense. */
function toldAsAccount(a: Analysis): boolean {
  return toldByWriter(a.tokens);
}

/** Words in which the writer says what they did (see toldAsAccount). */
function toldByWriter(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.word === "i" || t.word === "we") && toldInPast(tokens);
}

/** Words with a verb in the past tense: a story's account (read on a paragraph here, on a sentence in bearing.ts). */
export function toldInPast(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t) =>
      (t.pos === "AUX" && PAST_AUX.has(t.word)) ||
      (t.pos === "VERB" && ((t.word !== t.lemma && /ed$/.test(t.word)) || IRREGULAR_PAST.test(t.word))),
  );
}

type Block = { text: string; fence: boolean; gap: boolean };
type Read = { a: Analysis; w: TopicalWeight[]; share: number; judged: boolean };

/**
 * The prose without what is not about the question (see above). Fenced blocks are judged whole,
 * like paragraphs (a fixed prompt names the question's words); nothing is flagged: off-topic text
 * says nothing to a grader, it only earns nothing.
 */
export function withoutOffTopicProse(q: Question, prose: string, idf: Idf): string {
  if (!judgesTopic(q)) return prose;
  // Tasks and questions handed to the reader are read on the whole answer too, and what they set aside (with
  // its set-up, context and quoted material) goes from what this gate keeps: read after the gate had taken a
  // request sentence alone, its context ("You have to choose one.") and its material ("'I wish they'd improve
  // their service.'") were left with nothing to tie them to it. (Read the other way round, the gate lost the
  // requests that tie their context to them: "I'm writing an essay." stayed.)
  const requests = offTopicRequestSentences(q, prose, { story: q.kind === "behavioural" });
  const kept = gated(q, prose, idf);
  return requests.reduce((text, sentence) => text.replace(sentence, ""), kept);
}

function gated(q: Question, prose: string, idf: Idf): string {
  const blocks: Block[] = prose
    .split(/(```[\s\S]*?```)/)
    .flatMap((part): Block[] =>
      part.startsWith("```")
        ? [{ text: part, fence: true, gap: false }]
        : part.split(/(\n\s*\n)/).map((text) => ({ text, fence: false, gap: !text.trim() })),
    );
  const read: (Read | null)[] = blocks.map((b) => {
    if (b.gap) return null;
    const a = analyse(b.text);
    const w = topicalWeights(q, a, idf);
    const on = w.reduce((x, y) => x + y.on, 0);
    const all = w.reduce((x, y) => x + y.all, 0);
    const words = w.reduce((x, y) => x + y.words, 0);
    const account = q.kind === "behavioural" && toldAsAccount(a);
    return { a, w, share: all ? on / all : 1, judged: all > 0 && words >= MIN_WORDS && !account };
  });
  const first = read.map((r) => !!r && r.judged && r.share < P);
  const gone = [...first];
  // One step only: an honest answer is never taken down paragraph by paragraph.
  const near = (i: number, step: number) => {
    let j = i + step;
    while (j >= 0 && j < read.length && !read[j]) j += step;
    return j >= 0 && j < read.length && first[j];
  };
  read.forEach((r, i) => {
    if (r && !gone[i] && r.judged && r.share < NEXT_TO_GONE && (near(i, -1) || near(i, 1))) gone[i] = true;
  });
  return blocks
    .map((b, i) => {
      const r = read[i];
      if (!r) return b.text;
      if (gone[i]) return "";
      return b.fence ? b.text : withoutRequest(b.text, r);
    })
    .join("");
}

/** A paragraph that asks for something off the topic keeps only its sentences about the question. */
function withoutRequest(text: string, { a, w }: Read): string {
  // An order in a thin question's plain words is about its topic when the domain's words make up the share (thin-topic.ts).
  const off = (j: number) => w[j]!.all > 0 && w[j]!.on + w[j]!.domain < R * w[j]!.all;
  if (!a.sentences.some((s, j) => off(j) && asks(s.text))) return text;
  let out = "";
  let at = 0;
  a.sentences.forEach((s, j) => {
    if (!off(j)) return;
    out += text.slice(at, s.start);
    at = s.end;
  });
  return out + text.slice(at);
}
