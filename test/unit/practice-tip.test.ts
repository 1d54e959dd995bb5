import { describe, expect, it } from "vitest";
import { FULL_MARKS_TIP, practiceTip } from "../../server/interview/practice-tip.js";

const rubric = [
  { id: "structure", title: "Story structure", description: "Situation, task, action, result.", weight: 1 },
  { id: "impact", title: "Impact", description: "What changed, measured.", weight: 2 },
] as never;

describe("practice tip", () => {
  it("names the weakest criterion below the top level", () => {
    const tip = practiceTip(
      { rubric },
      [
        { criterionId: "structure", score: 4 },
        { criterionId: "impact", score: 2 },
      ],
      true,
    );
    expect(tip).toBe("Next time, say more about impact.");
  });

  it("never names a criterion at 4: at full marks there is no say-more tip", () => {
    const all4 = [
      { criterionId: "structure", score: 4 },
      { criterionId: "impact", score: 4 },
    ];
    for (const hidden of [true, false]) {
      const tip = practiceTip({ rubric }, all4, hidden);
      expect(tip).toBe(FULL_MARKS_TIP);
      expect(tip).not.toMatch(/say more/i);
    }
  });
});
