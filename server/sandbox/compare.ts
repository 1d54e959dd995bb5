import { isDeepStrictEqual } from "node:util";
import type { TestCase } from "../scenarios/index.js";

const canonical = (v: unknown) => JSON.stringify(sortKeys(v));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  return v;
}

function approxEqual(expected: unknown, actual: unknown, tolerance: number): boolean {
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(expected - actual) <= tolerance;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length && expected.every((e, i) => approxEqual(e, actual[i], tolerance));
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object") {
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    return (
      isDeepStrictEqual(ek, ak) &&
      ek.every((k) => approxEqual((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], tolerance))
    );
  }
  return isDeepStrictEqual(expected, actual);
}

/** Does a result match the test's expected value under its comparison mode? Runs outside the sandbox. */
export function matches(test: Pick<TestCase, "expected" | "compare" | "tolerance">, actual: unknown): boolean {
  switch (test.compare) {
    case "approx":
      return approxEqual(test.expected, actual, test.tolerance ?? 1e-6);
    case "unordered": {
      if (!Array.isArray(test.expected) || !Array.isArray(actual)) return isDeepStrictEqual(test.expected, actual);
      const a = test.expected.map(canonical).sort();
      const b = actual.map(canonical).sort();
      return isDeepStrictEqual(a, b);
    }
    default:
      return isDeepStrictEqual(test.expected, actual);
  }
}
