export { createMetrics, secondsSince, type Metrics } from "./metrics.js";
export { modelCallObserver } from "./model-calls.js";
export { instrumentSandbox } from "./sandbox.js";
