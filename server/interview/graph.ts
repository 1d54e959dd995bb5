import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import { createDecidedGrades } from "./decided-grades.js";
import type { InterviewDeps } from "./deps.js";
import { makeAskNode } from "./nodes/ask.js";
import { makeAssessNode } from "./nodes/assess.js";
import { makeAwaitAnswerNode } from "./nodes/await-answer.js";
import { makeEndRoundNode } from "./nodes/end-round.js";
import { makeFollowUpNode } from "./nodes/follow-up.js";
import { makeGradeNode, nextNode } from "./nodes/grade.js";
import { makePlanNode } from "./nodes/plan.js";
import { makeReportNode } from "./nodes/report.js";
import { makeStartRoundNode } from "./nodes/start-round.js";
import { InterviewState, type InterviewStateValue } from "./state.js";

/**
 * plan -> startRound -> ask -> awaitAnswer [interrupt, then: follow up?]
 * awaitAnswer -> followUp -> awaitAnswer (or grade, when no follow-up could be read) | grade -> ask | endRound
 * endRound -> startRound | report -> END
 *
 * Each node is a step of LangGraph's loop (~0.3-0.5 ms of CPU each, on the way
 * from a submit to the next question), so a decision that needs no step of its
 * own is made in the node before it. `assess` and `next` are what earlier
 * versions ran between: kept, with their edges, only so a checkpoint written
 * with one of them next (a step that threw there) still runs on.
 */
export function buildInterviewGraph(deps: InterviewDeps) {
  // The follow-up decision's grade, handed from awaitAnswer to grade when no follow-up comes: one grading per answer.
  const decided = createDecidedGrades();
  return (
    new StateGraph(InterviewState)
      .addNode("plan", makePlanNode(deps))
      .addNode("startRound", makeStartRoundNode(deps))
      .addNode("ask", makeAskNode(deps))
      .addNode("awaitAnswer", makeAwaitAnswerNode(deps, decided))
      .addNode("assess", makeAssessNode(deps))
      .addNode("followUp", makeFollowUpNode(deps))
      .addNode("grade", makeGradeNode(deps, decided))
      .addNode("next", nextNode)
      .addNode("endRound", makeEndRoundNode(deps))
      .addNode("report", makeReportNode(deps))
      .addEdge(START, "plan")
      .addEdge("plan", "startRound")
      .addEdge("startRound", "ask")
      .addEdge("ask", "awaitAnswer")
      // "assess" and "next" are never chosen; listed so LangGraph, which refuses a graph with a node no edge reaches, keeps them.
      .addConditionalEdges("awaitAnswer", routeAfterAnswer, ["followUp", "grade", "assess"])
      .addConditionalEdges("assess", routeAfterAnswer, ["followUp", "grade"])
      .addConditionalEdges("followUp", routeAfterFollowUp, ["awaitAnswer", "grade"])
      .addConditionalEdges("grade", routeAfterNext, ["ask", "endRound", "next"])
      .addConditionalEdges("next", routeAfterNext, ["ask", "endRound"])
      .addConditionalEdges("endRound", routeAfterRound, ["startRound", "report"])
      .addEdge("report", END)
  );
}

/**
 * A follow-up asked waits for its answer; one the grading thread could not read for (GRADING_TIMEOUT, follow-up.ts)
 * was not asked, and the question goes on to its grading.
 */
function routeAfterFollowUp(s: InterviewStateValue): "awaitAnswer" | "grade" {
  const asked = s.current && s.transcript[s.current.baseQuestionId]?.at(-1);
  return s.current?.kind === "follow-up" && asked?.turnId === s.current.turnId && asked.answer === null ? "awaitAnswer" : "grade";
}

function routeAfterAnswer(s: InterviewStateValue): "followUp" | "grade" {
  return s.pendingFollowUp ? "followUp" : "grade";
}

/** After the question is done and the cursor moved past it (grade, or next in earlier versions). */
function routeAfterNext(s: InterviewStateValue): "ask" | "endRound" {
  const round = s.interviewPlan.rounds[s.roundIndex];
  const more = round !== undefined && s.questionIndex < round.questionIds.length;
  return s.lastInput?.type === "submit" && more ? "ask" : "endRound";
}

function routeAfterRound(s: InterviewStateValue): "startRound" | "report" {
  return s.lastInput?.type === "end" || s.roundIndex >= s.interviewPlan.rounds.length ? "report" : "startRound";
}

export function compileInterviewGraph(deps: InterviewDeps, checkpointer: BaseCheckpointSaver) {
  return buildInterviewGraph(deps).compile({ checkpointer });
}
export type InterviewGraph = ReturnType<typeof compileInterviewGraph>;
