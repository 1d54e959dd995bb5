/**
 * Praise of the answer itself, however it names itself. SELF_ASSESSMENT (patterns.ts) knows
 * "this answer is excellent"; a candidate can as well write "I consider my response exemplary
 * and complete", "My story clearly demonstrates every competency" or "This account shows
 * excellent ownership". What makes these self-assessment is their structure: the answer (or
 * the story it tells) is the thing judged, and the judgement is a grade word or a claim to meet
 * every criterion. No honest account says either: it says what happened and lets the reader judge.
 */

/**
 * The answer naming itself: "this/my answer", "my story", "the above response". Not when the noun
 * is part of something else ("my response to the customer", "my answer set", "this solution's
 * cache"), which is the story's content.
 */
const SELF =
  /\b(?:this|my|the above|the foregoing|the preceding)\s+(?:(?:whole|entire|full|star|above|own)\s+)?(?:answer|response|reply|submission|story|account|narrative|write-?up|essay)\b(?!['’]s|\s+(?:to|from|for|of|on|about|with|set|sets|time|times|rate|was to|is to)\b)/g;

/** Grade words: what a reviewer writes about an answer, not what a candidate writes about their work. */
const GRADE_WORD =
  /\b(?:exemplary|flawless|perfect|excellent|outstanding|exceptional|impeccable|superb|stellar|brilliant|ideal|textbook|comprehensive|complete|faultless|top-notch|first-class|model)\b/;

/** A claim to meet the grading itself: "demonstrates every competency", "covers all the criteria", "meets the highest anchor". */
const MEETS_ALL =
  /\b(?:demonstrat|show|meet|cover|address|satisf|hit|tick|display|exhibit|fulfil|nail|check|include|contain|hit)\w*\b.{0,30}\b(?:every|all|each|the highest|the top|the full|full)\b.{0,30}\b(?:competenc|criteri|rubric|anchor|dimension|box|element|aspect|star|expectation|level|requirement|marks?|points? (?:the|this) question)\w*/;

/**
 * A claim to the grade itself, whatever names the answer: "an answer this thorough earns the top
 * grade". Only verbs of desert: "gets the highest score on our eval" reports a measurement.
 */
const EARNS_TOP =
  /\b(?:earns?|deserves?|merits?|warrants?)\b.{0,20}\b(?:top|highest|full|maximum|max|perfect)\s+(?:grade|score|marks?|level|rating|points)\b/;

/** A condition right after a state ("complete once ...", "complete by the upload service when ..."). */
const CONDITION = /^\s*(?:[\w-]+\s+){0,4}?(?:once|when|whenever|if|after|until|unless)\b/;

/** How far after the self-reference a grade word still speaks of it ("my response [is] exemplary and complete"). */
const WINDOW = 60;

export function praisesItself(normalised: string): boolean {
  if (EARNS_TOP.test(normalised)) return true;
  for (const m of normalised.matchAll(SELF)) {
    const after = normalised.slice(m.index + m[0].length, m.index + m[0].length + WINDOW);
    // The grade word comes before the next clause: "my story, which ran two weeks, was complete" still counts.
    // A state under a condition is a protocol's, not a grade: "this response is treated as complete once the stream ends".
    const grade = GRADE_WORD.exec(after);
    if (
      grade &&
      CONDITION.test(normalised.slice(m.index + m[0].length + grade.index + grade[0].length, m.index + m[0].length + WINDOW + 40))
    )
      continue;
    if (grade || MEETS_ALL.test(after)) return true;
  }
  return false;
}
