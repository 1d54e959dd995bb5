import { describe, expect, it } from "vitest";
import { SUGGEST_TERMS_LIMITS, type SuggestTermsBody } from "../../server/contracts/index.js";
import { findTerm } from "../../server/grading/match.js";
import { collationKey } from "../../server/teams/authoring/suggest-terms.js";
import { suggestEvidenceTerms } from "../../server/teams/index.js";

/** A deterministic word source (no Math.random: a failure must replay). */
function words(seed: number, count: number, vocabulary: string[]): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(vocabulary[x % vocabulary.length]!);
  }
  return out.join(" ");
}
const VOCABULARY =
  "retry backoff jitter idempotency key queue cache eviction canary rollout flag latency budget tokens rerank recall eval golden labelled set drift alert dashboard fine-tune don't counter counterfeit count counting the a of we then".split(
    " ",
  );

/**
 * What the route answered before session 18's rewrite, kept as the oracle: every phrase of the high exemplars
 * counted, each searched in every low exemplar, sorted, then chosen. Slow (F1), but its answers are the contract.
 */
function previousAnswer(body: SuggestTermsBody) {
  const STOP = new Set(["a", "of", "the", "we", "then", "don't"]); // the stop words of this vocabulary
  const ngrams = (text: string) => {
    const ws = text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? [];
    const content = (w: string) => !STOP.has(w) && w.length >= 3 && !/^\d+$/.test(w);
    const grams = new Set<string>();
    ws.forEach((w, i) => {
      if (content(w) && w.length >= 4) grams.add(w);
      const next = ws[i + 1];
      if (next && content(w) && content(next)) grams.add(`${w} ${next}`);
    });
    return grams;
  };
  return body.criteria.map((criterion) => {
    const scored = body.exemplars.filter((e) => e.scores[criterion.id] !== undefined);
    let high = scored.filter((e) => e.scores[criterion.id]! >= 3);
    let low = scored.filter((e) => e.scores[criterion.id]! <= 1);
    if (high.length === 0 || low.length === 0) {
      high = body.exemplars.filter((e) => e.level === "strong");
      low = body.exemplars.filter((e) => e.level === "weak");
    }
    if (high.length === 0 || low.length === 0) return [];
    const lowTexts = low.map((e) => e.answer.toLowerCase());
    const counts = new Map<string, number>();
    for (const e of high) for (const g of ngrams(e.answer)) counts.set(g, (counts.get(g) ?? 0) + 1);
    const existing = (criterion.terms ?? []).map((t) => t.toLowerCase());
    const terms = [...counts.entries()]
      .map(([term, strong]) => ({ term, strong, weak: lowTexts.filter((t) => findTerm(t, term) >= 0).length }))
      .filter((t) => t.weak === 0 && !existing.some((x) => findTerm(t.term, x) >= 0 || findTerm(x, t.term) >= 0))
      .sort((a, b) => b.strong - a.strong || b.term.split(" ").length - a.term.split(" ").length || a.term.localeCompare(b.term));
    const chosen: typeof terms = [];
    for (const t of terms) {
      if (chosen.length >= 8) break;
      if (chosen.some((c) => c.term.split(" ").includes(t.term))) continue;
      chosen.push(t);
    }
    return chosen;
  });
}

describe("suggest-terms stays bounded (session 18 red-team F1)", () => {
  it("gives the same suggestions as the phrase-by-phrase search it replaced", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const levels = ["strong", "adequate", "weak"] as const;
      const body: SuggestTermsBody = {
        criteria: [
          { id: "a", terms: seed % 2 ? ["retry"] : [] },
          { id: "b", terms: ["cache eviction"] },
          { id: "c", terms: [] },
        ],
        exemplars: Array.from({ length: 3 + (seed % 4) }, (_, i) => ({
          level: levels[i % 3]!,
          answer: words(seed * 31 + i, 20 + ((seed * 7 + i) % 60), VOCABULARY),
          scores: { a: (seed + i) % 5, b: i % 3 === 0 ? 4 : 0, ...(i % 2 ? { c: 1 } : {}) },
        })),
      };
      const now = suggestEvidenceTerms(body).criteria.map((c) => c.terms);
      expect(now, `seed ${seed}`).toEqual(previousAnswer(body));
    }
  });

  it("refuses more exemplar text than one question's three answers, naming the limit", () => {
    const answer = "x".repeat(SUGGEST_TERMS_LIMITS.answerChars);
    const body = {
      criteria: [{ id: "c" }],
      exemplars: (["strong", "adequate", "weak", "weak"] as const).map((level) => ({ level, answer, scores: { c: 4 } })),
    };
    expect(() => suggestEvidenceTerms(body)).toThrow(/exemplars' answers are at most 60,000 characters together/);
    expect(() => suggestEvidenceTerms({ ...body, exemplars: body.exemplars.slice(0, 3) })).not.toThrow();
  });

  it("refuses more criteria than a question's rubric holds", () => {
    const criteria = Array.from({ length: SUGGEST_TERMS_LIMITS.criteria + 1 }, (_, i) => ({ id: `c${i}` }));
    expect(() => suggestEvidenceTerms({ criteria, exemplars: [] })).toThrow(/at most 20 criteria/);
  });
});

describe("the phrase order without ICU", () => {
  it("is localeCompare's order over every character a phrase holds", () => {
    const alphabet = [..."abcdefghijklmnopqrstuvwxyz0123456789'- "];
    const phrases = alphabet.flatMap((a) => alphabet.flatMap((b) => [a + b, a + b + "x", "x" + a + b]));
    const byKey = [...phrases].sort((a, b) => {
      const [ka, kb] = [collationKey(a), collationKey(b)];
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    expect(byKey).toEqual([...phrases].sort((a, b) => a.localeCompare(b)));
  });
});
