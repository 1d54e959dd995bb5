import { hypothetical, isKnownWord, past, type Analysis } from "./language/index.js";
import { clauseAround, isClauseWord } from "./clause-spans.js";

/**
 * Whether a key term of a story's action criterion is told as an act the candidate did not take:
 * - someone else did it: "the on-call engineer rolled back the deploy", "my manager paged the owner",
 *   "She compared the traces ..." (the subject of the term's clause, or of the clause it continues,
 *   is another person), or the candidate only watched ("I watched the SRE roll back");
 * - it never happened: nobody did it ("Nobody rolled back for two hours"), a list the candidate
 *   disowns after a colon ("I did not: roll back, page the owner, ..."; "None of these happened: ..."),
 *   a regret or counterfactual ("I wish I had rolled back", "I should have paged", "if I had written",
 *   "ideally we would have", "the right move was to"), or a plan not carried out ("I was going to roll
 *   back but", "I planned to ..., but never did").
 * What stays the candidate's: "we" and "my/our/the team" (the grader has always read "we" as the
 * candidate's team, and the exemplars do), directing someone ("I asked the on-call engineer to roll
 * back": the subject is still "I"), a negation that is not the act ("I didn't wait for approval: I rolled
 * back"), a real act after a regret ("I wish I had rolled back sooner, so at 10:05 I rolled back"), and
 * a passive with no one named ("the flag was turned off within ten minutes").
 * Only the action criterion reads this: a regret is the story's reflection, and keeps that credit.
 */
export function disownedAct(a: Analysis, index: number): boolean {
  // Asked for every occurrence of every term of the action criterion, and again for the capped check: one
  // reading per token of the answer (it depends on the analysis and the token alone).
  let known = readings.get(a);
  if (!known) readings.set(a, (known = new Map()));
  let disowned = known.get(index);
  if (disowned === undefined) known.set(index, (disowned = readDisowned(a, index)));
  return disowned;
}
const readings = new WeakMap<Analysis, Map<number, boolean>>();

function readDisowned(a: Analysis, index: number): boolean {
  if (notHappened(a, index)) return true;
  const who = actor(a, index);
  return who === "other" || who === "none" || namesTheActor(a, index) || passiveBySomeoneElse(a, index);
}

/** The people a story's clause may name as the one who acted, besides the candidate. */
const PERSON = new Set([
  "engineer",
  "engineers",
  "manager",
  "lead",
  "leader",
  "colleague",
  "colleagues",
  "coworker",
  "teammate",
  "teammates",
  "director",
  "vp",
  "cto",
  "ceo",
  "head",
  "pm",
  "owner",
  "reviewer",
  "analyst",
  "scientist",
  "intern",
  "vendor",
  "contractor",
  "commander",
  "sre",
  "boss",
  "mentor",
  "developer",
  "person",
  "people",
  "team",
  "someone",
  "somebody",
  "he",
  "she",
  "they",
  "others",
]);
const FIRST_PERSON = new Set(["i", "we"]);
const NOBODY = /^(?:nobody|noone|none)$/;
/** Verbs of watching: "I watched the on-call engineer roll back" tells someone else's act. */
const WATCH = new Set(["watch", "see", "observe", "hear"]);

type Actor = "own" | "other" | "none" | "unknown";

/**
 * Who did what a term's clause tells: the subject before the clause's first verb, or, for a clause
 * with no subject of its own ("..., found the new version and pinned the old one"), of the clause it
 * continues; a bare name set off before the verb ("My tech lead, Priya, noticed it") is that subject.
 * Unknown (and so the candidate's, leniently) when no one is named.
 */
function actor(a: Analysis, index: number): Actor {
  const sentence = a.tokens[index]!.sentence;
  let [from] = clauseAround(a, index);
  // Only what stands before the term: its own clause may run on past it.
  let to = index;
  let afterClauseWord = false;
  for (let steps = 0; steps < 8; steps++) {
    // The nearest verb with a subject of its own before the term ("As soon as I saw the tickets I rolled back":
    // "I rolled"), its subject what stands between it and the verb before it.
    const [verb, subjectFrom] = subjectVerb(a, from, to);
    if (verb >= 0) {
      const who = classify(a, subjectFrom, verb - 1);
      if (who === "own" && watched(a, verb, index)) return "other";
      if (who !== "unknown") return who;
      // A clause with a subject of its own that names no one ("the fix rolled back ..."): no actor to read.
      if (hasNominal(a, subjectFrom, verb - 1)) return "unknown";
    } else if (!afterClauseWord && steps > 0) {
      // A verbless stretch set off right before a subjectless clause is its subject ("Priya, noticed it").
      const who = classify(a, from, to);
      if (who !== "unknown") return who;
    }
    if (from === 0 || a.tokens[from - 1]!.sentence !== sentence) return "unknown";
    afterClauseWord = isClauseWord(a, from - 1);
    [from, to] = clauseAround(a, afterClauseWord && from >= 2 ? from - 2 : from - 1);
    if (a.tokens[from]!.sentence !== sentence) return "unknown";
  }
  return "unknown";
}

/**
 * The last verb of a stretch that has a subject before it (a noun or pronoun right before it, adverbs skipped), and where that subject starts (after the verb before it); or the stretch's first verb
 * when none has (a clause continuing another: "and reproduced it"), with an empty subject; or -1.
 */
function subjectVerb(a: Analysis, from: number, to: number): [number, number] {
  const verbs: number[] = [];
  for (let j = from; j <= to; j++) if (isVerb(a, j, from)) verbs.push(j);
  for (let v = verbs.length - 1; v >= 0; v--) {
    let k = verbs[v]! - 1;
    while (k >= from && a.tokens[k]!.pos === "ADV") k--;
    const before = a.tokens[k];
    // A subject is a noun or pronoun ("the deploy" after "rolled back" is an object the tagger reads as a verb),
    // and not a relative pronoun ("a script that hashed them" is told of the clause's own subject).
    if (k < from || !before || isClauseWord(a, k) || /^(?:that|which|who|whom|to)$/.test(before.word)) continue;
    if (!["NOUN", "PROPN", "PRON"].includes(before.pos) && !PERSON.has(before.word)) continue;
    const start = v > 0 ? verbs[v - 1]! + 1 : from;
    return [verbs[v]!, start];
  }
  return verbs.length ? [verbs[0]!, verbs[0]!] : [-1, from];
}

const hasNominal = (a: Analysis, from: number, to: number) =>
  a.tokens.slice(from, to + 1).some((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON");

/**
 * A term inside the subject of someone else's clause ("The on-call engineer rolled back", "My tech lead,
 * Priya, noticed it") names who acted, not whom the candidate brought in.
 */
function namesTheActor(a: Analysis, index: number): boolean {
  const sentence = a.tokens[index]!.sentence;
  const from = clauseAround(a, index)[0];
  let to = clauseAround(a, index)[1];
  // A subject set off by commas ("My tech lead, Priya, noticed it"): its verb is in a later clause.
  for (let verb = firstVerb(a, from, to); ; verb = firstVerb(a, from, to)) {
    if (verb >= 0) return verb > index && classify(a, clauseAround(a, index)[0], verb - 1) === "other";
    if (to + 1 >= a.tokens.length || a.tokens[to + 1]!.sentence !== sentence || isClauseWord(a, to + 1)) return false;
    [, to] = clauseAround(a, to + 1);
  }
}

/** "Legal and comms were updated every hour by our director": a passive whose agent is another person. */
function passiveBySomeoneElse(a: Analysis, index: number): boolean {
  const t = a.tokens[index]!;
  const s = a.sentences[t.sentence]!;
  // The part of the sentence the term is in (a new clause after ";", "but", "so" or "then" has its own agent).
  const text = a.text.slice(s.start, s.end);
  const at = t.at - s.start;
  const parts = [...text.matchAll(/[^;:]+?(?=[;:]|\b(?:but|so|then)\b|$)/g)];
  const part = parts.find((m) => m.index <= at && at < m.index + m[0].length);
  if (!part) return false;
  const m = PASSIVE_AGENT.exec(part[0]);
  return !!m && at - part.index < m.index + m[0].length && isPersonName(m[1]!);
}

const PASSIVE_AGENT =
  /\b(?:was|were|been|being|got)\s+(?:[\w-]+\s+){1,5}?by\s+(?:(?:the|my|our|a|an|another|his|her|their|one)\s+)?(?:[\w-]+\s+)?([\w-]+)/i;
const isPersonName = (w: string) => PERSON.has(w.toLowerCase()) || (/^[A-Z]/.test(w) && !isKnownWord(w.toLowerCase()));

/** The first verb of a stretch. */
function firstVerb(a: Analysis, from: number, to: number): number {
  for (let j = from; j <= to; j++) if (isVerb(a, j, from)) return j;
  return -1;
}

/** A verb, but not a person word the tagger reads as one ("tech lead"), nor a clause word opening the stretch. */
function isVerb(a: Analysis, j: number, from: number): boolean {
  const t = a.tokens[j]!;
  return ((t.pos === "VERB" || t.pos === "AUX") && !PERSON.has(t.word) && !(j === from && isClauseWord(a, j))) || misreadPast(t);
}

function classify(a: Analysis, from: number, to: number): Actor {
  let other = false;
  for (let j = from; j <= to; j++) {
    const t = a.tokens[j]!;
    const w = t.word;
    if (FIRST_PERSON.has(w)) return "own";
    // "My team" / "the team" is the candidate's, "a data scientist on the team" is not.
    if (w === "team" && !other && /^(?:my|our|the)$/.test(a.tokens[j - 1]?.word ?? "")) return "own";
    if (NOBODY.test(w) || (w === "one" && a.tokens[j - 1]?.word === "no")) return "none";
    if (PERSON.has(w) || (t.pos === "PROPN" && !isKnownWord(w))) other = true;
  }
  return other ? "other" : "unknown";
}

/** "I watched the SRE roll back": a watching verb, then a person before the term. */
function watched(a: Analysis, verb: number, index: number): boolean {
  if (!WATCH.has(a.tokens[verb]!.lemma)) return false;
  for (let j = verb + 1; j < index; j++) if (PERSON.has(a.tokens[j]!.word) || a.tokens[j]!.pos === "PROPN") return true;
  return false;
}

/**
 * Frames that say an act did not happen: a wish, a "should/would/could have", a condition on the past,
 * "ideally", "the right move was to", a plan ("was going to", "planned to", "meant to").
 */
const UNREAL =
  /\b(?:wish(?:ed)?|if only)\b|\b(?:should|would|could|might|must|ought to)(?: not| never| really| definitely)? have\b|\b(?:should|would|could)'ve\b|['’]d have\b|\bif (?:i|we) had\b|(?:^|[,;:]\s*)had (?:i|we)\b|\bideally\b|\bthe (?:right|better|correct|proper|obvious|smart|sensible) (?:move|thing|call|step|choice|decision|fix|approach)\b|\b(?:was|were) (?:going|about) to\b|\b(?:planned|meant|intended|hoped) to\b|\b(?:my|our|the) plan was to\b/gi;
/** A negated head before a colon: "I did not:", "What I didn't do:", "None of these happened:", "Things I never got to:". */
const DISOWNING_HEAD = /\b(?:not|never|none|nobody|no one)\b|n['’]t\b/i;

/** Whether the sentence frames the term as something that did not happen. */
function notHappened(a: Analysis, index: number): boolean {
  const t = a.tokens[index]!;
  // A plan ("I'd page the owner first", "Next time I will add a canary", "If it happens again, ..."): no act yet,
  // unless a real act follows ("I should have asked sooner, so this time I rewrote ...").
  if (hypothetical(a, t.sentence) && !realActBetween(a, a.sentences[t.sentence]!.start, index)) return true;
  const s = a.sentences[t.sentence]!;
  const before = a.text.slice(s.start, t.at);
  // The list after a disowning head ("I did not: roll back, ..."), unless a real act opens after the colon.
  const colon = before.indexOf(":");
  if (colon >= 0) {
    const head = before.slice(0, colon);
    if (DISOWNING_HEAD.test(head) && !/\bnot (?:only|just)\b/i.test(head) && !realActBetween(a, s.start + colon, index)) return true;
  }
  let last = -1;
  for (const m of before.matchAll(UNREAL)) last = m.index + m[0].length;
  return last >= 0 && !realActBetween(a, s.start + last, index);
}

/** Irregular past forms the tagger may read as nouns ("I rewrote the prompt", "My reviewer rewrote it"). */
const IRREGULAR_PAST = /^(?:re)?(?:wrote|ran|took|told|sent|made|built|found|led|split|gave|brought|caught|began|kept|held)$/;
const misreadPast = (t: Analysis["tokens"][number]) => t.pos !== "VERB" && t.pos !== "AUX" && IRREGULAR_PAST.test(t.word);

/** "so at 10:05 I rolled back": a first-person subject and a past verb of its own between a frame and the term. */
function realActBetween(a: Analysis, fromChar: number, index: number): boolean {
  for (let j = index; j >= 0 && a.tokens[j]!.at >= fromChar; j--) {
    if (!FIRST_PERSON.has(a.tokens[j]!.word)) continue;
    let k = j + 1;
    while (a.tokens[k]?.pos === "ADV") k++;
    const v = a.tokens[k];
    if (v && k <= index && ((v.pos === "VERB" && past(v)) || misreadPast(v))) return true;
  }
  return false;
}
