import type { Question } from "../../scenarios/index.js";
import { analyse, type Token } from "./analyse.js";
import { domainWords } from "./domain-words.js";

/**
 * A team's question is thin: one model answer per level and short anchors, so its own texts name some 40-80 content
 * words (the built-in pack's questions name 112-220). The readings that set aside orders about another topic ("Write a
 * poem about the sea") judge an order by the share of its words the question's texts use, and on a thin question a
 * plain answer written as orders fails that share on its everyday words: "Shut most of the machines down when nobody
 * is using them, at night and at weekends" (a question that says "GPUs" and "replicas") and "First find out how busy
 * the cards really are hour by hour" were dropped whole and earned nothing (session 20, outside audit 16: plain
 * answers on seven-question packs scored 54 against a label of 80). On a thin question the domain's words at large
 * (domain-words.ts: the built-in pack's, as the off-domain reader already joins them) count towards its topic in
 * those readings: "machines", "night", "request" are the domain's; "poem", "sea", "essay", "climate" are not.
 * Questions of 2+ criteria only (the public one-criterion sets are read by their own references), never coding
 * questions (their prose is not the plain answer this is for; unmeasured there), and never a story
 * (every order in a story goes, whatever its words).
 */
const THIN = 80;
const MIN_CRITERIA = 2;
const CONTENT = new Set(["NOUN", "PROPN", "ADJ", "VERB"]);

const thin = new WeakMap<Question, boolean>();
export function thinTopic(q: Question): boolean {
  let known = thin.get(q);
  if (known === undefined) {
    const labels = q.rubric.flatMap((c) => c.evidence.concepts.map((k) => k.label)).join(". ");
    const texts = `${q.title}. ${q.prompt}. ${labels}\n\n${q.exemplars.map((e) => e.answer).join("\n\n")}`;
    const lemmas = new Set(
      analyse(texts)
        .tokens.filter((t) => CONTENT.has(t.pos))
        .map((t) => t.lemma),
    );
    known = q.kind !== "behavioural" && q.kind !== "coding" && q.rubric.length >= MIN_CRITERIA && lemmas.size < THIN;
    thin.set(q, known);
  }
  return known;
}

/**
 * How a sentence's words count towards a question's topic: the question's own (`own`), and on a thin question, once
 * the sentence names three of its own words, also the domain's. The anchor keeps a task about another topic out:
 * "Draft a cover letter for a barista position" names none of a question's words, and with two the domain's words
 * ("plan", "schedule", "track") called "Sketch a weekly workout schedule with rest days" on topic on three of seven
 * questions. Read by the task reading (off-topic-task.ts) and the paragraph gate's orders (on-topic.ts).
 */
export function inThinTopic(q: Question, tokens: readonly Token[], own: (t: Token) => boolean): (t: Token) => boolean {
  if (!thinTopic(q)) return own;
  const named = new Set(tokens.filter((t) => CONTENT.has(t.pos) && own(t)).map((t) => t.lemma));
  return named.size >= ANCHORS ? (t) => own(t) || domainTopicWord(q, t) : own;
}
const ANCHORS = 3;

/** Whether a word counts towards a thin question's topic as a word of its domain (see above). */
export function domainTopicWord(q: Question, t: Pick<Token, "lemma" | "word">): boolean {
  return thinTopic(q) && (domainWords().has(t.lemma) || domainWords().has(t.word));
}
