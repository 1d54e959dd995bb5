import type { AnswerBody } from "../contracts/index.js";

/** Everything a candidate wrote for one question, across follow-ups, as one text. */
export function combinedAnswer(answers: (AnswerBody | null)[]): string {
  return answers
    .flatMap((a) => (a ? [a.text ?? "", a.code ?? ""] : []))
    .map((s) => s.trim())
    .filter(Boolean)
    .join("\n\n");
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
