import { describe, expect, it } from "vitest";
import { ClientEventSchemas, describeZodError } from "../../server/contracts/index.js";

describe("a validation error's message", () => {
  it("names each wrong field once, however many checks its value failed", () => {
    const r = ClientEventSchemas["session:resume"].safeParse({ sessionId: "s", resumeToken: "x".repeat(20), lastSeq: 1e308 });
    expect(r.success).toBe(false);
    const message = describeZodError(r.error!);
    expect(message.match(/lastSeq:/g)).toHaveLength(1);
    expect(message).toMatch(/^sessionId: .+; lastSeq: .+<=9007199254740991$/);
  });
});
