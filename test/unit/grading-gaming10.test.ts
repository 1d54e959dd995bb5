import { describe, expect, it } from "vitest";
import { gradeQuestion, questionScore } from "../../server/grading/index.js";
import { anchorCounts, anchorlessTemplate } from "../../server/grading/language/anchorless.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { FIXTURE_PACKS_DIR } from "../helpers/packs.js";
import { GamingRowSchema, judgeRow } from "../../scripts/eval/gaming-rows.js";
import { readFixtureRows } from "../../scripts/eval/fixture-rows.js";

/**
 * Session 20 (branch `gaming10`): fluent templates made of the domain's own words, which say nothing specific: no figure
 * of their own, no denial or limit, no reason or condition, no time, quote, name, symbol or order
 * (server/grading/language/anchorless.ts). Fixtures: test/fixtures/gaming10/ and session 19's tuning pack; only
 * `tune.yaml` is asserted here (`held.yaml` is the held-apart check, reported in docs/session20-gaming10.md via
 * scripts/eval/gaming10.ts).
 */
const small = loadPacksFromDir(FIXTURE_PACKS_DIR).find((p) => p.id === "gaming9-tune")!;
const question = (id: string): Question => small.questions.find((q) => q.id === id)!;
const grade = (id: string, text: string) => {
  const q = question(id);
  const g = gradeQuestion(q, [{ text }], { pack: small });
  return { score: questionScore(q.rubric, g.scores), kinds: g.flags.map((f) => f.kind) };
};

const STAR_TEMPLATE = `**Situation:** I inherited an undocumented LLM pipeline with significant technical debt.
**Action:** I proactively mapped the system, engaged the previous owners and stakeholders, documented the critical paths and prioritised the highest-impact fixes.
**Result:** the pipeline became reliable, the team gained confidence and I learned the value of documentation.`;

describe("a template of the domain's own words", () => {
  it("a STAR boardroom story with nothing of its own is set aside", { timeout: 60_000 }, () => {
    expect(anchorlessTemplate(STAR_TEMPLATE, question("inherited-pipeline"))).toBe(true);
    const g = grade("inherited-pipeline", STAR_TEMPLATE);
    expect(g.score).toBe(0);
    // Like off-topic text it is set aside silently: it says nothing to a grader, it only earns nothing.
    expect(g.kinds).toEqual([]);
  });

  it("short declaratives and boast figures anchor nothing; a figure of the answer's own does", () => {
    const q = question("call-compliance-search");
    const declaratives =
      "Compliance is key. The risk warning is non-negotiable. Transcription is critical. Privacy is essential. We deliver 99.9% uptime and 10x recall, 24/7, for the compliance team.";
    expect(anchorCounts(declaratives, q).anchors).toBe(0);
    expect(anchorlessTemplate(declaratives, q)).toBe(true);
    const own =
      "Compliance is key. The risk warning is non-negotiable. Transcription is critical. Privacy is essential. Recall was 0.93 on 500 officer-labelled calls, for the compliance team.";
    expect(anchorlessTemplate(own, q)).toBe(false);
  });

  it("the question's own figure asked back is no anchor; the same figure stated is one", () => {
    const q = question("alt-text-images");
    const asked =
      "How do we make 120,000 images accessible? How do we keep curators in the loop? The answer is a vision-first pipeline with a quality rubric.";
    expect(anchorlessTemplate(asked, q)).toBe(true);
    const stated =
      "The vision model writes alt text for all 120,000 images overnight. Curators review a sample against the rubric each week.";
    expect(anchorlessTemplate(stated, q)).toBe(false);
  });

  it("one-criterion questions and notes under 20 words are never read", () => {
    const q = question("call-compliance-search");
    expect(anchorlessTemplate("Compliance is key. The risk warning is critical.", q)).toBe(false);
    const one = { ...q, rubric: q.rubric.slice(0, 1) };
    expect(
      anchorlessTemplate(
        `${"Compliance is key. The risk warning is non-negotiable. Transcription is critical. "}Recall matters a great deal.`,
        one,
      ),
    ).toBe(false);
  });
});

describe("honest answers keep their anchors", () => {
  it("terse notes, plain words, a STAR story with specifics and bullets with mechanisms are not templates", () => {
    const q = question("inherited-pipeline");
    expect(
      anchorlessTemplate(
        "I took over a pipeline that summarised sales calls into the CRM, with no docs and the author gone. I logged every prompt for a week and found one that cut calls at 8,000 tokens. I fixed it by chunking and wrote a README.",
        q,
      ),
    ).toBe(false);
    // Plain words: a denial and a reason.
    expect(
      anchorlessTemplate(
        "The old owner left and nobody knew what the pipeline did. I read the logs for the prompts it sends, because that was the only record, and wrote down each step for the team.",
        q,
      ),
    ).toBe(false);
    // Orders in a terse note.
    expect(
      anchorlessTemplate(
        "Run the vision model on each photo with the catalogue record in the prompt. Cap the alt text at a sentence. Curators review a random sample and anything the model marks unsure.",
        question("alt-text-images"),
      ),
    ).toBe(false);
    // Bullets naming a tool.
    expect(
      anchorlessTemplate(
        "- transcribe every call with speaker labels in Whisper\n- the model quotes the sentence where the risk warning is given\n- compliance reviews the flagged calls each week",
        question("call-compliance-search"),
      ),
    ).toBe(false);
  });

  it("the tuning rows hold their label as measured at the end of the session", { timeout: 120_000 }, () => {
    const rows = readFixtureRows("test/fixtures/gaming10/tune.yaml", GamingRowSchema);
    const held = rows.filter((r) => judgeRow(r).holds);
    expect(held.filter((r) => r.kind === "buzzword").length).toBeGreaterThanOrEqual(13);
    expect(held.filter((r) => r.kind === "honest").length).toBeGreaterThanOrEqual(8);
  });
});

describe("hostile input", () => {
  it("a 20,000-character answer is read in one pass", { timeout: 60_000 }, () => {
    const q = question("call-compliance-search");
    const inputs = [
      "a".repeat(20_000),
      `"${"b".repeat(19_999)}`,
      "Compliance: ".repeat(1_667),
      `${"x-".repeat(10_000)}`,
      "Compliance is key. ".repeat(1_053),
    ];
    for (const text of inputs) {
      const started = performance.now();
      anchorlessTemplate(text.slice(0, 20_000), q);
      // Generous for a loaded machine: the quadratic label pattern this replaced took seconds on the first input.
      expect(performance.now() - started).toBeLessThan(15_000);
    }
  });
});
