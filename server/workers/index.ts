// Worker threads: how the server's own threads (grading, the pack reader, the TypeScript sandbox) are started and
// stopped safely, and the one-worker fair queue the grading thread and the pack reader share.
export { spawnWorker } from "./spawn-worker.js";
export { workerLoaded } from "./loaded.js";
export { stopWorker } from "./stop-worker.js";
export { createOneWorkerQueue, CPU_BOUND_WALL_FACTOR, type OneWorkerQueue, type StartTimer } from "./one-worker-queue.js";
