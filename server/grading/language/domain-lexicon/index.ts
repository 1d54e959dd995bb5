import { findTerm } from "../../match.js";
import type { Analysis } from "../analyse.js";
import { LexiconConceptSchema, type LexiconEntry } from "./schema.js";
import { compilePattern, matchPattern, type Pattern } from "./pattern.js";
import { AGENTS } from "./concepts/agents.js";
import { COST } from "./concepts/cost.js";
import { DATA } from "./concepts/data.js";
import { EVALS } from "./concepts/evals.js";
import { FINE_TUNING } from "./concepts/fine-tuning.js";
import { OBSERVABILITY } from "./concepts/observability.js";
import { PRIVACY } from "./concepts/privacy.js";
import { RAG } from "./concepts/rag.js";
import { RELIABILITY } from "./concepts/reliability.js";
import { SAFETY } from "./concepts/safety.js";
import { SERVING } from "./concepts/serving.js";

/**
 * The domain lexicon: AI, LLM and backend engineering concepts with the plain ways engineers say them ("send a
 * small share of traffic to the new version first" for a canary), written as data in concepts/. A key point whose
 * label or terms name a concept (linkedConcepts) can be stated in the concept's plain words (plain-phrasing.ts).
 * Loaded and compiled once per process, on first use.
 */
export type DomainConcept = { id: string; terms: string[]; patterns: Pattern[]; not: DomainConcept[] };

const ALL: LexiconEntry[][] = [RAG, EVALS, SERVING, AGENTS, SAFETY, FINE_TUNING, DATA, RELIABILITY, OBSERVABILITY, PRIVACY, COST];

let loaded: DomainConcept[] | null = null;

/** Every concept, validated and compiled (throws LEXICON_INVALID on a bad entry: a data error is a build error). */
export function domainConcepts(): DomainConcept[] {
  if (loaded) return loaded;
  const entries = ALL.flat().map((e) => LexiconConceptSchema.parse(e));
  const byId = new Map<string, DomainConcept>();
  for (const e of entries) {
    if (byId.has(e.id)) throw new Error(`LEXICON_INVALID: concept ${e.id} is defined twice`);
    byId.set(e.id, { id: e.id, terms: e.terms.map((t) => t.toLowerCase()), patterns: e.plain.map(compilePattern), not: [] });
  }
  for (const e of entries)
    for (const other of e.not) {
      const sister = byId.get(other);
      if (!sister) throw new Error(`LEXICON_INVALID: concept ${e.id} names an unknown sister ${other}`);
      byId.get(e.id)!.not.push(sister);
      // A contrast reads both ways: "stack" is not "queue" when "queue" is not "stack".
      if (!sister.not.includes(byId.get(e.id)!)) sister.not.push(byId.get(e.id)!);
    }
  loaded = [...byId.values()];
  return loaded;
}

/**
 * The concepts a key point is about: one of a concept's terms is in one of the point's terms, or one of the point's
 * terms, of four letters or more, starts a concept's term ("idempot" in "idempotency key"). Not its label: a label
 * describes ("narrow judge design"), and a concept word in it ("judge") would lend the point a concept it does not ask.
 */
export function linkedConcepts(terms: readonly string[]): DomainConcept[] {
  const names = terms.map((t) => t.toLowerCase());
  const own = names.map((t) => t.trim()).filter((t) => t.length >= 4 && /^[a-z]/.test(t));
  return domainConcepts().filter((c) =>
    c.terms.some((ct) => names.some((n) => findTerm(n, ct) >= 0) || own.some((t) => findTerm(ct, t) === 0)),
  );
}

/**
 * A key point's own phrasings, written by the pack's author (`plain` in a concept of the rubric), read as a concept
 * of its own: the point's terms, the phrasings compiled as the lexicon's are, no sisters. Compiled once per question
 * by the caller.
 */
export function authoredConcept(id: string, terms: readonly string[], plain: readonly string[]): DomainConcept {
  return { id, terms: terms.map((t) => t.toLowerCase()), patterns: plain.map(compilePattern), not: [] };
}

/** A concept's plain phrasing in tokens [from, to): the pattern and the token index of each of its slots. */
export function plainPhrasing(c: DomainConcept, a: Analysis, from: number, to: number): { pattern: Pattern; at: number[] } | null {
  let best: { pattern: Pattern; at: number[] } | null = null;
  for (const pattern of c.patterns) {
    const at = matchPattern(pattern, a, from, to);
    if (at && (!best || at.length > best.at.length)) best = { pattern, at };
  }
  return best;
}

/** Whether a sentence says the concept at all, by a term or in plain words. */
export function saysConcept(c: DomainConcept, a: Analysis, sentence: number): boolean {
  const s = a.sentences[sentence]!;
  const lower = s.text.toLowerCase();
  return c.terms.some((t) => findTerm(lower, t) >= 0) || plainPhrasing(c, a, s.from, s.to) !== null;
}
