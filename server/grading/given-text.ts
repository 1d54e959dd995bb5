import type { Question } from "../scenarios/index.js";

/** Lines shorter than this are too generic to call copied ("pass", "}", "return x"). */
const MIN_COPIED_LINE = 12;

const normalise = (line: string) => line.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Evidence must come from the candidate, not from text we gave them: drop
 * every answer line that appears verbatim in the starter code or the prompt
 * (e.g. an untouched docstring that happens to name the key ideas).
 */
export function withoutGivenText(answer: string, question: Question): string {
  const given = givenLines(question);
  if (given.size === 0) return answer;
  return answer
    .split("\n")
    .filter((line) => !given.has(normalise(line)))
    .join("\n");
}

const byQuestion = new WeakMap<Question, ReadonlySet<string>>();
/** The lines the question gives, once per question object: each part of every answer is read against them. */
function givenLines(question: Question): ReadonlySet<string> {
  let given = byQuestion.get(question);
  if (!given) {
    given = new Set(
      [question.prompt, ...Object.values(question.starterCode ?? {})]
        .flatMap((text) => text.split("\n"))
        .map(normalise)
        .filter((line) => line.length >= MIN_COPIED_LINE),
    );
    byQuestion.set(question, given);
  }
  return given;
}
