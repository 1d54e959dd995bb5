import type { CriterionScore, Report } from "../contracts/index.js";
import { TESTS_CRITERION_ID } from "../grading/index.js";
import type { Criterion, PackCatalog } from "../scenarios/index.js";

/**
 * What a candidate reads of their own grading when the pack keeps its answer
 * key (`report.missingPoints: hide`): the scores, the quotes of their own answer
 * and the key points it stated, and nothing that says what it left out. The
 * grader's feedback names the missing key points ("Not shown: ...", "States the
 * opposite of: ...", ...) and quotes the level's description; the judge's
 * reason may name them too; `strongAnswerAdds` and the exemplar say what a full
 * answer holds. A pack retaken by candidates would hand its rubric out, so the
 * candidate's copy is rebuilt from the structured fields instead of edited
 * (editing a sentence list would leak whatever a new sentence kind names).
 * The stored report stays whole: the team's review reads it.
 */

/**
 * Whether the candidate's view hides missing key points: when the session's pack
 * version says so, or the pack's latest version does (a team that turns it on
 * closes the reports already written too), or when the pack can no longer be
 * found (the safe side of a setting that protects an answer key).
 */
export async function missingPointsHidden(packs: PackCatalog, packKey: string, version: number): Promise<boolean> {
  const [sat, latest] = await Promise.all([packs.get(packKey, version), packs.latest(packKey)]);
  if (!sat && !latest) return true;
  // Packs stored before the setting existed have no `report`: they show, as they always did.
  return [sat, latest].some((r) => r?.pack.report?.missingPoints === "hide");
}

/** A finished session's report as its candidate, or anyone holding a share link, may read it. */
export async function reportForCandidate(
  packs: PackCatalog,
  session: { pack_id: string; pack_version: number },
  report: Report,
): Promise<Report> {
  return (await missingPointsHidden(packs, session.pack_id, session.pack_version)) ? candidateReport(report) : report;
}

/** The report as its candidate (and anyone with a share link) may read it when missing points are hidden. */
export function candidateReport(report: Report): Report {
  return {
    ...report,
    missingPoints: "hide",
    rounds: report.rounds.map((round) => ({
      ...round,
      questions: round.questions.map(({ exemplar: _exemplar, ...question }) => ({
        ...question,
        criteria: question.criteria.map(({ strongAnswerAdds: _adds, judgeRationale: _why, ...c }) => ({
          ...c,
          feedback: candidateFeedback(c),
        })),
      })),
    })),
  };
}

/**
 * One criterion's feedback without what the answer left out. The tests criterion
 * reports the run (visible test names, hidden ones counted), and a criterion
 * graded on nothing says why (not answered, another language, everything set
 * aside): neither names a key point, so they stand, less any judge's words.
 * A graded criterion is described from its evidence: the key points stated.
 */
export function candidateFeedback(score: CriterionScore): string {
  const stored = withoutJudge(score);
  if (score.criterionId === TESTS_CRITERION_ID || score.insufficientEvidence) return stored;
  const stated = score.evidence.map((e) => e.note).filter(Boolean);
  const said = stated.length ? `Key points your answer stated: ${stated.join("; ")}.` : "No key point of this criterion was stated.";
  return `${said} Level ${score.score} of 4.`;
}

/** Practice mode's tip when missing points are hidden: the criterion to work on, by its (public) title only. */
export function candidateTip(criterion: Pick<Criterion, "title">): string {
  return `Next time, say more about ${criterion.title.toLowerCase()}.`;
}

/** The grader's own feedback, without the judge's reason merged after it (server/grading/judge/merge.ts). */
function withoutJudge(score: CriterionScore): string {
  const feedback = score.feedback;
  if (score.judgeRationale !== undefined) {
    const at = feedback.lastIndexOf(` Judge: ${score.judgeRationale}`);
    return at >= 0 ? feedback.slice(0, at) : "";
  }
  return feedback.replace(/ \(The judge gave no score for this criterion\.\)$/, "");
}
