import { boundedLines } from "../files/index.js";
import { z } from "zod";
import type { TestReport } from "../contracts/index.js";
import { answerBody, GRADER_VERSION, gradeQuestion, gradingCriteria, questionScore, runOnTests } from "../grading/index.js";
import { LanguageSchema, type Language, type Pack, type Question } from "../scenarios/index.js";
import { MAX_CLI_ANSWER_CHARS } from "./context.js";

/**
 * One answer to grade: a JSON object per line of the answers file. Strict, as every socket payload is:
 * a misspelt field ("txt") would otherwise grade an empty row without a word of warning.
 */
export const AnswerRowSchema = z
  .strictObject({
    id: z.union([z.string().min(1).max(200), z.number().int()], {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? "missing: each row needs an id (a string or a whole number)"
          : "must be a string of 1-200 characters or a whole number",
    }),
    questionId: z.string().min(1).max(200),
    text: z.string().max(MAX_CLI_ANSWER_CHARS).optional(),
    code: z.string().max(MAX_CLI_ANSWER_CHARS).optional(),
    language: LanguageSchema.optional(),
  })
  .refine((r) => r.text !== undefined || r.code !== undefined, { message: "a row needs text or code", path: ["text"] });

/** Stable codes for a row that could not be graded (the message may change, the code does not). */
export type RowErrorCode = "line-too-long" | "invalid-json" | "invalid-row" | "unknown-question";
export type RowError = { line: number; id?: string | number; error: { code: RowErrorCode; message: string } };
export type RowResult = {
  id: string | number;
  questionId: string;
  /** The grader that produced the line: a team comparing runs across upgrades knows which scores moved. */
  graderVersion: string;
  /**
   * 0-100; null when no criterion was graded (another language, nothing submitted): no verdict, so a team averaging
   * the column does not count the candidate as 0.
   */
  score: number | null;
  /** False when no criterion was graded; `score` is then null. */
  graded: boolean;
  /**
   * `feedback`: why the criterion scored what it did; `evidence`: the candidate's own words each key point
   * was found in; `notGraded`: the stable reason a criterion was not graded at all.
   */
  criteria: {
    criterionId: string;
    /** 0-4; null when the criterion was not graded (`notGraded` says why). */
    score: number | null;
    insufficientEvidence: boolean;
    notGraded?: "other-language" | "unreadable" | "not-answered";
    feedback: string;
    evidence: { quote: string; note: string }[];
  }[];
  flags: { kind: string; message: string; quote: string }[];
  /** Set only under `exemplarsAsAnswers`: the row is this level's exemplar, graded as calibration grades it. */
  asExemplar?: "strong" | "adequate" | "weak";
};

/**
 * `exemplarsAsAnswers`: a row whose text or code is one of its question's exemplars, word for word, is graded
 * as that exemplar (not a copy of itself), as `calibrate` grades it; every other row as the interview does.
 * Only the batch CLI offers it, on a hiring team's request: in an interview a pasted exemplar is a copy.
 */
export type BatchOptions = { exemplarsAsAnswers?: boolean };

const MAX_LINE = 250_000;
const bounded = (s: string) => (s.length > 300 ? `${s.slice(0, 297)}...` : s);

const tooLong = (lineNo: number, length: number): RowError => ({
  line: lineNo,
  error: { code: "line-too-long", message: `line ${lineNo} has ${length} characters (at most ${MAX_LINE})` },
});

/** Runs a coding answer's final code on the question's tests, as the interview's sandbox does. */
export type RunTests = (question: Question, language: Language, code: string) => Promise<TestReport>;

/**
 * Grade one parsed line exactly as the interview grades a one-turn answer: coding answers
 * run on the question's tests when `runTests` is given (the CLI passes its sandbox).
 */
export async function gradeRow(
  pack: Pack,
  line: string,
  lineNo: number,
  runTests?: RunTests,
  options: BatchOptions = {},
): Promise<RowResult | RowError> {
  if (line.length > MAX_LINE) return tooLong(lineNo, line.length);
  let raw: unknown;
  try {
    // A UTF-8 byte order mark (spreadsheet exports write one) is not part of the row.
    raw = JSON.parse(line.replace(/^\uFEFF/, ""));
  } catch (err) {
    return { line: lineNo, error: { code: "invalid-json", message: bounded(`line ${lineNo} is not JSON: ${(err as Error).message}`) } };
  }
  const parsed = AnswerRowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const id =
      typeof raw === "object" && raw && "id" in raw && (typeof raw.id === "string" || typeof raw.id === "number") ? { id: raw.id } : {};
    return {
      line: lineNo,
      ...id,
      error: { code: "invalid-row", message: bounded(`line ${lineNo}: ${issue.path.join(".") || "row"}: ${issue.message}`) },
    };
  }
  const row = parsed.data;
  const question: Question | undefined = pack.questions.find((q) => q.id === row.questionId);
  if (!question)
    return {
      line: lineNo,
      id: row.id,
      error: { code: "unknown-question", message: bounded(`line ${lineNo}: no question "${row.questionId}" in pack "${pack.id}"`) },
    };
  // Built as the interview builds a submit's body (grading/answer-body.ts): one answer, one grade on both paths.
  const body = answerBody({ text: row.text, code: row.code, ...(row.code !== undefined ? { language: row.language ?? "python" } : {}) });
  const tests = await runOnTests(
    question,
    row.code ?? "",
    row.language,
    runTests && ((language) => runTests(question, language, row.code!)),
    "the batch grader was started without a code sandbox",
  );
  const submitted = (row.text ?? row.code ?? "").trim();
  const exemplar = options.exemplarsAsAnswers ? question.exemplars.find((e) => e.answer.trim() === submitted) : undefined;
  const { scores, flags } = gradeQuestion(question, [body], { pack, tests, gradingExemplar: exemplar?.answer });
  const graded = scores.some((s) => !s.notGraded);
  return {
    id: row.id,
    questionId: question.id,
    graderVersion: GRADER_VERSION,
    score: graded ? questionScore(gradingCriteria(question), scores) : null,
    graded,
    criteria: scores.map((s) => ({
      criterionId: s.criterionId,
      score: s.notGraded ? null : s.score,
      insufficientEvidence: s.insufficientEvidence,
      ...(s.notGraded ? { notGraded: s.notGraded } : {}),
      // In full, as the interview's report shows it: a cut explanation loses the level anchor and the
      // clause that says why the level differs from the key points covered. It is the grader's own text,
      // bounded by the pack; only what quotes the candidate is bounded here.
      feedback: s.feedback,
      evidence: s.evidence.map((e) => ({ quote: bounded(e.quote), note: e.note })),
    })),
    flags: flags.map((f) => ({ kind: f.kind, message: f.message, quote: f.quote })),
    ...(exemplar ? { asExemplar: exemplar.level } : {}),
  };
}

/** Stream a JSONL file through the grader: one output line per input line (blank lines skipped). */
export async function gradeFile(
  pack: Pack,
  path: string,
  write: (line: string) => void,
  runTests?: RunTests,
  options: BatchOptions = {},
): Promise<{ graded: number; errors: number; duplicateIds: (string | number)[] }> {
  let graded = 0;
  let errors = 0;
  const seen = new Set<string | number>();
  const duplicateIds = new Set<string | number>();
  // Each line is held to MAX_LINE as it is read: a longer one is reported by its length, never kept whole.
  for await (const read of boundedLines(path, MAX_LINE)) {
    const lineNo = read.lineNo;
    if ("text" in read && !read.text.trim()) continue;
    const result = "tooLong" in read ? tooLong(lineNo, read.tooLong) : await gradeRow(pack, read.text, lineNo, runTests, options);
    if ("error" in result) errors++;
    else {
      graded++;
      if (seen.has(result.id)) duplicateIds.add(result.id);
      seen.add(result.id);
    }
    write(JSON.stringify(result));
  }
  return { graded, errors, duplicateIds: [...duplicateIds] };
}
