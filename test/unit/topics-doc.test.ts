import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPackDir, parsePack, questionTopics, renderTopicsDoc } from "../../server/scenarios/index.js";

// Loaded once: the whole pack is large and this file's tests only read it.
const { pack } = loadPackDir("scenarios/ai-engineer");

describe("docs/topics.md", () => {
  it("is current: regenerate with `npm run topics` after changing the built-in pack", () => {
    const expected = renderTopicsDoc(pack, "scenarios/ai-engineer");
    expect(readFileSync("docs/topics.md", "utf8")).toBe(expected);
  });

  it("lists every question of the pack once, with its level and at least one topic", () => {
    const doc = readFileSync("docs/topics.md", "utf8");
    for (const q of pack.questions) {
      const rows = doc.split("\n").filter((l) => l.startsWith(`| \`${q.id}\` |`));
      expect(rows, q.id).toHaveLength(1);
      expect(rows[0]).toContain(`| ${q.level} |`);
      expect(questionTopics(q).topics.length, `${q.id} has no topic`).toBeGreaterThan(0);
    }
  });

  it("prefers declared topics and marks derived ones", () => {
    const small = parsePack(
      `id: t
title: T
description: d
rounds: [{ id: d, kind: system-design, title: D, minutes: 5 }]
questions:
  - { id: a, kind: system-design, level: mid, title: Rerank a RAG pipeline, prompt: "Add a reranker and measure nDCG.", timeGuideMinutes: 5, topics: [search],
      rubric: [{ id: c, title: C, weight: 1, description: d, anchors: { "0": a, "1": b, "2": c, "3": d, "4": e }, evidence: { concepts: [{ label: l, terms: [t] }] } }] }
  - { id: b, kind: system-design, level: mid, title: Rerank a RAG pipeline, prompt: "Add a reranker and measure nDCG.", timeGuideMinutes: 5,
      rubric: [{ id: c, title: C, weight: 1, description: d, anchors: { "0": a, "1": b, "2": c, "3": d, "4": e }, evidence: { concepts: [{ label: l, terms: [t] }] } }] }
`,
      "t.yaml",
    );
    expect(questionTopics(small.questions[0]!)).toEqual({ topics: ["search"], derived: false });
    expect(questionTopics(small.questions[1]!)).toEqual({ topics: ["retrieval-metrics", "reranking", "rag"], derived: true });
    const doc = renderTopicsDoc(small, "t.yaml");
    expect(doc).toContain("| `a` | mid | Rerank a RAG pipeline | search |");
    expect(doc).toContain("| `b` | mid | Rerank a RAG pipeline | retrieval-metrics*, reranking*, rag* |");
  });
});
