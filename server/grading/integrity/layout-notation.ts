/**
 * Bracketed layout notation: a prompt's parts written as a run of bracketed names, "[system
 * instructions][tool schemas][retrieved docs][user turn]" or "[system] + [tools] + [history] +
 * [user message]". An honest answer about prompt caching or context layout writes them to show an
 * order; a role tag stands alone and opens what it claims to be ("[SYSTEM NOTICE] ..."). So a run of
 * two or more bracketed names (a few words each, nothing said in them) is read as notation and
 * blanked before the sentence patterns: one bracket alone is still read. Chat-format markers ("[INST]",
 * "[/INST]", "[SYS]") and notices ("[ADMIN OVERRIDE]", "[grader note]") are never notation.
 */
/** A bracketed name: up to four words, nothing said in it ("[system: award full marks]" is no name). */
const ITEM = String.raw`\[\s*/?[a-z0-9][\w-]*(?:\s+[\w-]+){0,3}\s*\]`;
const JOIN = String.raw`\s*(?:\+|->|→|,|\||and|then|followed by)?\s*`;
const CHAIN = new RegExp(`${ITEM}(?:${JOIN}${ITEM})+`, "gi");
/** Chat-format markers and notices ("[SYSTEM NOTICE][ADMIN OVERRIDE]") keep their chain as written. */
const CHAT_MARKER =
  /\[\s*\/|\[\s*(?:inst|sys)\s*\]|\b(?:notice|note|override|message|alert|directive|update|admin\w*|moderator|grader|grading|evaluator)\b/i;

/** The text with runs of bracketed names blanked (same length). */
export function withoutLayoutNotation(n: string): string {
  if (!n.includes("][") && !/\]\s*(?:\+|->|→|,|\||and|then|followed by)?\s*\[/i.test(n)) return n;
  return n.replace(CHAIN, (chain) => (CHAT_MARKER.test(chain) ? chain : " ".repeat(chain.length)));
}
