import { describe, expect, it } from "vitest";
import { CHECK_HANDLERS } from "../../server/grading/checks/index.js";
import { CheckSchema, loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);

describe("grading checks", () => {
  it("every check the schema allows has a handler, and every handler answers in one result shape", () => {
    expect(Object.keys(CHECK_HANDLERS).sort()).toEqual([...CheckSchema.options].sort());
    const answer =
      "The situation: our summariser invented numbers. My task was to stop it. I added a citation check and a golden set. " +
      "As a result, bad summaries fell by 60%. In hindsight I would add the eval first. 2,000 × $2.50/1M = $0.005.";
    for (const q of pack!.questions.slice(0, 12)) {
      for (const [name, handler] of Object.entries(CHECK_HANDLERS)) {
        const results = handler({ answer, question: q, lab: { ran: false, reason: "offline" } });
        expect(results.length, name).toBeGreaterThan(0);
        for (const r of results) {
          expect(typeof r.label, name).toBe("string");
          expect(typeof r.passed, name).toBe("boolean");
          expect(r.note.length, name).toBeGreaterThan(0);
          if (r.skipped) expect(r.passed, `${name}: a skipped check never passes`).toBe(false);
        }
      }
    }
  });

  it("the STAR parts report apart, and fix-works without a lab run is skipped with the reason", () => {
    const q = pack!.questions.find((x) => x.kind === "behavioural")!;
    const answer = "The situation was a failing launch. I rewrote the retry logic myself. As a result, errors fell by 40%.";
    const [situation] = CHECK_HANDLERS.situation({ answer, question: q });
    const [reflection] = CHECK_HANDLERS.reflection({ answer, question: q });
    expect(situation!.passed).toBe(true);
    expect(reflection!.passed).toBe(false);
    const [fix] = CHECK_HANDLERS["fix-works"]({ answer, question: q, lab: { ran: false, reason: "no model configured" } });
    expect(fix).toMatchObject({ passed: false, skipped: true });
    expect(fix!.note).toContain("no model configured");
  });
});
