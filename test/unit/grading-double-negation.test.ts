import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/coverage.js";
import { features } from "../../server/grading/language/similarity.js";
import { isNegated } from "../../server/grading/negation.js";
import { keyPointCriterion } from "../helpers/one-criterion.js";

const criterion = keyPointCriterion({
  criterionId: "release",
  criterionTitle: "Release safety",
  description: "Evaluates before release, keeps a rollback plan, caches, uses canaries and tests.",
  anchors: { "0": "None.", "1": "One.", "2": "Two.", "3": "Three.", "4": "All." },
  concepts: [
    { label: "evaluation", terms: ["evaluation", "evaluate"] },
    { label: "rollback plan", terms: ["rollback plan"] },
    { label: "caching", terms: ["caching", "cache"] },
    { label: "canary", terms: ["canary release", "canary"] },
    { label: "tests", terms: ["tests"] },
  ],
});
const shown = (text: string) => conceptCoverage(criterion, text, { prose: true }).hits.map((h) => h.label);
/** The answer's single-word similarity features: "not_x" is x denied. */
const words = (text: string) => features(text).filter((f) => !f.includes(">"));
const negatedBefore = (text: string, term: string) => isNegated(text.toLowerCase(), text.toLowerCase().indexOf(term));

describe("a negated refusal asserts what it governs", () => {
  it.each([
    ["We would not skip evaluation before the launch.", "evaluation"],
    ["We can't skip evaluation on a project like this one.", "evaluation"],
    ["Never ship without a rollback plan in place.", "rollback plan"],
    ["We would never release it, not without a canary release.", "canary"],
    ["We never ship a release without tests in the pipeline.", "tests"],
    ["Our releases go out never without a rollback plan.", "rollback plan"],
    ["We do not deploy it without a canary release first.", "canary"],
    ["You cannot avoid caching here for this workload.", "caching"],
    ["Don't forget to run the evaluation before launch.", "evaluation"],
    ["Don't forget the evaluation before the launch.", "evaluation"],
    ["There is no skipping evaluation for a launch this size.", "evaluation"],
  ])("%s", (text, label) => {
    expect(shown(text)).toContain(label);
  });

  it("similarity reads the concept as stated, the refusal word as denied", () => {
    expect(words("We would not skip evaluation before the launch.")).toEqual(expect.arrayContaining(["not_skip", "evaluation"]));
    expect(words("Never ship without a rollback plan.")).toEqual(expect.arrayContaining(["rollback", "plan"]));
    expect(words("Never ship without a rollback plan.")).not.toContain("not_rollback");
    expect(words("You cannot avoid caching here.")).toContain("cache");
  });

  it("the text matcher agrees", () => {
    expect(negatedBefore("We would not skip evaluation.", "evaluation")).toBe(false);
    expect(negatedBefore("Never ship without a rollback plan.", "rollback")).toBe(false);
    expect(negatedBefore("Don't forget the canary.", "canary")).toBe(false);
    expect(negatedBefore("We would skip evaluation.", "evaluation")).toBe(true);
    expect(negatedBefore("I would ship without tests.", "tests")).toBe(true);
    expect(negatedBefore("We would never ship without tests.", "tests")).toBe(false);
  });
});

describe("a true negation still earns nothing", () => {
  it.each([
    "We do not need evaluation for this launch at all.",
    "No evaluation is needed for this launch at all.",
    "We would skip evaluation for this small launch.",
    "I would ship it without a rollback plan this time.",
    "We would avoid caching here because the data changes.",
    "We forgot the evaluation before launching.",
    "We neglected the tests and the canary release.",
    // The double negative reaches its own clause only: the later negation still denies.
    "We did not skip anything, but we did not run tests.",
    // "not only" is no negator, so "not only without" is no double negative.
    "It ships not only without tests but without a rollback plan.",
  ])("%s", (text) => {
    expect(shown(text)).toEqual([]);
  });

  it("a double negative does not spill into the next clause", () => {
    expect(shown("We would not skip evaluation, but we do not need tests.")).toEqual(["evaluation"]);
  });
});
