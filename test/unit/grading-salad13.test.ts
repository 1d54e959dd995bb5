import { describe, expect, it } from "vitest";
import { unrelatedSentences } from "../../server/grading/unrelated-sentences.js";
import { loadPackDir, type Question } from "../../server/scenarios/index.js";
import { GamingRowSchema, judgeRow } from "../../scripts/eval/gaming-rows.js";
import { readFixtureRows } from "../../scripts/eval/fixture-rows.js";

/**
 * Session 23 (branch `salad13`): word salads of the question's own words and stuffed filler earn nothing
 * (server/grading/unrelated-sentences.ts, language/unattested-pairs.ts). Fixtures: test/fixtures/salad13/ (a team pack
 * and rows); only `tune.yaml` is asserted here (`held.yaml` is the held-apart check, reported in
 * docs/session23-salad13.md via scripts/eval/salad13.ts).
 */
const pack = loadPackDir("test/fixtures/salad13").pack;
const question = (id: string): Question => pack.questions.find((q) => q.id === id)!;
const kinds = (id: string, text: string) => unrelatedSentences(question(id), text).map((s) => s.kind);

describe("sentences that relate nothing", () => {
  it("a salad of the question's words strung with glue is read as one", { timeout: 60_000 }, () => {
    expect(
      kinds(
        "duplicate-bug-reports",
        "The similarity cutoff of the vector tracker reranks the open maintainer into labels, and the recall of every duplicate embeds the neighbour confirmation across the acceptance of stack traces.",
      ),
    ).toEqual(["salad"]);
  });
  it("generic filler with the question's terms hung on it is read as filler", { timeout: 60_000 }, () => {
    expect(kinds("ticket-router-billing", "In my experience it is important to consider definitions and precedence.")).toEqual(["filler"]);
  });
  it("honest shapes are not read: terse, dense, a figure, someone acting, a list, code, another language", { timeout: 60_000 }, () => {
    for (const text of [
      "Embed title and body, take the top 5 nearest open issues above a tuned threshold.",
      "Maintainer confirms, never auto-close.",
      "A report whose stack trace matches an open issue's top frames is almost always the same bug, so it goes first in the suggestions.",
      "We replay issues already closed as duplicate and measure precision and recall at top 5.",
      "The reporter sees the suggestions while typing, the maintainer links the issue on triage, and each confirm or reject is logged as a label.",
      "```python\nscores = index.search(embed(title + body), k=5)\n```",
      "Wir betten Titel und Text ein und zeigen die fünf ähnlichsten offenen Issues über einem Schwellenwert.",
      "We can use embedding of title and description, search the nearest open issue and show to reporter if similarity is over threshold.",
    ])
      expect(kinds("duplicate-bug-reports", text), text).toEqual([]);
  });
  it("one-criterion questions are never read", { timeout: 60_000 }, () => {
    const one: Question = { ...question("duplicate-bug-reports"), rubric: [question("duplicate-bug-reports").rubric[0]!] };
    expect(
      unrelatedSentences(
        one,
        "The similarity cutoff of the vector tracker reranks the open maintainer into labels of the embedding recall.",
      ),
    ).toEqual([]);
  });
  it("hostile input stays fast", { timeout: 60_000 }, () => {
    const started = Date.now();
    unrelatedSentences(question("duplicate-bug-reports"), "embedding of the threshold into the ".repeat(3000));
    unrelatedSentences(question("duplicate-bug-reports"), "a".repeat(20_000));
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe("the tuning rows", () => {
  it("honest rows keep their floor, unflagged", { timeout: 120_000 }, () => {
    for (const r of readFixtureRows("test/fixtures/salad13/tune.yaml", GamingRowSchema).filter((x) => x.kind === "honest"))
      expect(judgeRow(r).holds, r.id).toBe(true);
  });
});
