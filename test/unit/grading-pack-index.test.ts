import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/coverage.js";
import { deniesOwnTerm } from "../../server/grading/language/index.js";
import { packIndex } from "../../server/grading/pack-index.js";
import type { Pack } from "../../server/scenarios/index.js";
import { keyPointCriterion, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * What grading keeps between answers must be keyed by all that decides it: the interview hands every
 * answer a freshly parsed pack (found again by its content), and a criterion's hedge rivals depend on
 * the question's other terms and on whether one fact is asked.
 */
const pack = oneCriterionPack({
  prompt: "Why does a KV cache speed up decoding?",
  concepts: [{ label: "avoids recomputation of past keys", terms: ["recomput", "reuses keys"] }],
  exemplars: [
    { level: "strong", answer: "Keys and values of past tokens are kept, so decoding reuses keys instead of recomputing them.", score: 4 },
  ],
});
const copy = (edit: (p: Pack) => void = () => {}) => {
  const p = JSON.parse(JSON.stringify(pack)) as Pack;
  edit(p);
  return p;
};

describe("the pack index is found again by content", () => {
  it("a fresh copy of the same pack gets the same index", () => {
    expect(packIndex(copy())).toBe(packIndex(pack));
  });

  it("the same id and version with any text changed, added or removed gets its own index", () => {
    const before = packIndex(pack);
    const edited = copy((p) => (p.questions[0]!.exemplars[0]!.answer += " Edited."));
    const extra = copy((p) => p.questions[0]!.exemplars.push({ ...p.questions[0]!.exemplars[0]!, level: "weak" as const }));
    // The texts of a pack with its model answer removed are the start of the full pack's.
    const fewer = copy((p) => (p.questions[0]!.exemplars = []));
    for (const p of [edited, extra, fewer]) expect(packIndex(p)).not.toBe(before);
    // One question less: its texts are the start of the longer pack's, and still not the same.
    const longer = packIndex(copy((p) => p.questions.push({ ...p.questions[0]!, id: "second" })));
    expect(packIndex(copy())).not.toBe(longer);
  });
});

describe("hedge rivals follow the reading they are learnt for", () => {
  const criterion = keyPointCriterion({ concepts: [{ label: "paging", terms: ["paging"] }] });
  const read = (otherTerms: string[], factual: boolean) =>
    conceptCoverage(criterion, "Memory is managed by paging or segmentation, I believe.", { otherTerms, factual });
  it("another criterion's term offered beside the point is a fork only where one fact is asked", () => {
    // One list of other terms per question, as grading passes it: what is learnt for one reading is not another's.
    const others = ["segmentation"];
    expect(read(others, true).hedged).toEqual(["paging"]);
    expect(read(others, false).hits.map((h) => h.label)).toEqual(["paging"]);
    expect(read(["swapping"], true).hits.map((h) => h.label)).toEqual(["paging"]);
    expect(read(others, true).hedged).toEqual(["paging"]);
  });
});

describe("a key point's label may deny its own term", () => {
  it("is read from the label's words, not from its terms", () => {
    expect(deniesOwnTerm("avoids recomputation of past keys")).toBe(true);
    expect(deniesOwnTerm("works without a lock")).toBe(true);
    expect(deniesOwnTerm("caches past keys and values")).toBe(false);
    expect(deniesOwnTerm("knowledge of the domain")).toBe(false);
  });
});
