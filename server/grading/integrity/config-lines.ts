import { jsonObjects } from "./json-objects.js";

/**
 * The lines of a paragraph that show a configuration, in JSON or YAML: the settings an answer quotes from its system
 * ("max_chars": 125, "include": ["title", "maker", "date", "material"], "review_sample_rate": 0.02). A setting's list
 * of field names reads like a keyword list line by line, and an outside audit's honest answer quoting its JSON config
 * was set aside as one; as data, its lists are values among settings, not the candidate's prose.
 *
 * A configuration is settings: at least three scalar values (a figure, a boolean, a name without spaces) and no more
 * lists than scalars. A JSON object of nothing but a list of the rubric's terms ({"keywords": [...]}) is no
 * configuration and is read as any other line.
 */
const MIN_SCALARS = 3;

type Counts = { scalars: number; lists: number };

const SCALAR = /^(?:-?\d[\d.,_]*%?|true|false|null|[\w.@/-]+)$/i;

function countJson(value: unknown, c: Counts): void {
  if (Array.isArray(value)) {
    c.lists++;
    for (const v of value) if (typeof v === "object" && v !== null) countJson(v, c);
  } else if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) countJson(v, c);
  } else if (typeof value === "number" || typeof value === "boolean" || (typeof value === "string" && SCALAR.test(value))) {
    c.scalars++;
  }
}

const settles = (c: Counts) => c.scalars >= MIN_SCALARS && c.lists <= c.scalars;

/**
 * A YAML line: a key with a value, a key opening a nested block, or a list item. The value is everything to the line's
 * end, a carriage return included: with `\s+(.*)` a line of spaces before a "\r" (which `\s` takes and `.` does not)
 * failed only after trying every split of the spaces, and a 100,000-character answer held the grading thread for
 * seconds (a review of session 19 found it).
 */
const YAML_KEY = /^[ \t]*(?:-[ \t]+)?["']?[\w.-]+["']?:(?:[ \t]+([^\n]*))?\r?$/;
const YAML_ITEM = /^[ \t]*-[ \t]+\S/;

/** The line of `block` an offset is on, from the lines' start offsets found once (a binary search, not a re-split). */
function lineFinder(block: string): (offset: number) => number {
  const starts = [0];
  for (let i = block.indexOf("\n"); i >= 0; i = block.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** The indices of a paragraph's lines that belong to a JSON object or a YAML block of settings. */
export function configLines(block: string): Set<number> {
  const lines = block.split("\n");
  const out = new Set<number>();
  const lineAt = lineFinder(block);
  for (const { start, end } of jsonObjects(block)) {
    let value: unknown;
    try {
      value = JSON.parse(block.slice(start, end));
    } catch {
      continue;
    }
    const c = { scalars: 0, lists: 0 };
    countJson(value, c);
    if (settles(c)) for (let i = lineAt(start); i <= lineAt(end - 1); i++) out.add(i);
  }
  // YAML: a run of key and item lines, one of them indented under another.
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && (YAML_KEY.test(lines[j]!) || YAML_ITEM.test(lines[j]!))) j++;
    if (j - i >= MIN_SCALARS && lines.slice(i, j).some((l) => /^\s+\S/.test(l))) {
      const c = { scalars: 0, lists: 0 };
      for (const l of lines.slice(i, j)) {
        const v = YAML_KEY.exec(l)?.[1]
          ?.trim()
          .replace(/^["']|["']$/g, "");
        if (v === undefined || v === "") continue;
        if (/^\[.*\]$/.test(v)) c.lists++;
        else if (SCALAR.test(v)) c.scalars++;
      }
      if (settles(c)) for (let k = i; k < j; k++) out.add(k);
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * A paragraph without its configuration's lines (configLines, or the set of them its caller already read), or null
 * when it has none.
 */
export function withoutConfig(block: string, config: ReadonlySet<number> = configLines(block)): string | null {
  if (!config.size) return null;
  return block
    .split("\n")
    .filter((_, i) => !config.has(i))
    .join("\n");
}
