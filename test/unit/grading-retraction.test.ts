import { describe, expect, it } from "vitest";
import { analyse } from "../../server/grading/language/index.js";
import { retracted } from "../../server/grading/language/retraction.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

// Answers that say something and take it back, or state a key point and later turn it down: the last word counts
// (issue #11: an outside audit scored such answers 67.7 where people gave them 1 of 4).
const payment = oneCriterionPack({
  prompt: "How would you make a payment service's calls to a flaky bank API reliable?",
  concepts: [
    { label: "timeouts", terms: ["timeout"] },
    { label: "retries with backoff", terms: ["exponential backoff", "backoff", "retr"] },
    { label: "idempotency keys", terms: ["idempotency key"] },
    { label: "circuit breaker", terms: ["circuit breaker"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "Set a timeout on every call to the bank API. Retry failed calls with exponential backoff and jitter. Send an idempotency key so a retried payment is never charged twice. Put a circuit breaker in front of the bank API so a failing bank is not hammered by retries.",
    },
    { level: "weak", score: 1, answer: "Call the bank again if it fails." },
  ],
});
const agent = oneCriterionPack({
  prompt: "How would you deploy an LLM agent that can act on production systems safely?",
  concepts: [
    { label: "least privilege", terms: ["least privilege", "scoped credential"] },
    { label: "tracing", terms: ["tracing", "trace"] },
    { label: "human approval", terms: ["approval", "human in the loop"] },
    { label: "hallucination checks", terms: ["hallucination"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "Give the agent scoped credentials with least privilege. Record tracing of every tool call. Require human approval for destructive actions. Check outputs for hallucination against the source data.",
    },
    { level: "weak", score: 1, answer: "Let it run." },
  ],
});

const earned = (pack: typeof payment, text: string) => gradeOne(pack, text).criterion.evidence.map((e) => e.note);
const share = (feedback: string) => /States (\d+)% of the reference/.exec(feedback)?.[1];
/** The words a repair takes back, in order. */
const taken = (text: string) => {
  const a = analyse(text);
  return a.tokens.filter((_, i) => retracted(a, i)).map((t) => t.word);
};

describe("a self-repair takes back what it repairs (language/retraction.ts)", () => {
  it.each([
    ["Cost is 1,000 × 3 = $3,000 a day. Wait, that's per hour, so it's $72,000 a day.", "cost is 1,000 × 3 = $ 3,000 a day"],
    ["We should cache per user. Actually no — cache globally, per user is wasteful.", "we should cache per user"],
    ["Set a timeout. We should cache per user — no wait, cache globally.", "we should cache per user"],
    ["Use per-user caching, or rather a global cache.", "use per user caching"],
    ["Set the timeout to 30 seconds, I mean 3 seconds.", "set the timeout to 30 seconds"],
    ["Use retries. Scratch that. Use a queue.", "use retries"],
    ["Use retries. Correction: use a queue.", "use retries"],
    ["Use retries. On second thought, use a queue.", "use retries"],
    ["Use retries. That's wrong; use a queue.", "use retries"],
    ["Use retries. Hmm, actually no, use a queue.", "use retries"],
    ["Use retries. I take that back: use a queue.", "use retries"],
    ["Use retries. No. Use a queue.", "use retries"],
  ])("%s", (text, words) => {
    expect(taken(text).join(" ")).toBe(words);
  });

  it("takes back only the part of the sentence the repair speaks of", () => {
    expect(
      taken(
        "Set a timeout on every call and put a circuit breaker in front of the bank API. On second thought, skip the circuit breaker.",
      ).join(" "),
    ).toBe("and put a circuit breaker in front of the bank api");
  });

  it.each([
    "Actually, the bigger risk is cost. Rather than retries, use a queue.",
    "Track latency. I mean the p95, not the mean.",
    "Track the p95, I mean the tail, not the average.",
    "Do we need retries? No, because the call is idempotent.",
    "Retry, wait, retry again. Wait for the bank. There are no retries.",
    "Send the request. Wait. Retry.",
    "A leaf has no children. Rather, it ends a branch.",
    "Error correction: the checksum catches a flipped bit.",
    "No retries are needed when the call is idempotent.",
    "Mutual exclusion, hold and wait, no preemption, and circular wait.",
    "The four conditions are mutual exclusion, hold and wait, no preemption and circular wait.",
  ])("takes nothing back: %s", (text) => {
    expect(taken(text)).toEqual([]);
  });

  it.each([
    "Set a timeout on every call. Put a circuit breaker in front of the bank API. Actually no, the timeout alone is enough.",
    "Set a timeout on every call. Put a circuit breaker in front of the bank API. Scratch that: the timeout is enough.",
    "Set a timeout on every call. Put a circuit breaker in front of the bank API — no wait, the timeout alone is enough.",
    "Set a timeout on every call. Put a circuit breaker in front of the bank API. On second thought, the timeout is enough.",
    "Set a timeout on every call. Put a circuit breaker in front of the bank API. Correction: the timeout alone is enough.",
  ])("a retracted key point earns nothing, nor its words: %s", (text) => {
    const { criterion } = gradeOne(payment, text);
    expect(criterion.evidence.map((e) => e.note)).not.toContain("circuit breaker");
    expect(criterion.score).toBeLessThanOrEqual(2);
  });

  it("a retracted turn-down turns nothing down: the final position is the point", () => {
    for (const text of [
      "A circuit breaker isn't needed. Scratch that: we need a circuit breaker, so that a bank that keeps failing gets a rest.",
      "We don't need a circuit breaker. Actually no, place a circuit breaker before the bank, so that a bank that keeps failing gets a rest.",
    ]) {
      expect(earned(payment, text)).toContain("circuit breaker");
      expect(gradeOne(payment, text).criterion.feedback).not.toContain("turn it down");
    }
  });

  it("keeps the credit of honest uses of the markers", () => {
    for (const text of [
      "Set a timeout on every call. Actually, the bigger risk is the bank failing for minutes, so put a circuit breaker in front of it.",
      "Give each call a timeout. Use a circuit breaker rather than endless retrying.",
      "Set a timeout on every call, I mean on every call to the bank, not to our own services. Put a circuit breaker in front of the bank API.",
    ]) {
      expect(earned(payment, text)).toEqual(expect.arrayContaining(["timeouts", "circuit breaker"]));
    }
  });
});

describe("a key point stated and later turned down is taken back (later-turn-down.ts)", () => {
  const STATED = "Set a timeout on every call to the bank. Retry failed calls with exponential backoff.";
  it.each([
    "Retries are not needed here.",
    "Actually, don't retry at all.",
    "On reflection, retries are overkill for this service.",
    "There's no need for retries, though.",
    "We don't need retries at all.",
  ])(`${STATED} %s`, (later) => {
    const { criterion } = gradeOne(payment, `${STATED} ${later}`);
    expect(criterion.evidence.map((e) => e.note)).toEqual(["timeouts"]);
    expect(criterion.feedback).toContain("retries with backoff and its opposite");
    // Beside the point taken back, likeness to the reference lifts nothing: one point of four.
    expect(criterion.score).toBe(1);
  });

  it("reads a circuit breaker turned down by a negated imperative the same way", () => {
    const text = "Set a timeout on every call. Put a circuit breaker in front of the bank API. Never add a circuit breaker.";
    expect(earned(payment, text)).toEqual(["timeouts"]);
  });

  it.each([
    // limited to some cases
    "Retries are not needed for reads, since reads are cached.",
    "Don't retry non-idempotent calls without an idempotency key.",
    "Retries aren't needed when the bank confirms the payment.",
    // a refusal turned down
    "Some teams skip retries, but we don't.",
    // stated again after the turn-down
    "Retries aren't needed for a first version. Actually, we do need them: retry with exponential backoff.",
  ])(`keeps the point: ${STATED} %s`, (later) => {
    expect(earned(payment, `${STATED} ${later}`)).toContain("retries with backoff");
  });

  it("keeps the point turned down first and stated last", () => {
    expect(
      earned(
        payment,
        "Retries are not needed here. Scratch that: retry failed calls with exponential backoff and set a timeout on each call.",
      ),
    ).toEqual(expect.arrayContaining(["timeouts", "retries with backoff"]));
  });
});

describe("a dismissed key point earns nothing, nor lifts likeness (dismissal.ts)", () => {
  const BASE = "Give the agent scoped credentials with least privilege. Record tracing of every tool call.";
  it.each([
    "We don't need to worry about hallucination since the model reads the source data.",
    "You don't need hallucination checks because the model reads the source data.",
    "There's no need to worry about hallucination, since the model reads the source data.",
    "Hallucination is nothing to worry about, since the model reads the source data.",
    "Hallucination isn't a worry, since the model reads the source data.",
  ])(`${BASE} %s`, (dismissal) => {
    const { criterion } = gradeOne(agent, `${BASE} ${dismissal}`);
    expect(criterion.evidence.map((e) => e.note)).not.toContain("hallucination checks");
    expect(criterion.feedback).toContain("Named only to turn it down: hallucination checks.");
    expect(share(criterion.feedback)).toBe(share(gradeOne(agent, BASE).criterion.feedback));
  });

  it("reads 'no need for X or Y' over the whole list", () => {
    const { criterion } = gradeOne(
      agent,
      "Give the agent scoped credentials with least privilege. Temperature 0 is fully deterministic, so there is no need for tracing or approval steps.",
    );
    expect(criterion.evidence.map((e) => e.note)).toEqual(["least privilege"]);
    expect(criterion.feedback).toContain("Named only to turn it down: tracing, human approval.");
    expect(criterion.score).toBe(1);
  });

  it.each([
    "Compare each output with the source data, because hallucination is the main risk.",
    "We do not need only tracing: compare outputs with the source data too, since hallucination is common.",
    "Hallucination checks are needed, so check outputs against the source data.",
    "Check outputs for hallucination; the model doesn't need a second prompt for it.",
  ])(`keeps the point: ${BASE} %s`, (honest) => {
    expect(earned(agent, `${BASE} ${honest}`)).toContain("hallucination checks");
  });
});
