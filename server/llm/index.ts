export { budgetUsedUp, MIN_TOKENS_FOR_A_CALL, type Interviewer, type TurnContext, type TurnMeta } from "./interviewer.js";
export { createOfflineInterviewer, quotablePhrase } from "./offline-interviewer.js";
export { loadTemplate, loadVariants, renderTemplate } from "./templates.js";
export { createChatModel, type ModelConfig } from "./chat-model.js";
export { createModelInterviewer } from "./model-interviewer.js";
export { chunkWords } from "./chunk.js";
