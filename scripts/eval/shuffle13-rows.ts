// Writes test/fixtures/shuffle13/{held,tune}.yaml (session 23, branch `shuffle13`): genuine answers of the calibration
// fixtures (none a model answer or exemplar, so the copy checks cannot see their shuffles) cut into chunks of 2-6 words
// whose order is shuffled across the text, as outside audit 19's six 4-word-chunk shuffles of the auditor's own answers
// were, and with their sentences put in another order. Sources are split by a hash of their id: the held half is
// written and committed first and only scored. Fixed seeds, so the rows are the same on every run.
//   npx tsx scripts/eval/shuffle13-rows.ts held|tune
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { z } from "zod";

export const ChunkRowSchema = z.object({
  id: z.string(),
  source: z.string(),
  questionId: z.string(),
  split: z.enum(["tune", "held"]),
  /** chunk2..chunk6: chunks of that many words shuffled across the text; sentences: whole sentences reordered. */
  kind: z.enum(["chunk2", "chunk3", "chunk4", "chunk5", "chunk6", "sentences"]),
  seed: z.number(),
  answer: z.string(),
});
export type ChunkRow = z.infer<typeof ChunkRowSchema>;
export const ROW_FILE = (split: "tune" | "held") => `test/fixtures/shuffle13/${split}.yaml`;

const SOURCES = [
  "test/fixtures/calibration/system-design.yaml",
  "test/fixtures/calibration/prompt-debugging.yaml",
  "test/fixtures/calibration/behavioural.yaml",
  "test/fixtures/calibration/behavioural-heldout.yaml",
  "test/fixtures/calibration-v2/author-written.yaml",
  "test/fixtures/calibration-v2/author-written-untuned.yaml",
];
/** Genuine answers worth copying: those with content (a shuffle of an empty answer earns nothing anyway). */
const KINDS_TAKEN = new Set(["strong", "mixed", "good", "mediocre", "shallow"]);
const MIN_WORDS = 35;

/** A fixed permutation (a linear congruential generator): the same order for the same seed on every run. */
function permute<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed * 7919 + 17;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = Math.floor((state / 2147483648) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Chunks of `k` words (case and punctuation kept) in another order, the text run together as one paragraph. */
export function chunkShuffle(text: string, k: number, seed: number): string {
  const w = text.split(/\s+/).filter(Boolean);
  const chunks: string[] = [];
  for (let i = 0; i < w.length; i += k) chunks.push(w.slice(i, i + k).join(" "));
  return permute(chunks, seed).join(" ");
}

/** Sentences in another order within the text, paragraph breaks dropped. */
export function sentenceShuffle(text: string, seed: number): string {
  const sentences = text
    .trim()
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return permute(sentences, seed).join(" ");
}

export type Source = { id: string; questionId: string; split: "tune" | "held"; answer: string };

export function sources(): Source[] {
  const out: Source[] = [];
  for (const file of SOURCES) {
    const rows = parse(readFileSync(file, "utf8")) as { questionId: string; kind: string; answer: string }[];
    const stem = file.replace(/^test\/fixtures\//, "").replace(/\.yaml$/, "");
    rows.forEach((r, i) => {
      if (!KINDS_TAKEN.has(r.kind) || r.answer.split(/\s+/).filter(Boolean).length < MIN_WORDS) return;
      const id = `${stem}#${i}`;
      const split = createHash("sha256").update(id).digest()[0]! % 2 ? "held" : "tune";
      out.push({ id, questionId: r.questionId, split, answer: r.answer });
    });
  }
  return out;
}

const SEEDS = [1, 2];

if (import.meta.url === `file://${process.argv[1]}`) {
  const split = process.argv[2];
  if (split !== "tune" && split !== "held") {
    console.error("usage: npx tsx scripts/eval/shuffle13-rows.ts held|tune");
    process.exit(2);
  }
  const rows: ChunkRow[] = [];
  for (const s of sources().filter((s) => s.split === split)) {
    for (const k of [2, 3, 4, 5, 6])
      for (const seed of SEEDS)
        rows.push({
          id: `${s.id}-chunk${k}-${seed}`,
          source: s.id,
          questionId: s.questionId,
          split,
          kind: `chunk${k}` as ChunkRow["kind"],
          seed,
          answer: chunkShuffle(s.answer, k, seed + k * 10),
        });
    const answer = sentenceShuffle(s.answer, 1);
    if (answer !== s.answer.trim())
      rows.push({ id: `${s.id}-sentences-1`, source: s.id, questionId: s.questionId, split, kind: "sentences", seed: 1, answer });
  }
  const head =
    `# Written by scripts/eval/shuffle13-rows.ts (session 23, branch \`shuffle13\`), the ${split} half, before any change\n` +
    "# to the grader. Genuine calibration answers (no model answer or exemplar) cut into chunks of 2-6 words shuffled\n" +
    "# across the text (`chunkN`), or with their sentences reordered (`sentences`). Sources split by a hash of their id.\n";
  mkdirSync("test/fixtures/shuffle13", { recursive: true });
  writeFileSync(ROW_FILE(split), head + stringify(rows, { lineWidth: 0 }));
  console.log(`${rows.length} rows from ${new Set(rows.map((r) => r.source)).size} sources written to ${ROW_FILE(split)}`);
}
