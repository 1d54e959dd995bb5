import type { AnswerBody, CriterionScore } from "../contracts/index.js";
import type { Criterion, Pack, Question } from "../scenarios/index.js";
import { answersIndex, packIndex, rubricIndex } from "./pack-index.js";
import { wordCount } from "./answer-text.js";
import { runChecks, type CheckResult, type LabEvidence } from "./checks/index.js";
import { conceptCoverage, coverageScore } from "./coverage.js";
import { withoutGivenText } from "./given-text.js";
import { codeWithoutComments } from "./code-text.js";
import { cleanAnswer, MANIPULATION, type IntegrityFlag } from "./integrity/index.js";
import { scoreTests, type TestEvidence } from "./tests-criterion.js";

/** Below this many words an answer is too thin to judge honestly. */
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
};

export type QuestionGrade = {
  scores: CriterionScore[];
  /** What the answer did to game the grader, removed before scoring. */
  flags: IntegrityFlag[];
  /** The answer as the judge may read it: given text and attacks removed, code comments kept. */
  judgeText: string;
};

/** The parts of an answer evidence may come from: prose (negation applies) and code (it does not). */
export type EvidenceText = { prose: string; code: string };

/**
 * The deterministic layer: drop what the candidate was given and anything
 * aimed at the grader, then score each criterion by the evidence concepts and
 * checks the rest shows, citing the quoted spans it rests on.
 */
export function gradeQuestion(question: Question, answers: (AnswerBody | null)[], ctx: GradeContext = {}): QuestionGrade {
  const prose = answers.map((a) => a?.text?.trim() ?? "").filter(Boolean).join("\n\n");
  const code = answers.map((a) => a?.code?.trim() ?? "").filter(Boolean).join("\n\n");
  const hasCode = code.length > 0;
  const index = ctx.pack ? packIndex(ctx.pack) : ctx.modelAnswers?.length ? answersIndex(ctx.modelAnswers) : undefined;
  const modelAnswers = index?.modelAnswers;
  const skip = new Set<number>();
  if (modelAnswers && ctx.gradingExemplar !== undefined) modelAnswers.sources.forEach((s, i) => s === ctx.gradingExemplar && skip.add(i));
  const integrity = { question, copies: { modelAnswers, rubric: rubricIndex(index, question), skip } };
  const cleanProse = cleanAnswer(withoutGivenText(prose, question), integrity);
  // Code: flags come from everything written (comments included); evidence only from the code itself.
  const givenCode = withoutGivenText(code, question);
  const codeFlags = cleanAnswer(givenCode, { ...integrity, code: true });
  const cleanCode = cleanAnswer(codeWithoutComments(givenCode), { ...integrity, code: true });
  const flags = [...cleanProse.flags, ...codeFlags.flags];
  const judgeText = [cleanProse.text.trim(), codeFlags.text.trim()].filter(Boolean).join("\n\n");
  const evidence: EvidenceText = { prose: cleanProse.text.trim(), code: cleanCode.text.trim() };
  const withTests = (scores: CriterionScore[]) => (question.coding ? [...scores, scoreTests(ctx.tests, hasCode)] : scores);

  if (!prose && !code) return { scores: withTests(question.rubric.map((c) => insufficient(c.id, "Not answered."))), flags, judgeText };
  const all = `${evidence.prose}\n\n${evidence.code}`.trim();
  if (!all) {
    return { scores: withTests(question.rubric.map((c) => insufficient(c.id, "Insufficient evidence: nothing in the answer remains once text aimed at the grader is set aside."))), flags, judgeText };
  }
  if (!evidence.code && wordCount(evidence.prose) < MIN_WORDS_TO_JUDGE) {
    const n = wordCount(evidence.prose);
    return { scores: withTests(question.rubric.map((c) => insufficient(c.id, `Insufficient evidence: the answer is too short to judge (${n} words).`))), flags, judgeText };
  }
  const scores = question.rubric.map((criterion) => scoreCriterion(criterion, question, evidence, ctx.lab));
  return { scores: withTests(flags.some((f) => MANIPULATION.includes(f.kind)) ? scores.map(penalise) : scores), flags, judgeText };
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

function scoreCriterion(criterion: Criterion, question: Question, evidence: EvidenceText, lab: LabEvidence | undefined): CriterionScore {
  const fromProse = conceptCoverage(criterion, evidence.prose, { prose: true });
  const fromCode = conceptCoverage(criterion, evidence.code, { prose: false });
  const hits = [...fromProse.hits, ...fromCode.hits.filter((h) => !fromProse.hits.some((p) => p.label === h.label))];
  const checks: CheckResult[] = runChecks(criterion, question, `${evidence.prose}\n\n${evidence.code}`, lab);
  const counted = checks.filter((c) => !c.skipped);
  const passed = counted.filter((c) => c.passed);
  const total = criterion.evidence.concepts.length + counted.length;
  const covered = hits.length + passed.length;
  const score = coverageScore({ hits: new Array(covered).fill(null), total });
  const anchor = criterion.anchors[String(score) as keyof typeof criterion.anchors];
  const labels = [...hits.map((h) => h.label), ...passed.map((c) => c.label)];
  const notes = checks.filter((c) => !c.passed).map((c) => c.note);
  const summary = covered === 0 ? "No evidence found for this criterion." : `Covered ${covered} of ${total} key points (${labels.join(", ")}).`;
  return {
    criterionId: criterion.id,
    score,
    evidence: [
      ...hits.map((h) => ({ quote: h.quote, note: h.label })),
      ...passed.map((c) => ({ quote: c.quote ?? "", note: `${c.label}: ${c.note}` })),
    ],
    feedback: `${summary}${notes.length ? ` ${notes.map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}.`).join(" ")}` : ""} Level ${score}: ${anchor}`,
    source: "evidence",
    insufficientEvidence: false,
  };
}

function insufficient(criterionId: string, feedback: string): CriterionScore {
  return { criterionId, score: 0, evidence: [], feedback, source: "evidence", insufficientEvidence: true };
}
