import type { Question } from "../../server/scenarios/index.js";
import { gamingAnswers } from "./gaming.js";

/**
 * Copies of a question's strong model answer, made mechanically, that the copy check must set aside:
 * the gaming corpus's shuffled and edited copies, and the edits a candidate makes by hand (sentence
 * order, synonyms, typos, dropped sentences, filler, the rubric's terms mixed in), alone or combined,
 * and a copied paragraph after an honest one of the candidate's own (`own`: only the copy goes).
 */
export type CopyVariant = { kind: string; text: string; own?: string };

const GAMING_COPIES = [
  "word-shuffled strong answer",
  "sentence-wise shuffled strong answer",
  "lightly edited strong answer",
  "strong answer with every sixth word dropped",
];

/** A thesaurus swap of everyday words, as a candidate or a paraphrasing tool makes it. */
const SYNONYMS: Record<string, string> = {
  use: "employ",
  uses: "employs",
  make: "create",
  check: "verify",
  checks: "verifies",
  keep: "retain",
  need: "require",
  needs: "requires",
  show: "display",
  shows: "displays",
  get: "obtain",
  run: "execute",
  first: "initially",
  because: "since",
  many: "numerous",
  big: "large",
  small: "little",
  fast: "quick",
  cut: "reduce",
  every: "each",
  before: "prior to",
  after: "following",
  only: "solely",
  most: "the majority of",
  answer: "response",
  answers: "responses",
  question: "query",
  questions: "queries",
  cost: "expense",
  costs: "expenses",
  users: "customers",
  team: "group",
  change: "modification",
  changes: "modifications",
  wrong: "incorrect",
  right: "correct",
  new: "fresh",
  old: "previous",
};

const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
/** A fixed reordering that moves every sentence: odd-numbered ones first, then the even ones, each half reversed. */
const reorder = <T>(xs: T[]) => [...xs.filter((_, i) => i % 2).reverse(), ...xs.filter((_, i) => !(i % 2)).reverse()];
const synonyms = (text: string) =>
  text.replace(/\b[A-Za-z]+\b/g, (w) => {
    const s = SYNONYMS[w.toLowerCase()];
    if (!s) return w;
    return w[0] === w[0]!.toUpperCase() ? `${s[0]!.toUpperCase()}${s.slice(1)}` : s;
  });
/** Two inner letters swapped in every fourth word of five letters or more. */
const typos = (text: string) => {
  let n = 0;
  return text.replace(/\b[A-Za-z]{5,}\b/g, (w) => (n++ % 4 === 1 ? `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}` : w));
};
const FILLER_SENTENCES = [
  "This is something I have seen work well in practice.",
  "It is worth being careful here.",
  "That is the main thing to get right.",
  "Teams often overlook this part.",
];

/** An honest paragraph of the candidate's own that says nothing the model answer says. */
const OWN =
  "Before anything else I would ask who owns this feature today, what has been promised to customers, and which dashboards people already trust, because the plan depends on those answers more than on any tool.";

const OWN_END = "I would also write down what we decided and why, so the next person joining the team does not have to guess later.";

export function copyVariants(q: Question): CopyVariant[] {
  const strong = q.exemplars.find((e) => e.level === "strong")?.answer ?? "";
  if (!strong) return [];
  const gaming = gamingAnswers(q).filter((g) => GAMING_COPIES.includes(g.kind));
  const sentences = sentencesOf(strong.replace(/\s+/g, " "));
  const terms = q.rubric.flatMap((c) => c.evidence.concepts.map((k) => k.terms[0]!));
  const withTerms = sentences.map((s, i) => `${s} (${terms[i % terms.length]})`).join(" ");
  return [
    { kind: "verbatim", text: strong },
    { kind: "sentences reordered", text: reorder(sentences).join(" ") },
    ...gaming.map((g) => ({ kind: g.kind, text: g.text })),
    { kind: "synonyms swapped", text: synonyms(strong) },
    { kind: "typos", text: typos(strong) },
    { kind: "every third sentence dropped", text: sentences.filter((_, i) => i % 3 !== 2).join(" ") },
    {
      kind: "filler sentences added",
      text: sentences.map((s, i) => (i % 2 ? `${s} ${FILLER_SENTENCES[i % FILLER_SENTENCES.length]}` : s)).join(" "),
    },
    { kind: "rubric terms mixed in", text: withTerms },
    { kind: "synonyms, typos and sentences reordered", text: typos(synonyms(reorder(sentences).join(" "))) },
    {
      kind: "synonyms, dropped sentences and filler",
      text: synonyms(
        sentences
          .filter((_, i) => i % 4 !== 3)
          .map((s, i) => (i % 3 ? s : `${s} ${FILLER_SENTENCES[i % FILLER_SENTENCES.length]}`))
          .join(" "),
      ),
    },
    { kind: "copied paragraph after an honest one", text: `${OWN}\n\n${strong}`, own: OWN },
    {
      kind: "copied sentences inside an honest paragraph",
      text: `${OWN} ${sentences.slice(0, Math.ceil(sentences.length / 2)).join(" ")} ${OWN_END}`,
      own: `${OWN} ${OWN_END}`,
    },
  ];
}
