import { isAlias, isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from "yaml";

/**
 * Where each part of a YAML document was written, as plain data: a pack read in a worker thread
 * (server/packs/reader) sends this back with the pack, because the parsed document and its `locate` function
 * cannot cross the thread boundary. Keys are paths (segments joined by PATH_SEPARATOR); values are [line, column].
 */
export type PositionTable = Map<string, [line: number, column: number]>;

/**
 * How deep the table goes. Checks that run after reading a pack locate paths at most this deep (the title;
 * questions[i].coding.referenceSolution.<language> is five); a deeper path is located at its ancestor at this
 * depth. Every node to any depth would be ~10x larger for a 2 MB pack (each probe and term).
 */
export const POSITION_TABLE_DEPTH = 5;

const PATH_SEPARATOR = "\u0000";
export const positionKey = (path: ReadonlyArray<string | number>): string => path.map(String).join(PATH_SEPARATOR);

/** The positions of every node of `root` down to `depth` levels (an alias is located where it is written, as `getIn` does). */
export function positionTable(root: unknown, lineCounter: LineCounter, depth = POSITION_TABLE_DEPTH): PositionTable {
  const table: PositionTable = new Map();
  const visit = (node: unknown, path: (string | number)[]) => {
    if (!isNode(node)) return;
    if (node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      table.set(positionKey(path), [line, col]);
    }
    if (path.length >= depth || isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        visit(pair.value as Node | null, [...path, String(key)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    }
  };
  visit(root, []);
  return table;
}

/** Line/column of the deepest path prefix the table holds, as YamlSource.locate answers. */
export function locateInTable(table: PositionTable, path: ReadonlyArray<string | number>): { line?: number; column?: number } {
  for (let n = Math.min(path.length, POSITION_TABLE_DEPTH); n >= 0; n--) {
    const at = table.get(positionKey(path.slice(0, n)));
    if (at) return { line: at[0], column: at[1] };
  }
  return {};
}
