import { Command, MemorySaver } from "@langchain/langgraph";
import type { CriterionScore, Report, ServerEventName } from "../../server/contracts/index.js";
import { compileInterviewGraph, type AnswerInput, type InterviewDeps } from "../../server/interview/index.js";
import { buildPlan } from "../../server/interview/plan.js";
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
    /** Make saving one question's grades fail (a storage error mid-grading). */
    failSavingGradesOf?: string;
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
    sink: {
      saveGrades: async (_s, questionId, scores) => {
        if (questionId === options.failSavingGradesOf) throw new Error("disk I/O error");
        grades.set(questionId, scores);
      },
      saveReport: async (report) => void reports.push(report),
    },
  };
  const graph = compileInterviewGraph(deps, new MemorySaver());
  const sessionId = "00000000-0000-4000-8000-000000000001";
  const config = { configurable: { thread_id: sessionId } };
  const plan = buildPlan(pack, { level: options.level, rounds: options.rounds });
  return {
    events,
    grades,
    reports,
    plan,
    advanceClock: (ms: number) => void (clock += ms),
    now: () => clock,
    start: () =>
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
    resume: (input: AnswerInput) => graph.invoke(new Command({ resume: input }), config),
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
