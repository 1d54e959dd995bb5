/** A line that does something in code: a call, assignment, block header, return, import or bracket. */
const CODE_LINE = /[(){}[\]=:;]|^\s*(?:def|class|return|import|from|for|while|if|elif|else|try|except|with|async|await|const|let|var|function|export|yield|raise|throw)\b/;

/** A comma-separated run of words with no bracket or operator is a keyword list, even after `async`. */
const WORD_LIST = /^[^()[\]{}=:;]*(?:,[^,]+){3,}$/;
const isCodeLine = (line: string) => CODE_LINE.test(line) && !WORD_LIST.test(line);

/** Only the lines of code that do something carry evidence; a bare word on a line is a keyword, not code. */
export function codeLines(code: string): string {
  return code
    .split("\n")
    .map((line) => (isCodeLine(line) ? line : ""))
    .join("\n");
}

/**
 * Whether text submitted as code reads as code: brackets balance and most
 * non-blank lines do something. A shuffled or keyword "program" does not,
 * and is read as prose (with the prose rules: claims, copies, lists).
 */
export function looksLikeCode(code: string): boolean {
  const lines = code.split("\n").filter((l) => l.trim());
  if (lines.length === 0) return false;
  const codeish = lines.filter(isCodeLine).length;
  // Brackets inside string literals and comments ("if c == '{'") do not count.
  const bare = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`|#.*$|\/\/.*$/gm, "");
  let depth = 0;
  for (const c of bare) {
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c) && --depth < 0) return false;
  }
  return depth === 0 && codeish * 2 >= lines.length;
}
