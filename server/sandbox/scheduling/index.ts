export { createFairQueue } from "./fair-queue.js";
export { ownerOf } from "./owner.js";
export { DEPRIORITISE_AFTER_MS, deprioritiseTree, LOW_PRIORITY, setOwnThreadPriority } from "./deprioritise.js";
