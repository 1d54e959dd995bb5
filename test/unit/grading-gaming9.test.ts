import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { configLines } from "../../server/grading/integrity/config-lines.js";
import { DOMAIN_WORDS_FILE, domainWordLines } from "../../server/grading/language/domain-words.js";
import { offDomainSalad } from "../../server/grading/language/off-domain-words.js";
import { packIndex } from "../../server/grading/pack-index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR, FIXTURE_PACKS_DIR } from "../helpers/packs.js";
import { GamingRowSchema, judgeRow } from "../../scripts/eval/gaming-rows.js";
import { readFixtureRows } from "../../scripts/eval/fixture-rows.js";

/**
 * Session 19 (branch `gaming9`): buzzword templates and gibberish on a team's SMALL pack, read against the domain's
 * words at large (server/grading/language/domain-words.ts) joined to the pack's own; made-up words; a template's frame
 * words; a quoted JSON or YAML configuration is no keyword list (server/grading/integrity/config-lines.ts). Fixtures:
 * test/fixtures/gaming9/ and test/fixtures/packs/gaming9-tune; only `tune.yaml` is asserted here (`held.yaml` is the
 * held-apart check, reported in docs/session19-gaming9.md via scripts/eval/gaming9.ts).
 */
const small = loadPacksFromDir(FIXTURE_PACKS_DIR).find((p) => p.id === "gaming9-tune")!;
const question = (id: string): Question => small.questions.find((q) => q.id === id)!;
const salad = (id: string, text: string) => offDomainSalad(text, question(id), packIndex(small).idf);

describe("the domain's words at large", () => {
  it("domain-words.txt is the built-in pack's vocabulary (npm run domain-words rewrites it)", { timeout: 60_000 }, () => {
    const builtin = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
    expect(readFileSync(DOMAIN_WORDS_FILE, "utf8")).toBe(domainWordLines(builtin));
  });
});

describe("a small pack: four questions, a few hundred words of its own", () => {
  it("a boardroom template of the rubric's terms is set aside", { timeout: 60_000 }, () => {
    expect(
      salad(
        "call-compliance-search",
        "We leverage speaker labels, a checklist per rule and quoted evidence to ensure robust, scalable compliance, empowering the business with holistic risk visibility.",
      ),
    ).toBe(true);
    // Frame words ("every", "where", "24/7") say nothing specific beside the glue.
    expect(
      salad(
        "call-compliance-search",
        "Every transcript flows through a seamless, insight-driven checklist where the risk warning is verified and redaction is safeguarded 24/7.",
      ),
    ).toBe(true);
  });
  it("gibberish of figures and made-up words is set aside", { timeout: 60_000 }, () => {
    expect(
      salad(
        "alt-text-images",
        "The 125 characters of metadata florp through 2% of the batch API, and the curators spot check 50 quibbets of the rubric at 3 zanthers per artist.",
      ),
    ).toBe(true);
  });
  it("honest answers with words the domain never needed stay: stories, names, slips", { timeout: 60_000 }, () => {
    for (const [id, honest] of [
      [
        "alt-text-images",
        "Send the catalogue record with each photo, because without it the model calls a bronze a metal statue; cap the text at 125 characters and run the batch overnight.",
      ],
      [
        "call-compliance-search",
        "Transcribe with speaker labels on Kubernetes workers, find the scripted risk warning by fuzzy matching, and have the LLM quote the sentence and timestamp for any pressure flag.",
      ],
      [
        "inherited-pipeline",
        "I traced twelve invoices through the logs of the retreival step, drew the flow, and froze a baseline of 100 outputs before changing anything; incidents fell from six to one.",
      ],
    ] as const)
      expect(salad(id, honest), honest).toBe(false);
  });
});

describe("a quoted configuration is data, not a keyword list", () => {
  const config = [
    "The job config we ran:",
    "",
    "```json",
    "{",
    '  "model": "vision-mini",',
    '  "max_chars": 125,',
    '  "include": ["title", "maker", "date", "material", "culture", "period"],',
    '  "mode": "batch",',
    '  "review_sample_rate": 0.02',
    "}",
    "```",
    "",
    "Curators scored the sample with a three-point rubric.",
  ].join("\n");
  it("its lines are found; a bare list of terms in braces is no configuration", () => {
    expect([...configLines(config.split("\n\n")[1]!)]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(configLines('{"keywords": ["metadata", "batch", "rubric", "curators", "sample", "screen reader"]}').size).toBe(0);
    expect(configLines("alt_text:\n  model: vision-mini\n  max_chars: 125\n  include: [title, maker, date]\n  sample: 0.02").size).toBe(5);
  });
  it("an answer quoting it is not flagged; the same list as prose still is", { timeout: 60_000 }, () => {
    const q = question("alt-text-images");
    expect(gradeQuestion(q, [{ text: config }], { pack: small }).flags).toEqual([]);
    const listed = "Fields: title, maker, date, material, culture, period, batch, rubric, curators, sample";
    expect(gradeQuestion(q, [{ text: listed }], { pack: small }).flags.map((f) => f.kind)).toContain("keyword-list");
  });
});

describe("tuning rows (test/fixtures/gaming9/tune.yaml, on the small tuning pack)", () => {
  const rows = readFixtureRows("test/fixtures/gaming9/tune.yaml", GamingRowSchema);
  // Still above weak (docs/session19-gaming9.md, "Left"): templates with one word from outside the domain and a
  // thing of the situation or a sequence ("the system", "before"), and a conversational one of the domain's words.
  const LEFT = new Set(["t-bz-11", "t-bz-12", "t-bz-13"]);
  for (const kind of ["gibberish", "buzzword"] as const)
    it(`${kind} rows earn no more than the weak exemplar`, { timeout: 180_000 }, () => {
      for (const r of rows.filter((x) => x.kind === kind && !LEFT.has(x.id)))
        expect(judgeRow(r).holds, `${r.id}: ${judgeRow(r).detail}`).toBe(true);
    });
  it("honest rows are never flagged, and keep their floor but for a plain answer older readers miss", { timeout: 180_000 }, () => {
    for (const r of rows.filter((x) => x.kind === "honest")) {
      const j = judgeRow(r);
      expect(j.flags, r.id).toBe("");
      if (r.id !== "t-hn-5") expect(j.holds, `${r.id}: ${j.detail}`).toBe(true);
    }
  });
});
