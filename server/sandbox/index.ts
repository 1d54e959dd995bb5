export { createSandbox, type Sandbox, type SandboxOptions } from "./sandbox.js";
export { DEFAULT_LIMITS, SandboxLimitsSchema, type SandboxLimits } from "./limits.js";
export { LanguageUnavailableError, type TestReport, type TestResult } from "./run-tests.js";
export { matches } from "./compare.js";
export type { Capabilities } from "./capabilities.js";
