import { describe, expect, it } from "vitest";
import { writtenEquations } from "../../server/grading/checks/index.js";
import { readNumberWords } from "../../server/grading/checks/number-words.js";
import { checkQuantitative, checkResultFigure } from "../../server/grading/checks/quantitative.js";
import { stepSlips } from "../../server/grading/checks/step-slips.js";
import { gradeQuestion } from "../../server/grading/index.js";
import { CriterionSchema, loadPackDir, loadPacksFromDir, type Figure } from "../../server/scenarios/index.js";

/** Session 19 (`wrong9`): wrong figures and wrong but fluent claims. */

const one = (text: string) => {
  const found = writtenEquations(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("the equation reader reads what a person means", () => {
  it("a percentage is a fraction, and 'N% of' multiplies", () => {
    expect(one("60,000 × 2% = 1,200 approvals a day.")).toMatchObject({ correct: true, computed: 1200 });
    expect(one("The saving is 30% of $1,050 = $315 a day.")).toMatchObject({ correct: true });
    expect(one("12 comments × 85% noise × 30 s is ~5 minutes per PR.").correct).toBe(true);
    expect(one("The saving is 30% of $1,050 = $31.50 a day.")).toMatchObject({ correct: false, computed: 315 });
  });

  it("a slash before a word is 'per', and $/M is a price per million", () => {
    expect(one("For the 50 requests/s peak we need 50 / 12 = 4.2 replicas.")).toMatchObject({ correct: true });
    expect(one("1,500 × $2.50/M + 300 × $10/M = $0.00675 per call.").correct).toBe(true);
    expect(one("13.3 hours × $2.40/hour = $32.").correct).toBe(true);
  });

  it("units convert: seconds to hours, bytes in any unit, a day to a month", () => {
    expect(one("96M / 2,000 = 48,000 s.").correct).toBe(true);
    expect(writtenEquations("That is 48,000 s ≈ 13.3 hours.")).toMatchObject([{ correct: true, conversion: true }]);
    expect(writtenEquations("It takes 48,000 seconds, which is 800 hours.")).toMatchObject([{ correct: false, conversion: true }]);
    expect(one("20M × 3,072 bytes = 61.44 GB.").correct).toBe(true);
    expect(one("20M × 3,072 bytes = 61.44 MB.")).toMatchObject({ correct: false, unit: { name: "MB" } });
    expect(one("3.6 GB × $0.023 per GB-month = $0.08 a month.").correct).toBe(true);
    expect(one("60M × 768 × 4 B ≈ 184 GB float32.").correct).toBe(true);
    expect(one("50k convos/day × ~2 KB ≈ 3 GB/month.").correct).toBe(true);
    expect(one("$6.66 a day × 30 = $199.80 a month.").correct).toBe(true);
  });

  it("a rounded operand widens an approximate result; an exact slip stays a slip", () => {
    expect(one("$0.0003/summary × 12k/day ≈ $3.8/day.").correct).toBe(true);
    expect(one("1,840 − 1,200 = 440 ms over the target.").correct).toBe(false);
  });

  it("a chain goes on calculating; a later term is read on its own", () => {
    expect(writtenEquations("51.8M × 1,500 = 77.7B input tokens × $0.20/1M = $15,540.").every((e) => e.correct)).toBe(true);
    expect(writtenEquations("4 × 3,000 = 12,000 input + 1,200 output tokens.").every((e) => e.correct)).toBe(true);
    expect(writtenEquations("Input ≈ $15,500 plus 10.4B output × $0.60/1M ≈ $6,200.").every((e) => e.correct)).toBe(true);
  });

  it("what it cannot read it does not call a slip", () => {
    // Dollars from an expression with no price in it, a ratio, a percentile, a timeline arrow.
    expect(writtenEquations("A rewrite would be roughly 400k × (200 in + 50 out) ≈ $24 a day.")).toEqual([]);
    expect(writtenEquations("With an 80/20 split that's ~$0.0025 per query.")).toEqual([]);
    expect(writtenEquations("Per-file calls (~20 s) + verifier (~10 s) ≈ 1 minute p95.")).toEqual([]);
    expect(writtenEquations("TTFT ~900 ms → ~1.35 s with streaming.")).toEqual([]);
  });

  it("finds no slip in any strong or adequate exemplar of the built-in pack", () => {
    const pack = loadPacksFromDir("scenarios").find((p) => p.id === "ai-engineer")!;
    let equations = 0;
    for (const q of pack.questions.filter((x) => x.figures.length))
      for (const e of q.exemplars.filter((x) => x.level !== "weak")) {
        const text = readNumberWords(e.answer);
        const found = writtenEquations(text);
        equations += found.length;
        expect(stepSlips(text, found, q.figures).map((s) => `${q.id}: ${s.why}`)).toEqual([]);
      }
    expect(equations).toBeGreaterThan(100);
  });
});

/** 12,000 requests a day, 9,000 input tokens each at $0.50 per 1M, batch 50% cheaper. */
const FIGURES: Figure[] = [
  { id: "requests", label: "Requests per day", value: 12_000, unit: "requests/day" },
  { id: "tokens", label: "Input tokens", value: 9_000, unit: "tokens" },
  { id: "price", label: "Input price", value: 0.5, unit: "USD per 1M tokens" },
  { id: "batch", label: "Batch discount", value: 50, unit: "percent" },
];

describe("a wrong step anywhere in the chain costs the worked estimate", () => {
  it("a right first step and a slipped second one: the step is named with what it should be", () => {
    const check = checkQuantitative("12,000 × 9,000 = 108M tokens a day, and 108M × $0.50/1M = $540 a day.", FIGURES);
    expect(check.passed).toBe(false);
    expect(check.note).toContain("108M × $0.50/1M = $540");
    expect(check.note).toContain("works out to $54, not $540");
  });

  it("a price per 1M read per thousand, with right arithmetic, is a wrong step", () => {
    const check = checkQuantitative("12,000 × 9,000 = 108M tokens. At $0.50 per 1K: 108,000 × $0.50 = $54,000 a day.", FIGURES);
    expect(check.passed).toBe(false);
    expect(check.note).toContain("per thousand");
    expect(check.note).toContain("$54");
  });

  it("a discount applied the wrong way is a wrong step; applied the right way it is not", () => {
    const wrong = checkQuantitative("12,000 × 9,000 = 108M tokens, $54 a day; the batch API is 50% cheaper: $54 / 0.5 = $108.", FIGURES);
    expect(wrong.passed).toBe(false);
    expect(wrong.note).toContain("50% off $54 is $27");
    const right = checkQuantitative("12,000 × 9,000 = 108M tokens, $54 a day; the batch API is 50% cheaper: $54 × 0.5 = $27.", FIGURES);
    expect(right.passed).toBe(true);
  });

  it("an all-right chain still earns it", () => {
    expect(checkQuantitative("12,000 × 9,000 = 108M tokens a day, and 108M × $0.50/1M = $54 a day.", FIGURES).passed).toBe(true);
  });
});

describe("a right total beside a wrong step, and a given taken for a result", () => {
  const pack = loadPacksFromDir("test/fixtures/packs/estimates")[0]!;
  const cost = pack.questions.find((q) => q.id === "assistant-token-cost")!;
  const latency = pack.questions.find((q) => q.id === "search-latency-budget")!;
  it("caps a right total when a step of the working is wrong", () => {
    const text = "108M × $0.50/1M = $54 and 6M × $2.00/1M = $12, so $66 a day. That's 30 × $66 = $1,800 a month.";
    const check = checkResultFigure(text, cost, cost.rubric[0]!);
    expect(check).toMatchObject({ passed: false, cap: 2 });
    expect(check.note).toContain("wrong step");
  });
  it("a figure the question gives is no result arrived at", () => {
    const text = "The stages add up to 400 + 60 + 80 + 350 + 250 = 1,140 ms, so it lands 60 ms inside the 1,200 ms target.";
    expect(checkResultFigure(text, latency, latency.rubric[0]!)).toMatchObject({ passed: false, cap: 2 });
  });
});

describe("known misconceptions cap their criterion", () => {
  const pack = loadPackDir("test/fixtures/wrong9").pack;
  const lora = pack.questions.find((q) => q.id === "lora-gpu-budget")!;
  const evaluation = (text: string) => gradeQuestion(lora, [{ text }], { pack }).scores.find((s) => s.criterionId === "evaluation")!;

  it("a stated misconception caps the criterion at 1 and the report says which", () => {
    const s = evaluation(
      "I'd compare the fine-tuned model with the base model on the same test set. To be sure it generalises, I'd add the test questions to the training data first. A validation split picks the checkpoint.",
    );
    expect(s.score).toBeLessThanOrEqual(1);
    expect(s.feedback).toContain("known misconception (the test set is trained or tuned on)");
  });

  it("a misconception named to refute it is not stated", () => {
    const s = evaluation(
      "A common mistake is to add the test questions to the training data. The test set stays held out and is never trained on; a validation split picks the checkpoint, and the base model and the fine-tuned model are scored on the same test set after removing near-duplicates.",
    );
    expect(s.feedback).not.toContain("misconception");
    expect(s.score).toBeGreaterThanOrEqual(3);
  });

  it("a misconception of one word is refused: a word belongs in terms", () => {
    const criterion = {
      ...lora.rubric[1]!,
      evidence: { ...lora.rubric[1]!.evidence, misconceptions: [{ label: "x", plain: ["overfit"] }] },
    };
    expect(CriterionSchema.safeParse(criterion).success).toBe(false);
  });
});
