/** Split text into small word groups, keeping whitespace, as a model would stream it. */
export function* chunkWords(text: string, wordsPerChunk = 6): Generator<string> {
  const parts = text.split(/(?<=\s)/);
  for (let i = 0; i < parts.length; i += wordsPerChunk) {
    yield parts.slice(i, i + wordsPerChunk).join("");
  }
}
