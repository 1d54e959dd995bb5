/** A line that does something in code: a call, assignment, block header, return, import or bracket. */
const CODE_LINE =
  /[(){}[\]=:;]|^\s*(?:def|class|return|import|from|for|while|if|elif|else|try|except|with|async|await|const|let|var|function|export|yield|raise|throw)\b/;

/**
 * A comma-separated run of three or more words with no bracket or operator is a
 * keyword list, even after `while` or `async`; `return a, b, c` and
 * `import os, re, sys` are code.
 */
const WORD_LIST = /^[^()[\]{}=:;]*(?:,[^,]+){2,}$/;
const TUPLE_LINE = /^\s*(?:return|yield|import|from)\b/;
const isCodeLine = (line: string) => CODE_LINE.test(line) && (TUPLE_LINE.test(line) || !WORD_LIST.test(line));

/** Only the lines of code that do something carry evidence; a bare word on a line is a keyword, not code. */
export function codeLines(code: string): string {
  return code
    .split("\n")
    .map((line) => (isCodeLine(line) ? line : ""))
    .join("\n");
}

/** Comment syntax per language: `//` is floor division in Python, `#` a private field in TypeScript. */
const COMMENTS: Record<"python" | "typescript", RegExp> = {
  python: /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#.*$/gm,
  typescript: /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`|\/\/.*$/gm,
};

/**
 * Text over several lines that is no code: a Python docstring, a TypeScript block comment. Its prose may open a
 * bracket it never closes ("Steps: 1) parse, 2) filter") and its lines do nothing, so neither is counted (an honest
 * solution with such a docstring was read as prose and set aside as a copy).
 */
const LONG_REMARKS: Record<"python" | "typescript", RegExp> = {
  python: /"""[\s\S]*?"""|'''[\s\S]*?'''/g,
  typescript: /\/\*[\s\S]*?\*\//g,
};

/**
 * Whether text submitted as code reads as code: brackets balance and most
 * non-blank lines do something. A shuffled or keyword "program" does not,
 * and is read as prose (with the prose rules: claims, copies, lists). Without
 * a language, either language's reading will do.
 */
export function looksLikeCode(code: string, language?: "python" | "typescript"): boolean {
  const languages = language ? [language] : (["python", "typescript"] as const);
  return languages.some((l) => {
    const body = code.replace(LONG_REMARKS[l], "");
    const lines = body.split("\n").filter((line) => line.trim());
    if (lines.length === 0) return false;
    const codeish = lines.filter(isCodeLine).length;
    return codeish * 2 >= lines.length && bracketsBalance(body.replace(COMMENTS[l], ""));
  });
}

/** Code with its strings, comments and docstrings taken out, in either language: what the program itself says. */
export function withoutStringsOrComments(code: string): string {
  return (["python", "typescript"] as const).reduce((text, l) => text.replace(LONG_REMARKS[l], "").replace(COMMENTS[l], ""), code);
}

/**
 * Brackets inside string literals and comments ("if c == '{'") are removed before this; an escaped bracket is no
 * bracket either (a regular expression literal, `/\[([^\]]+)\]/g`: an honest solution with one was set aside as a
 * keyword list, outside audit 19).
 */
function bracketsBalance(bare: string): boolean {
  let depth = 0;
  for (const c of bare.replace(/\\[()[\]{}]/g, "")) {
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c) && --depth < 0) return false;
  }
  return depth === 0;
}

/** Whether text has sentence ends ("It does X. Then Y."): prose, as opposed to a bare list of words. */
export function readsAsSentences(text: string): boolean {
  return /[a-z0-9)\]"'][.!?](?:\s|$)/i.test(text);
}

/**
 * A paragraph of code: part of a fenced block of code, or code written bare, whose lines do something and carry no
 * run of prose words outside their strings and comments (`looksLikeCode` reads "Ingestion: parse into chunks (~400
 * tokens)" as code by its colon and brackets; a line of a program seldom has four plain words in a row).
 */
export function isCodeParagraph(paragraph: string, fencedCode: readonly string[]): boolean {
  const body = paragraph.trim();
  if (!body) return false;
  if (fencedCode.some((block) => block.includes(body))) return true;
  if (!looksLikeCode(body)) return false;
  const lines = withoutStringsOrComments(body)
    .split("\n")
    .filter((l) => l.trim());
  const wordy = lines.filter((l) => PROSE_RUN.test(l)).length;
  const doing = lines.filter((l) => STATEMENT.test(l)).length;
  return lines.length > 0 && wordy * 4 <= lines.length && doing * 2 >= lines.length;
}

/**
 * A line a program runs: a call, an assignment, a brace, or a statement keyword (lower-case, as code writes it; a
 * sentence's "If" is capitalised). A colon, a semicolon or brackets alone are prose's too ("a kappa of 0.2; ...").
 */
const STATEMENT =
  /\w\(|[^=!<>]=(?!=)|=>|[{}]\s*$|^\s*(?:def|class|return|import|from|const|let|var|function|export|if|for|while|elif|else|try|except|yield|raise|throw)\b/;

/** Four plain words in a row, as prose has and code seldom does. */
const PROSE_RUN = /(?:^|\s)[A-Za-z]+(?:\s+[A-Za-z]+){3}(?=\s|[.,;!?]|$)/;
