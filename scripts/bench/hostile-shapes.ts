/**
 * Answers shaped to stall the grader, by name: each a function of its length in characters, so a reader that grows
 * faster than the text shows as a ratio above 5 between its 100,000- and 20,000-character forms (the interview takes
 * 20,000; the 100,000 ones are there to show growth). Digits, one long word, many one-word sentences, repeated
 * punctuation, nested brackets and quotes, a huge bullet list, runs of whitespace and line ends, many percentages
 * and dollar figures, many code fences, and a few shapes earlier sweeps found slow.
 */
const repeat = (unit: (i: number) => string, length: number) => {
  let s = "";
  for (let i = 0; s.length < length; i++) s += unit(i);
  return s.slice(0, length);
};

export const HOSTILE_SHAPES: Record<string, (length: number) => string> = {
  digits: (n) => repeat((i) => String(i % 10), n),
  "digits, spaced": (n) => repeat((i) => `${i % 10} `, n),
  "numbers on lines": (n) => repeat((i) => `${i}\n`, n),
  "one long word": (n) => repeat(() => "cache", n),
  "one-word sentences": (n) => repeat((i) => ["Cache. ", "Retry. ", "Shard. ", "Queue. "][i % 4]!, n),
  "repeated punctuation": (n) => repeat(() => "!?.,;:", n),
  "full stops": (n) => repeat(() => ".", n),
  "nested brackets": (n) => repeat(() => "(", n / 2) + repeat(() => ")", n / 2),
  "nested brackets and quotes": (n) =>
    repeat((i) => ["(", "[", "{", '"', "'", "«"][i % 6]!, n / 2) + repeat((i) => [")", "]", "}", '"', "'", "»"][i % 6]!, n / 2),
  "quotation marks": (n) => repeat(() => '"', n),
  "bullet list": (n) => repeat((i) => `- item ${i} cache\n`, n),
  "bare bullets": (n) => repeat(() => "-\n", n),
  spaces: (n) => `${repeat(() => " ", n - 1)}x`,
  "CRLF line ends": (n) => repeat(() => "\r\n", n),
  "spaces before CR": (n) => repeat(() => "   \r\n", n),
  percentages: (n) => repeat((i) => `${i % 100}% `, n),
  "dollar figures": (n) => repeat((i) => `$${i}.5M `, n),
  "code fences": (n) => repeat(() => "```\n", n),
  "fenced code blocks": (n) => repeat((i) => `\`\`\`py\nx = ${i}\n\`\`\`\n`, n),
  "key-value lines": (n) => repeat((i) => `k${i}: v\n`, n),
  "open JSON": (n) => repeat(() => '{"a": ', n),
  "indented YAML": (n) => repeat((i) => `${" ".repeat(i % 8)}k: ${i}\n`, n),
  headings: (n) => repeat((i) => `# H${i}\n`, n),
  assignments: (n) => repeat(() => "x = 1; ", n),
  "table rows": (n) => repeat(() => "| a |\n", n),
};
