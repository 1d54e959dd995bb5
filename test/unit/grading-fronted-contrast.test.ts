import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/coverage.js";
import { keyPointCriterion } from "../helpers/one-criterion.js";

const criterion = keyPointCriterion({
  criterionId: "resilience",
  criterionTitle: "Resilience",
  description: "Puts a circuit breaker in front of the API, sets timeouts, caches results and bounds retries.",
  concepts: [
    { label: "circuit breaker", terms: ["circuit breaker"] },
    { label: "timeout", terms: ["timeout"] },
    { label: "cache", terms: ["cache", "caching"] },
    { label: "webhooks", terms: ["webhook"] },
    { label: "unbounded retries", terms: ["retrying forever", "retries"] },
    { label: "polling", terms: ["polling"] },
  ],
});
const shown = (text: string) =>
  conceptCoverage(criterion, text, { prose: true })
    .hits.map((h) => h.label)
    .sort();

describe("a fronted contrast denies what it sets aside, not the main clause after its comma", () => {
  it.each([
    ["Rather than retrying forever, put a circuit breaker in front of the API, and set a timeout.", ["circuit breaker", "timeout"]],
    ["Rather than retrying forever, put a circuit breaker in front of the API and set a timeout.", ["circuit breaker", "timeout"]],
    ["Instead of polling the API, use webhooks and cache the results.", ["cache", "webhooks"]],
    ["Instead of polling, we'd add a circuit breaker and a timeout.", ["circuit breaker", "timeout"]],
    ["Rather than a bigger model, add caching, a circuit breaker and a timeout.", ["cache", "circuit breaker", "timeout"]],
    ["Not retries, a circuit breaker and a timeout.", ["circuit breaker", "timeout"]],
    ["But instead of polling, set a timeout on every call.", ["timeout"]],
    // Not fronted: the contrast sits after the main clause, and a verb with its object opens the next predicate.
    ["Put a circuit breaker in front of the API rather than retrying forever, and set a timeout.", ["circuit breaker", "timeout"]],
    ["Don't retry forever, put a circuit breaker in front and set a timeout.", ["circuit breaker", "timeout"]],
  ])("%s", (text, labels) => {
    expect(shown(text)).toEqual(labels);
  });
});

describe("what the contrast sets aside stays set aside", () => {
  it.each([
    // The refused list, whole, when it ends at its own comma.
    ["Instead of polling, webhooks or a cache, use a circuit breaker.", ["circuit breaker"]],
    ["Rather than retrying forever, put a circuit breaker in front.", ["circuit breaker"]],
    // A plain negated list after its verb is still denied whole.
    ["We do not need caching, a circuit breaker or a timeout here.", []],
    ["The service does not use a circuit breaker, webhooks or a timeout.", []],
    // A negated imperative over a list is no contrast.
    ["Never add polling, webhooks or a cache here.", []],
  ])("%s", (text, labels) => {
    expect(shown(text)).toEqual(labels);
  });
});
