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
 * with a capitalised word, runs to four words or more, and outside its quotes, markdown emphasis
 * and asides in brackets has none of the brackets, operators or semicolons every statement of
 * Python or TypeScript that opens with a capital would need.
 */
function proseLine(line: string): boolean {
  // Markdown emphasis ("Return the code *ONLY*.", "**not** a test") and an aside of words ("(see below)") are prose
  // typography, not operators or calls.
  const bare = line
    .replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”/g, " ")
    .replace(/(?<![\w*])(\*{1,2}|_{1,2})(?=[A-Za-z])[A-Za-z][\w' -]{0,60}?(?<=[A-Za-z])\1(?![\w*])/g, " ")
    .replace(/(?<=\s)\([A-Za-z][\w'-]{0,30}(?:,?\s+[A-Za-z][\w'-]{0,30}){0,12}\)(?=[\s.,;:!?]|$)/g, " ");
  return /^\s*[A-Z][a-z']+(?:\s+[^\s]+){3,}/.test(line) && !/[(){}[\]=;<>+*/\\|&%@$]/.test(bare);
}

/**
 * What a program's comments say, one comment a line. On a question that is not a coding task the
 * code is the candidate's way of explaining, and its comments are the explanation: they are read as
 * prose notes, with every prose rule (a comment that lists keywords states nothing, a comment that
 * speaks to the grader is flagged). On a coding task comments earn nothing (codeWithoutComments).
 */
export function codeComments(code: string, language?: "python" | "typescript"): string {
  const notes: string[] = [];
  for (const m of code.matchAll(/\/\*+([\s\S]*?)\*\//g)) notes.push(m[1]!.replace(/^\s*\*\s?/gm, " "));
  for (const m of code.matchAll(/("""|''')([\s\S]*?)\1/g)) notes.push(m[2]!);
  const lineComment =
    language === "python" ? /(?:^|\s)#\s?(.*)$/ : language === "typescript" ? /(?:^|\s)\/\/\s?(.*)$/ : /(?:^|\s)(?:#|\/\/)\s?(.*)$/;
  for (const line of code.split("\n")) {
    const m = lineComment.exec(line);
    if (m?.[1]?.trim()) notes.push(m[1]);
  }
  return notes
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/**
 * Identifiers read as the words they join: `kv_cache` and `KCache` say "kv cache", `beam_width`
 * "beam width", `top_k` "top k". Appended to the code (not replacing it), so a term written the
 * code's way ("tp/(tp+fp)", "retry_after") still matches as written.
 */
export function identifierWords(code: string): string {
  const split = code.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Za-z0-9])_+(?=[A-Za-z0-9])/g, "$1 ");
  return split === code ? code : `${code}\n${split}`;
}
