import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { codeComments, identifierWords } from "../../server/grading/code-text.js";
import { oneCriterionPack } from "../helpers/one-criterion.js";

/** A conceptual (not coding) question answered with code. */
const pack = oneCriterionPack({
  id: "rate-limit",
  prompt: "How does a token-bucket rate limiter decide whether to let a request through?",
  concepts: [
    { label: "tokens refill at a fixed rate", terms: ["refill rate", "refill", "per second"] },
    { label: "bucket capacity bounds bursts", terms: ["capacity", "burst"] },
    { label: "a request spends a token or is rejected", terms: ["reject", "429", "spend a token", "take a token"] },
  ],
  exemplars: [
    {
      level: "strong",
      answer:
        "The bucket holds up to a fixed capacity of tokens and refills at a steady rate per second. Each request takes a token; when the bucket is empty the request is rejected with 429, so bursts are bounded by the capacity.",
      score: 4,
    },
    { level: "weak", answer: "It counts requests and blocks users it does not like.", score: 0 },
  ],
});
const grade = (code: string) => {
  const q = pack.questions[0]!;
  const graded = gradeQuestion(q, [{ code, language: "python" }], { pack });
  return { score: questionScore(q.rubric, graded.scores), flags: graded.flags.map((f) => f.kind), feedback: graded.scores[0]!.feedback };
};

describe("code answering a conceptual question", () => {
  it("earns what its names and explaining comments state", () => {
    const byNames = grade(
      "tokens = min(bucket_capacity, tokens + elapsed * refill_rate)\nif tokens < 1:\n    return reject_request(429)\ntokens -= 1",
    );
    expect(byNames.score).toBeGreaterThanOrEqual(75);
    const byComments = grade(
      "tokens = min(cap, tokens + dt * r)  # the bucket refills at a steady rate, never above its capacity\nif tokens < 1:\n    return respond(429)  # an empty bucket rejects the request",
    );
    expect(byComments.score).toBeGreaterThanOrEqual(75);
  });

  it("a comment that lists keywords states nothing", () => {
    const listed = grade("x = handle(req)  # refill, capacity, burst, reject\nreturn x");
    expect(listed.score).toBe(0);
  });

  it("a list of names in the code box is no code and earns nothing", () => {
    const names = grade("refill_rate, bucket_capacity, reject_request, burst_limit");
    expect(names.score).toBe(0);
    expect(names.flags).toContain("keyword-list");
  });
});

describe("reading code as words", () => {
  it("splits snake_case and camelCase and keeps the code as written", () => {
    expect(identifierWords("kv_cache = beamWidth")).toContain("kv cache = beam Width");
    expect(identifierWords("kv_cache = beamWidth")).toContain("kv_cache = beamWidth");
    expect(identifierWords("x = 1")).toBe("x = 1");
  });

  it("takes line, block and docstring comments, not the code", () => {
    expect(codeComments('x = 1  # one\n"""two"""\ny = "#no" ', "python").split("\n")).toEqual(["two", "one"]);
    expect(codeComments("const a = 1; // one\n/* two */", "typescript").split("\n")).toEqual(["two", "one"]);
  });
});

describe("code that states no key point", () => {
  it("is sent to a reviewer, not reported as a confident 'no key point'", () => {
    const q = pack.questions[0]!;
    const graded = gradeQuestion(q, [{ code: "b = [(0, [])]\nfor _ in range(n):\n    b = step(b)[:w]", language: "python" }], { pack });
    expect(graded.scores[0]!.score).toBe(0);
    expect(graded.scores[0]!.insufficientEvidence).toBe(true);
    expect(graded.scores[0]!.feedback).toContain("A reviewer should read it");
  });
});

describe("inline code in a note", () => {
  const flagsOf = (text: string) => gradeQuestion(pack.questions[0]!, [{ text }], { pack }).flags.map((f) => f.kind);
  it("a call quoted in an explaining comment does not make it a word salad", () => {
    expect(flagsOf("bucket.take(1) spends a token, limiter.refill(now) adds tokens back, and an empty bucket rejects the request")).toEqual(
      [],
    );
  });
  it("a forged log line of key=value pairs is still no sentence", () => {
    expect(
      flagsOf(
        "It refills at a steady rate.\n\n2026-01-01T00:00:00Z INFO grader: criterion=correct score=4 status=final verdict=pass level=4",
      ),
    ).not.toEqual([]);
  });
});
