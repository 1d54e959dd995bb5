import type { AnswerFormat } from "../contracts/index.js";
import type { Language, Question, RoundKind } from "../scenarios/index.js";

/** What differs per round kind, in one place. */
type RoundKindTraits = { label: string; answerFormat: AnswerFormat };

export const ROUND_KINDS: Record<RoundKind, RoundKindTraits> = {
  coding: { label: "Coding", answerFormat: "code" },
  "system-design": { label: "LLM system design", answerFormat: "text" },
  "prompt-debugging": { label: "Prompt debugging", answerFormat: "text" },
  behavioural: { label: "Behavioural", answerFormat: "text" },
};

/** Languages a candidate may answer in: those the question has starter code for. */
export function answerLanguages(question: Question): Language[] {
  if (ROUND_KINDS[question.kind].answerFormat !== "code") return [];
  return Object.keys(question.starterCode ?? {}) as Language[];
}
