import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { learnedRelations } from "../../server/grading/direction.js";
import { QuestionSchema, type Question } from "../../server/scenarios/index.js";
import { keyPointCriterion, keyPointQuestion } from "../helpers/one-criterion.js";

/**
 * A reference that relates two key terms with a direction ("domain names into IP
 * addresses") fixes which way the relation runs; an answer relating them the
 * other way round states the opposite and earns neither point (direction.ts).
 */
const question = keyPointQuestion;
const dns = question(
  "dns",
  "What does DNS do?",
  [
    { label: "domain names", terms: ["domain name", "hostname"] },
    { label: "IP addresses", terms: ["IP address"] },
  ],
  "DNS translates domain names into IP addresses, so a browser can find the server.",
);
const decoder = question(
  "decoder",
  "What does a tokenizer's decoder do?",
  [
    { label: "tokens", terms: ["token"] },
    { label: "text", terms: ["text", "string"] },
  ],
  "The decoder maps tokens back to text.",
);
const grade = (q: Question, text: string) => gradeQuestion(q, [{ text }]).scores[0]!;

describe("two key points related the wrong way round", () => {
  it("learns the direction from the references", () => {
    expect(learnedRelations(dns)).toEqual([{ source: "domain names", target: "IP addresses" }]);
    expect(learnedRelations(decoder)).toEqual([{ source: "tokens", target: "text" }]);
  });

  it("earns neither point and says it states the opposite", () => {
    for (const text of [
      "DNS converts IP addresses into domain names.",
      "It maps an IP address to a hostname for the browser.",
      "DNS goes from IP addresses to domain names.",
    ]) {
      const s = grade(dns, text);
      expect(s.evidence, text).toEqual([]);
      expect(s.score, text).toBe(0);
      expect(s.feedback, text).toContain("States the opposite of: domain names, IP addresses.");
    }
    for (const text of ["The decoder turns text into tokens.", "It converts a string to tokens."])
      expect(grade(decoder, text).score, text).toBe(0);
  });

  it("keeps full credit the right way round, and a denied reversal", () => {
    for (const text of [
      "DNS converts domain names into IP addresses.",
      "It resolves a hostname to an IP address.",
      "DNS turns domain names into IP addresses; it does not turn IP addresses into domain names.",
    ])
      expect(grade(dns, text).score, text).toBe(4);
    expect(grade(decoder, "The decoder turns tokens into text.").score).toBe(4);
  });
});

describe("two roles swapped between two parts (roles.ts)", () => {
  const rag = QuestionSchema.parse({
    id: "rag",
    kind: "system-design",
    level: "junior",
    title: "Retriever versus generator",
    prompt: "What is the difference between the retriever and the generator in a RAG system?",
    timeGuideMinutes: 3,
    rubric: [
      keyPointCriterion({
        concepts: [
          { label: "retriever finds documents", terms: ["retrieves documents", "finds documents"] },
          { label: "generator writes the answer", terms: ["writes the answer", "generates the answer"] },
        ],
      }),
    ],
    exemplars: [
      {
        level: "strong",
        answer: "The retriever finds documents for the query. The generator writes the answer from them.",
        scores: { correct: 4 },
      },
    ],
  });
  it("earns nothing for the parts' work said of each other, and full credit the right way", () => {
    expect(grade(rag, "The generator retrieves documents and the retriever writes the answer.").evidence).toEqual([]);
    expect(grade(rag, "The retriever retrieves documents and the generator writes the answer.").score).toBe(4);
  });
});
