import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { gradeQuestion, gradingCriteria, questionScore } from "../grading/index.js";
import { LanguageSchema, type Pack, type Question } from "../scenarios/index.js";

/** One answer to grade: a JSON object per line of the answers file. */
export const AnswerRowSchema = z
  .object({
    id: z.union([z.string().min(1).max(200), z.number().int()]),
    questionId: z.string().min(1).max(200),
    text: z.string().max(100_000).optional(),
    code: z.string().max(100_000).optional(),
    language: LanguageSchema.optional(),
  })
  .refine((r) => r.text !== undefined || r.code !== undefined, { message: "a row needs text or code", path: ["text"] });

/** Stable codes for a row that could not be graded (the message may change, the code does not). */
export type RowErrorCode = "line-too-long" | "invalid-json" | "invalid-row" | "unknown-question";
export type RowError = { line: number; id?: string | number; error: { code: RowErrorCode; message: string } };
export type RowResult = {
  id: string | number;
  questionId: string;
  score: number;
  criteria: { criterionId: string; score: number; insufficientEvidence: boolean }[];
  flags: { kind: string; message: string; quote: string }[];
};

const MAX_LINE = 250_000;
const bounded = (s: string) => (s.length > 300 ? `${s.slice(0, 297)}...` : s);

/** Grade one parsed line exactly as the interview grades a one-turn answer. */
export function gradeRow(pack: Pack, line: string, lineNo: number): RowResult | RowError {
  if (line.length > MAX_LINE)
    return {
      line: lineNo,
      error: { code: "line-too-long", message: `line ${lineNo} has ${line.length} characters (at most ${MAX_LINE})` },
    };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
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
  const body = {
    ...(row.text !== undefined ? { text: row.text } : {}),
    ...(row.code !== undefined ? { code: row.code, language: row.language ?? "python" } : {}),
  };
  const { scores, flags } = gradeQuestion(question, [body], { pack });
  return {
    id: row.id,
    questionId: question.id,
    score: questionScore(gradingCriteria(question), scores),
    criteria: scores.map((s) => ({ criterionId: s.criterionId, score: s.score, insufficientEvidence: s.insufficientEvidence })),
    flags: flags.map((f) => ({ kind: f.kind, message: f.message, quote: f.quote })),
  };
}

/** Stream a JSONL file through the grader: one output line per input line (blank lines skipped). */
export async function gradeFile(pack: Pack, path: string, write: (line: string) => void): Promise<{ graded: number; errors: number }> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let lineNo = 0;
  let graded = 0;
  let errors = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const result = gradeRow(pack, line, lineNo);
    if ("error" in result) errors++;
    else graded++;
    write(JSON.stringify(result));
  }
  return { graded, errors };
}
