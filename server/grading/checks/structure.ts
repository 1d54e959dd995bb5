import { analyse, reportedText } from "../language/index.js";
import { findTerm } from "../match.js";
import { quoteAround } from "../quote.js";
import { partByGrammar, type StoryPart } from "./story-parts.js";
import { disownedAct } from "../disowned-act.js";
import type { CheckResult } from "./types.js";

type Part = { label: string; cues: string[] };

/** STAR: what a behavioural story needs, each part recognised by its usual wording. */
const STAR: Part[] = [
  {
    label: "situation",
    cues: [
      "situation",
      "context",
      "at my last",
      "at my previous",
      "last year",
      "when i was",
      "we were",
      "i was working",
      "our team was",
      "the company",
    ],
  },
  {
    label: "task",
    cues: [
      "my task",
      "my role",
      "my job",
      "i was responsible",
      "i owned",
      "i was asked",
      "the goal was",
      "my goal",
      "i needed to",
      "i had to",
    ],
  },
  {
    label: "action",
    cues: [
      "i decided",
      "i built",
      "i wrote",
      "i added",
      "i ran",
      "i set up",
      "i proposed",
      "i changed",
      "i rolled",
      "i created",
      "i led",
      "i met",
      "i called",
      "i pulled",
      "i switched",
      "i fixed",
      "i designed",
      "i measured",
    ],
  },
  {
    label: "result",
    cues: [
      "result",
      "as a result",
      "outcome",
      "went from",
      "dropped",
      "reduced",
      "increased",
      "improved",
      "saved",
      "cut ",
      "%",
      "per cent",
      "percent",
    ],
  },
];

/** What a candidate took away: the R that turns STAR into STAR-L. */
const REFLECTION: Part = {
  label: "reflection",
  cues: [
    "i learned",
    "i learnt",
    "lesson",
    "in hindsight",
    "looking back",
    "next time",
    "since then",
    "now i always",
    "now i ",
    "i would do",
    "i'd do",
    "taught me",
    "takeaway",
    "what i'd change",
    "i should have",
    "my mistake",
    "i changed how",
    "these days i",
  ],
};

/** The design sections a complete LLM system design covers. */
const DESIGN_SECTIONS: Part[] = [
  { label: "requirements", cues: ["requirement", "constraint", "sla", "assumption", "scope"] },
  { label: "data", cues: ["ingest", "pipeline", "chunk", "metadata", "corpus", "document store"] },
  { label: "retrieval", cues: ["retriev", "vector", "embedding", "bm25", "hybrid", "rerank", "index"] },
  { label: "model choice", cues: ["cheap model", "frontier model", "small model", "fine-tun", "model choice", "routing", "router"] },
  { label: "workflow", cues: ["workflow", "flow", "step", "tool call", "orchestrat", "agent"] },
  { label: "evals", cues: ["eval", "golden set", "test set", "ground truth", "labelled", "labeled", "llm-as-judge", "judge"] },
  { label: "safety", cues: ["guardrail", "safety", "pii", "injection", "moderation", "refus", "escalat", "human review"] },
  { label: "latency", cues: ["latency", "p95", "p99", "stream", "time to first token", "ms "] },
  { label: "cost", cues: ["cost", "$", "per month", "a month", "price", "budget"] },
  { label: "monitoring", cues: ["monitor", "dashboard", "alert", "drift", "logging", "observability", "trace"] },
  { label: "rollout", cues: ["rollout", "roll out", "canary", "a/b", "shadow", "pilot", "feature flag", "gradual"] },
];

function partsFound(
  answer: string,
  parts: Part[],
  keep: (part: string, at: number) => boolean = () => true,
): { label: string; quote: string }[] {
  const lower = answer.toLowerCase();
  return parts.flatMap((p) => {
    for (const cue of p.cues) {
      for (let at = findTerm(lower, cue, { skipNegated: true }); at >= 0; at = findTerm(lower, cue, { skipNegated: true, from: at + 1 }))
        if (keep(p.label, at)) return [{ label: p.label, quote: quoteAround(answer, at, cue.length) }];
    }
    return [];
  });
}

/** STAR parts as separate checks, so a story with no result loses exactly that part. */
export function checkStar(answer: string, only?: string[], isTerm?: (word: string) => boolean): CheckResult[] {
  const parts = [...STAR, REFLECTION].filter((p) => (only ? only.includes(p.label) : p !== REFLECTION));
  // A result is what happened: "I'd present the results" and "that gets us to $6k" plan one.
  const reported = parts.some((p) => p.label === "result") ? reportedText(analyse(answer)) : answer;
  const a = analyse(answer);
  // An action cue told as what did not happen or someone else's act ("I was going to ... I rolled", "had I
  // built") is no action (disowned-act.ts).
  const acted = (label: string, at: number) => label !== "action" || !disownedAct(a, tokenAt(a, at + 2));
  const found = [
    ...partsFound(
      answer,
      parts.filter((p) => p.label !== "result"),
      acted,
    ),
    ...partsFound(
      reported,
      parts.filter((p) => p.label === "result"),
    ),
  ];
  // A part the cue words miss may still be there in the grammar: "I did the retrieval part" is a task.
  const onTopic = (i: number) =>
    !isTerm || a.tokens.slice(a.sentences[i]!.from, a.sentences[i]!.to).some((t) => isTerm(t.word) || isTerm(t.lemma));
  return parts.map((part) => {
    const cued = found.find((f) => f.label === part.label);
    const at = cued ? -1 : partByGrammar(a, part.label as StoryPart, onTopic);
    const hit = cued ?? (at >= 0 ? { label: part.label, quote: quoteAround(answer, a.sentences[at]!.start, 1) } : undefined);
    return hit
      ? { label: `STAR ${part.label}`, passed: true, quote: hit.quote, note: `the story has its ${part.label}` }
      : { label: `STAR ${part.label}`, passed: false, note: `no ${part.label} in the story` };
  });
}

export const MIN_DESIGN_SECTIONS = 6;

/** Which of the eleven design sections an answer covers; passes at six or more. */
export function checkDesignSections(answer: string): CheckResult & { sections: string[] } {
  const found = partsFound(answer, DESIGN_SECTIONS);
  const sections = found.map((f) => f.label);
  const missing = DESIGN_SECTIONS.map((s) => s.label).filter((l) => !sections.includes(l));
  return {
    label: `covers at least ${MIN_DESIGN_SECTIONS} of the ${DESIGN_SECTIONS.length} design sections`,
    passed: sections.length >= MIN_DESIGN_SECTIONS,
    ...(found[0] ? { quote: found[0].quote } : {}),
    note: `covers ${sections.length}: ${sections.join(", ") || "none"}${missing.length ? `; not covered: ${missing.join(", ")}` : ""}`,
    sections,
  };
}

/** The token starting at or covering a character offset. */
function tokenAt(a: ReturnType<typeof analyse>, offset: number): number {
  let found = 0;
  for (let i = 0; i < a.tokens.length && a.tokens[i]!.at <= offset; i++) found = i;
  return found;
}
