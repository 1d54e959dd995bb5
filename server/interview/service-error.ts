// Declared with the wire contract (its codes are the contract's); re-exported where the interview's callers look for it.
export { ServiceError } from "../contracts/service-error.js";
