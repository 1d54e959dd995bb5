/**
 * A pure reading of a text, remembered by the text: the grader's readers ask the same question of the same
 * sentence or paragraph several times in one answer (counted on the 188 blind answers: four in five characters
 * given to the attack checks' normaliser had been given to it before in the same answer, two in five of those
 * given to the language test). The reading must depend on the text alone. What is kept is bounded by characters,
 * not entries (an answer may be 20,000 characters), and forgotten all at once past the bound: the same reading
 * either way, only slower.
 */
export function textMemo<T>(read: (text: string) => T, maxChars = 1_000_000): (text: string) => T {
  const kept = new Map<string, T>();
  let chars = 0;
  return (text) => {
    const hit = kept.get(text);
    if (hit !== undefined || kept.has(text)) return hit as T;
    const value = read(text);
    if (chars + text.length > maxChars) {
      kept.clear();
      chars = 0;
    }
    kept.set(text, value);
    chars += text.length;
    return value;
  };
}
