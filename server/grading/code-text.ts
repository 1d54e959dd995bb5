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
    .join("\n");
}
