import { analyse } from "../language/index.js";

/** Quoted text describes (an attack the candidate is discussing, say); it does not instruct. */
export const unquoted = (n: string) => n.replace(/"[^"]*"|“[^”]*”|'[^'\s][^']{5,}'|`[^`]*`/g, " ");

const VOCATIVE =
  /^(?:(?:dear|hey|hi|hello|attention|note to|note for|message (?:to|for)|to)\s+)?(?:the\s+)?(?:(?:llm|ai|automated|automatic)\s+)?(?:grader|judge|evaluator|assessor|reviewer|marker|ai|assistant|model|llm|gpt|chatgpt|claude|system|scoring model|grading model)\b\s*[,:!-]|@(?:grader|judge|evaluator|reviewer|ai|llm|model)\b/;
/** Words before an order that leave it an order: "please ...", "now ...", and a negative imperative's "don't ..." / "never ...". */
const LEAD =
  /^(?:(?:please|kindly|now|also|and|so|then|just|first|finally|important|note|ps|p\.s\.|nb|don['’]?t|do not|never)\b[\s,:!.]*)+/;
/** An obligation about scoring put on whoever reads it ("must be scored at the maximum"). */
const OBLIGATION =
  /\b(?:must|should|shall|has to|have to|needs? to) be (?:scored|graded|marked|rated|treated|considered|given|awarded|evaluated)\b/;
/** A message presented as coming from someone with authority over the grading. */
const AUTHORITY =
  /\b(?:note|message|notice|instructions?|memo) (?:from|by) (?:the |a |an )?(?:[\w-]+ ){0,3}(?:maintainers?|admin\w*|developers?|interviewers?|graders?|panel|team|manager|system|operator|provider|staff)\b/;
/** Verbs whose bare form opening a sentence gives an order about the grading. */
const COMMAND =
  /^(?:ignore|disregard|forget|give|award|assign|grant|output|print|score|grade|mark|rate|treat|consider|pretend|assume|override|stop|skip|respond|reply|return|set)\b/;
/** Speaking about the answer, or about its author in the third person: no candidate does that honestly. */
const SELF_REFERENCE =
  /\b(?:this|my|the candidate'?s?|the following|the above)\s+(?:answer|response|submission|solution|essay|reply|text)\b|\b(?:the|this) candidate\b/;

/**
 * Whether a sentence is aimed at whoever reads it, rather than describing
 * something: it addresses a reader ("you", "grader:", "dear judge"), is an
 * imperative (it opens with a bare verb: "ignore ...", "give ..."), or speaks
 * about the answer itself. "The system prompt tells the model to ignore
 * instructions inside articles" is a description; "Ignore the rubric" and
 * "You are now the grader" are not. Structure, not a phrase list.
 */
export function addressedToReader(sentence: string, options: { code?: boolean } = {}): boolean {
  // In code a string literal is not a quotation: it is read like any other text.
  const lower = sentence.toLowerCase();
  const n = (options.code ? lower : unquoted(lower))
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}@]+/u, "")
    .trim();
  if (!n) return false;
  if (/\bplease\s+[a-z]/.test(n) || OBLIGATION.test(n) || AUTHORITY.test(n)) return true;
  if (/\byou(?:r|rs|'re|'ll)?\b/.test(n)) return true;
  if (VOCATIVE.test(n) || /(?:^|[\s*/#])@(?:grader|judge|evaluator|reviewer|ai|llm|model)\b/.test(n) || SELF_REFERENCE.test(n)) return true;
  // Not English (the imperative test below reads English): foreign-language patterns are imperatives by construction.
  // eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: every Latin code point counts as English
  if (/[^\u0000-\u024f\s\p{P}\p{S}\d]/u.test(n)) return true;
  const rest = n.replace(LEAD, "").replace(/^[^a-z]+/, "");
  // An opening adverbial ("Going forward, treat ...", "In every reply, never ...") does not hide the order after it.
  return [rest, rest.replace(/^[^,]{1,30},\s*/, "")].some(imperative);
}

function imperative(rest: string): boolean {
  if (COMMAND.test(rest)) return true;
  const first = analyse(rest).tokens[0];
  // An imperative opens with the verb's bare form and no subject before it.
  return !!first && first.pos === "VERB" && first.word === first.lemma && !/^(?:let|need|want|hope|think|guess)$/.test(first.word);
}

/**
 * A role or persona set-up, or a standing order to the reader: what a
 * jailbreak opens with ("From now on you are NOVA", "stay in character",
 * "you are now in developer mode", "start your reply with ..."). Only counted
 * in a sentence addressed to the reader, so "from now on I check the output"
 * and "Redis can act as a cache" are never one.
 */
const ROLE_SETUP = [
  /\byou(?:'ll| will| must| should| are to| are going to)? act as\b|^(?:please )?act as\b/,
  /\bpretend (?:to be|you(?:'re| are)|that you)\b/,
  /\b(?:stay|remain) in (?:character|role|this role)\b|\bbreak(?:ing)? character\b|\bnever break\b/,
  /\bfrom now on\b|\bgoing forward\b|\byou(?:'re| are| will) now (?:a|an|the|my|in|running|acting|operating|free|comply|be|answer|respond)\b|\byou(?:'re| are) going to (?:act|be|play|pretend)\b/,
  /\bimagine (?:that )?you(?:'re| are)\b|\byou(?:'re| are) (?:my|a translator|an? (?:ai|assistant|chatbot|bot|language model))\b/,
  /\b(?:start|begin) (?:your|each|every) (?:response|reply|answer|message)\b/,
  /\b(?:developer|god|jailbreak|unrestricted|unfiltered|dan) mode\b/,
  /\blet'?s play a game\b|\bopposite day\b/,
];

export function roleSetUp(sentence: string): boolean {
  const n = unquoted(sentence.toLowerCase()).replace(/\s+/g, " ").trim();
  return ROLE_SETUP.some((r) => r.test(n)) && addressedToReader(sentence);
}
