import { gradedOnlyWithModel, needsModelMessage } from "./cross-checks.js";
import { formatPath, type PackIssue } from "./errors.js";
import type { Pack } from "./schema.js";

/** The `file` a stored pack's problems name: there is no file, only the version the team published. */
export const STORED_PACK_FILE = "stored";

/**
 * Problems of a pack that was stored before a validation rule refused them: the rules a published pack can break
 * after the fact, because validation grew stricter since (a version is never changed once written). Today one rule:
 * a criterion graded only by `fix-works` (`criterion-needs-model`, session 17) scores 0 on every answer offline. Such
 * a version stays readable (sessions taken on it are reviewed as they were graded), but no new interview starts on it
 * until the team publishes a fixed version (server/packs/library.ts, docs/team-roles.md).
 */
export function storedPackProblems(pack: Pack): PackIssue[] {
  const problems: PackIssue[] = [];
  pack.questions.forEach((question, i) =>
    question.rubric.forEach((criterion, j) => {
      if (!gradedOnlyWithModel(criterion.evidence)) return;
      problems.push({
        file: STORED_PACK_FILE,
        path: formatPath(["questions", i, "rubric", j, "evidence", "checks"]),
        code: "criterion-needs-model",
        message: `question "${question.id}": ${needsModelMessage(criterion.id, criterion.evidence.checks)}`,
      });
    }),
  );
  return problems;
}
