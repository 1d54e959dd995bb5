// Whose work goes next: fair turns between client addresses, then between their sessions (or teams). Shared by the
// server's one-worker queues (server/workers: the grading thread, the pack reader) and the background grading queue
// (server/interview), so neither room reaches into the other for it.
export { createFairTurns } from "./fair-turns.js";
