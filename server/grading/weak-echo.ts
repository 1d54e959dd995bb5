import type { Criterion, Question } from "../scenarios/index.js";
import { analyse, analyseTerm, claimSentences, claimOptionsFor, questionTerms, type Analysis } from "./language/index.js";
import { contentLemma, negationGoverns, REFUTED } from "./reference-denials.js";

/**
 * An answer that says what the pack's weak answer says (session 20, `wrong10`). A team's weak exemplar is often the
 * wrong belief itself ("give every retry a fresh request id"; "keep the old vectors, B is better"), and a fluent wrong
 * answer restates it in the rubric's vocabulary. The words that tell the weak answer apart are those no reference
 * uses (not the criterion's description, not an exemplar scored 3 or 4 on it, not the question): an answer sentence
 * holding at least two of them, and at least a third of them, states the weak answer's claim, unless a negation in its
 * clause or a word such as "mistake" turns it down. Only an exemplar the pack scores 0 or 1 on the criterion counts.
 * Linear: one lemma set per answer sentence, checked against each weak sentence's few distinctive words.
 */
export type EchoedClaim = { quote: string; sentence: number };

const MIN_SHARED = 2;
const MIN_SHARE = 1 / 3;

const cache = new WeakMap<Criterion, string[][]>();

/** Per sentence of the criterion's weak exemplars, the lemmas no reference or the question uses. */
export function weakClaims(question: Question, criterion: Criterion): string[][] {
  let out = cache.get(criterion);
  if (out) return out;
  const scoreOf = (e: Question["exemplars"][number]) => e.scores[criterion.id] ?? (e.level === "strong" ? 4 : e.level === "weak" ? 0 : 2);
  const weak = question.exemplars.filter((e) => scoreOf(e) <= 1);
  const good = question.exemplars.filter((e) => scoreOf(e) >= 3);
  out = [];
  if (weak.length && good.length) {
    const known = new Set<string>();
    for (const text of [criterion.description ?? "", criterion.title, question.title, question.prompt, ...good.map((e) => e.answer)])
      for (const l of lemmas(analyseTerm(text))) known.add(l);
    for (const e of weak) {
      const a = analyseTerm(e.answer);
      for (const s of a.sentences) {
        const own = new Set<string>();
        for (let k = s.from; k < s.to; k++) if (contentLemma(a, k) && !known.has(a.tokens[k]!.lemma)) own.add(a.tokens[k]!.lemma);
        if (own.size >= MIN_SHARED) out.push([...own]);
      }
    }
  }
  cache.set(criterion, out);
  return out;
}

function lemmas(a: Analysis): string[] {
  return a.tokens.map((t) => t.lemma);
}

/** The answer's claim sentences that restate a weak exemplar's claim, each sentence once. */
export function weakClaimsEchoed(criterion: Criterion, question: Question, prose: string, barred: ReadonlySet<number>): EchoedClaim[] {
  const weak = weakClaims(question, criterion);
  if (!weak.length || !prose.trim()) return [];
  const a = analyse(prose);
  const claims = claimSentences(a, questionTerms(question), claimOptionsFor(question));
  const out: EchoedClaim[] = [];
  for (const i of [...claims].sort((x, y) => x - y)) {
    if (barred.has(i)) continue;
    const s = a.sentences[i]!;
    if (REFUTED.test(s.text)) continue;
    const first = new Map<string, number>();
    for (let k = s.from; k < s.to; k++) if (!first.has(a.tokens[k]!.lemma)) first.set(a.tokens[k]!.lemma, k);
    for (const own of weak) {
      const at = own.filter((l) => first.has(l)).map((l) => first.get(l)!);
      if (at.length < MIN_SHARED || at.length < MIN_SHARE * own.length) continue;
      if (negationGoverns(a, at)) continue;
      out.push({ quote: s.text.trim().slice(0, 160), sentence: i });
      break;
    }
  }
  return out;
}
