/**
 * Limits on what the YAML parser is asked to read. The parser recurses per
 * nesting level: a few hundred kB of `[[[[…` or `- - - …` made it spin for
 * seconds or run out of memory, so such text is refused by a linear scan
 * before parsing. Real packs nest a handful of levels.
 */
export const MAX_YAML_FLOW_DEPTH = 64;
export const MAX_YAML_INDENT = 256;
export const MAX_YAML_LINE_DASHES = 32;
/** Aliases a document may expand (the parser's own guard against "billion laughs"). */
export const MAX_YAML_ALIASES = 100;

/** A reason to refuse the text, with its 1-based line, or null when it is within bounds. */
export function yamlTooDeep(text: string): { line: number; message: string } | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (i === lineStart) {
      let indent = 0;
      while (text.charCodeAt(i + indent) === 32 || text.charCodeAt(i + indent) === 9) indent++;
      if (indent > MAX_YAML_INDENT)
        return { line, message: `line is indented ${indent} columns; packs nest at most ${MAX_YAML_INDENT} columns deep` };
      let dashes = 0;
      for (
        let j = i + indent;
        text.charCodeAt(j) === 45 /* - */ && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 10);
        j += 2
      )
        dashes++;
      if (dashes > MAX_YAML_LINE_DASHES)
        return { line, message: `${dashes} nested list markers on one line; at most ${MAX_YAML_LINE_DASHES}` };
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_YAML_FLOW_DEPTH) return { line, message: `brackets are nested more than ${MAX_YAML_FLOW_DEPTH} levels deep` };
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && depth > 0) depth--;
  }
  return null;
}
