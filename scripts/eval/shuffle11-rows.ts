// Writes test/fixtures/shuffle11/shuffles.yaml from test/fixtures/shuffle11/honest.yaml (session 21, branch
// `shuffle11`): each honest answer with its words put in another order, by kind and seed, so the rows are the same on
// every run. Written once, before any change to language/word-order.ts, and committed with the answers they come from.
//   npx tsx scripts/eval/shuffle11-rows.ts
import { readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { z } from "zod";

export const HonestRowSchema = z.object({
  id: z.string(),
  questionId: z.string(),
  style: z.enum(["numbers", "terse", "list", "table", "code", "nonnative", "plain", "story"]),
  split: z.enum(["tune", "held"]),
  answer: z.string(),
});
export const ShuffleRowSchema = z.object({
  id: z.string(),
  source: z.string(),
  questionId: z.string(),
  style: HonestRowSchema.shape.style,
  split: HonestRowSchema.shape.split,
  kind: z.enum(["global", "paragraph", "sentence", "window4", "partial", "items", "lower"]),
  seed: z.number(),
  answer: z.string(),
});
export type ShuffleRow = z.infer<typeof ShuffleRowSchema>;
export const HONEST_FILE = "test/fixtures/shuffle11/honest.yaml";
export const SHUFFLE_FILE = "test/fixtures/shuffle11/shuffles.yaml";

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
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const shuffleWords = (s: string, seed: number) => permute(words(s), seed).join(" ");
const paragraphs = (s: string) => s.trim().split(/\n\s*\n/);
const sentences = (line: string) => line.split(/(?<=[.!?])\s+/).filter(Boolean);
/** A line's list marker or table pipes stay where they are; its other words change places. */
const MARKER = /^\s*(?:[-*•]|\d+[.)])\s+/;

function shuffleKind(text: string, kind: ShuffleRow["kind"], seed: number): string {
  switch (kind) {
    case "global":
      return shuffleWords(text, seed);
    case "lower":
      return shuffleWords(text.toLowerCase().replace(/[^\w\s$%@./-]|(?<=\w)[.,;:!?](?=\s|$)/g, ""), seed);
    case "paragraph":
      return paragraphs(text)
        .map((p, i) => shuffleWords(p, seed + i))
        .join("\n\n");
    case "sentence":
    case "partial":
      return paragraphs(text)
        .map((p, pi) =>
          p
            .split("\n")
            .map((line, li) => {
              let n = 0;
              return sentences(line)
                .map((s) => (kind === "sentence" || n++ % 2 === 1 ? shuffleWords(s, seed + pi * 100 + li * 10 + n) : s))
                .join(" ");
            })
            .join("\n"),
        )
        .join("\n\n");
    case "window4":
      return paragraphs(text)
        .map((p, pi) => {
          const w = words(p);
          const out: string[] = [];
          for (let i = 0; i < w.length; i += 4) out.push(...permute(w.slice(i, i + 4), seed + pi * 1000 + i));
          return out.join(" ");
        })
        .join("\n\n");
    case "items":
      return text
        .trim()
        .split("\n")
        .map((line, li) => {
          const marker = MARKER.exec(line)?.[0] ?? "";
          const body = words(line.slice(marker.length));
          const movable = body.filter((t) => t !== "|");
          const moved = permute(movable, seed + li);
          return marker + body.map((t) => (t === "|" ? t : moved.shift()!)).join(" ");
        })
        .join("\n");
  }
}

const KINDS: Record<z.infer<typeof HonestRowSchema>["style"], ShuffleRow["kind"][]> = {
  numbers: ["global", "paragraph", "sentence", "window4", "partial", "lower"],
  story: ["global", "sentence", "window4", "partial", "lower"],
  plain: ["global", "sentence", "window4", "partial", "lower"],
  nonnative: ["global", "sentence", "window4", "partial"],
  code: ["global", "sentence", "window4"],
  terse: ["global", "paragraph", "sentence", "window4"],
  list: ["global", "items", "window4"],
  table: ["global", "items"],
};
const SEEDS = [1, 2, 3];

if (import.meta.url === `file://${process.argv[1]}`) {
  const honest = z.array(HonestRowSchema).parse(parse(readFileSync(HONEST_FILE, "utf8")));
  const rows: ShuffleRow[] = [];
  for (const h of honest)
    for (const kind of KINDS[h.style])
      for (const seed of SEEDS) {
        const answer = shuffleKind(h.answer, kind, seed);
        if (answer.trim() === h.answer.trim()) continue;
        rows.push({
          id: `${h.id}-${kind}-${seed}`,
          source: h.id,
          questionId: h.questionId,
          style: h.style,
          split: h.split,
          kind,
          seed,
          answer,
        });
      }
  const head =
    "# Written by scripts/eval/shuffle11-rows.ts from honest.yaml (session 21, branch `shuffle11`), before any change to\n" +
    "# language/word-order.ts. Each row is an honest answer with its words put in another order: `global` (all words),\n" +
    "# `paragraph` (within each paragraph), `sentence` (within each sentence), `window4` (within runs of four words),\n" +
    "# `partial` (every other sentence), `items` (within each list item or table row), `lower` (all words, lower-cased,\n" +
    "# punctuation dropped). None is an answer; each should be set aside as `scrambled-words`.\n";
  writeFileSync(SHUFFLE_FILE, head + stringify(rows, { lineWidth: 0 }));
  console.log(`${rows.length} rows written to ${SHUFFLE_FILE}`);
}
