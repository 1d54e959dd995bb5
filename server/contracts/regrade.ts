import { z } from "zod";
import { ReportSchema } from "./report.js";
import { TeamSessionDetailSchema } from "./team.js";

/**
 * What a regrade did (POST .../regrade): the questions of a finished session that were reported "could not be graded"
 * (a `gradingError`, such as GRADING_TIMEOUT) and are graded now, and those that still could not be, with why.
 * Nothing else of the session changes: its transcript, the other questions' scores and a team's overrides stay.
 */
export const RegradeOutcomeSchema = z.object({
  regraded: z.array(z.string()),
  notGraded: z.array(z.object({ questionId: z.string(), gradingError: z.string() })),
});
export type RegradeOutcome = z.infer<typeof RegradeOutcomeSchema>;

/** The candidate's regrade: the outcome and the report as the candidate reads it. */
export const RegradeResultSchema = RegradeOutcomeSchema.extend({ report: ReportSchema });
export type RegradeResult = z.infer<typeof RegradeResultSchema>;

/** A team reviewer's regrade: the outcome and the session as the team reviews it (overrides applied). */
export const TeamRegradeResultSchema = RegradeOutcomeSchema.extend({ detail: TeamSessionDetailSchema });
export type TeamRegradeResult = z.infer<typeof TeamRegradeResultSchema>;
