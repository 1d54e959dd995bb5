// Worker threads: how the server's own threads (grading, the TypeScript sandbox) are started and stopped safely.
export { spawnWorker } from "./spawn-worker.js";
export { workerLoaded } from "./loaded.js";
export { stopWorker } from "./stop-worker.js";
