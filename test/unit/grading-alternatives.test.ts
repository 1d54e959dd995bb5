import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { PackValidationError, parsePackLocated, type Pack } from "../../server/scenarios/index.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * Answer keys that list alternatives ("name one of", "at least two of") and
 * short-answer items, whose model answers are phrases: a pack says how many
 * points a full answer needs with `evidence.enough`, and an answer in the
 * model answers' own form (a short list) states its point.
 */
function pack(options: { enough?: number; strong: string; weak?: string }): Pack {
  return oneCriterionPack({
    id: "layer",
    title: "Layers",
    prompt: "Name one layer of the TCP/IP model.",
    description: "Names a layer of the TCP/IP model.",
    concepts: [
      { label: "application", terms: ["application"] },
      { label: "transport", terms: ["transport"] },
      { label: "internet", terms: ["internet", "network layer"] },
      { label: "link", terms: ["link"] },
    ],
    ...(options.enough ? { enough: options.enough } : {}),
    exemplars: [
      { level: "strong", answer: options.strong, score: 4 },
      ...(options.weak ? [{ level: "weak" as const, answer: options.weak, score: 1 }] : []),
    ],
  });
}

const grade = gradeOne;

const EXPLAINED =
  "The transport layer is the one I know best: it gives each application a port and, with TCP, retransmits what was lost so the stream arrives in order.";

describe("answer keys of alternatives (evidence.enough)", () => {
  it("one alternative stated earns full marks when the key says one is enough, and the explanation counts against what is needed", () => {
    const keyed = grade(pack({ enough: 1, strong: "the transport layer" }), "The transport layer.");
    expect(keyed.score).toBe(100);
    expect(keyed.criterion.feedback).toContain(
      "Covered 1 of the 1 key point a full answer needs, from a list of 4 alternatives (transport)",
    );
    // A full answer is not told it missed the alternatives it did not need.
    expect(keyed.criterion.feedback).not.toContain("Not shown");
    expect(keyed.criterion.evidence.map((e) => e.note)).toEqual(["transport"]);

    const allNeeded = grade(pack({ strong: "the transport layer" }), "The transport layer.");
    expect(allNeeded.score).toBeLessThan(keyed.score);
    expect(allNeeded.criterion.feedback).toContain("Covered 1 of 4 key points");
    expect(allNeeded.criterion.feedback).toContain("Not shown: application, internet, link.");
  });

  it("a wrong answer still earns nothing, however generous the key", () => {
    const wrong = grade(pack({ enough: 1, strong: "the transport layer" }), "Port numbers.");
    expect(wrong.score).toBe(0);
  });

  it("enough larger than the list is refused by validation, naming the field", () => {
    const p = pack({ enough: 1, strong: "the transport layer" });
    const broken = structuredClone(p);
    broken.questions[0]!.rubric[0]!.evidence.enough = 9;
    let issues: { path: string; message: string }[] = [];
    try {
      parsePackLocated(stringify(broken), "editor");
    } catch (err) {
      if (!(err instanceof PackValidationError)) throw err;
      issues = err.issues;
    }
    expect(issues.map((i) => i.path)).toContain("questions[0].rubric[0].evidence.enough");
    expect(issues.find((i) => i.path.endsWith("enough"))!.message).toContain("lists only 4 concepts and checks");
  });
});

describe("short-answer items: an answer in the model answer's form", () => {
  it("a short list answers a question whose model answers are phrases", () => {
    const short = grade(pack({ enough: 1, strong: "the transport layer" }), "transport, internet, link");
    expect(short.score).toBe(100);
    expect(short.flags).toEqual([]);
  });

  it("the same list earns nothing where the model answers explain: there it is a keyword dump", () => {
    const explained = pack({ enough: 1, strong: EXPLAINED, weak: "There are layers and the transport one is used by apps." });
    expect(grade(explained, "transport, internet, link").score).toBe(0);
    // A stated point still counts there.
    expect(grade(explained, "TCP sits in the transport layer and retransmits lost segments.").score).toBeGreaterThan(0);
  });
});
