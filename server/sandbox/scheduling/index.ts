export { createFairQueue, type FairQueue, type SlotRelease, type WaitNotice } from "./fair-queue.js";
export { ownerOf } from "./owner.js";
export { DEPRIORITISE_AFTER_MS, deprioritiseTree, LOW_PRIORITY, setOwnThreadPriority } from "./deprioritise.js";
