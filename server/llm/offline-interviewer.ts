import { chunkWords } from "./chunk.js";
import type { Interviewer } from "./interviewer.js";
import { isNonAnswer } from "./non-answer.js";
import { stablePick as pick } from "./stable-pick.js";
import { loadTemplate, loadVariants, renderTemplate } from "./templates.js";

const MAX_QUOTE_WORDS = 10;

/** A short phrase from the candidate's own words, or null when there is nothing quotable. */
export function quotablePhrase(answer: string): string | null {
  const firstSentence =
    answer
      .trim()
      .split(/(?<=[.!?])\s+|\n/)[0]
      ?.trim() ?? "";
  const words = firstSentence.replace(/["“”]/g, "").split(/\s+/).filter(Boolean);
  if (words.length < 3) return null;
  const phrase = words
    .slice(0, MAX_QUOTE_WORDS)
    .join(" ")
    .replace(/[.,;:!?]+$/, "");
  return words.length > MAX_QUOTE_WORDS ? `${phrase}…` : phrase;
}

/**
 * The scripted interviewer: asks the pack's questions verbatim and follows up
 * with the probe it is given (the pack's, chosen for what the answer misses), quoting the candidate so it reads like a person.
 */
export function createOfflineInterviewer(): Interviewer {
  const quoted = loadVariants("offline/follow-up-quoted.txt");
  const plain = loadVariants("offline/follow-up-plain.txt");
  const nonAnswerLine = loadTemplate("offline/non-answer.txt");
  return {
    async *askQuestion({ question }) {
      yield* chunkWords(question.prompt.trim());
      return {};
    },
    async *followUp({ question, probe, answerText, turnId, nonAnswer }) {
      // Probing "deeper" into a reply that never engaged would read as a script, not an interviewer. Whether it engaged
      // is the grader's reading when the interview passes it (a short on-topic answer is probed, not told off); the
      // word check alone only where no grade was read.
      if (nonAnswer ?? isNonAnswer(answerText, question)) {
        yield* chunkWords(renderTemplate(nonAnswerLine, { probe }));
        return {};
      }
      const phrase = quotablePhrase(answerText);
      // The quote is the candidate's text inside Markdown the report and share links render: it shows as written,
      // never as a link, image or emphasis the candidate wrote into their own transcript.
      const quote = phrase ? escapeMarkdown(phrase) : null;
      const text = quote ? renderTemplate(pick(quoted, turnId), { quote, probe }) : renderTemplate(pick(plain, turnId), { probe });
      yield* chunkWords(text);
      return {};
    },
  };
}

/**
 * A phrase shown literally inside a Markdown sentence: the characters that make links, images, autolinks, HTML,
 * code and emphasis are backslash-escaped (line-start syntax such as "#" or "-" cannot occur mid-sentence).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()<>!]/g, (c) => `\\${c}`);
}
