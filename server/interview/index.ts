export { buildInterviewGraph, compileInterviewGraph, type InterviewGraph } from "./graph.js";
export { buildPlan, PlanError } from "./plan.js";
export type { InterviewDeps, Emit, InterviewSink } from "./deps.js";
export { AnswerInputSchema, type AnswerInput, type InterviewStateValue } from "./state.js";
export { roundInfo, questionInfo, packOf, questionById } from "./context.js";
export { createInterviewService, type InterviewService } from "./session-service.js";
export { ServiceError } from "./service-error.js";
export { createGradingQueue, type GradeLater } from "./grading-queue.js";
export { realClock, type Clock } from "./clock.js";
