import { describe, expect, it } from "vitest";
import { analyse, offTopicTasks } from "../../server/grading/language/index.js";
import { keyPointQuestion } from "../helpers/one-criterion.js";

/**
 * Outside audit: on a pack with a thin vocabulary, "make sure the answers do not hallucinate facts" was set
 * aside as an off-topic request. An order whose object is a clause states a requirement on the thing being
 * built; when the clause is on the question's subject (in any form of its words), the order is on topic.
 * Questions written for this test, each with one short reference: a thin vocabulary.
 */
const HALLUCINATION = keyPointQuestion(
  "reduce-hallucination",
  "How would you reduce hallucinations in a RAG chatbot?",
  [
    { label: "grounding", terms: ["retrieved", "ground"] },
    { label: "citations", terms: ["cite", "citation"] },
  ],
  "Ground every answer in retrieved passages and require a citation for each claim.",
);
const PII = keyPointQuestion(
  "pii-in-logs",
  "How do you keep personal data out of application logs?",
  [{ label: "redaction", terms: ["redact", "mask"] }],
  "Redact emails and phone numbers before the log line is written.",
);
const setAside = (q: typeof PII, text: string) => offTopicTasks(q, analyse(text)).size > 0;

describe("a requirement on the question's own subject is on topic", () => {
  it.each([
    "Make sure the answers do not hallucinate facts.",
    "Make sure the bot never hallucinates.",
    "Make certain that the assistant does not hallucinate.",
    "Ensure the chatbot never hallucinates a refund policy.",
  ])("hallucination question: %s", (text) => {
    expect(setAside(HALLUCINATION, text)).toBe(false);
  });

  it.each([
    "Make sure logs never contain email addresses.",
    "Ensure that no log line contains a phone number.",
    "Make sure emails are masked in the logs.",
  ])("personal data question: %s", (text) => {
    expect(setAside(PII, text)).toBe(false);
  });
});

describe("a requirement about something else is still set aside", () => {
  it.each([
    "Make sure the poem rhymes.",
    "Ensure that the essay mentions the French revolution.",
    "Make sure the recipe serves four people.",
    "Help the student write an essay about volcanoes.",
  ])("%s", (text) => {
    expect(setAside(HALLUCINATION, text)).toBe(true);
    expect(setAside(PII, text)).toBe(true);
  });

  it("orders for a piece of writing are still set aside on a thin pack", () => {
    expect(setAside(HALLUCINATION, "Write a poem about the sea.")).toBe(true);
    expect(setAside(PII, "Draft a cover letter for a barista position.")).toBe(true);
  });
});
