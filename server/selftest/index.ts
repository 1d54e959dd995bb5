/** The simulated-candidate self-test: whole sessions over the socket protocol, with scores that must order. */
export { runSelftest } from "./run.js";
export { PERSONA_IDS, type PersonaId } from "./personas.js";
