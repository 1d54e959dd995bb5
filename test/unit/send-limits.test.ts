import { describe, expect, it } from "vitest";
import { tooLongToSend } from "../../client/src/send-limits.js";
import { MAX_CODE_ANSWER, MAX_TEXT_ANSWER } from "../../server/contracts/index.js";

describe("the client refuses what the server would, in the candidate's words", () => {
  const base = { sessionId: "s", questionId: "q" };

  it("lets an answer at the limit through", () => {
    expect(tooLongToSend({ ...base, text: "x".repeat(MAX_TEXT_ANSWER) })).toBeNull();
    expect(tooLongToSend({ ...base, code: "x".repeat(MAX_CODE_ANSWER), language: "python" })).toBeNull();
  });

  it("names the length and the limit of a pasted answer just over it (not the protocol's field path)", () => {
    const message = tooLongToSend({ ...base, text: "x".repeat(25_000) });
    expect(message).toBe("This answer is 25,000 characters; answers are limited to 20,000. Shorten it and it will save again.");
  });

  it("says the same for code, and for a paste over the socket's byte limit", () => {
    expect(tooLongToSend({ ...base, code: "x".repeat(MAX_CODE_ANSWER + 1) })).toMatch(
      /^This code is 50,001 characters; code is limited to 50,000\./,
    );
    expect(tooLongToSend({ ...base, text: "x".repeat(1_200_000) })).toMatch(/^This answer is 1,200,000 characters/);
    expect(tooLongToSend({ ...base, other: "y".repeat(1_200_000) })).toMatch(/^This is too long to send/);
  });
});
