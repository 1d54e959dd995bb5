import type { Pack, Question } from "./schema.js";

/**
 * Topics for a question that declares none, read from its title and prompt.
 * Ordered by how specific they are; a question gets at most MAX_DERIVED.
 */
const DERIVED: [topic: string, pattern: RegExp][] = [
  ["mcp", /\bMCP\b|model context protocol/i],
  ["agents", /\bagent(s|ic)?\b|multi-agent|hand-?off/i],
  ["tool-calling", /tool[- ]call|function[- ]call|tool (use|registry|schema)/i],
  ["retrieval-metrics", /recall@|ndcg|\bMRR\b|precision@/i],
  ["reranking", /re-?rank|reciprocal rank fusion|\bRRF\b/i],
  ["chunking", /\bchunk/i],
  ["fine-tuning", /fine-?tun|\bLoRA\b|QLoRA|distill/i],
  ["serving", /vLLM|KV[- ]cache|quanti[sz]|\bGPU|batching|self-host|time to first token|TTFT/i],
  ["observability", /\btrac(e|es|ing)\b|\bspans?\b|observab|dashboards?|drift/i],
  ["guardrails", /guardrail|\bPII\b|redact|moderation|content filter/i],
  ["prompt-injection", /prompt injection|injected instruction|jailbreak/i],
  ["structured-output", /\bJSON\b|structured output|schema/i],
  ["streaming", /\bstream|\bSSE\b|server-sent/i],
  ["rate-limits", /rate[- ]limit|\b429\b|token bucket/i],
  ["retries", /\bretr(y|ies)|backoff/i],
  ["caching", /\bcach(e|ing)/i],
  ["evaluation", /\bevals?\b|evaluation|golden set|LLM-as-(a-)?judge|regression/i],
  ["hallucination", /hallucinat|grounded|groundedness|citation/i],
  ["rag", /\bRAG\b|retriev/i],
  ["embeddings", /embedding|vector (index|store|search)/i],
  ["routing", /\brout(ing|er)\b/i],
  ["cost", /\bcost|pric(e|ing)|\bUSD\b|\$\d|budget/i],
  ["latency", /latency|\bp9[59]\b|slow/i],
  ["context-window", /context window|truncat|token limit/i],
  ["multimodal", /\bimages?\b|vision|\bvoice\b|audio|speech/i],
  ["incidents", /incident|outage|rollback|postmortem|went wrong|failed in production/i],
  ["collaboration", /disagree|conflict|stakeholder|push(ed)? back|feedback/i],
  ["mentoring", /mentor|coach|onboard/i],
  ["prioritisation", /deadline|prioriti[sz]|trade-?off|scope/i],
  ["requirements", /requirement|unclear|ambiguous|product manager|\bPM\b/i],
];
const MAX_DERIVED = 5;

/** A question's topics and whether they were declared (`topics:`) or read from its text. */
export function questionTopics(q: Question): { topics: string[]; derived: boolean } {
  if (q.topics?.length) return { topics: q.topics, derived: false };
  const text = `${q.title}\n${q.prompt}`;
  const topics = DERIVED.filter(([, re]) => re.test(text))
    .map(([t]) => t)
    .slice(0, MAX_DERIVED);
  // Nothing recognised: the round kind is still a true (if broad) topic.
  return { topics: topics.length ? topics : [q.kind], derived: true };
}

const KIND_ORDER = ["coding", "system-design", "prompt-debugging", "behavioural"] as const;
const LEVEL_ORDER = ["junior", "mid", "senior"] as const;

/** docs/topics.md for a pack: per-topic coverage, then every question with its kind, level, topics and variables. */
export function renderTopicsDoc(pack: Pack, source: string): string {
  const rows = pack.questions.map((q) => ({ q, ...questionTopics(q) }));
  const topics = [...new Set(rows.flatMap((r) => r.topics))].sort();
  const lines = [
    `# Topics of the \`${pack.id}\` pack`,
    "",
    `Generated from \`${source}\` by \`npm run topics\`; a test fails when this file is stale.`,
    "Topics come from each question's `topics` list; where a question declares none they are read",
    "from its title and prompt and marked *. Variables: the values drawn per session (see",
    "[scenario-format.md](scenario-format.md#variants)).",
    "",
    `${pack.questions.length} questions: ${KIND_ORDER.map((k) => `${rows.filter((r) => r.q.kind === k).length} ${k}`).join(", ")}.`,
    "",
    "## Coverage",
    "",
    `| topic | ${KIND_ORDER.join(" | ")} | levels |`,
    `|---|${KIND_ORDER.map(() => "---:").join("|")}|---|`,
    ...topics.map((t) => {
      const withTopic = rows.filter((r) => r.topics.includes(t));
      const levels = LEVEL_ORDER.filter((l) => withTopic.some((r) => r.q.level === l)).join(", ");
      return `| ${t} | ${KIND_ORDER.map((k) => withTopic.filter((r) => r.q.kind === k).length || "").join(" | ")} | ${levels} |`;
    }),
  ];
  for (const kind of KIND_ORDER) {
    const ofKind = rows
      .filter((r) => r.q.kind === kind)
      .sort((a, b) => LEVEL_ORDER.indexOf(a.q.level) - LEVEL_ORDER.indexOf(b.q.level) || a.q.id.localeCompare(b.q.id));
    if (!ofKind.length) continue;
    lines.push("", `## ${kind}`, "", "| id | level | title | topics | variables |", "|---|---|---|---|---|");
    for (const { q, topics: ts, derived } of ofKind) {
      const vars = Object.keys(q.variables ?? {}).filter((v) => !q.variables![v]!.secret && q.variables![v]!.expr === undefined);
      const secret = Object.values(q.variables ?? {}).some((v) => v.secret);
      const variables = [...vars, ...(secret ? ["(hidden test inputs)"] : [])].join(", ");
      lines.push(
        `| \`${q.id}\` | ${q.level} | ${q.title.replace(/\|/g, "\\|")} | ${ts.map((t) => (derived ? `${t}*` : t)).join(", ")} | ${variables} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
