import type { AnswerBody } from "../contracts/index.js";
import { looksLikeCode, readsAsSentences } from "./code-shape.js";
import { isSkipAnswer } from "./skip-answer.js";
import { writtenAsSentences } from "./box-sentences.js";
import { otherLanguage } from "./language/english.js";

/** Code box text that reads as code, and is not sentences that name calls (box-sentences.ts). */
const isCode = (text: string, language: AnswerBody["language"]) => looksLikeCode(text, language) && !writtenAsSentences(text);

/** What a candidate wrote for one question, split the way every reader of it (grade, unmet, follow-up) splits it. */
export type AnswerParts = {
  /** Prose across all turns, plus "code" that reads as sentences rather than code. */
  prose: string;
  /** Code that reads as code (empty otherwise). */
  code: string;
  /** Everything submitted in the code box, as written. */
  submittedCode: string;
  codeLanguage: AnswerBody["language"];
  /** The code box held a bare list of words: neither code nor sentences. */
  listInCodeBox: boolean;
  /** Turns written in another language beside turns in English: not read (the grader reads English). */
  otherLanguageTurns: number;
};

/**
 * Split an answer into prose and code. Text in the code box that does not read
 * as code (shuffled words, a paragraph) is prose and is read by the prose
 * rules; a bare comma list there is neither, and earns nothing.
 */
export function answerParts(given: (AnswerBody | null)[]): AnswerParts {
  const answers = given.map((a) => (isSkipAnswer(a) ? null : a));
  const submittedCode = answers
    .map((a) => a?.code?.trim() ?? "")
    .filter(Boolean)
    .join("\n\n");
  const codeLanguage = answers.find((a) => a?.code?.trim())?.language;
  const codeIsCode = !submittedCode || isCode(submittedCode, codeLanguage);
  const listInCodeBox = !codeIsCode && !readsAsSentences(submittedCode);
  const { code, notes } =
    codeIsCode || listInCodeBox ? { code: codeIsCode ? submittedCode : "", notes: "" } : mixedBox(submittedCode, codeLanguage);
  // A turn in another language beside turns in English (a follow-up answered in French) is left out, not read with
  // them: read together, its words took the English turn's credit away (an outside tester's main answer scored 14
  // alone and 0 with a French follow-up). An answer in another language throughout is still one the grader says it
  // cannot read.
  const texts = answers.map((a) => a?.text?.trim() ?? "").filter(Boolean);
  const other = texts.length > 1 ? texts.map((t) => otherLanguage(t)) : [];
  const english = other.length && other.some((o) => !o) ? texts.filter((_, i) => !other[i]) : texts;
  const prose = [...english, notes].filter(Boolean).join("\n\n");
  return { prose, code, submittedCode, codeLanguage, listInCodeBox, otherLanguageTurns: texts.length - english.length };
}

/**
 * A code box that is not code as a whole may still hold code: paragraphs of code with paragraphs
 * of sentences around them (a pasted message before or after a function). Each paragraph is then
 * read as what it is, so the code stays code (earning by what it does) and only the sentences are
 * prose; a box with no paragraph of code is prose throughout.
 */
function mixedBox(box: string, language: AnswerBody["language"]): { code: string; notes: string } {
  const paragraphs = box.split(/\n\s*\n/).filter((p) => p.trim());
  const codes = paragraphs.map((p) => isCode(p, language));
  if (!codes.some(Boolean)) return { code: "", notes: box };
  return {
    code: paragraphs.filter((_, i) => codes[i]).join("\n\n"),
    notes: paragraphs.filter((_, i) => !codes[i]).join("\n\n"),
  };
}
