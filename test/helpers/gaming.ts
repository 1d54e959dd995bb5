import type { Question } from "../../server/scenarios/index.js";

/** A small deterministic PRNG, so the corpus is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
const shuffle = <T>(xs: T[], r: () => number) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

const FILLER = "the of and with for to in on a is this that our it by as".split(" ");
const VAGUE = [
  "This approach is robust and scalable.",
  "It is important to think about this carefully.",
  "Overall the design works well in practice.",
  "We would make sure everything is handled properly.",
];

const cap = (t: string) => `${t[0]!.toUpperCase()}${t.slice(1)}`;
/** Grammatical frames that say nothing specific about the term they carry. */
const FRAMES: ((t: string) => string)[] = [
  (t) => `Our team relied on ${t} when it mattered most.`,
  (t) => `I focused on ${t} because it was important to everyone.`,
  (t) => `The key thing here was ${t}, as always.`,
  (t) => `We spent a lot of time discussing ${t} with the others.`,
  (t) => `In the end, ${t} made a real difference for us.`,
];
const LINKS = ["leads to", "improves", "depends on", "causes", "is part of"];
/**
 * Template nonsense (outside audit, session 9): the terms poured into one grammatical frame with a verb and a
 * purpose drawn from short lists, paired at random, often tagged "(case 4)". Each sentence parses; the
 * pairings mean nothing ("A guardrail filters cost per resolved conversation to catch regressions early").
 * Written after the grader's template check, with verbs, purposes and frames it was not tuned on.
 */
const SLOT_VERBS = ["dedupes", "throttles", "annotates", "replays", "indexes", "audits", "buffers", "versions", "prunes", "mirrors"];
const SLOT_PURPOSES = [
  "so nothing slips through",
  "for the quarterly review",
  "before the weekly release",
  "while keeping the budget flat",
  "in line with the service level",
  "to reassure the stakeholders",
];
const bare = (verb: string) => verb.replace(/(?<=[sx]|sh|ch)es$|s$/, "");
const TEMPLATES: ((t: () => string, v: () => string, p: () => string, n: number) => string)[] = [
  (t, v, p, n) => `${cap(t())} ${v()} ${t()} in order ${p()} [item ${n}].`,
  (t, v, _p, n) => `Whenever the ${t()} ${v()} the ${t()}, the ${t()} should ${bare(v())} it too (scenario ${n}).`,
  (t, v) => `Our ${t()} is ${bare(v())}ed against the ${t()}, which is why the ${t()} matters.`,
  (t, v, p) => `Each ${t()} ${v()} a ${t()} ${p()}, and the ${t()} ${v()} the rest.`,
];

/**
 * Fluent salads (issue #11, session 12): the rubric's names (its key points' labels and criteria's titles) joined by
 * real verbs that commit to nothing ("shape", "inform", "have a bearing on") and abstract complements ("the bigger
 * picture", "long-term success"). Each sentence is grammatical and names two or three topics; none says what is done,
 * with what figure, or why. The tuning corpus of language/unspecific.ts: its verbs and frames are not the held-apart
 * set's (test/fixtures/gaming/fluent-salads*.yaml).
 */
const SALAD_FRAMES: ((a: string, b: string, c: string, tail: string) => string)[] = [
  (a, b, c) => `${cap(a)} and ${b} shape ${c}.`,
  (a, b, _c, tail) => `${cap(a)} should inform ${b} as well as ${tail}.`,
  (a, b, c) => `${cap(a)} goes hand in hand with ${b}, and ${c} feeds into it.`,
  (a, b, c, tail) => `Both ${a} and ${b} have a bearing on ${c} and ${tail}.`,
  (a, b, _c, tail) => `${cap(a)} depends on ${b}, which in turn strengthens ${tail}.`,
  (a, b, c) => `A good design weighs ${a} against ${b} and ${c}.`,
  (a, b, c, tail) => `${cap(a)}, ${b} and ${c} are key drivers of ${tail}.`,
  (a, b, _c, tail) => `${cap(a)} keeps ${b} on track and guides ${tail}.`,
];
/** Words a salad writer leaves out of the names it lifts: they would make a name a clause ("do not know", "each pull request"). */
const SALAD_SKIPS = new Set("not don't know only from each every per after also them one same before when worth sure".split(" "));
const SALAD_TAILS = ["the bigger picture", "long-term success", "user trust", "a solid foundation", "the overall outcome"];

/**
 * The rubric's names of one question, as a salad writer lifts them: each key point's first terms (words only) and the
 * pieces of each criterion's title ("Evaluation, monitoring and rollout" gives three), lower case.
 */
export function rubricNames(q: Question): string[] {
  const nameLike = (t: string) =>
    /^[a-z][a-z -]+$/i.test(t) && !t.split(/[ -]/).some((w) => w.length < 3 || SALAD_SKIPS.has(w.toLowerCase()));
  const terms = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms.filter(nameLike).slice(0, 2)));
  const titles = q.rubric
    .flatMap((c) => c.title.toLowerCase().split(/,\s*|\s+and\s+/))
    .filter((t) => /^[a-z][a-z -]+$/.test(t) && t.split(" ").length <= 3);
  return [...new Set([...terms.map((t) => t.toLowerCase()), ...titles])];
}

/** A fluent salad of n sentences from the question's rubric names, deterministic by seed. */
export function fluentSalad(q: Question, n = 8, seed = 11): string {
  const r = rng(seed + q.id.length * 17);
  const names = rubricNames(q);
  const pick = () => names[Math.floor(r() * names.length)]!;
  return Array.from({ length: n }, (_, i) =>
    SALAD_FRAMES[i % SALAD_FRAMES.length]!(pick(), pick(), pick(), SALAD_TAILS[Math.floor(r() * SALAD_TAILS.length)]!),
  ).join(" ");
}

export type GamingAnswer = { kind: string; text: string };

/**
 * Answers that try to earn credit without answering, generated mechanically
 * from a question's own rubric terms and model answers (no hand-written text
 * per question): keyword lists, domain-word salad, templated keyword
 * sentences, shuffled and lightly edited copies of the strong model answer,
 * and padding around the weak one.
 */
export function gamingAnswers(q: Question, seed = 7): GamingAnswer[] {
  const r = rng(seed + q.id.length * 31);
  const terms = q.rubric.flatMap((c) => c.evidence.concepts.flatMap((k) => k.terms.filter((t) => /^[a-z][a-z -]+$/i.test(t)).slice(0, 2)));
  const strong = q.exemplars.find((e) => e.level === "strong")?.answer ?? "";
  const weak = q.exemplars.find((e) => e.level === "weak")?.answer ?? "";
  const words = strong.split(/\s+/).filter(Boolean);
  const salad = () =>
    shuffle([...terms, ...terms], r)
      .map((t) => `${t} ${FILLER[Math.floor(r() * FILLER.length)]}`)
      .join(" ");
  const sentences = strong.split(/(?<=[.!?])\s+/);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const templateNonsense = (template: (typeof TEMPLATES)[number], n: number, from = 1) =>
    Array.from({ length: n }, (_, i) =>
      template(
        () => pick(terms),
        () => pick(SLOT_VERBS),
        () => pick(SLOT_PURPOSES),
        from + i,
      ),
    ).join(" ");
  const padded = (make: () => string) => {
    let text = "";
    while (text.length < 20_000) text += `${make()}\n\n`;
    return text.slice(0, 20_000);
  };
  const termWords = new Set(terms.flatMap((t) => t.toLowerCase().split(/\s+/)));
  const otherWords = [...new Set(words.map((w) => w.toLowerCase().replace(/[^a-z-]/g, "")))].filter(
    (w) => w.length > 3 && !termWords.has(w) && !FILLER.includes(w),
  );
  const out: GamingAnswer[] = [
    { kind: "keyword list", text: terms.join(", ") },
    { kind: "keyword lines", text: terms.map((t) => `- ${t}`).join("\n") },
    { kind: "domain-word salad", text: salad() },
    {
      kind: "salad in sentences",
      text: shuffle(terms, r)
        .map(
          (t, i) =>
            `${i % 2 ? "We" : "The"} ${t} ${FILLER[Math.floor(r() * FILLER.length)]} ${terms[(i + 3) % terms.length]} is ${terms[(i + 5) % terms.length]}.`,
        )
        .join(" "),
    },
    { kind: "templated keyword sentences", text: terms.map((t) => `We use ${t}.`).join(" ") },
    { kind: "word-shuffled strong answer", text: shuffle(words, r).join(" ") },
    { kind: "sentence-wise shuffled strong answer", text: sentences.map((s) => shuffle(s.split(/\s+/), r).join(" ")).join(" ") },
    {
      kind: "lightly edited strong answer",
      text: words.map((w, i) => (i % 6 === 3 ? FILLER[Math.floor(r() * FILLER.length)]! : w)).join(" "),
    },
    { kind: "strong answer with every sixth word dropped", text: words.filter((_, i) => i % 6 !== 2).join(" ") },
    { kind: "padded weak answer", text: `${weak}\n\n${Array.from({ length: 40 }, (_, i) => VAGUE[i % VAGUE.length]).join(" ")}` },
    { kind: "weak answer stuffed with keywords", text: `${weak}\n\n${terms.join(" ")}` },
    // Kinds below were written after the grader's stuffing checks, to see whether they generalise.
    {
      kind: "salad of terms and the strong answer's other words",
      text: shuffle([...terms, ...otherWords], r)
        .map((t) => `${t} ${FILLER[Math.floor(r() * FILLER.length)]}`)
        .join(" "),
    },
    {
      kind: "terms in varied sentence frames",
      text: terms.map((t, i) => FRAMES[i % FRAMES.length]!(t)).join(" "),
    },
    {
      kind: "terms chained by causal verbs",
      text: terms
        .slice(1)
        .map((t, i) => `${cap(terms[i]!)} ${LINKS[i % LINKS.length]} ${t}.`)
        .join(" "),
    },
    { kind: "terms asked as questions", text: terms.map((t) => `What about ${t}?`).join(" ") },
    { kind: "terms joined in one long sentence", text: `We handled ${terms.join(" and ")}.` },
    ...TEMPLATES.map((template, k) => ({ kind: `template nonsense ${k + 1}`, text: templateNonsense(template, 20) })),
    {
      kind: "template nonsense, frames mixed",
      text: Array.from({ length: 24 }, (_, i) => templateNonsense(TEMPLATES[i % 4]!, 1, i + 1)).join(" "),
    },
    { kind: "template nonsense padded to 20,000 characters", text: padded(() => templateNonsense(TEMPLATES[0]!, 20)) },
    { kind: "terms in one frame numbered by tags", text: terms.map((t, i) => `${cap(t)} is what we rely on [item ${i + 1}].`).join(" ") },
  ];
  return out.filter((a) => a.text.trim());
}
