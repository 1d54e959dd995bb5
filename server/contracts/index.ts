/** The wire contract shared by server and client: socket events, HTTP shapes. */
export * from "./ids.js";
export * from "./events.js";
export * from "./limits.js";
export * from "./report.js";
export * from "./tests.js";
export * from "./code-waiting.js";
export { PublicPackSchema, PublicQuestionSchema, type PublicPack, type PublicQuestion } from "../scenarios/public.js";
export { LanguageSchema, LevelSchema, RoundKindSchema, type Language, type Level, type RoundKind } from "../scenarios/schema.js";
export * from "./history.js";
export * from "./share.js";
export * from "./team.js";
