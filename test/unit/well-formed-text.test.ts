import { describe, expect, it } from "vitest";
import { AnswerDraftPayloadSchema, CodeRunPayloadSchema } from "../../server/contracts/index.js";
import { wellFormedText } from "../../server/contracts/well-formed.js";

describe("candidate text is made well formed before it is stored", () => {
  it("replaces NUL and unpaired surrogate halves with U+FFFD and keeps everything else, pairs included", () => {
    expect(wellFormedText("a\u0000b\ud800c\udc00d\ud83d\ude00e\udbff")).toBe("a\uFFFDb\uFFFDc\uFFFDd\ud83d\ude00e\uFFFD");
    expect(wellFormedText("plain text, émoji 😀, 中文")).toBe("plain text, émoji 😀, 中文");
  });

  it("is linear on a long run of lone halves (no backtracking)", () => {
    const long = "\ud800".repeat(100_000);
    expect(wellFormedText(long)).toBe("\uFFFD".repeat(100_000));
  });

  it("applies to an answer payload after its length check", () => {
    const parsed = AnswerDraftPayloadSchema.parse({ sessionId: "00000000-0000-4000-8000-000000000001", questionId: "q", text: "x\u0000y" });
    expect(parsed.text).toBe("x\uFFFDy");
    // A run of the code takes the same text a submit stores.
    const run = CodeRunPayloadSchema.parse({
      sessionId: "00000000-0000-4000-8000-000000000001",
      questionId: "q",
      code: "# a\u0000b\ud800",
      language: "python",
    });
    expect(run.code).toBe("# a\uFFFDb\uFFFD");
  });
});
