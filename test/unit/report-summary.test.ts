import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import type { Report } from "../../server/contracts/index.js";
import { rehypeEvidence } from "../../client/src/report/rehype-evidence.js";
import { summariseReport } from "../../client/src/report/summary.js";
import { reportFileName, reportToMarkdown } from "../../client/src/report/to-markdown.js";

const criterion = (
  criterionId: string,
  title: string,
  score: number,
  weight = 1,
  extra: Partial<Report["rounds"][number]["questions"][number]["criteria"][number]> = {},
) => ({
  criterionId,
  title,
  score,
  weight,
  evidence: [],
  feedback: `${title} feedback. Second sentence.`,
  source: "evidence" as const,
  insufficientEvidence: false,
  ...extra,
});

function report(): Report {
  return {
    sessionId: "00000000-0000-4000-8000-000000000001",
    packId: "ai-engineer",
    packVersion: 1,
    packTitle: "AI Engineer",
    mode: "timed",
    level: "mid",
    startedAt: Date.UTC(2026, 11, 5, 9),
    completedAt: Date.UTC(2026, 11, 5, 10),
    overall: 47.5,
    graderVersion: "coverage-1",
    judgeModel: null,
    judgePromptVersion: null,
    rounds: [
      {
        roundId: "design",
        kind: "system-design",
        title: "System design",
        endReason: "completed",
        questions: [
          {
            questionId: "rag",
            title: "Design a RAG bot",
            asked: true,
            answered: true,
            score: 70,
            flags: [],
            judge: { status: "off", message: "no judge" },
            turns: [
              {
                turnId: "rag",
                kind: "main",
                prompt: "Design it.",
                answer: { text: "I would **chunk by heading** and | pipe" },
                reason: "submit",
              },
              { turnId: "rag~f1", kind: "follow-up", prompt: "How do you evaluate?", answer: { text: "A golden set." }, reason: "submit" },
            ],
            criteria: [
              criterion("retrieval", "Retrieval", 4, 2),
              criterion("evaluation", "Evaluation", 3),
              criterion("cost", "Cost", 1, 1, { strongAnswerAdds: "Works out the monthly bill. Then more." }),
            ],
          },
        ],
      },
      {
        roundId: "code",
        kind: "coding",
        title: "Coding",
        endReason: "timeout",
        questions: [
          {
            questionId: "retry",
            title: "Retry",
            asked: true,
            answered: true,
            score: 25,
            flags: [],
            judge: { status: "off", message: "no judge" },
            turns: [
              {
                turnId: "retry",
                kind: "main",
                prompt: "Write it.",
                answer: { code: "x = '```'\n", language: "python" },
                reason: "timeout",
              },
            ],
            criteria: [criterion("tests", "Tests pass", 0, 2), criterion("backoff", "Backoff", 2), criterion("jitter", "Jitter", 4)],
          },
        ],
      },
      { roundId: "story", kind: "behavioural", title: "Behavioural", endReason: "ended", questions: [] },
    ],
  };
}

describe("report summary", () => {
  it("has a bar per round with questions, and the three strongest and weakest criteria, never one in both", () => {
    const s = summariseReport(report());
    expect(s.rounds.map((r) => [r.title, r.score])).toEqual([
      ["System design", 70],
      ["Coding", 25],
    ]);
    // Ties at 4 go to the heavier criterion first.
    expect(s.strongest.map((c) => c.title)).toEqual(["Retrieval", "Jitter", "Evaluation"]);
    expect(s.weakest.map((c) => c.title)).toEqual(["Tests pass", "Cost", "Backoff"]);
    expect(s.strongest[0]!.line).toBe("Retrieval feedback.");
    // A weak criterion's line is what a strong answer adds, when the pack says.
    expect(s.weakest[1]!.line).toBe("Works out the monthly bill.");
  });

  it("leaves the strongest list empty when nothing reached 3 of 4", () => {
    const r = report();
    for (const round of r.rounds) for (const q of round.questions) for (const c of q.criteria) c.score = 1;
    const s = summariseReport(r);
    expect(s.strongest).toEqual([]);
    expect(s.weakest).toHaveLength(3);
  });

  it("counts what is below full marks even when all of it is listed under the strongest (3 of 4)", () => {
    const r = report();
    // One question of at most three criteria: every one of them fits under "Strongest".
    r.rounds = [{ ...r.rounds[0]!, questions: [r.rounds[0]!.questions[0]!] }];
    r.rounds[0]!.questions[0]!.criteria = r.rounds[0]!.questions[0]!.criteria.slice(0, 3);
    for (const c of r.rounds[0]!.questions[0]!.criteria) c.score = 4;
    r.rounds[0]!.questions[0]!.criteria[0]!.score = 3;
    const s = summariseReport(r);
    expect(s.weakest).toEqual([]);
    expect(s.strongest.some((c) => c.score === 3)).toBe(true);
    expect(s.belowFull).toBe(1);
    for (const round of r.rounds) for (const q of round.questions) for (const c of q.criteria) c.score = 4;
    expect(summariseReport(r).belowFull).toBe(0);
  });
});

describe("Markdown export", () => {
  it("puts the summary first, then every question with answers, follow-ups and a criterion table", () => {
    const md = reportToMarkdown(report());
    expect(md.startsWith("# AI Engineer: interview report\n")).toBe(true);
    expect(md.indexOf("**Overall: 48 / 100**")).toBeLessThan(md.indexOf("## System design (completed)"));
    expect(md).toContain("| System design | 70 / 100 |");
    expect(md).toContain("#### Follow-up\n\nHow do you evaluate?\n\n**Your answer:**\n\nA golden set.");
    // A pipe in feedback or an answer never breaks a table row; code fences outlast backticks in the code.
    expect(md).toContain("````python\nx = '```'\n````");
    expect(md).toContain("| Cost | 1/4 | Cost feedback. Second sentence. A strong answer adds: Works out the monthly bill. Then more. |");
    expect(md).not.toMatch(/\n{3,}/);
    expect(reportFileName(report(), "md")).toBe("ai-engineer-report-2026-12-05.md");
    // Without an exemplar in the report (the pack's default), the export has no comparison section.
    expect(md).not.toContain("A strong answer, for comparison");
  });

  it("puts the pack's strong exemplar after the answers when the report carries one (code fenced for coding)", () => {
    const r = report();
    r.rounds[0]!.questions[0]!.exemplar = "Chunk by heading and **evaluate** on a golden set.";
    r.rounds[1]!.questions[0]!.exemplar = "def call_with_retry(send):\n    return send()";
    const md = reportToMarkdown(r);
    expect(md).toContain("A golden set.\n\n**A strong answer, for comparison:**\n\nChunk by heading and **evaluate** on a golden set.");
    expect(md).toContain("**A strong answer, for comparison:**\n\n```\ndef call_with_retry(send):\n    return send()\n```");
  });
});

describe("evidence marks in rendered Markdown", () => {
  const render = (markdown: string, quotes: string[]) => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeEvidence, { criteria: [{ ...criterion("c", "Chunking", 3), evidence: quotes.map((quote) => ({ quote, note: "n" })) }] });
    return processor.runSync(processor.parse(markdown)) as Root;
  };
  const marks = (node: Root | Element, out: string[] = []): string[] => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "mark") out.push(child.children.map((t) => (t.type === "text" ? t.value : "")).join(""));
      else marks(child, out);
    }
    return out;
  };

  it("marks a quote that crosses bold text, with the Markdown syntax the grader quoted ignored", () => {
    const tree = render("I would **chunk by heading** and embed.", ["would **chunk by heading** and"]);
    expect(marks(tree)).toEqual(["would ", "chunk by heading", " and"]);
  });

  it("leaves text without a matching quote untouched", () => {
    expect(marks(render("Nothing here matches.", ["vector index"]))).toEqual([]);
  });
});

describe("evidence marks keep literal Markdown characters", () => {
  it("marks a quote with an underscore that Markdown left literal", () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeEvidence, { criteria: [{ ...criterion("t", "Tools", 3), evidence: [{ quote: "get_order, issue_refund", note: "n" }] }] });
    const tree = processor.runSync(processor.parse("Tools: get_order, issue_refund and more.")) as Root;
    const p = tree.children.find((c) => c.type === "element") as Element;
    const mark = p.children.find((c) => c.type === "element" && c.tagName === "mark") as Element | undefined;
    expect(mark?.children).toEqual([{ type: "text", value: "get_order, issue_refund" }]);
  });
});
