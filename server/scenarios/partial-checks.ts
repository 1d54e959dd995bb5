import { crossCheckPack, type CrossProblem } from "./cross-checks.js";
import { QuestionSchema, RoundSchema, type Pack } from "./schema.js";

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The cross-checks (references, uniqueness, exemplar criteria…) run on the parts
 * of a pack that did pass the schema, so an author sees every problem at once
 * instead of a second round of problems after fixing the first. Round checks
 * that depend on a question the schema rejected are left out (the question is
 * not missing, only broken).
 */
export function partialCrossChecks(value: unknown): CrossProblem[] {
  const raw = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const questions = list(raw.questions).map((q, i) => ({ i, parsed: QuestionSchema.safeParse(q) }));
  const rounds = list(raw.rounds).map((r, i) => ({ i, parsed: RoundSchema.safeParse(r) }));
  const okQuestions = questions.filter((q) => q.parsed.success);
  const okRounds = rounds.filter((r) => r.parsed.success);
  if (okQuestions.length === 0) return [];
  const pack: Pack = {
    id: "partial",
    version: 1,
    title: "partial",
    description: "partial",
    rounds: okRounds.map((r) => r.parsed.data!),
    questions: okQuestions.map((q) => q.parsed.data!),
    report: { showExemplars: false },
  };
  const allQuestionsParsed = okQuestions.length === questions.length;
  return crossCheckPack(pack)
    .filter((p) => p.path[0] !== "rounds" || allQuestionsParsed)
    .map((p) => {
      const [head, index, ...rest] = p.path;
      const original =
        head === "questions" ? okQuestions[index as number]?.i : head === "rounds" ? okRounds[index as number]?.i : undefined;
      return original === undefined ? p : { ...p, path: [head!, original, ...rest] };
    });
}
