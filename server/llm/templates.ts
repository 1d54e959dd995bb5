import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** prompts/ at the project root: every interviewer and judge text lives there. */
export const PROMPTS_DIR = fileURLToPath(new URL("../../prompts/", import.meta.url));

/** Read a prompt file; `#` lines are comments for authors, not prompt text. */
export function loadTemplate(name: string): string {
  return readFileSync(`${PROMPTS_DIR}${name}`, "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
}

/** Variants: one per non-comment line. */
export function loadVariants(name: string): string[] {
  return loadTemplate(name)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Fill {{name}} slots; a missing value is a bug, so it throws instead of printing "undefined". */
export function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`prompt template needs a value for {{${key}}}`);
    return value;
  });
}
