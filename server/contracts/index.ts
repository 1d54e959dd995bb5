/** The wire contract shared by server and client: socket events, HTTP shapes. */
export * from "./ids.js";
export * from "./events.js";
export * from "./limits.js";
export * from "./report.js";
export * from "./tests.js";
export * from "./code-waiting.js";
export * from "./public-pack.js";
export * from "./enums.js";
export * from "./history.js";
export * from "./share.js";
export * from "./team.js";
