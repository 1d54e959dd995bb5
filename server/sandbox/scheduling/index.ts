export { createFairQueue, RunCancelledError } from "./fair-queue.js";
export { ticketOf } from "./owner.js";
export { BACKGROUND_SLOTS, perAddressSlots, PYTHON_PER_SESSION, TYPESCRIPT_PER_SESSION, VALIDATION_BUDGET_MS } from "./shares.js";
export { DEPRIORITISE_AFTER_MS, deprioritiseTree, LOW_PRIORITY, setOwnThreadPriority } from "./deprioritise.js";
