import { transformSync } from "esbuild";

export class TranspileError extends Error {
  override name = "TranspileError";
}

/**
 * Strip types and turn ES module syntax into a plain script, so the
 * candidate's top-level functions become globals the harness can call.
 */
export function toScript(source: string): string {
  try {
    return transformSync(source, { loader: "ts", format: "cjs", target: "es2020", sourcefile: "solution.ts" }).code;
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors ?? [];
    const first = errors[0];
    const where = first?.location ? ` (line ${first.location.line}, column ${first.location.column + 1})` : "";
    throw new TranspileError(`${first?.text ?? String(err)}${where}`);
  }
}
