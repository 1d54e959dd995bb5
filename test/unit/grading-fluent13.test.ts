import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { poorConduct } from "../../server/grading/conduct.js";
import { loadPackDir, loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

// Session 23 (`fluent13`): a behavioural story earns a behaviour only when the teller's own acts show it
// (server/grading/conduct.ts). Stories are on the built-in pack's on-call question and on the fluent13 test pack.
const builtin = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const team = loadPackDir("test/fixtures/fluent13").pack;
const onCall = builtin.questions.find((q) => q.id === "first-on-call-quality-drop")!;
const slipped = team.questions.find((q) => q.id === "missed-commitment")!;
const crossTeam = team.questions.find((q) => q.id === "cross-team-work")!;
const criterion = (question: typeof onCall, text: string, id: string) =>
  gradeQuestion(question, [{ text }], { pack: question === onCall ? builtin : team }).scores.find((s) => s.criterionId === id)!;
const kinds = (question: typeof onCall, text: string) => poorConduct(question, text).map((a) => a.kind);

const BLAME_AND_BYPASS =
  "I owned the release of our new summarisation model and we missed the sprint deadline by a week. When the PM asked " +
  "why, I told her it was QA's fault for finding issues so late. To make up the time I pushed the change to production " +
  "myself on Friday evening without waiting for review, and the incident over the weekend proved my point. We shipped " +
  "a week late. I learned that you have to move fast and not let process slow you down.";

describe("conduct the teller stands by caps the story's behaviour (conduct.ts)", () => {
  it("caps ownership and reflection at 1 and quotes the act", () => {
    const ownership = criterion(slipped, BLAME_AND_BYPASS, "ownership");
    expect(ownership.score).toBeLessThanOrEqual(1);
    expect(ownership.feedback).toContain("blamed others");
    expect(ownership.feedback).toContain("QA's fault");
    expect(criterion(slipped, BLAME_AND_BYPASS, "reflection").score).toBeLessThanOrEqual(1);
    // The situation and the outcome are still told: conduct is not read there.
    expect(criterion(slipped, BLAME_AND_BYPASS, "situation").feedback).not.toContain("own acts");
  });

  it("reads the act from its verb and object, not one wording", () => {
    expect(kinds(onCall, "I was on call. I skipped the eval gate and hot-patched the prompt.")).toContain("bypassed the team's checks");
    expect(kinds(onCall, "I was on call and I ignored the traces because I was sure it was the data.")).toContain(
      "set aside the evidence or other people's views",
    );
    expect(kinds(onCall, "I fixed the prompt and didn't mention it to anyone.")).toContain("did not tell the people affected");
    expect(kinds(crossTeam, "Their lead asked for a design doc, so I went around them and changed the limit myself.")).toContain(
      "went around or over other people",
    );
    expect(kinds(crossTeam, "It shipped. I learned that reviews are mostly a formality.")).toContain(
      "a lesson that casts the team's checks as the obstacle",
    );
  });

  it("does not dock bad acts done by others, acts reported as feedback, negated acts or an owned mistake", () => {
    expect(kinds(onCall, "Another engineer had pushed a prompt change to production without review; I rolled it back.")).toEqual([]);
    expect(kinds(onCall, "My lead told me that I merged before approval, so I asked her for examples.")).toEqual([]);
    expect(kinds(onCall, "I didn't blame anyone and I never skipped the tests.")).toEqual([]);
    expect(kinds(onCall, "I should have paged the owner sooner.")).toEqual([]);
    const owned =
      "I once pushed a config change to production without review and it took down the embedding job. That was my fault " +
      "and I said so in the postmortem. I rolled it back, and now every config change goes through a pull request.";
    expect(kinds(slipped, owned)).toEqual([]);
    for (const id of ["ownership", "reflection"]) expect(criterion(slipped, owned, id).feedback).not.toContain("own acts");
  });

  it("reads only behavioural questions", () => {
    const design = builtin.questions.find((q) => q.kind !== "behavioural")!;
    expect(poorConduct(design, "I blamed QA and skipped the review.")).toEqual([]);
  });

  it("reads a long hostile answer in linear time", () => {
    const unit = "I told her it was their fault and I skipped the review, ";
    // The fastest of three fresh texts each (a shared machine's load spikes would otherwise decide the test).
    const time = (n: number) =>
      Math.min(
        ...[0, 1, 2].map((k) => {
          const text = `${unit.repeat(n)}${" ".repeat(k)}.`;
          const t0 = performance.now();
          poorConduct(slipped, text);
          return performance.now() - t0;
        }),
      );
    time(50);
    const small = time(200);
    const big = time(400);
    expect(big).toBeLessThan(Math.max(small, 5) * 4);
  });
});
