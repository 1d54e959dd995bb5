/**
 * Whether a word ends in a short final syllable (consonant, vowel, consonant) whose consonant doubles
 * before an ending: "capped", "embedding", "logger", "busses", "bigger". Letters that never double
 * (w, x, y, and c, which takes a k) are left out.
 */
export const doublesFinalConsonant = (word: string) => /[^aeiou][aeiou][bdgklmnprst]$/.test(word);
