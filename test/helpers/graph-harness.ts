import { Command, MemorySaver } from "@langchain/langgraph";
import type { CriterionScore, Report, ServerEventName } from "../../server/contracts/index.js";
import { compileInterviewGraph, type AnswerInput, type InterviewDeps } from "../../server/interview/index.js";
import { buildPlan } from "../../server/interview/plan.js";
import { gradeQuestion, weakestCriterion } from "../../server/grading/index.js";
import { createOfflineInterviewer, type Interviewer } from "../../server/llm/index.js";
import { createStaticCatalog, type Level, type Pack } from "../../server/scenarios/index.js";

export type RecordedEvent = { name: ServerEventName; body: Record<string, unknown> };

/** The interview graph alone, on a MemorySaver, with a hand-driven clock. */
export function graphHarness(
  pack: Pack,
  options: {
    mode?: "timed" | "practice";
    level?: Level;
    rounds?: string[];
    interviewer?: Interviewer;
    tokenBudget?: number;
    /** Make grading one question throw (a grader crash mid-grading). */
    failGradingOf?: string;
    /** Where answers are read (grade, follow-up decision and reading), as the app wires its grading thread. */
    readings?: Pick<InterviewDeps, "gradeAnswers" | "weakestCriterionOf" | "followUpReadingOf">;
  } = {},
) {
  let clock = 1_000_000;
  const events: RecordedEvent[] = [];
  const grades = new Map<string, CriterionScore[]>();
  const reports: Report[] = [];
  const deps: InterviewDeps = {
    packs: createStaticCatalog([pack]),
    interviewer: options.interviewer ?? createOfflineInterviewer(),
    ...(options.tokenBudget !== undefined ? { tokenBudget: options.tokenBudget } : {}),
    now: () => clock,
    emit: async (_sessionId, name, body) => {
      events.push({ name, body: body as Record<string, unknown> });
    },
    sink: { saveReport: async (report) => void reports.push(report) },
    ...options.readings,
    ...(options.failGradingOf
      ? {
          gradeAnswers: async (question, answers, ctx) => {
            if (question.id === options.failGradingOf) throw new Error("grader crashed");
            return gradeQuestion(question, answers, ctx);
          },
          // The follow-up decision grades in the same place, so a crashing grader fails it too (else its grade would
          // be handed on and the crash never seen).
          weakestCriterionOf: async (question, answers, ctx) => {
            if (question.id === options.failGradingOf) throw new Error("grader crashed");
            const grade = gradeQuestion(question, answers, ctx);
            return { criterionId: weakestCriterion(question, answers, ctx, grade)?.criterion.id ?? null, grade };
          },
        }
      : {}),
  };
  const graph = compileInterviewGraph(deps, new MemorySaver());
  const sessionId = "00000000-0000-4000-8000-000000000001";
  const config = { configurable: { thread_id: sessionId } };
  const plan = buildPlan(pack, { level: options.level, rounds: options.rounds });
  /** The scores as the checkpoint (their one owner) holds them after each step. */
  const step = async <T>(run: Promise<T>): Promise<T> => {
    const out = await run;
    for (const [id, scores] of Object.entries((await graph.getState(config)).values.grades ?? {}))
      grades.set(id, scores as CriterionScore[]);
    return out;
  };
  return {
    events,
    grades,
    reports,
    plan,
    advanceClock: (ms: number) => void (clock += ms),
    now: () => clock,
    start: () =>
      step(
        graph.invoke(
          {
            sessionId,
            packId: pack.id,
            packVersion: pack.version,
            mode: options.mode ?? "timed",
            level: options.level ?? null,
            interviewPlan: plan,
          },
          config,
        ),
      ),
    resume: (input: AnswerInput) => step(graph.invoke(new Command({ resume: input }), config)),
    state: async () => (await graph.getState(config)).values,
    /** Events named `name`, in order. */
    named: (name: ServerEventName) => events.filter((e) => e.name === name).map((e) => e.body),
    /** The turn the graph waits on, read from the last question:start. */
    awaiting: () => {
      const starts = events.filter((e) => e.name === "question:start");
      return starts.at(-1)?.body as { questionId: string; kind: string; baseQuestionId: string } | undefined;
    },
  };
}
