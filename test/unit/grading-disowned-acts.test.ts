import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuestion } from "../../server/grading/index.js";
import { disownedAct } from "../../server/grading/disowned-act.js";
import { partByGrammar } from "../../server/grading/checks/story-parts.js";
import { analyse } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string) => pack.questions.find((q) => q.id === id)!;
const actionCriterion = (id: string) => question(id).rubric.find((c) => c.evidence.checks?.includes("action"))!.id;
const grade = (id: string, text: string) => gradeQuestion(question(id), [{ text }], { pack }).scores;
const level = (id: string, text: string, criterion = actionCriterion(id)) =>
  grade(id, text).find((s) => s.criterionId === criterion)!.score;

/** Whether the word (its first occurrence at or after `after`) is told as an act the candidate did not take. */
function disowned(text: string, word: string, after = 0): boolean {
  const a = analyse(text);
  const at = text.toLowerCase().indexOf(word, after);
  const i = a.tokens.findIndex((t) => t.at >= at);
  return disownedAct(a, i);
}

describe("who acted and whether the act happened (disowned-act.ts)", () => {
  it("reads a negated list after a colon as acts that did not happen", () => {
    expect(disowned("I did not: roll back, page the owner, write the postmortem.", "page")).toBe(true);
    expect(disowned("What I didn't do: roll back, page the owner, write the postmortem.", "postmortem")).toBe(true);
    expect(disowned("None of these happened: a rollback, a look at the traces.", "traces")).toBe(true);
  });

  it("reads regrets, counterfactuals and unfulfilled plans as acts that did not happen", () => {
    for (const [text, word] of [
      ["I wish I had rolled back sooner.", "rolled"],
      ["I should have paged the owner.", "paged"],
      ["If I had written a runbook, it would have been quicker.", "runbook"],
      ["Ideally we would have told the users the same day.", "told"],
      ["In hindsight the right move was to roll back the prompt.", "roll"],
      ["I was going to roll back but the release manager said to wait.", "roll"],
      ["I planned to reproduce it from the logs, but never did.", "logs"],
      ["Next time I will add a canary.", "canary"],
    ] as const)
      expect(disowned(text, word), text).toBe(true);
  });

  it("reads acts with someone else as their subject as theirs", () => {
    for (const [text, word] of [
      ["The on-call engineer rolled back the deploy.", "rolled"],
      ["My manager paged the owner.", "paged"],
      ["Another team wrote the postmortem while I watched.", "postmortem"],
      ["Priya compared the traces with the baseline, found the new version and pinned the old one.", "pinned"],
      ["The SRE team saw it first. They rolled back the release.", "rolled"],
      ["I watched the on-call engineer roll back the deploy.", "roll"],
      ["Legal and comms were updated every hour by our director.", "comms"],
      ["A data scientist on the team sampled the rows and wrote a script that hashed them.", "script"],
      ["Nobody rolled back for two hours.", "rolled"],
    ] as const)
      expect(disowned(text, word), text).toBe(true);
  });

  it("keeps the candidate's own acts: we, directing, a negation that is not the act, a real act after a regret", () => {
    for (const [text, word, after] of [
      ["We rolled back the release within the hour.", "rolled", 0],
      ["Our team rolled back within six minutes.", "rolled", 0],
      ["I asked the on-call engineer to roll back and I paged the owner.", "roll", 0],
      ["I asked the on-call engineer to roll back and I paged the owner.", "paged", 0],
      ["As soon as I saw the tickets I rolled back the prompt and told the legal team.", "legal", 0],
      ["It was rolled back by me within the hour.", "rolled", 0],
      ["I didn't wait for approval: I rolled back the release.", "rolled", 0],
      ["I wish I had rolled back sooner, so at 10:05 I rolled back.", "rolled", 30],
      ["I should have asked sooner, so this time I rewrote the prompt.", "rewrote", 0],
      ["I made sure we never again ship without a rollback plan.", "made", 0],
      ["I did not only roll back: I also wrote the postmortem.", "postmortem", 0],
      ["The flag was turned off within ten minutes, after I compared the dashboards.", "turned", 0],
      ["My manager told the customers, but I turned off the feature flag.", "flag", 0],
    ] as const)
      expect(disowned(text, word, after), text).toBe(false);
  });
});

const SITUATION =
  "During my internship I owned the prompt and endpoint of a review summariser, and in the beta it invented a pool for a hotel; users posted screenshots.";
const RESULT = "Unsupported claims went from 6% to under 1% within a week.";
const story = (actions: string, reflection = "I learned to build the eval first.") =>
  `${SITUATION}\n\n${actions}\n\n${RESULT} ${reflection}`;
const Q = "llm-failure-in-front-of-users";

describe("a story's action criterion credits only the candidate's own acts", () => {
  const own =
    "I rolled back the release within the hour and reproduced the bug from the logs. I added a regression test with 150 cases and told the users on the beta list what had happened.";

  it("gives a disowned account at most level 1 where the candidate's own account earns 4 (fails without disowned-act.ts)", () => {
    expect(level(Q, story(own))).toBe(4);
    for (const disownedActions of [
      "I did not: roll back the release, reproduce it from the logs, add a regression test, or tell the users.",
      "I wish I had rolled back sooner. I should have reproduced it from the logs. If I had added a regression test, users would never have seen it. Ideally we would have told the users the same day.",
      "The on-call engineer rolled back the release and reproduced the bug from the logs. Another team added a regression test and my manager told the users.",
      "I was going to roll back but the release manager said to wait. I planned to reproduce it from the logs, but never did.",
    ])
      expect(level(Q, story(disownedActions)), disownedActions).toBeLessThanOrEqual(1);
  });

  it("keeps full credit for we, directing, a negation that is not the act, and a regret beside a real act", () => {
    for (const honest of [
      "We rolled back the release within the hour and I reproduced the bug from the logs. I added a regression test with 150 cases and told the users on the beta list what had happened.",
      "I asked the on-call engineer to roll back and I reproduced the failure from the logs. I added schema validation on the output and told the users on the beta list.",
      "I didn't wait for approval: I rolled back the release, reproduced the bug from the logs, and added a regression test. Then I told the users on the beta list.",
      "I wish I had rolled back sooner, so at 10:05 I rolled back and reproduced it from the logs. I added a regression test and told the users on the beta list.",
    ])
      expect(level(Q, story(honest)), honest).toBe(4);
  });

  it("leaves a regret its reflection credit while taking its actions credit", () => {
    const regrets = story(
      "I watched the channel while it was fixed.",
      "Looking back, I should have rolled back sooner and I wish I had added a regression test. My mistake was trusting twenty eyeballed summaries.",
    );
    const scores = grade(Q, regrets);
    expect(scores.find((s) => s.criterionId === "reflection")!.score).toBeGreaterThanOrEqual(3);
    expect(scores.find((s) => s.criterionId === "actions")!.score).toBeLessThanOrEqual(1);
  });

  it("does not change criteria other than the action criterion", () => {
    const text = story("The on-call engineer rolled back the release and reproduced the bug from the logs.");
    const before = grade(Q, story(own));
    const after = grade(Q, text);
    for (const id of ["situation-task", "result"])
      expect(after.find((s) => s.criterionId === id)!.score).toBe(before.find((s) => s.criterionId === id)!.score);
  });
});

describe("the STAR action check reads the candidate's acts", () => {
  const action = (text: string) => partByGrammar(analyse(text), "action");

  it("finds no action in a lesson, watching, a wish or a plan (fails without NOT_AN_ACT / disownedAct)", () => {
    for (const text of [
      "I learned that evals matter.",
      "I watched the channel.",
      "I wished it had gone better.",
      "Had I compared the traces, I'd have seen it.",
    ])
      expect(action(text), text).toBe(-1);
  });

  it("still finds a past act of the candidate's", () => {
    expect(action("I rolled back within the hour.")).toBe(0);
    expect(action("I wished it had gone better, so I paged the owner and rolled back.")).toBe(0);
  });
});

type Row = { id: string; question: string; side: "disowned" | "honest"; expected: number; answer: string };
const rows = parse(readFileSync(new URL("../fixtures/disowned/tuning.yaml", import.meta.url), "utf8")) as Row[];

describe("the tuning fixture (test/fixtures/disowned/tuning.yaml)", () => {
  it("gives no disowned row more than level 1 of its action criterion", () => {
    const over = rows.filter((r) => r.side === "disowned").filter((r) => level(r.question, r.answer) > 1);
    expect(over.map((r) => r.id)).toEqual([]);
  });

  it("keeps every honest row within one level of its expected level, but for one the story reader drops", () => {
    const under = rows.filter((r) => r.side === "honest").filter((r) => level(r.question, r.answer) < r.expected - 1);
    // Pre-existing, not this rule: its action paragraph is set aside as addressed to a reader (story.ts). A second
    // (h10-our-team-and-i) came within one level with coverage-15's short plain clauses (session 16, plain5).
    expect(under.map((r) => r.id)).toEqual(["h12-did-not-argue"]);
  });
});
