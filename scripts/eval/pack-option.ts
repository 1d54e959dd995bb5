import { readFileSync } from "node:fs";
import { parsePack, type Pack } from "../../server/scenarios/index.js";
import { authorPack, slug } from "./author-pack.js";
import type { EvalItem } from "./types.js";

type PackQuestion = Pack["questions"][number];

/**
 * The pack an evaluation grades with: a hand-written one given as `--pack <file>` (its question ids are
 * author-pack.ts's slugs of the set's question ids), else the one authored mechanically from the references.
 * Items whose question a given pack lacks are returned apart, to be reported as skipped.
 */
export function packFor(
  name: string,
  items: EvalItem[],
  argv: string[],
): { pack: Pack; graded: { item: EvalItem; question: PackQuestion }[]; skipped: EvalItem[] } {
  const at = argv.indexOf("--pack");
  const file = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !file) throw new Error("--pack needs a file");
  const pack = file ? parsePack(readFileSync(file, "utf8"), file) : authorPack(name, items);
  const byId = new Map(pack.questions.map((q) => [q.id, q]));
  const graded: { item: EvalItem; question: PackQuestion }[] = [];
  const skipped: EvalItem[] = [];
  for (const item of items) {
    const question = byId.get(slug(item.questionId));
    if (question) graded.push({ item, question });
    else skipped.push(item);
  }
  return { pack, graded, skipped };
}

/** The command line without `--pack <file>`, so positional arguments read as before. */
export const withoutPackOption = (argv: string[]) => argv.filter((a, i) => a !== "--pack" && argv[i - 1] !== "--pack");
