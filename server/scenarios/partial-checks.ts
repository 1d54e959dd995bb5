import { checkQuestions, checkRounds, type CrossProblem } from "./cross-checks.js";
import { readQuestionParts } from "./question-parts.js";
import { QuestionSchema, RoundSchema, type Pack } from "./schema.js";

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The questions of a pack that failed the schema which pass it, and where each stood in the pack. */
export type ReadablePart = { pack: Pack; indices: number[] };

/**
 * What of a pack that failed the schema can still be checked by running it: its questions that pass the schema, in a
 * pack of their own (no rounds), so their reference solutions are run and reported with the schema's problems in
 * one answer. Undefined when no question has a reference solution to run.
 */
export function readablePart(value: unknown): ReadablePart | undefined {
  const raw = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const parsed = list(raw.questions).map((q, i) => ({ i, parsed: QuestionSchema.safeParse(q) }));
  const ok = parsed.filter((q) => q.parsed.success && q.parsed.data.coding?.referenceSolution);
  if (ok.length === 0) return undefined;
  return {
    pack: {
      id: typeof raw.id === "string" ? raw.id : "partial",
      version: 1,
      title: "partial",
      description: "partial",
      rounds: [],
      questions: ok.map((q) => q.parsed.data!),
      report: { showExemplars: false, missingPoints: "show" },
    },
    indices: ok.map((q) => q.i),
  };
}

/**
 * The cross-checks (references, uniqueness, exemplar criteria…) on a pack that
 * failed the schema, so an author sees every problem at once instead of a
 * second round of problems after fixing the first. Each question is checked
 * on the parts of it that can be read (question-parts.ts): a question whose
 * anchors fail the schema still has its `enough` checked. Round checks run
 * only when every question passed the schema (a round's question that is
 * broken is not missing).
 */
export function partialCrossChecks(value: unknown): CrossProblem[] {
  const raw = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const rawQuestions = list(raw.questions);
  const questionProblems = checkQuestions(rawQuestions.map(readQuestionParts));
  const questions = rawQuestions.map((q) => QuestionSchema.safeParse(q));
  if (!questions.every((q) => q.success)) return questionProblems;
  const rounds = list(raw.rounds).map((r, i) => ({ i, parsed: RoundSchema.safeParse(r) }));
  const okRounds = rounds.filter((r) => r.parsed.success);
  const pack: Pack = {
    id: "partial",
    version: 1,
    title: "partial",
    description: "partial",
    rounds: okRounds.map((r) => r.parsed.data!),
    questions: questions.map((q) => q.data!),
    report: { showExemplars: false, missingPoints: "show" },
  };
  const roundProblems = checkRounds(pack).map((p) => {
    const [head, index, ...rest] = p.path;
    return { ...p, path: [head!, okRounds[index as number]!.i, ...rest] };
  });
  return [...questionProblems, ...roundProblems];
}
