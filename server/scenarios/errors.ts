/** One problem found in a pack, located precisely enough to fix without hunting. */
export type PackIssue = {
  file: string;
  /** Path inside the pack, e.g. questions[3].rubric[0].weight */
  path: string;
  line?: number;
  column?: number;
  /**
   * What kind of problem, stable across wording changes: "yaml" (the text does not read as YAML),
   * "schema" (a field does not match the schema; the path names it), a cross-check's code
   * (CROSS_CHECK_CODES in cross-checks.ts), "duplicate-pack-id", "reference-solution-fails".
   */
  code?: string;
  message: string;
};

export class PackValidationError extends Error {
  constructor(readonly issues: PackIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "PackValidationError";
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join("");
}

export function formatIssue(issue: PackIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  return `${where} ${issue.path || "(root)"}: ${issue.message}${issue.code ? ` [${issue.code}]` : ""}`;
}
