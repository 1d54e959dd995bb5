export type { Interviewer } from "./interviewer.js";
export { createOfflineInterviewer, quotablePhrase } from "./offline-interviewer.js";
export { loadTemplate, loadVariants, renderTemplate } from "./templates.js";
export { createChatModel, type ModelConfig } from "./chat-model.js";
