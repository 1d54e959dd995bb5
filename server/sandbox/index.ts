export { createSandbox, type Sandbox, type SandboxOptions } from "./sandbox.js";
export { DEFAULT_LIMITS, SandboxLimitsSchema, type SandboxLimits, type SandboxLimitsInput } from "./limits.js";
export { LanguageUnavailableError, type RunContext, type TestReport, type TestResult } from "./run-tests.js";
export { constantExpectationWarning, forgeableTestCodeWarnings, stubPassesWarning, stubProbes } from "./forgeable.js";
export { matches } from "./compare.js";
export type { Capabilities } from "./capabilities.js";
