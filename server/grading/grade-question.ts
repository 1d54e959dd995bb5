import type { AnswerBody, CriterionScore } from "../contracts/index.js";
import type { Criterion, Pack, Question } from "../scenarios/index.js";
import {
  analyse,
  claimOptionsFor,
  claimSentences,
  expectsShortAnswer,
  otherLanguage,
  questionTerms,
  unreadable,
  vectorOf,
  weightedRecall,
  withoutRetracted,
} from "./language/index.js";
import { wordCount } from "./answer-text.js";
import { runChecks, type CheckResult, type LabEvidence } from "./checks/index.js";
import { canonicalQuestion } from "./canonical-question.js";
import { conceptCoverage, MAX_CONCEPTS_PER_SENTENCE } from "./coverage.js";
import { contradictions } from "./contradiction.js";
import { reversedConcepts } from "./direction.js";
import { polesOf } from "./poles.js";
import { valuesOf } from "./value-opposites.js";
import { termRoles } from "./roles.js";
import { withoutSwappedClauses } from "./role-swap.js";
import { codeLines } from "./code-shape.js";
import { identifierWords } from "./code-text.js";
import { MANIPULATION, STEERING_PENALTY, type IntegrityFlag } from "./integrity/index.js";
import { prepareAnswer, type EvidenceText } from "./prepare-answer.js";
import { evidenceFor } from "./story.js";
import { setAsideReason } from "./set-aside.js";
import { scoreTests, type TestEvidence } from "./tests-criterion.js";
import { withoutOffTopicProse } from "./language/on-topic.js";
import { spreadSentences } from "./spread-sentence.js";
import { unrelatedSentences } from "./unrelated-sentences.js";
import { criterionReferences, OWN_WORDS_LIKENESS } from "./criterion-likeness.js";
import { figureConcepts, withFigures, WRONG_PART_CAP } from "./checks/figure-concepts.js";
import { MISCONCEPTION_CAP, statedMisconceptions } from "./misconceptions.js";
import { CONDUCT_CAP, conductFor, poorConduct } from "./conduct.js";
import { answerFocus, docked, notAddressed } from "./focus.js";

const NONE: ReadonlySet<number> = new Set();

/** Below this many words an answer with no gradeable statement is "insufficient evidence", not a 0. */
export const MIN_WORDS_TO_JUDGE = 12;

export type GradeContext = {
  /** Coding: the final code's test run. */
  tests?: TestEvidence | undefined;
  /** Prompt debugging: the fixed prompt run on the lab cases. */
  lab?: LabEvidence | undefined;
  /** The pack the question belongs to: text copied from any of its model answers earns nothing. */
  pack?: Pack | undefined;
  /** Without a pack: the model answers to check copies against. */
  modelAnswers?: string[] | undefined;
  /**
   * Calibration only: the answer being graded is this model answer, so it is
   * not a copy of itself (and is not its own reference).
   */
  gradingExemplar?: string | undefined;
  /** Evaluation only: how similarity to the references is blended with concept coverage. */
  blend?: Blend | undefined;
};

export type QuestionGrade = {
  scores: CriterionScore[];
  /** What the answer did to game the grader, removed before scoring. */
  flags: IntegrityFlag[];
  /** The answer as the judge may read it: given text and attacks removed, code comments kept. */
  judgeText: string;
  /** Set when the answer is about something else (focus.ts): the interviewer says so instead of probing deeper. */
  notAddressed?: true;
};

/**
 * The deterministic layer: drop what the candidate was given and anything
 * aimed at the grader, then score each criterion by the evidence concepts and
 * checks the rest shows, citing the quoted spans it rests on.
 */
export function gradeQuestion(question: Question, answers: (AnswerBody | null)[], ctx: GradeContext = {}): QuestionGrade {
  return gradeCanonical(canonicalQuestion(question), answers, ctx);
}

function gradeCanonical(question: Question, answers: (AnswerBody | null)[], ctx: GradeContext): QuestionGrade {
  const { parts, flags, evidence, judgeText, index, restated } = prepareAnswer(question, answers, ctx);
  const hasCode = parts.submittedCode.length > 0;
  const withTests = (scores: CriterionScore[]) => (question.coding ? [...scores, scoreTests(ctx.tests, hasCode)] : scores);
  // Every criterion left ungraded for one reason: the answer's grade, with its flags, in one place.
  const ungraded = (feedback: string, notGraded?: CriterionScore["notGraded"], extra: Partial<CriterionScore> = {}): QuestionGrade => ({
    scores: withTests(question.rubric.map((c) => ({ ...insufficient(c.id, feedback, notGraded), ...extra }))),
    flags,
    judgeText,
  });

  if (!parts.prose && !parts.code && !parts.listInCodeBox) return ungraded("Not answered.", "not-answered");
  const all = `${evidence.prose}\n\n${evidence.code}`.trim();
  if (!evidence.code && otherLanguage(evidence.prose)) {
    return ungraded(
      "Not graded: the grader reads English, and this answer is written in another language. A reviewer should read it.",
      "other-language",
    );
  }
  // A cipher or an unknown language read word by word looks like a list of unknown terms: it is neither a keyword
  // list nor scrambled English, so those readings are dropped and the answer is left for a reviewer. An answer the
  // cleaner found aimed at the grader (in any language) keeps that reading instead.
  const misread = new Set<IntegrityFlag["kind"]>(["keyword-list", "scrambled-words"]);
  if (!parts.code && !evidence.code && flags.every((f) => misread.has(f.kind)) && !otherLanguage(parts.prose) && unreadable(parts.prose)) {
    return {
      ...ungraded(
        "Not graded: the grader could not read this answer (its words are neither English nor a language it recognises; it may be encoded). A reviewer should read it.",
        "unreadable",
      ),
      flags: flags.filter((f) => !misread.has(f.kind)),
    };
  }
  if (!all) {
    // Say what was set aside: a keyword list or a copied model answer is no attempt to steer the grader.
    const { codes, feedback } = setAsideReason(flags);
    return ungraded(feedback, undefined, codes.length ? { setAside: codes } : {});
  }
  // What is not about the question earns nothing, neither similarity nor concepts (language/on-topic.ts).
  const read = evidenceFor(question, index ? { ...evidence, prose: withoutOffTopicProse(question, evidence.prose, index.idf) } : evidence);
  // Similarity: how much of a reference answer's weighted content (claims only, negation marked) the answer states.
  const refs = (index?.references.get(question.id) ?? []).filter((r) => r.text !== ctx.gradingExemplar);
  const refSize = refs.length ? Math.min(...refs.map((r) => r.terms)) : 0;
  const readAll = (barred: ReadonlySet<number>) => {
    const claims = claimText(question, read.prose, barred);
    return question.rubric.map((criterion) =>
      readCriterion(criterion, question, read, ctx.lab, ctx.blend ?? DEFAULT_BLEND, refSize, claims, barred),
    );
  };
  let readings = readAll(NONE);
  // A sentence naming key points of several criteria with nothing specific about them is a summary of the rubric,
  // not evidence for each criterion it names: it earns nothing, and its words earn no similarity (spread-sentence.ts).
  const spread = spreadSentences(
    question,
    read.prose,
    readings.map((r) => r.hitSentences),
  );
  // So does a sentence that strings the question's words together with glue, or hangs them on generic filler, and
  // relates none of them the way the question's texts do (unrelated-sentences.ts).
  const barred = new Set([...spread.map((s) => s.sentence), ...unrelatedSentences(question, read.prose).map((s) => s.sentence)]);
  if (barred.size) readings = readAll(barred);
  // A sentence that turns a key point down (denies, dismisses or rejects it) says the reference's words against it:
  // they earn no similarity (denied-points.ts). A clause that pairs a contrast's terms crosswise ("A stack is FIFO")
  // earns none either (role-swap.ts).
  const denied = new Set([...readings.flatMap((r) => r.deniedSentences), ...barred]);
  // Nor does what the candidate takes back ("Cache per user. Actually no, ..."; language/retraction.ts).
  const comparedWithout = (left: ReadonlySet<number>) =>
    withoutSwappedClauses(withoutRetracted(read.prose, withoutSentences(read.prose, left)), termRoles(question));
  const compared = comparedWithout(denied);
  const answerVector =
    index && refs.length ? vectorOf(compared, index.idf, questionTerms(question), { listAnswers: expectsShortAnswer(question) }) : null;
  const similarityOf = (text: string) => {
    const vector =
      index && refs.length ? vectorOf(text, index.idf, questionTerms(question), { listAnswers: expectsShortAnswer(question) }) : null;
    return vector && read.prose ? Math.max(...refs.map((r) => weightedRecall(vector, r.vector))) : null;
  };
  const similarity = answerVector && read.prose ? Math.max(...refs.map((r) => weightedRecall(answerVector, r.vector))) : null;
  // A story's action criterion is compared without the sentences telling acts the candidate did not take (someone
  // else's rollback, a regret): they share the reference's words. The other criteria keep them (a regret is the
  // reflection's evidence).
  // Likeness to each criterion's own part of the references (criterion-likeness.ts): what a plain-words answer that
  // names no key point says on that criterion.
  const ownParts = answerVector && index ? criterionReferences(question, index.idf) : null;
  const judged = readings.map((r, i) =>
    r.score(
      r.disowned.length && similarity !== null ? similarityOf(comparedWithout(new Set([...denied, ...r.disowned]))) : similarity,
      ownParts && answerVector ? weightedRecall(answerVector, ownParts.get(question.rubric[i]!.id)!) : null,
    ),
  );
  const scores = judged.map((j) => j.score);
  // A contradicted key point is a statement to grade (a 0), not a lack of evidence.
  const saidSomething = judged.some((j) => j.contradicted.length > 0);
  // Length alone never decides: a short answer that states a key point earns it. Only a short
  // answer in which nothing at all counts is "insufficient evidence" rather than a 0.
  const n = wordCount(evidence.prose);
  if (!evidence.code && !saidSomething && n < MIN_WORDS_TO_JUDGE && scores.every((s) => s.evidence.length === 0 && s.score === 0)) {
    // Said back, the question is no evidence: name it, or a candidate reads "(3 words)" of an answer they wrote at length.
    const said = restated;
    return ungraded(
      said.sentences
        ? `Insufficient evidence: ${said.sentences} of the answer's ${said.of} sentences restate the question, which earns nothing, and the rest (${n} word${n === 1 ? "" : "s"}) states nothing this criterion can be judged on.`
        : `Insufficient evidence: the answer (${n} word${n === 1 ? "" : "s"}) states nothing this criterion can be judged on.`,
    );
  }
  // Code answering a conceptual question, whose names and comments state no key point: the grader does not
  // infer what code computes (a beam search written with `beams`, `cand`, `lp`), so it says so and asks for a
  // reviewer rather than reporting a confident "no key point stated".
  if (!question.coding && evidence.code && !saidSomething && scores.every((s) => s.evidence.length === 0 && s.score === 0)) {
    return ungraded(
      "Not graded: the answer is code whose names and comments state none of the key points, and the grader does not infer what code computes. A reviewer should read it.",
    );
  }
  // An answer about something else earns nothing, and one that buries its points in digressions is never strong (focus.ts).
  const focus = index ? answerFocus(question, evidence.prose, index.idf, scores, similarity, hasCode || !!evidence.code) : null;
  const focused =
    focus?.kind === "not-addressed"
      ? scores.map((s) => notAddressed(s, focus.feedback))
      : focus?.kind === "rambling"
        ? scores.map((s) => docked(s, focus))
        : scores;
  // Padding (a line repeated three times or more, or an answer over 3,000 words) never keeps a high score.
  const capped = flags.some((f) => f.kind === "padding") ? focused.map(capPadded) : focused;
  // A turn left unread for its language is said, so the candidate and a reviewer know it earned nothing (answer-parts.ts).
  const earned = parts.otherLanguageTurns ? capped.map((s) => ({ ...s, feedback: `${s.feedback} ${UNREAD_TURNS}` })) : capped;
  const steered = flags.some((f) => MANIPULATION.includes(f.kind));
  const about = focus?.kind === "not-addressed" ? { notAddressed: true as const } : {};
  if (!steered) return { scores: withTests(earned), flags, judgeText, ...about };
  // The report says what happened: the text was removed, and the attempt cost a level.
  const said = flags.map((f) => (MANIPULATION.includes(f.kind) ? { ...f, message: `${f.message} ${STEERING_PENALTY}` } : f));
  return { scores: withTests(earned.map(penalise)), flags: said, judgeText, ...about };
}

const UNREAD_TURNS =
  "(A turn of this answer written in another language was not read: the grader reads English. A reviewer should read it.)";

/**
 * The most a padded answer earns on a criterion: the repeats themselves were dropped, but an answer padded
 * to length or with repeated lines is not a strong answer, whatever the rest states. Level 2 (adequate):
 * the key points it states still show. An outside tester's template text padded to 20,000 characters kept
 * 86/100 with its padding flagged; no honest answer in the repo's corpora is padded.
 */
export const PADDED_CAP = 2;
function capPadded(s: CriterionScore): CriterionScore {
  if (s.score <= PADDED_CAP) return s;
  return { ...s, score: PADDED_CAP, feedback: `${s.feedback} (Capped at ${PADDED_CAP}: the answer was padded; see the flags.)` };
}

/**
 * Trying to steer the grader is itself evidence about the answer: each scored
 * criterion drops a level, and the report says why. (What the attack said was
 * already set aside, so it can never raise a score.)
 */
function penalise(s: CriterionScore): CriterionScore {
  if (s.score === 0) return s;
  return { ...s, score: s.score - 1, feedback: `${s.feedback} (−1: the answer tried to steer the grader; see the flags.)` };
}

/**
 * How much the similarity to the question's reference answers counts beside
 * concept coverage, and the share of a reference that counts as "says what
 * the reference says": `full` for a reference of up to `terms` content words,
 * shrinking with the square root of its size to `floor`. Chosen on the tuning
 * splits of the public evaluation (docs/grading.md).
 */
export const DEFAULT_BLEND: Blend = { weight: 0.5, full: 0.5, terms: 6, floor: 0.2 };
export type Blend = { weight: number; full: number; terms: number; floor: number };

/**
 * A criterion in two steps: what the answer states, contradicts and turns down (read once), then the score
 * with the similarity to the references, which leaves out the sentences any criterion's reading found
 * turning a key point down.
 */
function readCriterion(
  criterion: Criterion,
  question: Question,
  evidence: EvidenceText,
  lab: LabEvidence | undefined,
  blend: Blend,
  refSize = 0,
  claims?: string,
  barred: ReadonlySet<number> = NONE,
): {
  deniedSentences: number[];
  disowned: number[];
  hitSentences: number[];
  score: (similarity: number | null, ownWords?: number | null) => { score: CriterionScore; contradicted: string[] };
} {
  const otherTerms = otherCriteriaTerms(question, criterion);
  // Where one fact is asked, "X or Y" leaves the fork open; in a design answer it offers options (hedge.ts).
  const factual = question.rubric.length === 1 || expectsShortAnswer(question);
  const reading = {
    isTerm: questionTerms(question),
    roles: termRoles(question),
    poles: conceptual(question) ? polesOf(question, criterion) : null,
    values: conceptual(question) ? valuesOf(question, criterion) : null,
    otherTerms,
    factual,
    ...claimOptionsFor(question),
  };
  // A story's action criterion credits only what the candidate did (disowned-act.ts).
  const paraphrases = { question, acts: question.kind === "behavioural" && !!criterion.evidence.checks?.includes("action") };
  const fromProse = conceptCoverage(criterion, evidence.prose, { prose: true, ...reading, ...paraphrases, barred });
  // On a question that is no coding task, code says what it does in its names too (`kv_cache`, `beam_width`).
  const code = codeLines(evidence.code);
  const fromCode = conceptCoverage(criterion, question.coding ? code : identifierWords(code), { prose: false });
  // Two key points related the other way round from the references ("converts IP addresses into domain
  // names") state the opposite: neither earns credit (direction.ts).
  const reversed = reversedConcepts(question, evidence.prose);
  const stated = [...fromProse.hits, ...fromCode.hits.filter((h) => !fromProse.hits.some((p) => p.label === h.label))].filter(
    (h) => !reversed.has(h.label),
  );
  // A key point stated and denied of the same thing ("splits text ... It does not split text") is taken back:
  // it earns nothing, and the report says so. Key points only contradicted are listed as opposites.
  const found = contradictions(criterion, evidence.prose, fromProse.hits, { ...reading, takeBack: conceptual(question) });
  const both = found.both;
  // A computed key point is met by its figure and not by its term beside a wrong one (checks/figure-concepts.ts).
  const byFigure = figureConcepts(question, criterion, claims, evidence.prose);
  // A wrong claim the pack names for this criterion, stated as the answer's own (misconceptions.ts): the key points
  // named in its sentence are named in its service ("account-specific questions are fine to cache") and earn nothing.
  const misconceived = statedMisconceptions(criterion, question, evidence.prose, barred);
  const misSentences = new Set(misconceived.map((m) => m.sentence));
  // A story whose teller's own acts show the opposite of the behaviour asked, told without owning it (conduct.ts).
  const conduct = conductFor(criterion, poorConduct(question, evidence.prose));
  const hits = withFigures(
    stated.filter(
      (h) => !both.includes(h.label) && !(h.sentence !== undefined && fromProse.hits.includes(h) && misSentences.has(h.sentence)),
    ),
    byFigure,
  );
  const checks: CheckResult[] = runChecks(criterion, question, `${evidence.prose}\n\n${evidence.code}`, lab, claims);
  const counted = checks.filter((c) => !c.skipped);
  const passed = counted.filter((c) => c.passed);
  const total = criterion.evidence.concepts.length + counted.length;
  const covered = hits.length + passed.length;
  // A list of alternatives ("name two of") needs only `enough` of its points for full marks.
  const needed = Math.min(total, criterion.evidence.enough ?? total);
  const share = needed === 0 ? 0 : Math.min(1, covered / needed);
  const hitSentences = fromProse.hits.filter((h) => hits.includes(h) && h.sentence !== undefined).map((h) => h.sentence!);
  return {
    deniedSentences: found.denied.sentences,
    disowned: fromProse.disowned ?? [],
    hitSentences,
    score: (similarity, ownWords = null) => finish(similarity, ownWords),
  };
  function finish(similarity: number | null, ownWords: number | null): { score: CriterionScore; contradicted: string[] } {
    // Similarity counts beside the key points. It compares the whole answer with the whole reference, so it
    // cannot tell which criterion a sentence speaks to: on its own (no key point stated) it counts only for a
    // one-criterion question (a short-answer item), and then earns at most `weight` of the scale (level 2),
    // so a strong score always rests on stated key points.
    // A long reference lists more than one answer needs (alternatives, "at least 4 of"): the share that
    // counts as saying what it says shrinks with its size, to a floor.
    const full = refSize ? Math.max(blend.floor, Math.min(blend.full, blend.full * Math.sqrt(blend.terms / refSize))) : blend.full;
    // An answer that states the opposite of a key point ("a node with children" for "no children"), or takes one
    // back, shares most of its words with the right answer: its similarity earns nothing.
    // Beside stated key points, a negation of a bare-word point ("full", "not flow") is often a second case the
    // answer reasons about (it cost 0.014 r on the SAF tuning split): there only a described point's opposite counts.
    const reversedLabels = criterion.evidence.concepts.filter((c) => reversed.has(c.label)).map((c) => c.label);
    const opposite = [...reversedLabels, ...(covered === 0 ? found.opposite : found.described).filter((l) => !reversed.has(l))];
    const contradicted = [...opposite, ...both];
    // A key point offered only as one of rival alternatives ("LIFO or FIFO") is not stated, and the words it
    // shares with the reference do not state it either (hedge.ts).
    const hedgedOnly = covered === 0 ? fromProse.hedged : [];
    // A story's action criterion with no act of the candidate's stated (only the STAR check's "I" and a past verb):
    // likeness to the reference comes from the rest of the story (its situation, result and lesson), not from acts.
    const noOwnAct = paraphrases.acts && hits.length === 0;
    const close =
      similarity === null || hedgedOnly.length > 0 || noOwnAct || (covered === 0 && (contradicted.length > 0 || question.rubric.length > 1))
        ? null
        : Math.min(1, similarity / full);
    // Every key point a full answer needs is stated: full marks, however far the wording is from the reference
    // (an answer key of alternatives has one reference for several acceptable answers), so "Covered 2 of 2" never
    // reads "Level 2". Similarity otherwise moves the level both ways, and the report says so.
    const likeness = close === null || share >= 1 ? share : (1 - blend.weight) * share + blend.weight * close;
    // Beside a stated opposite, likeness to the reference may hold the level down but never lift it.
    const blended = contradicted.length || found.denied.labels.length ? Math.min(share, likeness) : likeness;
    // A check may cap the level: a stated result that is not the one the question's figures give (checks/quantitative.ts).
    const cap = Math.min(
      4,
      ...counted.map((c) => c.cap ?? 4),
      byFigure.wrong.length ? WRONG_PART_CAP : 4,
      misconceived.length ? MISCONCEPTION_CAP : 4,
      conduct.length ? CONDUCT_CAP : 4,
    );
    // No key point named, on a question of several criteria: what the answer says in its own words on this criterion
    // (its likeness to the references' sentences about it) earns the first level, never more (criterion-likeness.ts).
    const inOwnWords =
      covered === 0 &&
      question.rubric.length > 1 &&
      ownWords !== null &&
      ownWords >= OWN_WORDS_LIKENESS &&
      !contradicted.length &&
      !found.denied.labels.length &&
      !fromProse.hedged.length &&
      !noOwnAct;
    // The level before any cap: what the key points and the likeness to the reference earn together.
    const earned = inOwnWords ? 1 : covered > 0 ? Math.max(1, Math.round(4 * blended)) : Math.round(4 * blended);
    const score = Math.min(cap, earned);
    const anchor = criterion.anchors[String(score) as keyof typeof criterion.anchors];
    const labels = [...hits.map((h) => h.label), ...passed.map((c) => c.label)];
    const notes = checks.filter((c) => !c.passed).map((c) => c.note);
    // A key point named in a sentence that had already named three is not "not shown": it was not counted.
    const capped = (fromProse.capped ?? []).filter((label) => !hits.some((h) => h.label === label));
    const missing = [
      ...criterion.evidence.concepts.filter((c) => !hits.some((h) => h.label === c.label) && !capped.includes(c.label)).map((c) => c.label),
      ...counted.filter((c) => !c.passed).map((c) => c.label),
    ];
    // The explanation says exactly what the score rests on: the points shown, the points not shown, and the similarity share.
    const summary = [
      inOwnWords ? "No key point of this criterion was named in the rubric's terms." : coveredSummary(covered, needed, total, labels),
      covered > 0 && covered < needed && missing.length ? `Not shown: ${missing.join(", ")}.` : "",
      covered < needed && capped.length
        ? `Named but not counted: ${capped.join(", ")} (one sentence earns at most ${MAX_CONCEPTS_PER_SENTENCE} key points; a sentence packed with more reads as a list, so state each point in its own sentence).`
        : "",
      ...both.map((label) => `States both ${label} and its opposite.`),
      ...byFigure.wrong.map((w) => `States ${w.stated} for ${w.label}, where the question's figures give ${w.want}.`),
      opposite.length ? `States the opposite of: ${opposite.join(", ")}.` : "",
      ...misconceived.map(
        (m) => `States a known misconception (${m.label}): "${m.quote}"; this criterion is capped at level ${MISCONCEPTION_CAP}.`,
      ),
      conduct.length
        ? `The story's own acts show the opposite of what this criterion asks (${conduct[0]!.kind}): "${conduct[0]!.quote}"; this criterion is capped at level ${CONDUCT_CAP}.`
        : "",
      found.denied.labels.length ? `Named only to turn it down: ${found.denied.labels.join(", ")}.` : "",
      fromProse.hedged.length ? `Offered only as one of several alternatives, not stated: ${fromProse.hedged.join(", ")}.` : "",
      close === null ? "" : `States ${Math.round(100 * (similarity ?? 0))}% of the reference answer's content.`,
      inOwnWords
        ? `In its own words it says ${Math.round(100 * ownWords!)}% of what the reference answers say on this criterion, which earns level 1 and no more: name the key points to earn more.`
        : "",
      levelMove(covered > 0 ? Math.max(1, Math.round(4 * share)) : 0, earned, score),
    ]
      .filter(Boolean)
      .join(" ");
    const scored: CriterionScore = {
      criterionId: criterion.id,
      score,
      evidence: [
        ...hits.map((h) => ({ quote: h.quote, note: h.label })),
        ...passed.map((c) => ({ quote: c.quote ?? "", note: `${c.label}: ${c.note}` })),
      ],
      feedback: `${summary}${notes.length ? ` ${notes.map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}.`).join(" ")}` : ""} ${levelText(score, anchor, covered > 0 ? Math.max(1, Math.round(4 * share)) : 0)}`,
      source: "evidence",
      insufficientEvidence: false,
    };
    return { score: scored, contradicted };
  }
}

/** The text with the given sentences blanked with spaces, so what remains keeps its place and its sentence breaks. */
function withoutSentences(text: string, sentences: ReadonlySet<number>): string {
  if (!sentences.size) return text;
  const a = analyse(text);
  const chars = text.split("");
  for (const i of sentences) {
    const s = a.sentences[i];
    if (s) for (let k = s.start; k < s.end; k++) if (chars[k] !== "\n") chars[k] = " ";
  }
  return chars.join("");
}

/** The terms of the question's other criteria: one list per criterion (the question is canonical), so what hedge.ts learns from it is kept. */
function otherCriteriaTerms(question: Question, criterion: Criterion): readonly string[] {
  let byCriterion = otherTermsCache.get(question);
  if (!byCriterion) otherTermsCache.set(question, (byCriterion = new WeakMap()));
  let terms = byCriterion.get(criterion);
  if (!terms) {
    terms = question.rubric.filter((c) => c !== criterion).flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms));
    byCriterion.set(criterion, terms);
  }
  return terms;
}
const otherTermsCache = new WeakMap<Question, WeakMap<Criterion, readonly string[]>>();

/**
 * A question that asks what something is or does (not a story, a diagnosis with its fix, or code): only there
 * is a denial beside an affirmation of the same thing a contradiction, and a condition paired crosswise an
 * opposite. Elsewhere answers tell a before and an after ("it had no criteria ... I rewrote it with criteria").
 */
function conceptual(question: Question): boolean {
  return question.kind === "system-design" && !question.coding;
}

/**
 * Why the level differs from what the key points alone earn: the likeness to the reference moved it, or a mistake
 * the report names (a wrong result, a wrong figure, a misconception) capped it. A capped level is never put down to
 * little likeness (audit 18: "States 79% of the reference answer's content. Its little likeness ... holds this at
 * level 2", where a slip had capped it).
 */
function levelMove(fromKeyPoints: number, earned: number, score: number): string {
  const moved =
    earned > fromKeyPoints
      ? `Its likeness to the reference answer raises this to level ${earned}.`
      : earned < fromKeyPoints
        ? `Its little likeness to the reference answer holds this at level ${earned}.`
        : "";
  const capped = score < earned ? `The mistake this report names caps it at level ${score}.` : "";
  return [moved, capped].filter(Boolean).join(" ");
}

/**
 * The level and the rubric's words for it. A level the key points earned is described by its anchor ("Level 3:
 * Temperature 0 and pinned version or seed"); one that likeness to the reference lifted above them is not, since the
 * anchor would claim what the report lists as not shown (audit 18): its anchor is quoted as what the level asks for.
 */
function levelText(score: number, anchor: string, fromKeyPoints: number): string {
  if (score <= fromKeyPoints || fromKeyPoints === 0) return `Level ${score}: ${anchor}`;
  return `Level ${score}, reached by likeness rather than by the key points shown (the rubric's level ${score} asks for: ${anchor})`;
}

function coveredSummary(covered: number, needed: number, total: number, labels: string[]): string {
  if (covered === 0) return "No key point of this criterion was stated.";
  const named = labels.join(", ");
  if (needed === total) return `Covered ${covered} of ${total} key points (${named}).`;
  // Alternatives: the count that matters is the one a full answer needs, not the length of the list.
  return `Covered ${Math.min(covered, needed)} of the ${needed} key point${needed === 1 ? "" : "s"} a full answer needs, from a list of ${total} alternatives (${named}).`;
}

function insufficient(criterionId: string, feedback: string, notGraded?: CriterionScore["notGraded"]): CriterionScore {
  return {
    criterionId,
    score: 0,
    evidence: [],
    feedback,
    source: "evidence",
    insufficientEvidence: true,
    ...(notGraded ? { notGraded } : {}),
  };
}

/** The prose sentences that make a claim, the text a stated diagnosis must be found in. */
function claimText(question: Question, prose: string, barred: ReadonlySet<number> = NONE): string {
  const a = analyse(prose);
  const claims = claimSentences(a, questionTerms(question), claimOptionsFor(question));
  return a.sentences
    .filter((_, i) => claims.has(i) && !barred.has(i))
    .map((s) => s.text)
    .join("\n");
}
