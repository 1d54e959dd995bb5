export { compileInterviewGraph } from "./graph.js";
export { buildPlan, PlanError } from "./plan.js";
export type { InterviewDeps, Emit } from "./deps.js";
export type { AnswerInput } from "./state.js";
export { createInterviewService, type InterviewService, type SessionGuardLike } from "./session-service.js";
export { ServiceError } from "./service-error.js";
export { createGradingQueue } from "./grading-queue.js";
export { realClock, type Clock } from "./clock.js";
export { createGradingThread, MAX_QUEUED_READINGS_PER_SESSION } from "./grading-thread/index.js";
