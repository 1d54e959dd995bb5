import { hypothetical, past, type Analysis } from "../language/index.js";
import { disownedAct } from "../disowned-act.js";

/** A STAR part found by the grammar of a sentence rather than by a cue phrase. */
export type StoryPart = "situation" | "task" | "action" | "result" | "reflection";

/** Verbs that hand the candidate their part: "the head of support asked me to", "my manager gave me two weeks". */
const HANDS = new Set(["ask", "assign", "give", "task", "tell", "hand", "put", "hire", "bring", "pick", "choose", "want", "need", "leave"]);
/** Nouns that name a share of the work: "my part", "I took the function-calling side", "I did the retrieval bit". */
const SHARE = new Set([
  "part",
  "role",
  "job",
  "task",
  "side",
  "piece",
  "bit",
  "area",
  "responsibility",
  "remit",
  "brief",
  "mandate",
  "share",
]);
/** Words after "I was" that say the candidate's standing, not a feeling: "I was the only engineer", "I was responsible". */
const STANDING = new Set([
  "the",
  "a",
  "an",
  "one",
  "responsible",
  "in",
  "on",
  "assigned",
  "tasked",
  "asked",
  "hired",
  "brought",
  "given",
  "put",
  "alone",
]);
/** Verbs of opinion: "I think it would have been useless" is a view, not a practice. */
const OPINION = new Set([
  "think",
  "guess",
  "feel",
  "believe",
  "know",
  "mean",
  "hope",
  "want",
  "remember",
  "suppose",
  "say",
  "agree",
  "need",
]);

/**
 * The first sentence of the candidate's account that shows a STAR part by its grammar, or -1:
 * - situation: one of the first two sentences tells the past (a past verb, not a plan): the
 *   scene is set ("It was a 48-hour hackathon at uni", "Second month of my internship ... a
 *   pilot customer was starting on a Monday");
 * - task: the candidate's own share: someone handed it to them ("X asked me to", "gave me"),
 *   "I was the / responsible / assigned", "my part", or "I took/did/owned the ... side";
 * - action: "I" then a past verb ("I disabled", "I then re-ran"): what they personally did;
 * - reflection: after a story told in the past, what they do now ("Now I start with", "I
 *   always ship behind a flag": a present verb of their own) or would do over ("if I did it
 *   again", "I would have", "I should have").
 * Only sentences that name something of the question count (`onTopic`): an appended anecdote
 * or jailbreak has the grammar of a story too.
 * (Results keep their cue words: a figure alone cannot tell a result from an action's size.)
 */
export function partByGrammar(a: Analysis, part: StoryPart, onTopic: (sentence: number) => boolean = () => true): number {
  const pastSentences = a.sentences.filter((_, i) => tellsPast(a, i)).length;
  for (let i = 0; i < a.sentences.length; i++) {
    // Grammar alone cannot tell a story about the question from any other ("he bullied my brother").
    if (!onTopic(i)) continue;
    const s = a.sentences[i]!;
    const toks = a.tokens.slice(s.from, s.to);
    const words = toks.map((t) => t.word);
    const at = (w: string, j: number) => words[j] === w;
    switch (part) {
      case "situation":
        if (i < 2 && tellsPast(a, i)) return i;
        break;
      case "task": {
        if (toks.some((t, j) => HANDS.has(t.lemma) && t.pos === "VERB" && at("me", j + 1))) return i;
        if (words.some((w, j) => w === "i" && /^(?:was|am|'m)$/.test(words[j + 1] ?? "") && STANDING.has(words[j + 2] ?? ""))) return i;
        if (words.some((w, j) => (w === "my" && SHARE.has(toks[j + 1]?.lemma ?? "")) || w === "mine")) return i;
        const took = words.findIndex(
          (w, j) => w === "i" && ["own", "take", "do", "handle", "lead", "run", "get"].includes(toks[j + 1]?.lemma ?? ""),
        );
        if (took >= 0 && toks.slice(took + 2, took + 8).some((t) => SHARE.has(t.lemma))) return i;
        break;
      }
      case "action":
        if (!hypothetical(a, i) && toks.some((t, j) => t.word === "i" && actedAt(a, toks, s.from, j + 1))) return i;
        if (!hypothetical(a, i) && noteActs(a, s.text, s.start, toks, s.from)) return i;
        break;
      case "reflection": {
        const text = s.text.toLowerCase();
        if (/\bif i (?:did|had|were|could|was)\b|\bi(?: would|'d|’d| should) have\b/.test(text)) return i;
        if (i >= 2 && pastSentences >= 3 && toks.some((t, j) => t.word === "i" && presentPractice(toks, j + 1))) return i;
        break;
      }
      default:
        break;
    }
  }
  return -1;
}

/** A sentence that reports the past: a past verb, and no plan or condition before it. */
function tellsPast(a: Analysis, i: number): boolean {
  const s = a.sentences[i]!;
  return !hypothetical(a, i) && a.tokens.slice(s.from, s.to).some(past);
}

/** The verb after "I" (an adverb such as "then" or "quickly" may come between) is in the past. */
function firstVerbPast(toks: Analysis["tokens"], from: number): boolean {
  const j = toks[from]?.pos === "ADV" ? from + 1 : from;
  const t = toks[j];
  return !!t && t.pos === "VERB" && past(t);
}

/**
 * "I" then a past verb that is an act of the candidate's: not a lesson, a feeling or watching ("I learned that
 * ...", "I watched the channel", "I wished ..."), and not framed as what did not happen ("Had I compared the
 * traces", "I was going to roll back"; disowned-act.ts).
 */
function actedAt(a: Analysis, toks: Analysis["tokens"], sentenceFrom: number, from: number): boolean {
  if (!firstVerbPast(toks, from)) return false;
  // "I never sent the update" is no act.
  if (/^(?:never|not)$/.test(toks[from]?.word ?? "")) return false;
  const j = toks[from]?.pos === "ADV" ? from + 1 : from;
  return !NOT_AN_ACT.has(toks[j]!.lemma) && !disownedAct(a, sentenceFrom + j);
}
/** A note's act is a verb with what it acted on: "rolled the index back", not "rolled back," in a list of names. */
const MIN_ACT_WORDS = 3;
/** A label that heads the acts of a story told as notes ("A:", "Action:", "What I did:"). */
const ACTION_LABEL = /^\s*(?:[-*•]\s*)?(?:a|acts?|actions?|what i did|did|steps)\s*:\s*/i;
/** Words that open a verb's object or complement: "rolled the index back", "paged our lead", "cut 40%", "rolled back". */
const OBJECT_OPENERS = new Set(["DET", "PRON", "NUM", "ADP", "PART", "ADV"]);

/**
 * A story told as notes drops its "I": "A: compared traces vs last week; rolled the index back (15 min), paged the
 * owner." A fragment that opens with a past verb the candidate acted with, followed by what it acted on, is the
 * candidate's act, as "I rolled the index back" is. After an action label or a semicolon any past verb opens an act;
 * elsewhere (a sentence's start, another label) the verb's object must open with an article, a pronoun, a figure or a
 * particle ("Rolled the index back", "Paged our lead"), since a participle there is often an adjective ("Automated
 * metrics are never perfect"). Not a lesson or watching (NOT_AN_ACT), not someone else's act (disowned-act.ts), and
 * not a list of bare names ("Action: rolled back, feature flag, logs"): the verb's fragment runs on to at least
 * MIN_ACT_WORDS words.
 */
function noteActs(a: Analysis, text: string, start: number, toks: Analysis["tokens"], sentenceFrom: number): boolean {
  const action = ACTION_LABEL.exec(text);
  const label = action ? action[0].length : /^\s*(?:[-*•]\s*)?(?:[A-Za-z][A-Za-z ]{0,15}:\s*)?/.exec(text)![0].length;
  const opens = [
    { at: start + label, lenient: action !== null },
    ...[...text.matchAll(/;\s*/g)].map((m) => ({ at: start + m.index + m[0].length, lenient: true })),
  ];
  return opens.some(({ at, lenient }) => {
    const j = toks.findIndex((t) => t.at >= at);
    const t = toks[j];
    if (!t || t.at !== at || t.pos !== "VERB" || !past(t) || t.word === t.lemma || NOT_AN_ACT.has(t.lemma)) return false;
    // The tokens carry no punctuation: the fragment's own text must run on without a comma or a stop.
    const run = toks.slice(j, j + MIN_ACT_WORDS);
    if (run.length < MIN_ACT_WORDS || /[,;.:!?]/.test(text.slice(t.at - start, run[run.length - 1]!.at - start))) return false;
    return (lenient || OBJECT_OPENERS.has(toks[j + 1]!.pos)) && !disownedAct(a, sentenceFrom + j);
  });
}

/** Past verbs after "I" that tell no act: a lesson, a feeling, a wish or plan, watching. */
const NOT_AN_ACT = new Set([
  "learn",
  "learnt",
  "realise",
  "realize",
  "feel",
  "think",
  "wish",
  "want",
  "hope",
  "plan",
  "intend",
  "mean",
  "watch",
  "see",
  "hear",
  "know",
]);

/** "I now build", "I always ship", "I start with": a present verb of the candidate's own, not an opinion. */
function presentPractice(toks: Analysis["tokens"], from: number): boolean {
  let j = from;
  while (toks[j]?.pos === "ADV") j++;
  const t = toks[j];
  return !!t && t.pos === "VERB" && t.word === t.lemma && !OPINION.has(t.lemma) && toks.slice(from, j).length <= 2;
}
