/**
 * "We would not evaluate it" is not evidence of evaluation. But a diagnosis of
 * an absence ("the prompt never says which language", "there is no tone
 * instruction") is exactly what some criteria look for. So a match is negated
 * only when the candidate negates their own plan ("we won't", "I didn't",
 * "you don't need") in the same clause, or a direct cue ("without",
 * "instead of", "skip") stands right before it.
 */
const PLAN_NEGATION =
  /\b(?:i|we|you|they|our team|the team|let'?s)\b(?:\s+\w+){0,3}?\s+(?:not|never|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|can'?t|cannot|shouldn'?t|needn'?t|skip(?:ped)?|avoid(?:ed)?)\b/;
const DIRECT_CUE = /\b(?:without|instead of|rather than|no need (?:to|for)|skip(?:ping)?|avoid(?:ing)?|not|no)\s*$/;
/** Words that end a clause: a negation before them does not reach the match ("not X, only Y" corrects X with Y). */
const CLAUSE_BREAK = /[.;:!?\n]|\b(?:but|however|although|though|so|then|because|whereas)\b|,\s*(?:only|just)\b/g;
const WINDOW_WORDS = 8;
/**
 * A double negative asserts what follows it ("we would not skip evaluation", "never ship without a
 * rollback plan", "don't forget the canary"): the negation before it is spent on the refusal word.
 * The same reading as language/double-negation.ts, on the raw text.
 */
const NEGATOR = String.raw`(?:not|never|cannot|\w+n't|(?:do|does|did|can|won|would|should)nt)`;
const REFUSAL_WORD = String.raw`(?:skip\w*|omit\w*|forgo\w*|avoid\w*|neglect\w*|forget\w*|forgot\w*)`;
const DOUBLE_NEGATIVE = new RegExp(
  String.raw`\b${NEGATOR}(?:\s+\w+){0,2}?\s+${REFUSAL_WORD}\b|\b${NEGATOR}(?:\s+[\w'-]+){0,4}?\s+without\b|\bno\s+(?:skipping|avoiding|omitting|forgetting|neglecting)\b`,
  "g",
);

export function isNegated(lowerText: string, at: number): boolean {
  const before = lowerText.slice(Math.max(0, at - 100), at);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index! + m[0].length;
  let clause = before.slice(clauseStart);
  // Only what follows the last double negative can still be negated.
  const spent = [...clause.matchAll(DOUBLE_NEGATIVE)].pop();
  if (spent) clause = clause.slice(spent.index + spent[0].length);
  const words = clause.trim().split(/\s+/).filter(Boolean);
  const window = words.slice(-WINDOW_WORDS).join(" ");
  if (/\bnot only\b/.test(window)) return false;
  if (PLAN_NEGATION.test(window)) return true;
  // A bare "no"/"not" right before the term negates it only when it is the candidate speaking
  // (checked above); "without"/"instead of" do so on their own.
  const lastTwo = words.slice(-2).join(" ");
  return DIRECT_CUE.test(lastTwo) && !/\b(?:not|no)\s*$/.test(lastTwo);
}
