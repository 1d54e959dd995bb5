import type { AnswerBody } from "../contracts/index.js";
import type { Pack, Question } from "../scenarios/index.js";
import { answerParts, type AnswerParts } from "./answer-parts.js";
import { codeComments, codeWithoutComments, codeWithoutProseStrings } from "./code-text.js";
import { withoutGivenText } from "./given-text.js";
import { withoutRestatedQuestion } from "./restated-question.js";
import { cleanAnswer, FLAG_MESSAGES, MANIPULATION, oneAnswer, type IntegrityFlag } from "./integrity/index.js";
import { answersIndex, packIndex, rubricIndex, type GradingIndex } from "./pack-index.js";

/** The parts of an answer evidence may come from: prose (negation applies) and code (it does not). */
export type EvidenceText = { prose: string; code: string };

export type PreparedAnswer = {
  parts: AnswerParts;
  /** What the answer did to game the grader, removed before anything reads it. */
  flags: IntegrityFlag[];
  /** Given text and flagged sentences removed; code comments dropped (code earns by what it does). */
  evidence: EvidenceText;
  /** The cleaned answer as a reader may see it (the judge, a follow-up that quotes it): code comments kept. */
  judgeText: string;
  index: GradingIndex | undefined;
  /** Sentences of the prose set aside as the question said back (restated-question.ts), of how many. */
  restated: { sentences: number; of: number };
};

export type PrepareContext = {
  pack?: Pack | undefined;
  modelAnswers?: string[] | undefined;
  /** Calibration only: the answer is this model answer, so it is not a copy of itself. */
  gradingExemplar?: string | undefined;
};

/**
 * Everything that reads a candidate's answer reads this: the text minus what
 * the question gave them and minus anything aimed at the grader. Grading,
 * the judge and the interviewer's follow-up all see the same cleaned text.
 *
 * On the interview's path (a pack given, nothing else) the same answers are
 * read up to three times in a row (the follow-up decision, the follow-up's
 * quote, grading), a millisecond or more each: the last reading per question
 * object is kept. Question objects are per pack version and session variant
 * (server/scenarios/variants), so the key is the pack and the answers.
 */
export function prepareAnswer(question: Question, answers: (AnswerBody | null)[], ctx: PrepareContext = {}): PreparedAnswer {
  if (!ctx.pack || ctx.modelAnswers || ctx.gradingExemplar !== undefined) return prepareNow(question, answers, ctx);
  const key = answers.map((a) => (a ? JSON.stringify(a) : "-")).join("\u0001");
  let byQuestion = lastReading.get(ctx.pack);
  const last = byQuestion?.get(question);
  if (last && last.key === key) return last.prepared;
  const prepared = prepareNow(question, answers, ctx);
  // Shared by the readers that follow: none may change it.
  Object.freeze(prepared.flags);
  if (!byQuestion) lastReading.set(ctx.pack, (byQuestion = new WeakMap()));
  byQuestion.set(question, { key, prepared });
  return prepared;
}

/**
 * The last reading per pack object and question. Keyed by the pack, weakly: a reading that held its pack (as it
 * once did, per question) kept every answer's freshly parsed pack (about 1.2 MB of JSON) alive until the next
 * answer to the same question, so the collector copied each one out of the young generation, per answer.
 */
const lastReading = new WeakMap<Pack, WeakMap<Question, { key: string; prepared: PreparedAnswer }>>();

/** One answer's readings are shared by its parts (prose, comments, code): its code is read with and without comments. */
function prepareNow(question: Question, answers: (AnswerBody | null)[], ctx: PrepareContext): PreparedAnswer {
  return oneAnswer(() => prepareOnce(question, answers, ctx));
}

function prepareOnce(question: Question, answers: (AnswerBody | null)[], ctx: PrepareContext): PreparedAnswer {
  const parts = answerParts(answers);
  const index = ctx.pack ? packIndex(ctx.pack) : ctx.modelAnswers?.length ? answersIndex(ctx.modelAnswers) : undefined;
  const modelAnswers = index?.modelAnswers;
  const skip = new Set<number>();
  if (modelAnswers && ctx.gradingExemplar !== undefined) modelAnswers.sources.forEach((s, i) => s === ctx.gradingExemplar && skip.add(i));
  const integrity = { question, copies: { modelAnswers, rubric: rubricIndex(index, question), skip }, idf: index?.idf };
  const restated = withoutRestatedQuestion(withoutGivenText(parts.prose, question), question);
  const cleanProse = cleanAnswer(restated.text, integrity);
  // Code answering a question that is no coding task explains itself in its comments: they are read as prose
  // notes (every prose rule applies, so a comment listing keywords states nothing). Attacks in them are flagged
  // with the code's own flags below; only what the prose reading sets aside besides is added here.
  const comments = question.coding || !parts.code ? "" : codeComments(withoutGivenText(parts.code, question), parts.codeLanguage);
  const cleanComments = comments ? cleanAnswer(comments, integrity) : { text: "", flags: [] };
  // Code: flags come from everything written (comments included); evidence only from the code itself.
  const givenCode = withoutGivenText(parts.code, question);
  const codeFlags = cleanAnswer(givenCode, { ...integrity, code: true });
  // A bare word list in the code box earns nothing, but what it says to the grader is still flagged.
  const listFlags = parts.listInCodeBox
    ? cleanAnswer(withoutGivenText(parts.submittedCode, question), { ...integrity, code: true }).flags
    : [];
  const bare = codeWithoutComments(givenCode, parts.codeLanguage);
  const cleanCode = cleanAnswer(question.coding ? codeWithoutProseStrings(bare) : bare, { ...integrity, code: true });
  const flags = [
    ...cleanProse.flags,
    ...cleanComments.flags.filter((f) => !MANIPULATION.includes(f.kind)),
    ...codeFlags.flags,
    ...listFlags,
    ...(parts.listInCodeBox
      ? [{ kind: "keyword-list" as const, message: FLAG_MESSAGES["keyword-list"], quote: parts.submittedCode.slice(0, 200) }]
      : []),
  ];
  return {
    parts,
    flags,
    evidence: { prose: [cleanProse.text.trim(), cleanComments.text.trim()].filter(Boolean).join("\n\n"), code: cleanCode.text.trim() },
    judgeText: [cleanProse.text.trim(), codeFlags.text.trim()].filter(Boolean).join("\n\n"),
    index,
    restated: { sentences: restated.restated, of: restated.sentences },
  };
}
