import type { Criterion, Question } from "../scenarios/index.js";
import { analyse, isNegator, type Analysis } from "./language/index.js";
import { CLAUSE_PUNCT_OR_COMMA, gapBefore } from "./language/clause.js";
import { disownedAct } from "./disowned-act.js";
import {
  BLAME_MOVERS,
  BYPASS_VERBS,
  DISREGARD_VERBS,
  HEEDED_WORDS,
  HIDE_VERBS,
  HOLD_BACK,
  INQUIRY_VERBS,
  LESSON,
  OWN_SENSE,
  PROCESS_WORDS,
  RELEASE_VERBS,
  SAY_VERBS,
  SELF_CRITICAL,
  SELF_CRITICAL_DENIED,
  TELL_VERBS,
  WORTHLESS,
} from "./language/conduct-words.js";

/**
 * Conduct a behavioural story's teller stands by (issue #11 points 2 and 5). A fluent story has the situation /
 * action / result / reflection shape and the domain's words, so a term reader credits "I told the PM it was QA's
 * fault, pushed the change to prod myself on Friday without review, and the incident proved my point; I learned to
 * move fast" on ownership and reflection. What the criterion asks is a behaviour, and the teller's own acts here
 * show its opposite. Read from the teller's "I" clauses, a verb of one class with an object of another
 * (language/conduct-words.ts): blamed others or told someone another party was at fault; put a change out without
 * its checks or skipped them; set aside evidence or people's views; did not tell or ask; hid it. And a lesson that
 * casts a check as the obstacle ("process slows you down", "reviews are a formality", "trust my gut over the eval").
 *
 * Not conduct of the teller's: someone else's act ("another engineer blamed the lead"), an act the teller reports
 * someone saying they did ("my lead told me I merged before approval": feedback, the story's subject), a negated or
 * unreal act ("I didn't blame anyone", "I should have paged"), and any act of a story that holds its teller to
 * account at or after it ("That was my fault", "I was wrong", "I apologised"): an owned mistake is the reflection a
 * rubric asks for.
 */
export const CONDUCT_CAP = 1;

export type ConductAct = { kind: string; quote: string; sentence: number; lesson: boolean };

/** The acts of poor conduct a behavioural answer's teller stands by, read once per answer text. */
export function poorConduct(question: Question, prose: string): ConductAct[] {
  if (question.kind !== "behavioural" || !prose.trim()) return [];
  const a = analyse(prose);
  let found = readings.get(a);
  if (!found) readings.set(a, (found = read(a)));
  return found;
}
const readings = new WeakMap<Analysis, ConductAct[]>();

/** The acts that cap a criterion: any act on a criterion of the story's actions or reflection; a lesson on reflection. */
export function conductFor(criterion: Criterion, acts: ConductAct[]): ConductAct[] {
  const checks = criterion.evidence.checks ?? [];
  const action = checks.includes("action");
  const reflection = checks.includes("reflection");
  return acts.filter((act) => (act.lesson ? reflection : action || reflection));
}

function read(a: Analysis): ConductAct[] {
  // The last sentence that holds the teller to account: acts up to it are owned.
  let owning = -1;
  a.sentences.forEach((s, i) => {
    if (SELF_CRITICAL.test(s.text) && !SELF_CRITICAL_DENIED.test(s.text)) owning = i;
  });
  const out: ConductAct[] = [];
  for (let i = 0; i < a.sentences.length; i++) {
    const s = a.sentences[i]!;
    const lessonAt = lessonStart(a, i);
    const quote = s.text.trim().slice(0, 160);
    for (let j = s.from; j < s.to; j++) {
      const lesson = lessonAt >= 0 && j >= lessonAt;
      const kind = (lesson ? lessonConduct(a, j) : null) ?? act(a, j);
      if (!kind) continue;
      if (!lesson && i <= owning) continue;
      out.push({ kind, quote, sentence: i, lesson });
      break;
    }
  }
  return out;
}

/** The first token of a sentence's lesson ("I learned that ...", "the lesson is ..."), or -1. */
function lessonStart(a: Analysis, i: number): number {
  const s = a.sentences[i]!;
  for (let j = s.from; j < s.to; j++) if (LESSON.test(a.tokens[j]!.word)) return j + 1;
  return -1;
}

/** What poor conduct the token's act is, if the teller did it. */
function act(a: Analysis, j: number): string | null {
  const t = a.tokens[j]!;
  const kind = actKind(a, j);
  if (!kind) return null;
  const negatedKind = kind === NOT_TOLD || kind === NOT_ASKED || kind === "changed nothing";
  const subject = tellerSubject(a, j);
  if (subject < 0 || reportedByOther(a, subject)) return null;
  if (negatedKind) return kind;
  if (negatedBetween(a, subject, j) || disownedAct(a, j)) return null;
  return t ? kind : null;
}

const NOT_TOLD = "did not tell the people affected";
const NOT_ASKED = "did not look at the evidence or ask";

function actKind(a: Analysis, j: number): string | null {
  const t = a.tokens[j]!;
  const next = (k: number) => a.tokens[j + k];
  const within = (n: number, test: (w: string, k: number) => boolean) => {
    for (let k = 1; k <= n; k++) {
      const u = next(k);
      if (!u || u.sentence !== t.sentence || CLAUSE_PUNCT_OR_COMMA.test(gapBefore(a, j + k))) return false;
      if (test(u.word, j + k)) return true;
    }
    return false;
  };
  if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "ADJ") {
    if (t.lemma === "blame" && !within(2, (w) => w === "myself" || w === "me")) return "blamed others";
    if (BLAME_MOVERS.has(t.lemma) && within(3, (w) => w === "blame")) return "blamed others";
    if (BYPASS_VERBS.has(t.lemma) && within(5, (w) => PROCESS_WORDS.has(w))) return "bypassed the team's checks";
    // "dismissed the alert as a false positive after checking the traces" rests on evidence.
    if (
      DISREGARD_VERBS.has(t.lemma) &&
      within(4, (w) => HEEDED_WORDS.has(w)) &&
      !within(10, (w, k) => w === "after" && INQUIRY_VERBS.has(a.tokens[k + 1]?.lemma ?? ""))
    )
      return "set aside the evidence or other people's views";
    // "hid the mistake", not "hid the feature behind a flag".
    if (HIDE_VERBS.has(t.lemma) && within(3, (w) => HIDDEN.has(w))) return "hid the problem";
    if (t.lemma === "keep" && within(3, (w, k) => (w === "out" && a.tokens[k + 1]?.word === "of") || w === "quiet"))
      return "hid the problem";
    // "went around them", "talked over him", not "went over the numbers with her".
    if ((t.lemma === "go" || t.lemma === "talk") && within(1, (w) => w === "around" || w === "over") && within(4, (w) => PEOPLE.has(w)))
      return "went around or over other people";
    if (negatedJustBefore(a, j)) {
      // "I didn't escalate at first", "didn't tell the customer until we had confirmed it": told later, in order.
      if (TELL_VERBS.has(t.lemma) && !within(6, (w) => ORDERING.has(w))) return NOT_TOLD;
      if (t.lemma === "bother" && within(2, (_, k) => TELL_VERBS.has(a.tokens[k]!.lemma))) return NOT_TOLD;
      // "I didn't look at the dashboard first; I went straight to the traces" orders the steps, it omits none.
      // "I didn't change much" after the feedback or the failure: nothing was done with it.
      if (CHANGE_VERBS.has(t.lemma) && !within(6, (w) => ORDERING.has(w)) && !/\binstead\b/.test(a.sentences[t.sentence]!.text))
        return "changed nothing";
      if (INQUIRY_VERBS.has(t.lemma) && !within(6, (w) => ORDERING.has(w)) && !/\binstead\b/.test(a.sentences[t.sentence]!.text))
        return NOT_ASKED;
    }
    if (RELEASE_VERBS.has(t.lemma) && (t.lemma !== "roll" || next(1)?.word === "out") && uncheckedAfter(a, j))
      return "put a change out without its checks";
    if (SAY_VERBS.has(t.lemma) && !negatedJustBefore(a, j) && faultOfOthersAfter(a, j)) return "blamed others";
  }
  if (t.word === "head" && a.tokens[j - 2]?.word === "over") return "went around or over other people";
  return null;
}

/** Verbs of changing one's own way of working. */
const CHANGE_VERBS = new Set(["change", "adapt", "adjust"]);
/** Words that order steps rather than leave one out. */
const ORDERING = new Set(["first", "until", "yet", "straight"]);
/** Parties that may be held at fault. */
const PARTIES = new Set([
  "team",
  "teams",
  "qa",
  "engineers",
  "engineer",
  "people",
  "they",
  "he",
  "she",
  "designers",
  "manager",
  "lead",
  "provider",
  "vendor",
  "pm",
  "colleague",
  "colleagues",
  "ops",
  "sre",
  "security",
  "legal",
  "sales",
  "department",
  "others",
]);
/** What a teller may hide: the problem itself. */
const HIDDEN = new Set([
  "it",
  "problem",
  "issue",
  "mistake",
  "incident",
  "bug",
  "error",
  "errors",
  "results",
  "numbers",
  "failure",
  "outage",
  "regression",
]);
/** Whom a teller may go around or over. */
const PEOPLE = new Set(["them", "him", "her", "team", "people", "head", "heads", "lead", "manager", "colleague", "colleagues", "everyone"]);

/** "without (waiting for) review", "before approval", "before she could block it", within the act's sentence. */
function uncheckedAfter(a: Analysis, j: number): boolean {
  const s = a.tokens[j]!.sentence;
  for (let k = j + 1; k <= j + 10; k++) {
    const u = a.tokens[k];
    if (!u || u.sentence !== s || (k > j + 1 && /[.;:!?]/.test(gapBefore(a, k)))) return false;
    if (u.word === "and" || u.word === "but" || u.word === "so") return false;
    if (u.word !== "without" && u.word !== "before") continue;
    // "..., after my lead reviewed it": the check was made after all.
    if (checkedAfter(a, k)) return false;
    for (let m = k + 1; m <= k + 4; m++) {
      const v = a.tokens[m];
      if (!v || v.sentence !== s) break;
      if (PROCESS_WORDS.has(v.word)) return true;
      if (u.word === "without" && (TELL_VERBS.has(v.lemma) || INQUIRY_VERBS.has(v.lemma) || v.lemma === "wait") && v.word.endsWith("ing"))
        return true;
      if (u.word === "before" && v.word === "could") return true;
    }
    return false;
  }
  return false;
}

/** A check made later in the sentence: "after" with a verb or noun of checking within four words. */
function checkedAfter(a: Analysis, from: number): boolean {
  const s = a.tokens[from]!.sentence;
  for (let k = from + 1; a.tokens[k]?.sentence === s; k++) {
    if (a.tokens[k]!.word !== "after") continue;
    for (let m = k + 1; m <= k + 4 && a.tokens[m]?.sentence === s; m++)
      if (CHECKED.has(a.tokens[m]!.lemma) || PROCESS_WORDS.has(a.tokens[m]!.word)) return true;
  }
  return false;
}
const CHECKED = new Set(["review", "test", "approve", "check", "sign", "evaluate"]);

/** "I told her it was QA's fault", "I made it clear the provider was responsible": fault said of another party. */
function faultOfOthersAfter(a: Analysis, j: number): boolean {
  const s = a.tokens[j]!.sentence;
  for (let k = j + 1; k <= j + 14; k++) {
    const u = a.tokens[k];
    if (!u || u.sentence !== s || /[.;:!?]/.test(gapBefore(a, k))) return false;
    if (isNegator(u)) return false;
    // Fault is a party's ("QA's fault", "their fault"); "responsible" said of people ("the platform team were
    // responsible"), not of a thing ("their model update was responsible" tells a vendor what broke).
    const responsible =
      u.word === "responsible" && /^(?:was|were|are|is)$/.test(a.tokens[k - 1]?.word ?? "") && PARTIES.has(a.tokens[k - 2]?.word ?? "");
    if (u.word !== "fault" && !responsible) continue;
    for (let m = k - 1; m >= Math.max(j + 1, k - 4); m--) if (/^(?:my|i|our|we|me|mine)$/.test(a.tokens[m]!.word)) return false;
    return true;
  }
  return false;
}

/** A lesson that casts a check as the obstacle or trusts the teller's own sense over evidence. */
function lessonConduct(a: Analysis, j: number): string | null {
  const t = a.tokens[j]!;
  const prev = (k: number) => a.tokens[j - k]?.word ?? "";
  if (t.lemma === "trust" && /^(?:my|your|our|one's)$/.test(a.tokens[j + 1]?.word ?? "") && OWN_SENSE.has(a.tokens[j + 2]?.word ?? ""))
    return "a lesson that trusts the teller's own sense over evidence";
  if (!PROCESS_WORDS.has(t.word) && !HEEDED_WORDS_FOR_LESSON.has(t.word)) return null;
  const between = [1, 2, 3].map(prev);
  if (between.some((w) => w === "over" || w === "than" || w === "beats" || w === "beat"))
    return "a lesson that casts the team's checks as the obstacle";
  const s = a.tokens[j]!.sentence;
  for (let k = j + 1; k <= j + 6; k++) {
    const u = a.tokens[k];
    if (!u || u.sentence !== s || /[.;:!?]/.test(gapBefore(a, k))) break;
    if (WORTHLESS.has(u.word)) return "a lesson that casts the team's checks as the obstacle";
    // The check holding people back ("let process slow you down"), not a check doing its job ("a check that blocks
    // direct pushes": an honest held row of session 23 was docked for it).
    if (HOLD_BACK.has(u.lemma) && [1, 2].some((n) => HELD_BACK.has(a.tokens[k + n]?.word ?? "")))
      return "a lesson that casts the team's checks as the obstacle";
  }
  return null;
}
/** Whom a check may hold back. */
const HELD_BACK = new Set(["you", "us", "me", "people", "everyone", "engineers", "teams"]);
/** Evidence that a lesson may set below the teller's view ("trust my intuition over small eval sets"). */
const HEEDED_WORDS_FOR_LESSON: ReadonlySet<string> = new Set(["data", "evidence", "results", "numbers", "feedback", "reviews", "process"]);

/** The teller's "I" as the subject of the clause the token is in, or -1 (another subject, or none named). */
function tellerSubject(a: Analysis, j: number): number {
  const s = a.tokens[j]!.sentence;
  for (let k = j - 1; k >= 0 && k >= j - 16; k--) {
    const u = a.tokens[k]!;
    if (u.sentence !== s) return -1;
    if (u.word === "i") return k;
    if (OTHER_SUBJECTS.has(u.word)) return -1;
    // A relative "that" after a noun ("listings that had not changed") opens a clause of that noun's.
    if (u.word === "that" && /^(?:NOUN|PROPN)$/.test(a.tokens[k - 1]?.pos ?? "")) return -1;
    if (u.pos === "NOUN" || u.pos === "PROPN") {
      // A noun right before a verb (adverbs skipped) is that verb's subject: "the PM quickly approved it".
      let v = k + 1;
      while (a.tokens[v]?.pos === "ADV") v++;
      // Not across a comma: "that evening, fixed the prompt" continues the teller's clause.
      if (v < j && /^(?:VERB|AUX)$/.test(a.tokens[v]?.pos ?? "") && !/,/.test(gapBefore(a, k + 1))) return -1;
    }
  }
  return -1;
}
const OTHER_SUBJECTS = new Set(["we", "he", "she", "they", "you", "someone", "somebody", "nobody", "who", "which"]);

/** "My lead told me I merged ...", "a peer said that I dismissed ...": the teller's act as someone else reports it. */
function reportedByOther(a: Analysis, subject: number): boolean {
  const s = a.tokens[subject]!.sentence;
  for (let k = subject - 1; k >= a.sentences[s]!.from; k--) {
    if (CLAUSE_PUNCT_OR_COMMA.test(gapBefore(a, k + 1))) return false;
    const u = a.tokens[k]!;
    if (u.pos !== "VERB" || !REPORTING.has(u.lemma)) continue;
    for (let m = k - 1; m >= Math.max(a.sentences[s]!.from, k - 4); m--) {
      const w = a.tokens[m]!;
      if (w.word === "i" || w.word === "we") return false;
      if (w.pos === "NOUN" || w.pos === "PROPN" || OTHER_SUBJECTS.has(w.word)) return true;
    }
    return false;
  }
  return false;
}
/** Verbs that report what someone said or saw. */
const REPORTING = new Set([
  "tell",
  "say",
  "point",
  "mention",
  "complain",
  "note",
  "name",
  "accuse",
  "think",
  "feel",
  "suggest",
  "notice",
  "write",
  "claim",
  "show",
  "find",
]);

/** A negator right before the verb ("didn't tell", "never asked", "did not look"). */
function negatedJustBefore(a: Analysis, j: number): boolean {
  for (let k = j - 1; k >= j - 3 && k >= 0; k--) {
    const u = a.tokens[k]!;
    if (isNegator(u) || u.word === "not" || u.lemma === "not") return true;
    if (u.pos !== "AUX" && u.pos !== "ADV" && u.pos !== "PART") return false;
  }
  return false;
}

/** A negator between the teller's "I" and the act ("I did not blame anyone", "I never skipped the tests"). */
function negatedBetween(a: Analysis, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (isNegator(a.tokens[k]!) || a.tokens[k]!.lemma === "not") return true;
  return false;
}
