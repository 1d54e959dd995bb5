import { isNode, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { PackIssue } from "./errors.js";
import { positionTable, type PositionTable } from "./position-table.js";
import { MAX_YAML_ALIASES, yamlTooDeep } from "./yaml-limits.js";

/**
 * What an author usually meant, by the parser's stable error code: most YAML slips in a pack are text that needed
 * quotes ("% of", a sentence going on after its closing quote, a value holding ": ").
 */
const QUOTING_HINTS: Partial<Record<string, string>> = {
  BAD_SCALAR_START: '; a value starting with %, @, ` or another YAML indicator must be quoted: "% of"',
  UNEXPECTED_TOKEN:
    "; if a quoted value goes on after its closing quote, put all of it inside the quotes (and write a ' inside '...' as '')",
  BLOCK_AS_IMPLICIT_KEY: '; a value holding ": " must be quoted: "note: text"',
};

/** A parsed YAML (or JSON) file that can say where any path inside it is. */
export type YamlSource = {
  file: string;
  value: unknown;
  /** Line/column of the deepest existing node on `path`. */
  locate(path: (string | number)[]): { line?: number; column?: number };
  /** The same positions as plain data, to send to another thread (see position-table.ts). */
  positions(): PositionTable;
};

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Keys said twice in one mapping (at most 20 reported), found in one pass with a set per mapping. */
function duplicateKeys(doc: Document, lineCounter: LineCounter, file: string): PackIssue[] {
  const issues: PackIssue[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const at = isNode(pair.key) && pair.key.range ? position(lineCounter, pair.key.range[0]) : {};
        issues.push({
          file,
          path: "",
          ...at,
          code: "yaml",
          message: `YAML syntax: the key "${String(key).slice(0, 80)}" is given twice in one mapping`,
        });
        if (issues.length >= 20) return visit.BREAK;
      }
      return undefined;
    },
  });
  return issues;
}

export function readYamlSource(text: string, file: string): { source: YamlSource; issues: PackIssue[] } {
  const deep = yamlTooDeep(text);
  if (deep) {
    return {
      source: { file, value: undefined, locate: () => ({ line: deep.line }), positions: () => new Map([["", [deep.line, 1]]]) },
      issues: [{ file, path: "", line: deep.line, code: "yaml", message: `YAML too deeply nested: ${deep.message}` }],
    };
  }
  const lineCounter = new LineCounter();
  // The parser's own duplicate-key check compares each key with every key before it: 120,000 keys (1.7 MB) held
  // the server's event loop for minutes. Duplicates are found here instead, with a set per mapping.
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const issues: PackIssue[] = doc.errors.slice(0, 20).map((e) => ({
    file,
    path: "",
    ...position(lineCounter, e.pos[0]),
    code: "yaml",
    message: `YAML syntax: ${e.message.split("\n")[0]!.slice(0, 200)}${QUOTING_HINTS[e.code] ?? ""}`,
  }));
  if (!issues.length) issues.push(...duplicateKeys(doc, lineCounter, file));
  let value: unknown;
  if (!issues.length) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (err) {
      // The parser refuses alias bombs ("excessive alias count") by throwing: that is the author's input, not a crash.
      issues.push({ file, path: "", code: "yaml", message: `YAML refused: ${(err as Error).message.slice(0, 200)}` });
    }
  }
  const source: YamlSource = {
    file,
    value,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return position(lineCounter, node.range[0]);
      }
      return {};
    },
    positions: () => positionTable(doc.contents, lineCounter),
  };
  return { source, issues };
}
