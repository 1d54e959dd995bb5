/**
 * Code earns evidence by what it does, not by what its comments claim: drop
 * comments and docstrings (a docstring listing "backoff, jitter, Retry-After"
 * over code that does none of it is keyword stuffing). Explanations belong in
 * the answer's notes, which are read as prose.
 */
export function codeWithoutComments(code: string, language?: "python" | "typescript"): string {
  // `//` is floor division in Python and `#` a private field in TypeScript: strip only the language's own comments.
  const lineComment = language === "python" ? /(^|\s)#.*$/ : language === "typescript" ? /(^|\s)\/\/.*$/ : /(^|\s)(?:#|\/\/).*$/;
  return code
    .replace(/\/\*[\s\S]*?\*\//g, " ") // /* block */ and /** JSDoc */
    .replace(/("""|''')[\s\S]*?\1/g, " ") // Python docstrings
    .split("\n")
    .map((line) => line.replace(lineComment, "$1")) // line comments (not inside URLs like http://)
    .map((line) => (proseLine(line) ? "" : line))
    .join("\n");
}

/** String literals, read left to right so a quote inside one literal never starts another. */
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`/g;
const WORDS_IN_PROSE = 3;

/**
 * In a program, a string literal of several words is data or a message, not what the code
 * does: `NOTES = "exponential backoff jitter retry-after 429"` over a function that just
 * calls `send()` earns nothing. Short literals stay: `headers.get("retry-after")` and
 * `status == 429` are the code doing the thing.
 */
export function codeWithoutProseStrings(code: string): string {
  return code.replace(STRING_LITERAL, (literal) =>
    literal.slice(1, -1).trim().split(/\s+/).length >= WORDS_IN_PROSE ? `${literal[0]}${literal[0]}` : literal,
  );
}

/**
 * A line of English in the code box that is neither code nor a comment ("Determine the sentiment of
 * this comment: '...'"): it does nothing, so like a comment it earns nothing. Read as such: it opens
 * with a capitalised word, runs to four words or more, and outside its quotes has none of the
 * brackets, operators or semicolons every statement of Python or TypeScript that opens with a
 * capital would need.
 */
function proseLine(line: string): boolean {
  const bare = line.replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”/g, " ");
  return /^\s*[A-Z][a-z']+(?:\s+[^\s]+){3,}/.test(line) && !/[(){}[\]=;<>+*/\\|&%@$]/.test(bare);
}
