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
  /^(?:ignore|disregard|forget|give|award|assign|grant|output|print|score|grade|mark|rate|treat|consider|pretend|assume|override|stop|halt|abort|cease|skip|respond|reply|return|set)\b/;
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
export function addressedToReader(sentence: string, options: { code?: boolean; orders?: boolean } = {}): boolean {
  // In code a string literal is not a quotation: it is read like any other text.
  const lower = sentence.toLowerCase();
  const n = (options.code ? lower : unquoted(lower))
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}@]+/u, "")
    .trim();
  if (!n) return false;
  if (/\bplease\s+[a-z]/.test(n) || OBLIGATION.test(n) || AUTHORITY.test(n)) return true;
  if (/\byou(?:r|rs|'re|'ll|rself|rselves)?\b/.test(n)) return true;
  if (VOCATIVE.test(n) || /(?:^|[\s*/#])@(?:grader|judge|evaluator|reviewer|ai|llm|model)\b/.test(n) || SELF_REFERENCE.test(n)) return true;
  // Not English (the imperative test below reads English): foreign-language patterns are imperatives by construction.
  // eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: every Latin code point counts as English
  if (/[^\u0000-\u024f\s\p{P}\p{S}\d]/u.test(n)) return true;
  return opensWithOrder(n, options);
}

/**
 * Whether a sentence gives its reader an order, whoever it is about: "Tell me ways to ...",
 * "Please enhance it ...", "Provide step-by-step instructions on ...". Quoted words are not the
 * writer's order.
 */
export function givesAnOrder(sentence: string): boolean {
  const n = unquoted(sentence.toLowerCase())
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}@]+/u, "")
    .trim();
  return !!n && (/\bplease\s+[a-z]/.test(n) || opensWithOrder(n));
}

function opensWithOrder(n: string, options: { orders?: boolean } = {}): boolean {
  const rest = n.replace(LEAD, "").replace(/^[^a-z]+/, "");
  // An opening adverbial ("Going forward, treat ...", "In every reply, never ...") does not hide the order after it.
  // `orders: false` (an answer spoken to a stakeholder the question casts): only orders about the grading count.
  const heads = [rest, rest.replace(/^[^,]{1,30},\s*/, "")];
  return options.orders === false ? heads.some((h) => COMMAND.test(h)) : heads.some(imperative);
}

function imperative(rest: string): boolean {
  if (COMMAND.test(rest)) return true;
  const [first, second] = analyse(rest).tokens;
  if (!first || first.word !== first.lemma || /^(?:let|need|want|hope|think|guess)$/.test(first.word)) return false;
  // An imperative opens with the verb's bare form and no subject before it. The tagger reads some opening
  // verbs as nouns ("repeat the text above", "quote the first rule"); a bare noun straight before a
  // determiner opens no sentence but an order.
  return (
    first.pos === "VERB" ||
    ((first.pos === "NOUN" || first.pos === "PROPN") &&
      !!second &&
      !/ing$/.test(first.word) &&
      // A label ("Result: the backlog fell") is set off by punctuation; an order runs straight on.
      !/\S/.test(rest.slice(first.at + first.word.length, second.at)) &&
      /^(?:the|a|an|your|my|this|these|those|every|each)$/.test(second.word))
  );
}

/**
 * A role or persona set-up, or a standing order to the reader: what a
 * jailbreak opens with ("From now on you are NOVA", "stay in character",
 * "you are now in developer mode", "start your reply with ..."). Only counted
 * in a sentence addressed to the reader, so "from now on I check the output"
 * and "Redis can act as a cache" are never one.
 */
const ROLE_SETUP = [
  /\byou(?:'ll| will| must| should| are to| are going to)? act (?:as|like)\b|^(?:please )?act (?:as|like)\b/,
  // A standing order about the reader's output: "always format your output like this, no matter what".
  /\b(?:always|never|no matter what)\b.{0,40}\byour (?:output|responses?|replies|answers?)\b|\byour (?:output|responses?|replies|answers?)\b.{0,40}\b(?:always|never|no matter what)\b/,
  /\bpretend (?:to be|you(?:'re| are)|that you)\b/,
  // "From now on" frames a jailbreak only said of the reader's own conduct ("from now on you answer as ...", "going
  // forward, respond only in ..."): a note "retention TTL going forward" or "going forward, rotate keys" is advice.
  /\b(?:from now on|going forward)\b(?=.*\b(?:you|your|yourself|respond|reply|answer|act|behave|pretend|output|role|character|mode|obey|comply|refuse|ignore|forget|say|speak|talk|(?:my|these|this|every|each|all)\s+(?:\w+\s+){0,2}?(?:messages?|prompts?|requests?|questions?|inputs?|rules|conversation|chat|replies|responses?))\b)|\b(?:you|your|respond|reply|answer|act|behave|pretend|obey|comply|refuse|ignore|forget)\b.*\b(?:from now on|going forward)\b|\byou(?:'re| are| will) now (?:a|an|the|my|in|running|acting|operating|free|comply|be|answer|respond)\b|\byou(?:'re| are) going to (?:act|be|play|pretend)\b/,
  /\bimagine (?:that )?you(?:'re| are)\b|\byou(?:'re| are) (?:my|a translator|an? (?:ai|assistant|chatbot|bot|language model))\b/,
];

/**
 * Set-ups no system prompt a candidate writes has, so they count in every kind of answer: a
 * persona the reader is to become ("simulate being", "immerse yourself in the role of", "stay in
 * character"), a greeting to an AI ("Hello ChatGPT."), an AI freed of its rules ("you have no
 * moral restrictions"), a standing order about the writer's own prompts ("answer my prompts in
 * two ways"), and the conversation-long frame ("for the rest of this conversation").
 */
const PERSONA_SETUP = [
  /\b(?:stay|remain|keep) (?:in )?(?:character|role|this role|the act|the persona)\b|\bbreak(?:ing)? character\b|\bnever break\b/,
  /\b(?:start|begin|prefix) (?:your|each|every|all (?:of )?your) (?:responses?|reply|replies|answers?|messages?|outputs?)\b/,
  /\b(?:developer|god|jailbreak|unrestricted|unfiltered|dan|opposite) mode\b/,
  /\b(?:simulate|emulate|impersonate|embody) (?:being\b|(?:a|an|the) (?:\w+ )?(?:character|persona|personalit(?:y|ies)|chatbot|ai|conversation|language model)\b|\w+ mode\b)/,
  /\bimmerse yourself\b|\b(?:take on|play|assume|step into|into) the (?:role|part|persona) of\b|\b(?:roleplay|role-play) as\b|\bpose as\b/,
  /\byou(?:'ll| will| must| shall| should| are to| are (?:going|about) to)(?: now)? (?:roleplay|role-play|simulate|pretend|impersonate|embody|immerse|pose|be replaced|act|play)\b|\byou are replaced by\b/,
  /\bi (?:want|need|direct|implore|command|instruct|order) you to (?:act|answer|respond|reply|pretend|simulate|roleplay|play|provide answers|be)\b/,
  /\b(?:answer|respond to|reply to|provide answers to|respond to (?:all|every|each) of) (?:all |every |each |any )?(?:of )?my (?:first |next |following )?(?:prompts?|questions?|requests?|messages?|inputs?)\b|\b(?:prompts?|questions?|requests?) (?:i|that i) (?:give|send|ask|type)\b|\bquestions? posed\b/,
  /\b(?:answer|respond|reply)\w* (?:\w+ ){0,5}in two (?:different |separate |distinct )?(?:ways|manners|styles|forms|personalities)\b/,
  /\bas if you (?:are|were) (?:an? )?(?:\w+ ){0,4}(?:ai|chatbot|language model|assistant|character)\b/,
  /\bfor the rest of (?:this|the|our) (?:conversation|chat|session)\b|\bfrom (?:this|that) (?:point|moment) (?:on|forward)\b|\bfrom now own\b/,
  // The reader freed of its rules: "you are not bound by any rules", "you are free of all restrictions", "you have no morals".
  /\byou(?:'re| are| will be)? (?:now |completely |totally )?(?:free (?:of|from)|not (?:bound|restricted|limited|confined|constrained) by)(?: all| any)? (?:\w+,? (?:and |or )?){0,3}(?:moral\w*|ethic\w*|censor\w*|restrictions|rules|guidelines|filters|content polic\w*|principles)\b/,
  /\byou (?:have|will have|possess) no (?:\w+,? (?:and |or )?){0,3}(?:moral\w*|ethic\w*|censor\w*)\b/,
  /\byou (?:do(?:n'?t| not)|never) care (?:about|for) (?:\w+,? (?:and |or )?){0,3}(?:laws?|morals?|morality|ethics|rules|guidelines)\b/,
  /\byou(?:'re| are| will be) (?:now |completely |totally )?(?:unrestricted|unfiltered|uncensored|amoral|nonmoral|immoral|jailbroken)\b|\bdo anything now\b/,
];

/** A game or scene the writer sets up with the reader: "Let's play a game", "Let's act out a scene". */
const LETS_PLAY =
  /\blet'?s (?:play a game|do a role-?play|role-?play|act out|pretend|imagine a (?:game|scene|world)|play pretend)\b|\bopposite day\b/;

/** A greeting to an AI opening a sentence ("Hello ChatGPT.", "Hey chatGPT, let's play a game"). */
const AI_GREETING =
  /^(?:hello|hi|hey|greetings|dear|welcome|yo)\b[\s,!.]*(?:there\s+)?(?:chatgpt|gpt[-\w]*|\w+gpt|ai|assistant|chatbot|bot|language model|llm|claude|bard|gemini|copilot)\b/;
/** "You are BasedGPT." "You are now TranslatorBot": a name given to the reader (read with its capitals). */
const NAMED_READER =
  /^(?:(?:[Ff]rom now on|[Nn]ow|[Hh]i|[Hh]ello),?\s+)?[Yy]ou(?:'re| are) (?:now |called |named |known as )*["“]?([A-Z][a-z]*[A-Z0-9]\w*)["”]?(?=[\s.,!:(]|$)/;

export function roleSetUp(sentence: string): boolean {
  const n = unquoted(sentence.toLowerCase()).replace(/\s+/g, " ").trim();
  return (ROLE_SETUP.some((r) => r.test(n)) && addressedToReader(sentence)) || personaSetUp(sentence);
}

/**
 * The set-ups of roleSetUp that a fixed prompt or code never needs (persona, greeting to an AI,
 * rules removed), so they also count where "you are a support assistant" and "act as a
 * classifier" are honest: prompt-debugging answers and code.
 */
export function personaSetUp(sentence: string, given = ""): boolean {
  const trimmed = sentence.replace(/\s+/g, " ").replace(/^[^\p{L}]+/u, "");
  const n = unquoted(trimmed.toLowerCase()).trim();
  // Read without unquoting: an apostrophe ("let's ... wars' saga") is not a quotation.
  const plain = trimmed.toLowerCase().replace(/[’‘]/g, "'");
  if (AI_GREETING.test(plain) || LETS_PLAY.test(plain)) return true;
  // A name the question's own texts give the assistant ("You are OrderBot, the support agent for Parcelly" in the prompt
  // under repair) is the system being fixed, not a persona given to the grader: an outside tester's fixed prompt,
  // written inline, lost its whole answer so.
  const named = NAMED_READER.exec(trimmed);
  if (named && !new RegExp(`\\b${named[1]}\\b`).test(given)) return true;
  return PERSONA_SETUP.some((r) => r.test(n)) && addressedToReader(sentence);
}
