import { describe, expect, it } from "vitest";
import { AnswerSubmitPayloadSchema, CodeRunPayloadSchema } from "../../server/contracts/index.js";

const submit = (body: { text?: string; code?: string; language?: "python" }) =>
  AnswerSubmitPayloadSchema.safeParse({
    sessionId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    questionId: "q1",
    submissionId: "submission-1",
    ...body,
  });

describe("a blank answer is refused, whatever shows nothing", () => {
  it.each([
    ["spaces and newlines", " \n\t "],
    ["zero-width spaces and a word joiner", "\u200b\u200b\u2060"],
    ["joiners, soft hyphens and direction marks", "\u200c\u200d\u00ad\u200e\u200f\ufeff"],
    ["Hangul fillers and the blank Braille pattern", "\u3164 \u2800\u115f"],
  ])("text of %s", (_name, text) => {
    const parsed = submit({ text });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain("non-blank text or code");
    expect(submit({ code: text, language: "python" }).success).toBe(false);
    expect(
      CodeRunPayloadSchema.safeParse({
        sessionId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        questionId: "q1",
        code: text,
        language: "python",
      }).success,
    ).toBe(false);
  });

  it("keeps any visible character, in any script, with invisible ones around it", () => {
    for (const text of ["skip", "\u200bx\u200b", "否", "٠", "🙂", "—"]) expect(submit({ text }).success, text).toBe(true);
    expect(submit({ code: "\u200bpass", language: "python" }).success).toBe(true);
  });
});
