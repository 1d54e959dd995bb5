import { isAbsolute, relative } from "node:path";

/**
 * How a file is named in messages: by its path from the root when it lies under it, else as the user wrote it.
 * A path outside the root ("../../dev/zero" for /dev/zero) names a file the user never typed.
 */
export function shownPath(path: string, root: string): string {
  const fromRoot = relative(root, path);
  if (!fromRoot || fromRoot === ".." || fromRoot.startsWith("../") || isAbsolute(fromRoot)) return path;
  return fromRoot;
}
