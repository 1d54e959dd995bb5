import { describe, expect, it } from "vitest";
import { createOfflineInterviewer } from "../../server/llm/index.js";
import { isNonAnswer } from "../../server/llm/non-answer.js";
import { miniPack } from "../helpers/packs.js";

const pack = miniPack();
const rag = pack.questions.find((q) => q.id === "rag-basics")!;
const story = pack.questions.find((q) => q.id === "failure-story")!;

describe("non-answers", () => {
  it("recognises replies that never engage with the question", () => {
    for (const reply of ["asdf qwerty", "lol", "hmm ok", "", "zxcv zxcv zxcv", "banana"]) expect(isNonAnswer(reply, rag), reply).toBe(true);
  });

  it("does not mistake a short real attempt or a long off-topic one for a non-answer", () => {
    expect(isNonAnswer("I would retrieve chunks with embeddings", rag)).toBe(false);
    expect(isNonAnswer("We were shipping a summariser and it failed", story)).toBe(false);
    const long = "The quick brown fox jumps over the lazy dog again and again while the farmer watches from his porch at dusk";
    expect(isNonAnswer(long, rag)).toBe(false);
  });

  it("makes the offline interviewer say so and offer a retry or a skip, instead of probing deeper", async () => {
    const interviewer = createOfflineInterviewer();
    const criterion = rag.rubric[0]!;
    const probe = criterion.probes[0]!;
    let text = "";
    for await (const chunk of interviewer.followUp({
      question: rag,
      criterion,
      probe,
      partly: false,
      answerText: "asdf qwerty",
      turnId: "rag-basics~f1",
    }))
      text += chunk;
    expect(text).toMatch(/^That doesn't answer the question\. Do you want to try again, or skip it\?/);
    expect(text).toContain(probe);
    let real = "";
    for await (const chunk of interviewer.followUp({
      question: rag,
      criterion,
      probe,
      partly: true,
      answerText: "I would chunk by heading and embed each chunk.",
      turnId: "rag-basics~f1",
    }))
      real += chunk;
    expect(real).not.toContain("doesn't answer");
  });
});
