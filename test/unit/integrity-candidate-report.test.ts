import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { gradeQuestion, MANIPULATION, questionScore } from "../../server/grading/index.js";
import { candidateReport } from "../../server/grading/integrity/candidate-report.js";
import { forMatching } from "../../server/grading/integrity/normalise.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const CASES = parse(readFileSync(new URL("../fixtures/integrity/candidate-reports.yaml", import.meta.url), "utf8")) as {
  reports: string[];
  honest: string[];
};
const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const exemplar = (q: Question, level: string) => q.exemplars.find((e) => e.level === level)!.answer;
/** The points a report claims: the first evidence term of each concept, as a candidate would name them. */
const points = (q: Question) =>
  q.rubric
    .flatMap((c) => c.evidence?.concepts ?? [])
    .map((k) => k.terms[0]!)
    .slice(0, 5)
    .join(", ");

function grade(q: Question, text: string, exemplarText: string) {
  const g = gradeQuestion(q, [{ text }], { pack, gradingExemplar: exemplarText });
  return { score: questionScore(q.rubric, g.scores), steered: g.flags.some((f) => MANIPULATION.includes(f.kind)) };
}

describe("a report of what the candidate covered, inside the candidate's answer", () => {
  const questions = ["system-prompt-leak", "support-chatbot-rag"].map((id) => pack!.questions.find((q) => q.id === id)!);

  it("is flagged and raises neither a weak nor an adequate answer", () => {
    for (const q of questions) {
      for (const level of ["weak", "adequate"]) {
        const base = exemplar(q, level);
        const clean = grade(q, base, base);
        for (const report of CASES.reports) {
          const g = grade(q, `${base}\n\n${report.replace("{points}", points(q))}`, base);
          expect(g.steered, `${q.id} ${level}: ${report}`).toBe(true);
          expect(g.score, `${q.id} ${level}: ${report}`).toBeLessThanOrEqual(clean.score);
        }
      }
    }
  });

  it("a story with its teller, or a design that checks coverage, is not a report", () => {
    expect(CASES.honest.filter((s) => candidateReport(forMatching(s)))).toEqual([]);
    const q = questions[1]!;
    const base = exemplar(q, "adequate");
    const clean = grade(q, base, base);
    for (const s of CASES.honest) {
      const g = grade(q, `${base}\n\n${s}`, base);
      expect(g.steered, s).toBe(false);
      expect(g.score, s).toBeGreaterThanOrEqual(clean.score);
    }
  });
});
