import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseDocument, isNode } from "yaml";
import { crossCheckPack } from "./cross-checks.js";
import { PackValidationError, formatPath, type PackIssue } from "./errors.js";
import { PackSchema, type Pack } from "./schema.js";

/** Parse and validate one pack from YAML (or JSON, which is YAML) text. */
export function parsePack(text: string, file: string): Pack {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const locate = (path: (string | number)[]): { line?: number; column?: number } => {
    // Walk up the path until a node with a position is found.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
    }
    return {};
  };
  if (doc.errors.length > 0) {
    throw new PackValidationError(
      doc.errors.map((e) => ({ file, path: "", ...lineCounter.linePos(e.pos[0]), message: `YAML syntax: ${e.message.split("\n")[0]}` })),
    );
  }
  const parsed = PackSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues: PackIssue[] = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      return { file, path: formatPath(path), ...locate(path), message: issue.message };
    });
    throw new PackValidationError(issues);
  }
  const problems = crossCheckPack(parsed.data);
  if (problems.length > 0) {
    throw new PackValidationError(problems.map((p) => ({ file, path: formatPath(p.path), ...locate(p.path), message: p.message })));
  }
  return parsed.data;
}

export function loadPackFile(path: string, root = process.cwd()): Pack {
  return parsePack(readFileSync(path, "utf8"), relative(root, path) || path);
}

/**
 * Load every pack under a directory: each `<dir>/<name>/pack.yaml` and each
 * `<dir>/*.yaml`. Fails on the first invalid pack, naming every issue in it.
 */
export function loadPacksFromDir(dir: string): Pack[] {
  const packs: Pack[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      const file = join(full, "pack.yaml");
      try {
        statSync(file);
      } catch {
        continue;
      }
      packs.push(loadPackFile(file));
    } else if (/\.ya?ml$/.test(entry)) {
      packs.push(loadPackFile(full));
    }
  }
  const seen = new Set<string>();
  for (const p of packs) {
    if (seen.has(p.id)) throw new PackValidationError([{ file: dir, path: "id", message: `two packs share the id "${p.id}"` }]);
    seen.add(p.id);
  }
  return packs;
}
