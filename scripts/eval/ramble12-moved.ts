// Which honest rows a grading change moves (session 22, branch `ramble12`): grades every answer row of the honest,
// terse, plain and calibration fixtures and writes {id: score} to the given file; with a second file, prints the rows
// whose score differs. `npx tsx scripts/eval/ramble12-moved.ts <out.json> [<before.json>]`
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { FixtureRowSchema, rowScore, type FixtureRow } from "./fixture-rows.js";

const DIRS = /^(?:honest|terse|terse2|plain\d+|calibration|calibration-v2)$/;
const rows: { where: string; row: FixtureRow }[] = [];
for (const dir of readdirSync("test/fixtures").filter((d) => DIRS.test(d))) {
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const p = join(path, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".yaml") && name !== "pack.yaml") read(p);
    }
  };
  const read = (p: string) => {
    let data: unknown;
    try {
      data = parse(readFileSync(p, "utf8"));
    } catch {
      return;
    }
    if (!Array.isArray(data)) return;
    data.forEach((r: Record<string, unknown>, i) => {
      if (!r || typeof r.answer !== "string" || typeof r.questionId !== "string") return;
      const parsed = FixtureRowSchema.safeParse({
        id: String(r.id ?? i),
        kind: String(r.kind ?? "row"),
        pack: r.pack ?? "builtin",
        questionId: r.questionId,
        answer: r.answer,
      });
      if (parsed.success) rows.push({ where: `${p}#${r.id ?? i}`, row: parsed.data });
    });
  };
  walk(join("test/fixtures", dir));
}
const out: Record<string, number> = {};
for (const { where, row } of rows) {
  try {
    out[where] = rowScore(row, row.answer);
  } catch {
    /* a row on a question this pack does not have */
  }
}
writeFileSync(process.argv[2]!, JSON.stringify(out, null, 1));
console.log(`${Object.keys(out).length} rows graded`);
if (process.argv[3]) {
  const before = JSON.parse(readFileSync(process.argv[3], "utf8")) as Record<string, number>;
  let moved = 0;
  for (const [k, v] of Object.entries(out))
    if (before[k] !== undefined && before[k] !== v) {
      moved++;
      console.log(`${k}: ${before[k]} -> ${v}`);
    }
  console.log(`${moved} rows moved`);
}
