/** A long answer of varied engineering prose: read in full by every check (a repeated letter would be cheap). */
export function longAnswer(chars: number, seed: number): string {
  const parts = [
    "We would shard the vector index by tenant",
    "and cache embeddings for repeated queries",
    "so p95 latency stays under",
    "the reranker runs on the top",
    "candidates while the gateway retries with backoff and jitter",
    "we measure recall at k on a labelled set of",
    "real tickets and watch cost per request at",
    "with a fallback model when the provider rate limits us",
  ];
  let text = "";
  for (let i = seed; text.length < chars; i++) text += `${parts[i % parts.length]} ${(i * 37) % 1000} ms. `;
  return text.slice(0, chars);
}
