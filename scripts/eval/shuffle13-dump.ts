import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { readJoints } from "../../server/grading/language/word-junction.js";
import { wordOrderScore } from "../../server/grading/language/word-order.js";
import { LOADERS } from "./loaders.js";
import { honestFixtures } from "./shuffle11.js";
import { ROW_FILE, sources } from "./shuffle13-rows.js";
const out: string[] = [];
const row = (set: string, text: string) => {
  for (const p of text.trim().split(/\n\s*\n/)) {
    const t = readJoints(p);
    const e = t;
    const o = wordOrderScore(p);
    out.push([set, t.t.toFixed(3), t.period, e.gaps, (e.evidence * e.gaps).toFixed(2), o.score.toFixed(3), o.steps].join(","));
  }
};
const mode = process.argv[2];
if (mode === "tune") {
  const rows = parse(readFileSync(ROW_FILE("tune"), "utf8")) as { kind: string; answer: string }[];
  for (const r of rows) row(r.kind, r.answer);
  for (const s of sources().filter((s) => s.split === "tune")) row("source", s.answer);
} else if (mode === "fixtures") {
  for (const f of honestFixtures()) row(`fix:${f.where}`, f.text);
} else {
  for (const [name, load] of Object.entries(LOADERS)) for (const i of load(`/work/data/${name}`)) row(name, i.answer);
}
console.log(out.join("\n"));
