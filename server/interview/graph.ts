import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { InterviewDeps } from "./deps.js";
import { makeAskNode } from "./nodes/ask.js";
import { makeAssessNode } from "./nodes/assess.js";
import { awaitAnswerNode } from "./nodes/await-answer.js";
import { makeEndRoundNode } from "./nodes/end-round.js";
import { makeFollowUpNode } from "./nodes/follow-up.js";
import { makeGradeNode, nextNode } from "./nodes/grade.js";
import { makePlanNode } from "./nodes/plan.js";
import { makeReportNode } from "./nodes/report.js";
import { makeStartRoundNode } from "./nodes/start-round.js";
import { InterviewState, type InterviewStateValue } from "./state.js";

/**
 * plan -> startRound -> ask -> awaitAnswer [interrupt] -> assess
 * assess -> followUp -> awaitAnswer | grade -> next -> ask | endRound
 * endRound -> startRound | report -> END
 */
export function buildInterviewGraph(deps: InterviewDeps) {
  return new StateGraph(InterviewState)
    .addNode("plan", makePlanNode(deps))
    .addNode("startRound", makeStartRoundNode(deps))
    .addNode("ask", makeAskNode(deps))
    .addNode("awaitAnswer", awaitAnswerNode)
    .addNode("assess", makeAssessNode(deps))
    .addNode("followUp", makeFollowUpNode(deps))
    .addNode("grade", makeGradeNode(deps))
    .addNode("next", nextNode)
    .addNode("endRound", makeEndRoundNode(deps))
    .addNode("report", makeReportNode(deps))
    .addEdge(START, "plan")
    .addEdge("plan", "startRound")
    .addEdge("startRound", "ask")
    .addEdge("ask", "awaitAnswer")
    .addEdge("awaitAnswer", "assess")
    .addConditionalEdges("assess", (s: InterviewStateValue) => (s.pendingFollowUp ? "followUp" : "grade"), ["followUp", "grade"])
    .addEdge("followUp", "awaitAnswer")
    .addEdge("grade", "next")
    .addConditionalEdges("next", routeAfterNext, ["ask", "endRound"])
    .addConditionalEdges("endRound", routeAfterRound, ["startRound", "report"])
    .addEdge("report", END);
}

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
