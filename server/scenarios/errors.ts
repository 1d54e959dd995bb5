import type { LocatedPack, PortableReadable } from "./loader.js";

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
  /**
   * `readable`: the questions of a pack that failed the schema that did pass it (partial-checks.ts, readablePart),
   * located where they were written: their reference solutions are still run, so one validation lists every problem
   * (outside tester, session 23: a failing reference solution came only in a second round, after the schema errors).
   * `portable`: the same as plain data, for the pack reader's thread to send back.
   */
  readable?: LocatedPack;
  portable?: PortableReadable;
  constructor(
    readonly issues: PackIssue[],
    readable?: { located: LocatedPack; portable?: PortableReadable },
  ) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "PackValidationError";
    if (readable) {
      this.readable = readable.located;
      if (readable.portable) this.portable = readable.portable;
    }
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join("");
}

export function formatIssue(issue: PackIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  return `${where} ${issue.path || "(root)"}: ${issue.message}${issue.code ? ` [${issue.code}]` : ""}`;
}
