import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { PackIssue } from "./errors.js";

/** A parsed YAML (or JSON) file that can say where any path inside it is. */
export type YamlSource = {
  file: string;
  value: unknown;
  /** Line/column of the deepest existing node on `path`. */
  locate(path: (string | number)[]): { line?: number; column?: number };
};

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export function readYamlSource(text: string, file: string): { source: YamlSource; issues: PackIssue[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const issues: PackIssue[] = doc.errors.map((e) => ({
    file,
    path: "",
    ...position(lineCounter, e.pos[0]),
    message: `YAML syntax: ${e.message.split("\n")[0]}`,
  }));
  const source: YamlSource = {
    file,
    value: issues.length ? undefined : doc.toJS(),
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return position(lineCounter, node.range[0]);
      }
      return {};
    },
  };
  return { source, issues };
}
