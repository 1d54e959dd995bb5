import type { AnswerBody } from "../contracts/index.js";

/**
 * What the grader is handed for one submission: the written text and the code box, each only when it holds
 * something, with the code's language. The interview (a submit) and `cli grade` (an answer file, a JSONL row) build
 * the body here, so one answer is graded the same way on both paths (outside tester, session 23: the CLI and the
 * interview disagreed on a coding answer written in prose). Null when nothing was written.
 */
export function answerBody(submitted: {
  text?: string | undefined;
  code?: string | undefined;
  language?: AnswerBody["language"];
}): AnswerBody | null {
  const text = submitted.text?.trim() ? submitted.text : undefined;
  const code = submitted.code?.trim() ? submitted.code : undefined;
  if (!text && !code) return null;
  return { ...(text ? { text } : {}), ...(code ? { code } : {}), ...(submitted.language ? { language: submitted.language } : {}) };
}
