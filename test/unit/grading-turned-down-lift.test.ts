import { describe, expect, it } from "vitest";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

// Likeness to the reference may raise a level, but not on the reference's own words said against a key point:
// an answer that names a point only to dismiss it shares most of its words with the answer that recommends it.
const pack = oneCriterionPack({
  prompt: "How would you make a payment service's calls to a flaky bank API reliable?",
  concepts: [
    { label: "timeouts", terms: ["timeout"] },
    { label: "retries with backoff", terms: ["exponential backoff", "backoff"] },
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

const STATED = "Set a timeout on every call to the bank API.";
const share = (feedback: string) => /States (\d+)% of the reference/.exec(feedback)?.[1];

describe("similarity does not lift a key point the answer turns down", () => {
  it.each([
    "A circuit breaker isn't necessary because retries already spread the load on a failing bank API.",
    "There's no need for a circuit breaker in front of the bank API, since retries spread the load on a failing bank.",
    "Don't bother with a circuit breaker in front of the bank API; retried calls spread the load on a failing bank.",
  ])("%s", (dismissal) => {
    const { criterion } = gradeOne(pack, `${STATED} ${dismissal}`);
    // One point of four stated: level 1, and the dismissed point's words raise nothing.
    expect(criterion.score).toBe(1);
    expect(criterion.feedback).toContain("Named only to turn it down: circuit breaker.");
    expect(criterion.feedback).not.toContain("raises this");
    // The dismissing sentence adds nothing to the share of the reference stated.
    expect(share(criterion.feedback)).toBe(share(gradeOne(pack, STATED).criterion.feedback));
  });

  it("keeps the credit of an answer that argues for the point", () => {
    for (const honest of [
      "A circuit breaker is necessary because retries alone still hammer a failing bank API.",
      "Without a circuit breaker, retries keep hammering a failing bank API.",
    ]) {
      const { criterion } = gradeOne(pack, `${STATED} ${honest}`);
      expect(criterion.feedback).not.toContain("turn it down");
      expect(criterion.score).toBeGreaterThanOrEqual(2);
    }
  });

  it("keeps likeness where the dismissal speaks of no key point", () => {
    // Reworded, so it is no copy of the model answer.
    const base = "Each request to the bank gets a timeout, and a request that failed is sent again after an exponential backoff.";
    const plain = gradeOne(pack, base);
    const aside = gradeOne(pack, `${base} A dashboard isn't necessary at first.`);
    expect(plain.criterion.feedback).toContain("Covered 2 of 4");
    expect(aside.criterion.score).toBe(plain.criterion.score);
    expect(share(aside.criterion.feedback)).toBe(share(plain.criterion.feedback));
  });
});
