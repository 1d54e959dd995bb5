import { describe, expect, it } from "vitest";
import type { CriterionScore, Report } from "../../server/contracts/index.js";
import { gradeQuestion, mergeJudge, TESTS_CRITERION_ID } from "../../server/grading/index.js";
import { candidateFeedback, candidateReport, missingPointsHidden } from "../../server/interview/candidate-report.js";
import { createStaticCatalog, defaultVariantPack, loadPacksFromDir, type Pack, type PackCatalog } from "../../server/scenarios/index.js";
import { reportToMarkdown } from "../../client/src/report/to-markdown.js";
import { MISSING_POINTS_HIDDEN } from "../../client/src/report/words.js";
import { miniPack } from "../helpers/packs.js";

const builtin = defaultVariantPack(loadPacksFromDir("scenarios")[0]!);

describe("candidateFeedback (what a candidate reads when the pack hides missing key points)", () => {
  // In three parts of ten questions: whole, it ran past the 90 s limit at load 30 on 2 cores.
  let graded = 0;
  let hadMissing = 0;
  it.each([0, 1, 2])(
    "names no missing key point and no level description, whatever the grader wrote, on the built-in pack's answers (part %i of 3)",
    (part) => {
      for (const question of builtin.questions.filter((q) => !q.coding).slice(part * 10, part * 10 + 10)) {
        // Partial answers: the first sentence of each exemplar, and each exemplar whole.
        const answers = question.exemplars.flatMap((e) => [e.answer.split(/(?<=\.)\s/)[0]!, e.answer]);
        for (const text of answers) {
          for (const score of gradeQuestion(question, [{ text }]).scores) {
            if (score.insufficientEvidence) continue;
            const criterion = question.rubric.find((c) => c.id === score.criterionId)!;
            const stated = score.evidence.map((e) => e.note.toLowerCase()).join(" | ");
            const missing = criterion.evidence.concepts.map((c) => c.label).filter((l) => !stated.includes(l.toLowerCase()));
            const said = candidateFeedback(score);
            graded++;
            if (missing.length && score.feedback.includes("Not shown")) hadMissing++;
            for (const label of missing) expect(said, `${question.id}/${criterion.id}: "${label}"`).not.toContain(label);
            for (const anchor of Object.values(criterion.anchors)) expect(said).not.toContain(anchor);
            expect(said).toMatch(/ Level \d of 4\.$/);
            expect(said).toContain(`Level ${score.score} of 4`);
          }
        }
      }
    },
  );
  it("the three parts graded enough criteria, many of them with missing points named by the grader", () => {
    expect(graded).toBeGreaterThan(50);
    // The grader's own feedback did name missing points on many of these: the cases test something.
    expect(hadMissing).toBeGreaterThan(10);
  });

  it("keeps the reasons a criterion was not graded and the test run's summary, less any judge's words", () => {
    const base = { evidence: [], source: "evidence" as const, score: 0 };
    const notAnswered: CriterionScore = {
      ...base,
      criterionId: "c",
      feedback: "Not answered.",
      insufficientEvidence: true,
      notGraded: "not-answered",
    };
    expect(candidateFeedback(notAnswered)).toBe("Not answered.");
    const tests: CriterionScore = {
      ...base,
      criterionId: TESTS_CRITERION_ID,
      score: 2,
      feedback: "Passed 2 of 4 tests (hidden: 1 of 2) in python. Failing visible tests: empty list.",
      insufficientEvidence: false,
    };
    expect(candidateFeedback(tests)).toBe(tests.feedback);
    const [judged, unjudged] = mergeJudge(
      [
        {
          ...notAnswered,
          criterionId: "a",
          feedback: "Insufficient evidence: the answer (3 words) states nothing this criterion can be judged on.",
        },
        { ...notAnswered, criterionId: "b", feedback: "Not answered." },
      ],
      [{ criterionId: "a", score: 3, rationale: "It never mentions the secret key point.", quote: "" }],
      { manipulated: false },
    );
    expect(judged!.feedback).toContain("secret key point");
    expect(candidateFeedback(judged!)).toBe("Insufficient evidence: the answer (3 words) states nothing this criterion can be judged on.");
    expect(candidateFeedback(unjudged!)).toBe("Not answered.");
  });

  it("says so when nothing was stated", () => {
    const score: CriterionScore = {
      criterionId: "c",
      score: 0,
      evidence: [],
      feedback: "No key point of this criterion was stated. Level 0: Names nothing about secret-anchor.",
      source: "evidence",
      insufficientEvidence: false,
    };
    expect(candidateFeedback(score)).toBe("No key point of this criterion was stated. Level 0 of 4.");
  });
});

describe("candidateReport", () => {
  const criterion = {
    criterionId: "retrieval",
    title: "Retrieval",
    weight: 2,
    score: 2,
    evidence: [{ quote: "chunk by heading", note: "chunking" }],
    feedback: "Covered 1 of 2 key points (chunking). Not shown: embeddings. Level 2: secret anchor. Judge: misses embeddings",
    source: "judge" as const,
    insufficientEvidence: false,
    evidenceScore: 2,
    judgeScore: 2,
    judgeRationale: "misses embeddings",
    disagreement: false,
    strongAnswerAdds: "Embeddings in a vector index.",
  };
  const report: Report = {
    sessionId: "00000000-0000-4000-8000-000000000001",
    packId: "p",
    packVersion: 1,
    packTitle: "P",
    mode: "timed",
    level: null,
    startedAt: 0,
    completedAt: 1,
    overall: 50,
    graderVersion: "g",
    judgeModel: "j",
    judgePromptVersion: "v",
    rounds: [
      {
        roundId: "r",
        kind: "system-design",
        title: "R",
        endReason: "completed",
        questions: [
          {
            questionId: "q",
            title: "Q",
            asked: true,
            answered: true,
            score: 50,
            turns: [],
            flags: [],
            judge: { status: "graded", message: "also graded by j" },
            criteria: [criterion],
            exemplar: "The strong exemplar.",
          },
        ],
      },
    ],
  };

  it("drops the hint, the judge's reason and the exemplar, rewrites feedback, and keeps scores and the candidate's quotes", () => {
    const view = candidateReport(report);
    const text = JSON.stringify(view);
    for (const secret of ["embeddings", "secret anchor", "strong exemplar", "Embeddings in a vector index"])
      expect(text).not.toContain(secret);
    const q = view.rounds[0]!.questions[0]!;
    expect(q.criteria[0]).toMatchObject({
      score: 2,
      judgeScore: 2,
      evidence: criterion.evidence,
      feedback: "Key points your answer stated: chunking. Level 2 of 4.",
    });
    expect(view).toMatchObject({ overall: 50, missingPoints: "hide" });
    // The stored report is untouched: the team reads it.
    expect(report.rounds[0]!.questions[0]!.exemplar).toBe("The strong exemplar.");
  });

  it("the Markdown export says the pack keeps its answer key, once, and only then", () => {
    const hidden = reportToMarkdown(candidateReport(report));
    expect(hidden.split(MISSING_POINTS_HIDDEN)).toHaveLength(2);
    expect(hidden).not.toContain("embeddings");
    expect(reportToMarkdown(report)).not.toContain(MISSING_POINTS_HIDDEN);
  });
});

describe("missingPointsHidden (which packs' reports a candidate reads without missing points)", () => {
  const mini = miniPack();
  const versions = (...packs: Pack[]): PackCatalog => ({
    get: async (key, version) => {
      const pack = packs.find((p) => p.id === key && p.version === version);
      return pack && { key, version, teamId: null, visibility: "public", pack };
    },
    latest: async (key) => {
      const pack = packs.filter((p) => p.id === key).at(-1);
      return pack && { key, version: pack.version, teamId: null, visibility: "public", pack };
    },
    listPublic: async () => [],
  });
  const withSetting = (version: number, missingPoints: "show" | "hide") => ({
    ...mini,
    version,
    report: { ...mini.report, missingPoints },
  });

  it("shows by default, and for a pack stored before the setting existed", async () => {
    expect(await missingPointsHidden(createStaticCatalog([mini]), "mini", mini.version)).toBe(false);
    const { report: _report, ...legacy } = mini;
    expect(await missingPointsHidden(createStaticCatalog([legacy as Pack]), "mini", mini.version)).toBe(false);
  });

  it("hides when the session's version or the pack's latest says so, or when the pack is gone", async () => {
    expect(await missingPointsHidden(versions(withSetting(1, "hide")), "mini", 1)).toBe(true);
    expect(await missingPointsHidden(versions(withSetting(1, "show"), withSetting(2, "hide")), "mini", 1)).toBe(true);
    // A later version that shows again does not open a report its own version closed.
    expect(await missingPointsHidden(versions(withSetting(1, "hide"), withSetting(2, "show")), "mini", 1)).toBe(true);
    expect(await missingPointsHidden(versions(withSetting(1, "show"), withSetting(2, "show")), "mini", 1)).toBe(false);
    expect(await missingPointsHidden(versions(), "mini", 1)).toBe(true);
  });
});
