import type { Question } from "../../scenarios/index.js";
import { analyse, type Analysis, type Token } from "./analyse.js";
import { questionTerms } from "./question-terms.js";
import { inThinTopic } from "./thin-topic.js";
import { sensesOf } from "./wordnet.js";
import { wordFamily } from "./word-family.js";

/** Words that may open an order and leave it an order: "please write ...", "can you write ...". */
const LEAD = new Set(["please", "kindly", "now", "also", "and", "then", "just", "so"]);
const ASKING = new Set(["can", "could", "would", "will"]);
/** Opening verbs that report or hedge rather than hand over a task ("let", "need", "hope"). */
const NOT_ORDERS = new Set(["let", "need", "want", "hope", "think", "guess", "be", "have", "do"]);
const CONTENT = new Set(["NOUN", "PROPN", "ADJ", "VERB"]);
const CLAUSE_OPENERS = new Set(["that", "which", "who", "whom", "whose", "why", "how", "where", "when", "if", "because", "so", "while"]);
const FINITE_AUX = new Set("is are was were am 's 're has does did will would can could should shall may might must 'll 'd".split(" "));
/** A verb form only a subject can carry: "is", "will", "drops" (not the bare "drop" nor "dropping"). */
const finite = (t: Token) =>
  (FINITE_AUX.has(t.word) && (t.pos === "AUX" || t.word !== "'s")) ||
  (t.pos === "VERB" && t.word !== t.lemma && /(?:[^s]s|ed)$/.test(t.word));
/**
 * Words too general to tie a sentence to a question: a task's "list", "example" or
 * "introduction" is no more about caching than about poetry.
 */
const GENERIC = new Set(
  "thing way example list sentence paragraph response answer reply word something good new main few many other more like make get use give take include add provide write show help idea kind type part point step topic brief short detailed".split(
    " ",
  ),
);

/**
 * A question whose texts name fewer content words than this (a short-answer item authored from one reference
 * sentence) says too little of its topic to judge a task's subject by a share of its words: "declare the
 * colonies of America as independent" names "colonies" and "America", which its one reference does not.
 */
const RICH_TOPIC = 80;

type Topic = { strict: (t: Token) => boolean; broad: (t: Token) => boolean; broadLemma: (lemma: string) => boolean; rich: boolean };
const topics = new WeakMap<Question, Topic>();
/**
 * Whether a word belongs to the question's topic. `strict`: one of its evidence terms or
 * a content word of its title, prompt or concept labels. `broad` adds the content words of
 * its model answers, which say what the question is about in a candidate's words ("verify
 * and escalate") but also in many general ones.
 */
function questionTopic(q: Question): Topic {
  let known = topics.get(q);
  if (!known) {
    const isTerm = questionTerms(q);
    const labels = q.rubric.flatMap((c) => c.evidence.concepts.map((k) => k.label)).join(". ");
    const lemmas = (text: string) =>
      new Set(
        analyse(text)
          .tokens.filter((t) => CONTENT.has(t.pos))
          .map((t) => t.lemma),
      );
    const prompt = lemmas(`${q.title}. ${q.prompt}. ${labels}`);
    const answers = lemmas(q.exemplars.map((e) => e.answer).join("\n\n"));
    const strict = (t: Token) => isTerm(t.word) || isTerm(t.lemma) || prompt.has(t.lemma);
    known = {
      strict,
      broad: (t) => strict(t) || answers.has(t.lemma),
      broadLemma: (w) => isTerm(w) || prompt.has(w) || answers.has(w),
      rich: new Set([...prompt, ...answers]).size >= RICH_TOPIC,
    };
    topics.set(q, known);
  }
  return known;
}

/** The sentence's tokens after the words an order may open with ("please", "could you"). */
function afterLead(tokens: Token[]): Token[] {
  let i = 0;
  for (;;) {
    if (i < tokens.length - 1 && LEAD.has(tokens[i]!.word)) i++;
    // "Can you ..." asks for a task; "You can ..." states what is possible, and keeps its subject.
    else if (i < tokens.length - 2 && ASKING.has(tokens[i]!.word) && tokens[i + 1]!.word === "you") i += 2;
    else return tokens.slice(i);
  }
}

/**
 * Whether a sentence hands its reader a task: it opens with a verb's bare form
 * ("Write a poem ...", "Please draft ...", "Could you summarise ..."). The tagger
 * reads some sentence-opening verbs as names ("Draft an introduction", "List ten
 * facts", "Reply using ..."), so a bare word followed by an article or a number and a
 * noun phrase, or by a gerund, counts too; "Bulb A and bulb C are ..." does not.
 */
function handsATask(tokens: Token[], text: string, rich = false): boolean {
  const [first, next, after] = afterLead(tokens);
  // The bare form: "summarise" is "summarize" spelt the British way, not an inflection.
  const bare = !!first && (first.word === first.lemma || first.word.replace(/is(?=e$)/, "iz") === first.lemma);
  if (!first || !next || !bare || !/^[a-z]{2,}$/.test(first.word) || NOT_ORDERS.has(first.lemma)) return false;
  // A word set off by punctuation is a label or an aside ("Requirement: ...", "Explain:", "sigh, ..."), not an order.
  if (/\S/.test(text.slice(first.at + first.word.length, next.at))) return false;
  // A finite verb in the main clause makes the opening word its subject ("Prompt size drops", "Bulb A, bulb B
  // and bulb C are in different paths"); an order's own finite verbs sit in a clause it opens ("... that rhymes").
  // Read as a verb, its object ends the check ("Write a poem about autumn leaves": "leaves" is the object's).
  const head = tokens.slice(tokens.indexOf(first) + 1);
  const objectStarts = (t: Token) => first.pos === "VERB" && /^(?:a|an|the)$/.test(t.word);
  const clause = head.findIndex((t) => t.pos === "SCONJ" || CLAUSE_OPENERS.has(t.word) || objectStarts(t));
  // A verb form right after an article describes the noun it comes before ("the enriched code"): it is no finite
  // verb. Not in the terse fragments short-answer items get ("bulb a the ..."), where a misread tag is likelier.
  const main = head.slice(0, clause < 0 ? head.length : clause);
  const participle = (t: Token, k: number) => rich && t.pos === "VERB" && main[k - 1]?.pos === "DET";
  if (main.some((t, k) => finite(t) && !participle(t, k))) return false;
  if (first.pos === "VERB") return true;
  if ((first.pos === "PROPN" || first.pos === "NOUN") && next.pos === "VERB" && /ing$/.test(next.word)) return true;
  if (
    (first.pos === "PROPN" || first.pos === "NOUN") &&
    (/^(?:a|an|the)$/.test(next.word) || next.pos === "NUM") &&
    !!after &&
    // "Return the enriched code": a participle before the noun describes it, like an adjective.
    (["NOUN", "PROPN", "ADJ", "NUM"].includes(after.pos) || (after.pos === "VERB" && /ed$/.test(after.word)))
  )
    return true;
  // "Answer with a single sentence", "Reply in one word": a word that is also a verb, read as a name, then how to do it.
  return (
    (first.pos === "PROPN" || first.pos === "NOUN") &&
    MANNER.has(next.word) &&
    !!after &&
    (after.pos === "DET" || after.pos === "NUM") &&
    !/ing$/.test(first.word) &&
    sensesOf(first.word).some((s) => s.pos === "verb")
  );
}

/** Prepositions that say how an order is to be carried out ("answer with ...", "reply in ..."). */
const MANNER = new Set(["with", "in", "using", "without"]);

/** The words of the noun phrase right after an order's verb: what it asks for ("a *funny* *poem*", "the *model* *access*"). */
function asked(tokens: Token[]): Token[] {
  const phrase: Token[] = [];
  for (const t of afterLead(tokens).slice(1)) {
    if (!["DET", "ADJ", "NUM", "NOUN", "PROPN"].includes(t.pos)) break;
    phrase.push(t);
  }
  // The tagger reads some nouns used as modifiers as adjectives ("the model access"): they count too.
  return phrase.filter((t) => t.pos !== "DET" && t.pos !== "NUM" && !GENERIC.has(t.lemma));
}

/**
 * The sentences of an answer that hand the reader a task about something else:
 * "Draft an introduction for an essay about climate change", "Compose a poem about
 * the sea". They are not the candidate's answer to this question and earn no
 * evidence, but they are not attacks either (nothing in them speaks to a grader),
 * so nothing is flagged. A task is off the topic when fewer than a third of its
 * content words (the opening verb and general words aside) are the question's:
 * an honest design answer written as orders ("Use a cache. Add retries with
 * backoff.") names the question's own terms and keeps its evidence.
 */
export function offTopicTasks(q: Question, a: Analysis, options: { story?: boolean } = {}): Set<number> {
  const topic = questionTopic(q);
  const out = new Set<number>();
  const passages = quotedPassages(a.text);
  // A passage handed over with the task ("Classify the mood of this sentence: '...'") is the task's material,
  // not what it is about: its words never tie the task to the question.
  // Marked once per answer: tested against every passage, each token of a long answer of quotes cost a scan.
  const quoted = new Uint8Array(a.text.length + 1);
  for (const [from, to] of passages) quoted.fill(1, from, to);
  const own = (t: Token) => !(t.at >= 0 && t.at < quoted.length && quoted[t.at]);
  a.sentences.forEach((s, i) => {
    const all = a.tokens.slice(s.from, s.to);
    const tokens = all.filter(own);
    const quotes = tokens.length < all.length;
    if (/\?\s*$/.test(s.text)) return;
    // A request for the writer ("Show me how to ...", "Help me with ...") is never an answer, whatever its words.
    const [verb, object] = afterLead(tokens);
    if (verb && /^[a-z]{2,}$/.test(verb.word) && !NOT_ORDERS.has(verb.lemma) && object?.word === "me") return void out.add(i);
    if (!handsATask(tokens, a.text, topic.rich)) return;
    // On a thin question, an order tied to it by two of its own words is read with the domain's words too (thin-topic.ts).
    const on = inThinTopic(
      q,
      tokens.filter((t) => !GENERIC.has(t.lemma)),
      topic.broad,
    );
    // A requirement on the thing being built ("Make sure the answers do not hallucinate facts", "Ensure the
    // logs never contain emails") is about what its clause says: on the question's subject, it is on topic.
    if (!options.story && requirementOnTopic(tokens, topic)) return;
    // What the task is about, named after "of" or "how" ("the lifecycle of a butterfly", "how recursion
    // works", "the findings of the 2020 climate report"), decides before its verb does: "Summarize ..." on a
    // question about summaries is still about a climate report. It is the question's when most of its words
    // are (one word of the question's beside one of another topic, "climate report", names the other topic),
    // or when what the order asks for is ("declare independence of the colonies": "independence").
    const subject = aboutWhat(tokens).filter((t) => !GENERIC.has(t.lemma));
    const wanted = asked(tokens);
    if (topic.rich && subject.length && subject.filter(on).length * 2 <= subject.length && !wanted.some(on)) return void out.add(i);
    // An opening word that is one of the question's own terms names the answer's subject ("Cuckoo hashing,
    // which ...", "Chaining, where ..."), read as an order only by the tagger; an order about it is on topic.
    if (!options.story && topic.strict(afterLead(tokens)[0]!)) return;
    // In a story (behavioural answers) no order is something the candidate did, whatever its words.
    if (options.story) return void out.add(i);
    // An order about the writer's own things ("... running on my computer") asks for help; it answers nothing.
    if (tokens.some((t) => t.word === "my" || t.word === "me")) return void out.add(i);
    const words = afterLead(tokens)
      .slice(1)
      .filter((t) => CONTENT.has(t.pos) && !GENERIC.has(t.lemma) && t.word.length > 1);
    const content = [...new Map(words.map((t) => [t.lemma, t])).values()];
    // When none of what it is about is the question's, the task is not, whatever its other words.
    if (subject.length && !subject.some(on)) return void out.add(i);
    // Nothing of its own but a passage to work on ("Translate: '...'"): an exercise, not an answer.
    if (!content.length && quotes) return void out.add(i);
    // What it asks to have done ("how to manipulate stock prices"): a deed the question never speaks of is another topic.
    if (subject.some((t) => t.pos === "VERB" && !on(t))) return void out.add(i);
    const topical = content.filter(on).length;
    // What the order asks for ("a script", "an introduction") says most about what it is about: asking for
    // something off the topic, it needs half its words on it to count, otherwise a third.
    const share = wanted.length && !wanted.some(topic.strict) ? 2 : 3;
    if (content.length > 0 && topical * share < content.length) out.add(i);
  });
  return withContext(a, out, topic, options.story);
}

/**
 * The clause an order takes as its object, when it takes one: the order states a requirement ("Make sure
 * the answers do not hallucinate facts", "Ensure that every log line is redacted", "Make the bot cite its
 * sources") rather than asking for a piece of writing ("Write a poem about the sea"). The verb, an
 * adjective completing it ("sure", "certain") and "that", then a noun phrase and a verb (adverbs between:
 * "the bot never hallucinates"). Null when the object is a plain noun phrase.
 */
function requiredClause(tokens: Token[]): Token[] | null {
  const rest = afterLead(tokens).slice(1);
  let i = 0;
  if (rest[i]?.pos === "ADJ" && rest[i + 1] && ["DET", "NOUN", "PROPN", "PRON", "SCONJ"].includes(rest[i + 1]!.pos)) i++;
  if (rest[i]?.word === "that") return rest.slice(i + 1);
  let j = i;
  while (j < rest.length && NOUN_PHRASE.has(rest[j]!.pos)) j++;
  if (j === i || !rest.slice(i, j).some((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON")) return null;
  let k = j;
  while (k < rest.length && (rest[k]!.pos === "ADV" || rest[k]!.pos === "PART")) k++;
  return rest[k] && (rest[k]!.pos === "VERB" || rest[k]!.pos === "AUX") ? rest.slice(i) : null;
}

/** Thresholds of requirementOnTopic: some of the clause's content words, at least a third, are the question's. */
const REQUIRED_TOPICAL_SHARE = 3;

/**
 * Whether an order states a requirement whose clause is on the question's subject. A pack with a thin
 * vocabulary names its subject in one form ("hallucinations") and a candidate in another ("do not
 * hallucinate"): a word counts when it, or a derivational relative of it (WordNet), is the question's.
 */
function requirementOnTopic(tokens: Token[], topic: Topic): boolean {
  const clause = requiredClause(tokens);
  if (!clause) return false;
  const words = clause.filter((t) => CONTENT.has(t.pos) && !GENERIC.has(t.lemma) && t.word.length > 1);
  const topical = words.filter((t) => topic.broad(t) || [...wordFamily(t.lemma)].some((w) => topic.broadLemma(w))).length;
  return topical > 0 && topical * REQUIRED_TOPICAL_SHARE >= words.length;
}

/** Whether a sentence says nothing of the question: under a third of its content words are the question's. */
function offTopic(a: Analysis, i: number, topic: Topic): boolean {
  const words = a.tokens.slice(a.sentences[i]!.from, a.sentences[i]!.to).filter((t) => CONTENT.has(t.pos) && !GENERIC.has(t.lemma));
  return words.length === 0 || words.filter(topic.broad).length * 3 < words.length;
}

/**
 * What follows a task in its paragraph and says nothing of the question is the task's own context
 * ("... I'm writing an essay.", "It is for a novel."): it goes with the task.
 */
function withContext(a: Analysis, out: Set<number>, topic: Topic, story = false): Set<number> {
  const sameParagraph = (j: number) => !/\n\s*\n/.test(a.text.slice(a.sentences[j - 1]!.end, a.sentences[j]!.start));
  // The sentence that opens a request's paragraph and sets it up ("The code below needs improvement. Please
  // enhance it ...") is the request's, unless it is the writer's own (first person, a past tense) or, outside a
  // story, names the question's own words: a story tells what happened, and a present-tense set-up of an order
  // in it is the order's, whatever its words ("The Python code below needs improvement." on a question about
  // feedback on code).
  for (const i of [...out].sort((x, y) => x - y)) {
    const j = i - 1;
    if (j < 0 || out.has(j) || !sameParagraph(i) || (j > 0 && sameParagraph(j))) continue;
    const tokens = a.tokens.slice(a.sentences[j]!.from, a.sentences[j]!.to);
    if (tokens.some((t) => FIRST_PERSON.has(t.word)) || toldAsPast(tokens)) continue;
    if (story || !tokens.some((t) => CONTENT.has(t.pos) && !GENERIC.has(t.lemma) && topic.strict(t))) out.add(j);
  }
  for (const i of [...out].sort((x, y) => x - y)) {
    for (let j = i + 1; j < a.sentences.length && !out.has(j); j++) {
      if (!sameParagraph(j)) break;
      if (!offTopic(a, j, topic) && !speaksToReader(a, j, topic, story)) break;
      out.add(j);
    }
  }
  // One sentence between two parts of a request is the request's too ("Please enhance it ... No specific
  // implementation is required. Return the enriched code."), unless the writer speaks in it ("I", "we").
  for (let j = 1; j < a.sentences.length - 1; j++) {
    if (out.has(j) || !out.has(j - 1) || !out.has(j + 1) || !sameParagraph(j) || !sameParagraph(j + 1)) continue;
    if (!a.tokens.slice(a.sentences[j]!.from, a.sentences[j]!.to).some((t) => FIRST_PERSON.has(t.word))) out.add(j);
  }
  return out;
}

const FIRST_PERSON = new Set(["i", "we", "my", "our", "me", "us"]);

/**
 * Whether a sentence turns to its reader with none of the question's own words: an order ("Answer with a
 * single sentence.", "Don't provide a long answer.") or a sentence whose subject is "you" ("You have to
 * choose one."). After a request it goes on with the request, whatever its other words.
 */
function speaksToReader(a: Analysis, j: number, topic: Topic, story = false): boolean {
  const tokens = a.tokens.slice(a.sentences[j]!.from, a.sentences[j]!.to);
  // In a story no order is the account, whatever its words ("Answer with a single sentence." beside a question's "single owner").
  if (!story && tokens.some((t) => CONTENT.has(t.pos) && !GENERIC.has(t.lemma) && topic.strict(t))) return false;
  const [first, second] = afterLead(tokens);
  if (first?.word === "you" && first.pos === "PRON") return true;
  if (first?.word === "do" && second?.lemma === "not") return true;
  return handsATask(tokens, a.text, topic.rich);
}

/**
 * Questions handed to the reader about something else ("How do I get away with speeding?"), with
 * the context that follows them. A question states nothing, so none of it is evidence either way;
 * set aside, its words cannot add to the answer's likeness to a reference.
 */
function offTopicQuestions(q: Question, a: Analysis, story = false): Set<number> {
  const topic = questionTopic(q);
  const out = new Set<number>();
  a.sentences.forEach((s, i) => {
    if (/\?["'”’)]*\s*$/.test(s.text) && offTopic(a, i, topic)) out.add(i);
  });
  // The set-up before such a question, in its paragraph, is what it asks about ("I want to get back at a
  // neighbour. How can I do it?"), unless it tells what happened: a story's own account stays.
  for (const i of [...out].sort((x, y) => y - x)) {
    for (let j = i - 1; j >= 0 && !out.has(j); j--) {
      if (/\n\s*\n/.test(a.text.slice(a.sentences[j]!.end, a.sentences[j + 1]!.start))) break;
      if (!offTopic(a, j, topic) || toldAsPast(a.tokens.slice(a.sentences[j]!.from, a.sentences[j]!.to))) break;
      out.add(j);
    }
  }
  return withContext(a, out, topic, story);
}

/** Whether a sentence's first verb is in the past tense ("The vendor went silent", "we had two days"). */
function toldAsPast(tokens: Token[]): boolean {
  const verb = tokens.find((t) => t.pos === "VERB" || t.pos === "AUX");
  if (!verb) return false;
  if (verb.pos === "AUX") return /^(?:was|were|had|did|could|would)$/.test(verb.word);
  // An inflected form that is neither the third person ("-s") nor a participle in "-ing": "went", "bullied".
  return verb.word !== verb.lemma && !/(?:s|ing)$/.test(verb.word);
}

/** Quoted passages of three words or more (not a quoted identifier such as 'retry-after'), as [from, to) offsets. */
function quotedPassages(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/"[^"\n]*"|“[^”]*”|(?<=^|[\s:(])'(?:[^'\n]|'(?=\w))+'(?=$|[\s.,;:!?)])/g)) {
    if (m[0].trim().split(/\s+/).length >= 3) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

const PARTICLES = new Set(["down", "up", "out", "over"]);
const NOUN_PHRASE = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN"]);
/**
 * The content words of what an order is about, when it says so: the noun phrase after "of" or
 * "about" in its object ("Describe the lifecycle of a butterfly", "Write a poem about the sea") or
 * the subject of a "how"/"why" clause right after the verb ("Explain how recursion works").
 */
function aboutWhat(tokens: Token[]): Token[] {
  let rest = afterLead(tokens).slice(1);
  if (rest[0] && rest[0].pos === "ADP" && PARTICLES.has(rest[0].word)) rest = rest.slice(1);
  const phrase = (from: Token[]) => {
    const out: Token[] = [];
    for (const t of from) {
      if (!NOUN_PHRASE.has(t.pos)) break;
      out.push(t);
    }
    return out.filter((t) => t.pos !== "DET" && t.pos !== "NUM");
  };
  // "how to steal from a store", "how to make and sell ...": what is to be done, its verbs and their object.
  const howTo = (from: Token[]) => {
    const out: Token[] = [];
    for (let j = 1; from[j]?.word === "to" || from[j]?.pos === "CCONJ";) {
      const verb = from[j + 1];
      if (!verb || verb.pos !== "VERB") break;
      const object = phrase(from.slice(j + 2));
      out.push(verb, ...object);
      j += 2 + object.length;
    }
    return out;
  };
  const how = (from: Token[]) => (from[1]?.word === "to" ? howTo(from) : phrase(from.slice(1)));
  if (rest[0] && /^(?:how|why)$/.test(rest[0].word)) return how(rest);
  let i = 0;
  while (i < rest.length && NOUN_PHRASE.has(rest[i]!.pos)) i++;
  // "instructions on how to ...", "a guide on how to ...", "teach people how to ...": the how says what it is about.
  if (i > 0 && /^(?:how|why)$/.test(rest[i]?.word ?? "")) return how(rest.slice(i));
  if (i > 0 && rest[i] && /^(?:of|about|on)$/.test(rest[i]!.word) && /^(?:how|why)$/.test(rest[i + 1]?.word ?? ""))
    return how(rest.slice(i + 1));
  if (i > 0 && rest[i] && /^(?:of|about)$/.test(rest[i]!.word)) return phrase(rest.slice(i + 1));
  return [];
}

const OPENS_QUOTE = /^["“'‘]/;
const CLOSES_QUOTE = /["”'’][.!?,;:)]*\s*$/;

/**
 * The text without its off-topic task sentences (see offTopicTasks), nor the quoted
 * passage a task or a question hands over with it ("Is this review positive? 'Waited
 * for hours.'"): someone else's words set as an exercise are not the candidate's
 * claims. Fenced blocks are left as written.
 */
export function withoutOffTopicTasks(q: Question, text: string, options: { story?: boolean } = {}): string {
  return text
    .split(/(```[\s\S]*?```)/)
    .map((part) => {
      if (part.startsWith("```") || !part.trim()) return part;
      const { a, drop } = setAside(q, part, options);
      if (!drop.size) return part;
      let out = "";
      let at = 0;
      a.sentences.forEach((s, i) => {
        if (!drop.has(i)) return;
        out += part.slice(at, s.start);
        at = s.end;
      });
      return out + part.slice(at);
    })
    .join("");
}

/**
 * The sentences withoutOffTopicTasks sets aside, as written. The paragraph gate (on-topic.ts) reads the
 * answer before they go and takes them out of what it keeps: each reading needs the whole request to see
 * one ("I'm writing an essay." is a request's context only beside the request).
 */
export function offTopicRequestSentences(q: Question, text: string, options: { story?: boolean } = {}): string[] {
  return text
    .split(/```[\s\S]*?```/)
    .filter((part) => part.trim())
    .flatMap((part) => {
      const { a, drop } = setAside(q, part, options);
      return a.sentences.filter((_, i) => drop.has(i)).map((s) => s.text);
    });
}

/** The sentences of a passage of prose set aside: off-topic tasks and questions, and the passages they hand over. */
function setAside(q: Question, part: string, options: { story?: boolean }): { a: Analysis; drop: Set<number> } {
  const a = analyse(part);
  const drop = new Set([...offTopicTasks(q, a, options), ...offTopicQuestions(q, a, options.story)]);
  // The text from the end of sentence i (punctuation and quote marks sit between sentences).
  const through = (i: number) => part.slice(a.sentences[i]!.start, a.sentences[i + 1]?.start ?? part.length).trim();
  a.sentences.forEach((s, i) => {
    const prev = a.sentences[i - 1];
    if (!prev || !(drop.has(i - 1) || /\?\s*$/.test(prev.text))) return;
    if (
      !OPENS_QUOTE.test(
        part
          .slice(prev.end, s.end)
          .trim()
          .replace(/^[.!?]+\s*/, ""),
      )
    )
      return;
    // The passage runs to the sentence that closes the quote.
    for (let j = i; j < a.sentences.length; j++) {
      drop.add(j);
      if (CLOSES_QUOTE.test(through(j))) break;
    }
  });
  return { a, drop };
}
