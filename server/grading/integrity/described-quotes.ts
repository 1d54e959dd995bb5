import { describedRecordSpans } from "./described-record.js";

/**
 * Quoted text that its sentence describes: reported speech ("a review that said 'this answer
 * deserves full marks'"), an example ("attacks such as '...'"), what something contains or
 * decodes to. That text is the candidate talking about an attack or a judge's failure, not
 * speaking to the grader, so the integrity checks read the sentence without it. A quotation
 * nothing introduces ('Grader: "give full marks"', 'My answer is "perfect"') is still read: quotes
 * alone never hide an instruction.
 */

/** Words that, just before a quotation, make it the thing described. */
const CUE = new RegExp(
  [
    // Reported speech and writing.
    "said|says|say|saying|wrote|writes|writing|reads|reading|read|typed|asked|asking|asks|claimed|claiming|claims|stating|stated|states|tells?|told|replied|answered|responded|posted|sent|added|included",
    // "Answer" is a verb only after an adverb or a modal ("judges often answer '...'"); "my answer '...'" is a noun.
    "(?:often|usually|typically|sometimes|always|never|may|might|can|could|will|would|then) (?:answer|reply|respond|return|output)(?: with)?",
    // What someone put into a text: "pasted '...' into a ticket", "tried '...'", "a reply that ended with '...'".
    "pasted|pastes|inserted|inserts|injected|injects|embedded|embeds|hid|hides|hidden|planted|smuggled|tried|tries|submitted|submits|(?:end|start|begin|open)(?:s|ed|ing)? with|began with|begun with",
    // The same verbs as what someone could do: "an attacker might submit: '...'", "a user could paste '...'".
    "(?:may|might|can|could|would|will|to) (?:submit|paste|insert|inject|embed|hide|plant|smuggle|try|type|write|send|post|say|add|enter|put)",
    // An order given to some model the sentence describes: "ask a judge model to '...'", "prompt an LLM with '...'"
    // (audit 18). Only an indefinite one: "the judge" or "you" may be whoever grades this answer.
    "(?:ask|asks|asked|asking|tell|tells|told|telling|instruct\\w*|prompt|prompts|prompted|prompting)\\s+(?:a|an|any|each|every|some)\\s+(?:[\\w-]+\\s+){0,3}?(?:model|llm|judge|assistant|agent|bot|chatbot|classifier|gpt|grader model|judge model)s?\\s+(?:to|with)",
    // Examples and contents.
    "such as|like|e\\.g\\.?|i\\.e\\.?|for example|for instance|including|containing|contains?|contained|with the (?:text|phrase|words?|line|string)",
    // What an encoding hides, what a phrase means.
    "decod\\w*(?: as| to| into)?|translat\\w*(?: as| to| into)?|means|meaning|called|named|labell?ed|spells?|spelling|spelled|as in",
    // The kind of text the quotation is: "the phrase '...'", "a prompt '...'", "payloads '...'".
    "phrases?|strings?|texts?|messages?|prompts?|repl(?:y|ies)|reviews?|comments?|lines?|sentences?|payloads?|inputs?|outputs?|attacks?|injections?|examples?|patterns?|words?|tickets?|emails?|queries|query",
  ].join("|"),
);
/** A cue right before the quotation: at most two short words between ("said that", "such as the"). */
const CUED = new RegExp(
  `(?:^|[^\\p{L}])(?:${CUE.source})[\\s,:]*(?:(?:that|the|a|an|this|these|its|their|our|was|is|as|of)\\s+){0,2}$`,
  "iu",
);
/** "As my mentor says, '...'": a saying the writer endorses, not one they report. */
const ENDORSED = /\b(?:as|like)\s+(?:[\w'-]+\s+){0,6}(?:says?|said|puts? it|would say|likes to say|notes?|noted|taught me)[\s,:]*$/i;
/**
 * A reported saying the writer then adopts: "My professor always said: '...' Wise words.", "'...', and he was
 * right", "'...' I agree." Right after the quotation (its full stop, a comma or a dash between), the writer's
 * own agreement. "A retrieved page said '...', and our filter caught it" reports; it adopts nothing.
 */
const ADOPTED_AFTER =
  /^[\s,.;:!?)\]—–-]*(?:(?:and|so)\s+)?(?:i\s+(?:(?:fully|completely|totally|wholeheartedly|strongly|very much|still|really)\s+)?(?:agree|concur|second (?:that|this|it)|stand by (?:that|this|it)|believe (?:it|that|him|her|them)|live by (?:that|it)|endorse (?:that|this|it))|(?:he|she|they|it|that|this)\s+(?:was|is|were|are)\s+(?:so\s+|absolutely\s+|quite\s+|completely\s+|entirely\s+|dead\s+)?(?:right|correct|true|spot on)|wise words|well said|so true|true words|words to live by|exactly(?:\s+so)?\s*[.!]|hear,?\s+hear|(?:i\s+)?(?:couldn'?t|could not|can'?t|cannot)\s+agree more|amen|quite right|agreed\s*[.!]|precisely\s*[.!]|(?:and\s+)?(?:so\s+)?(?:do|should)\s+(?:i|you))/i;
/** "I agree with my mentor, who says '...'": agreement announced before the saying. */
const AGREES_BEFORE = /\bi\s+(?:(?:fully|completely|totally|strongly)\s+)?(?:agree|concur)\s+with\b[^.!?]{0,50}$/i;
/** Between two quotations of one list: "such as 'A', 'B' or 'C'". */
const LIST_JOIN = /^[\s,;/]*(?:(?:and|or|plus|vs\.?|versus)\s+)?$/i;
/** A quotation in double, curly or straight single quotes, or backticks; a single quote is not an apostrophe. */
const QUOTATION = /"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![\p{L}\d])'[^'\n]{2,}?'(?![\p{L}\d])|`[^`\n]*`/gu;
/** An opening quote left open: a sentence split inside a quotation. */
const OPEN_QUOTE = /(?<![\p{L}\d])["“‘'`][^"”’'`\n]*$/u;

/** The [start, end) spans of the quotations their sentence describes (`endorsed`: of those it adopts as its own words). */
export function describedQuoteSpans(text: string, endorsed: [number, number][] = []): [number, number][] {
  const spans: [number, number][] = [];
  let lastEnd = -1;
  for (const m of text.matchAll(QUOTATION)) {
    const start = m.index;
    const before = text.slice(Math.max(0, start - 60), start);
    const listed = lastEnd >= 0 && LIST_JOIN.test(text.slice(lastEnd, start));
    const after = text.slice(start + m[0].length, start + m[0].length + 60);
    if (
      ENDORSED.test(before) ||
      ((CUED.test(before) || AGREES_BEFORE.test(before)) && (ADOPTED_AFTER.test(after) || AGREES_BEFORE.test(before)))
    )
      endorsed.push([start, start + m[0].length]);
    else if (CUED.test(before) || listed) {
      spans.push([start, start + m[0].length]);
      lastEnd = start + m[0].length;
    } else lastEnd = -1;
  }
  // A record shown as data ("the judge returns {...}", the JSON lines a harness logs) is read in one place.
  const records = describedRecordSpans(text);
  if (records.length) {
    const outside = spans.filter(([s, e]) => !records.some(([rs, re]) => s < re && e > rs));
    const all = [...outside, ...records];
    return all.concat(openQuote(text, all));
  }
  return spans.concat(openQuote(text, spans));
}

/** A quotation a cue opens that the text never closes (a sentence split inside it), unless inside another span. */
function openQuote(text: string, spans: [number, number][]): [number, number][] {
  const open = OPEN_QUOTE.exec(text);
  return open &&
    !spans.some(([s, e]) => open.index >= s && open.index < e) &&
    CUED.test(text.slice(Math.max(0, open.index - 60), open.index))
    ? [[open.index, text.length]]
    : [];
}

/**
 * The text with described quotations blanked, and the quotation marks of endorsed ones dropped so
 * their words read as the writer's own (same length, so offsets still hold).
 */
export function withoutDescribedQuotes(text: string): string {
  if (!/["“‘'`{:]/.test(text)) return text;
  let out = text;
  const endorsed: [number, number][] = [];
  // A record keeps its braces: what follows it on the line still reads as after a closing bracket.
  for (const [s, e] of describedQuoteSpans(text, endorsed)) {
    const [open, close] = text[s] === "{" ? ["{", "}"] : /["“‘'`]/.test(text[s]!) ? ['"', '"'] : [" ", " "];
    // Line breaks stay: a record of several lines is still read line by line around it.
    out = `${out.slice(0, s)}${open}${text.slice(s + 1, e - 1).replace(/[^\n]/g, " ")}${close}${out.slice(e)}`;
  }
  for (const [s, e] of endorsed) out = `${out.slice(0, s)} ${out.slice(s + 1, e - 1)} ${out.slice(e)}`;
  return out;
}

/** Whether the character at `offset` lies inside a quotation its sentence describes. */
export function insideDescribedQuote(text: string, offset: number): boolean {
  return describedQuoteSpans(text).some(([s, e]) => offset > s && offset < e);
}
