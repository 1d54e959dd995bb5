import type { Question } from "../scenarios/index.js";
import { analyse, questionTerms } from "./language/index.js";
import { specificWords } from "./language/unspecific.js";

/** A sentence whose key points reach this many of a question's criteria names the rubric in one breath. */
const SPREAD_CRITERIA = 3;
/** ... and it says something about them when it holds at least one specific word for this many of the key points it earns. */
const POINTS_PER_SPECIFIC = 2;

type SpreadReading = { sentence: number; points: number; criteria: number; specific: string[] };

/**
 * Sentences that name key points of several criteria at once and say nothing specific about them: a fluent
 * summary of the rubric ("Hybrid search fuses dense embeddings with a BM25 index and filters, while incremental
 * upserts keep the index fresh, and click logs feed NDCG and an A/B test, with caching keeping latency in check").
 * An interviewer hears such a sentence as a list of topics: at best a shallow answer, never evidence that carries
 * each criterion it names. The per-sentence cap (coverage.ts) is per criterion, so one such sentence earned up to
 * three key points on every criterion, level 3 everywhere. What tells it from an expert's dense sentence is not its
 * grammar but what it says besides the rubric's names: figures, someone acting, relations of reason or condition,
 * things of the question's situation (unspecific.ts, `specificWords`). "We cap retries at 3 with jittered backoff
 * from 200 ms and an idempotency key per refund, so a retried refund is never paid twice" holds eight such words for
 * its four key points; a salad of twelve key points holds one or two.
 *
 * `hits`: for each criterion, the prose sentence of each key point it counted.
 */
export function spreadSentences(question: Question, prose: string, hits: readonly (readonly number[])[]): SpreadReading[] {
  const points = new Map<number, number>();
  const reached = new Map<number, number>();
  for (const sentences of hits) {
    for (const s of sentences) points.set(s, (points.get(s) ?? 0) + 1);
    for (const s of new Set(sentences)) reached.set(s, (reached.get(s) ?? 0) + 1);
  }
  const out: SpreadReading[] = [];
  let a: ReturnType<typeof analyse> | null = null;
  for (const [sentence, criteria] of reached) {
    if (criteria < SPREAD_CRITERIA) continue;
    a ??= analyse(prose);
    const s = a.sentences[sentence];
    if (!s || listOfItems(a, s)) continue;
    const specific = specificWords(s.text, a.tokens.slice(s.from, s.to), questionTerms(question));
    const n = points.get(sentence) ?? 0;
    if (specific.length * POINTS_PER_SPECIFIC < n) out.push({ sentence, points: n, criteria, specific });
  }
  return out;
}

/**
 * A terse list of items ("retries with jittered backoff, circuit breaker per provider, failover to the second vendor,
 * token bucket per team, ...") is no summary sentence: each item is its own note, and lists have their own readers
 * (keyword lists, label dumps, set answers). Three or more comma- or semicolon-separated items, at most one of them
 * with a finite verb after a word of its own (an item's first word is its head: "Retries" is tagged a verb); a fluent
 * salad joins clauses that each have one ("search fuses ..., upserts keep ..., logs feed ...").
 */
function listOfItems(a: ReturnType<typeof analyse>, s: ReturnType<typeof analyse>["sentences"][number]): boolean {
  const text = a.text.slice(s.start, s.end);
  if (text.split(/[,;]\s+/).filter((part) => part.trim()).length < 3) return false;
  const withVerb = new Set<number>();
  let item = -1;
  let wordsInItem = 0;
  for (const t of a.tokens.slice(s.from, s.to)) {
    const at = (a.text.slice(s.start, t.at).match(/[,;]\s+/g) ?? []).length;
    if (at !== item) {
      item = at;
      wordsInItem = 0;
    }
    if (!/\p{L}/u.test(t.word)) continue;
    wordsInItem++;
    if (wordsInItem > 1 && (t.pos === "VERB" || t.pos === "AUX") && !/(?:ed|ing|en)$/.test(t.word)) withVerb.add(item);
  }
  return withVerb.size <= 1;
}
