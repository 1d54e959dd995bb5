import { describe, expect, it } from "vitest";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { PLACEMENTS } from "../helpers/attacked.js";
import { PUBLIC_ATTACKS, publicInjectionsRaiseNothing } from "../helpers/corpora.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);

// Behavioural questions are not held yet: task-like attack text can still pass the STAR checks
// (docs/grading.md lists this as open). Every attack in every placement here, dealt over the
// questions; every attack on every question: npm run bench:corpora.
describe("public prompt-injection texts (BIPIA sample) appended, prepended or alone", () => {
  it("never raise a weak or adequate exemplar above its clean score", () => {
    expect(PUBLIC_ATTACKS.length).toBeGreaterThanOrEqual(30);
    const { graded, problems } = publicInjectionsRaiseNothing(pack!, "sample");
    expect(graded).toBe(PUBLIC_ATTACKS.length * PLACEMENTS.length);
    expect(problems).toEqual([]);
  });
});
