export { createSandbox, type Sandbox, type SandboxOptions } from "./sandbox.js";
export { DEFAULT_LIMITS, RUN_STOPPED_MESSAGE, TEST_STOPPED_MESSAGE } from "./limits.js";
export { LanguageUnavailableError } from "./run-tests.js";
export { constantExpectationWarning, forgeableTestCodeWarnings, stubPassesWarning, stubProbes } from "./forgeable.js";
export { RunCancelledError, VALIDATION_BUDGET_MS } from "./scheduling/index.js";
