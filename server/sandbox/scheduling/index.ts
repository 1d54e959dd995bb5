export { createFairQueue, type FairQueue, type SlotRelease, type WaitNotice } from "./fair-queue.js";
export { ownerOf } from "./owner.js";
