export { budgetUsedUp, type Interviewer, type TurnContext, type TurnMeta } from "./interviewer.js";
export { createOfflineInterviewer } from "./offline-interviewer.js";
export { createChatModel, type ModelConfig } from "./chat-model.js";
export { createModelInterviewer } from "./model-interviewer.js";
export { stablePick } from "./stable-pick.js";
export { isNonAnswer } from "./non-answer.js";
