/** The simulated-candidate self-test: whole sessions over the socket protocol, with scores that must order. */
export { runSelftest, type SelftestOptions, type SelftestResult, type PersonaSummary } from "./run.js";
export { PERSONAS, PERSONA_IDS, type PersonaId, type Persona } from "./personas.js";
export type { Sitting } from "./sit.js";
