import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { gradeQuestion, prepareAnswer } from "../../server/grading/index.js";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

// The interview reads an answer up to three times in a row (the follow-up decision, its quote, the grade): the last
// reading is kept per pack object and question (prepare-answer.ts). Speed is measured by scripts/bench, never here.
const [loaded] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const json = JSON.stringify(loaded!);
const fresh = () => JSON.parse(json) as Pack;
const QUESTION = loaded!.questions.find((q) => !q.coding && q.kind === "system-design")!.id;
const answers = [{ text: "We would add an evaluation set and track retrieval recall before shipping, then cache per tenant." }];

describe("the last reading of an answer, kept per pack object", () => {
  it("is the same reading for the same pack object, and an equal one for a new object of the same pack", () => {
    const a = fresh();
    const b = fresh();
    const qa = a.questions.find((q) => q.id === QUESTION)!;
    const qb = b.questions.find((q) => q.id === QUESTION)!;
    const first = prepareAnswer(qa, answers, { pack: a });
    expect(prepareAnswer(qa, [{ ...answers[0]! }], { pack: a })).toBe(first);
    const other = prepareAnswer(qb, answers, { pack: b });
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
    // Each pack object keeps its own: reading with the second did not push out the first.
    expect(prepareAnswer(qa, answers, { pack: a })).toBe(first);
  });

  it("is read afresh when the pack's content changes (a new version's model answers)", () => {
    const a = fresh();
    const q = a.questions.find((x) => x.id === QUESTION)!;
    const strong = q.exemplars.find((e) => e.level === "strong")!.answer;
    const pasted = [{ text: strong }];
    expect(prepareAnswer(q, pasted, { pack: a }).flags.map((f) => f.kind)).toContain("copied-model-answer");
    const edited = fresh();
    const eq = edited.questions.find((x) => x.id === QUESTION)!;
    edited.version += 1;
    for (const e of eq.exemplars) e.answer = `${e.level} answer rewritten for the next version of the pack.`;
    expect(prepareAnswer(eq, pasted, { pack: edited }).flags.map((f) => f.kind)).not.toContain("copied-model-answer");
  });

  it("grades alike with the kept reading and without it (calibration's path reads afresh)", () => {
    const a = fresh();
    const q = a.questions.find((x) => x.id === QUESTION)!;
    const kept = gradeQuestion(q, answers, { pack: a });
    expect(gradeQuestion(q, answers, { pack: a })).toEqual(kept);
    expect(gradeQuestion(q, answers, { pack: fresh() })).toEqual(kept);
  });

  it("does not keep the pack object alive once the caller drops it", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    let collected = false;
    const registry = new FinalizationRegistry(() => (collected = true));
    (() => {
      const pack = fresh();
      registry.register(pack, "pack");
      gradeQuestion(
        pack.questions.find((x) => x.id === QUESTION)!,
        answers,
        { pack },
      );
    })();
    // Finalisers run in a later task than the collection: a few turns of the event loop, no timers.
    for (let turn = 0; turn < 10 && !collected; turn++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(collected).toBe(true);
  });
});
