// Worker threads: how the server's own threads (grading, the TypeScript sandbox) are stopped safely.
export { stopWorker } from "./stop-worker.js";
