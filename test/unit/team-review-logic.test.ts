import { describe, expect, it } from "vitest";
import { createRecorder } from "../../client/src/integrity/recorder.js";
import { csvCell, sessionsCsv, suggestEvidenceTerms, summariseSignals } from "../../server/teams/index.js";
import { adjustedScores } from "../../server/teams/scores.js";
import type { Report } from "../../server/contracts/index.js";

describe("CSV cells", () => {
  it("quotes separators, quotes and newlines, and defuses formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${lead}SUM(A1)`).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(" padded ")).toBe('" padded "');
  });
  it("writes one column per round found across sessions", () => {
    const base = {
      sessionId: "s",
      source: "invite" as const,
      inviteId: null,
      candidateLabel: "A",
      candidateEmail: null,
      packKey: "t/p",
      packVersion: 1,
      packTitle: "P",
      mode: "timed" as const,
      level: null,
      status: "complete" as const,
      startedAt: 0,
      completedAt: 60_000,
      secondsUsed: 60,
      score: 50,
      gradedScore: 50,
      signals: summariseSignals([]),
      overrides: 0,
    };
    const csv = sessionsCsv([
      { ...base, rounds: [{ roundId: "a", title: "A", score: 10 }] },
      { ...base, sessionId: "t", rounds: [{ roundId: "b", title: "B", score: 20 }] },
    ]);
    const [header, one, two] = csv.split("\r\n");
    expect(header).toContain("round:a,round:b");
    expect(one).toContain(",10,,");
    expect(two).toContain(",,20,");
  });
});

describe("integrity signals", () => {
  it("summarises counts and sizes; bursts count only at a fast rate", () => {
    const s = summariseSignals([
      { kind: "paste", chars: 10, duration_ms: null },
      { kind: "paste", chars: 900, duration_ms: null },
      { kind: "away", chars: null, duration_ms: 5000 },
      { kind: "burst", chars: 40, duration_ms: 10_000 },
      { kind: "burst", chars: 200, duration_ms: 5000 },
    ]);
    expect(s).toEqual({ pastes: 2, pastedChars: 910, largestPaste: 900, awayCount: 1, awayMs: 5000, bursts: 1, fastestCharsPerSecond: 40 });
  });

  it("the client recorder turns keystrokes, pastes and tab switches into events (injected clock)", () => {
    let t = 0;
    const r = createRecorder(() => t);
    for (let i = 0; i < 40; i++) {
      t += 50;
      r.keystroke("q1");
    }
    r.paste(1500, "q1");
    t += 100;
    r.away();
    t += 3000;
    r.back();
    r.away();
    t += 200;
    r.back();
    for (let i = 0; i < 5; i++) {
      t += 100;
      r.keystroke("q1");
    }
    expect(r.take(true)).toEqual([
      { kind: "burst", chars: 40, ms: 1950, questionId: "q1" },
      { kind: "paste", chars: 1500, questionId: "q1" },
      { kind: "away", ms: 3000 },
    ]);
    expect(r.take(true)).toEqual([]);
  });
});

describe("overrides move scores by the criterion's weighted share", () => {
  const report = {
    overall: 50,
    rounds: [
      {
        roundId: "r",
        title: "R",
        questions: [
          {
            questionId: "q",
            score: 50,
            criteria: [
              { criterionId: "a", score: 2, weight: 1 },
              { criterionId: "b", score: 2, weight: 3 },
            ],
          },
        ],
      },
      { roundId: "s", title: "S", questions: [{ questionId: "p", score: 100, criteria: [{ criterionId: "a", score: 4, weight: 1 }] }] },
    ],
  } as unknown as Report;
  it("without overrides every number is the grader's", () => {
    expect(adjustedScores(report, {})).toEqual({
      questions: { q: 50, p: 100 },
      rounds: [
        { roundId: "r", title: "R", score: 50 },
        { roundId: "s", title: "S", score: 100 },
      ],
      overall: 75,
    });
  });
  it("raising the heavier criterion by 2 adds 3/4 of half the scale", () => {
    const o = { score: 4, original: 2, note: "n", by: "x", at: 0 };
    expect(adjustedScores(report, { "q/b": o }).questions.q).toBe(87.5);
    expect(adjustedScores(report, { "q/a": o }).questions.q).toBe(62.5);
  });
});

describe("suggest evidence terms", () => {
  it("offers phrases in the high-scoring exemplars and in none of the low ones", () => {
    const result = suggestEvidenceTerms({
      criteria: [
        { id: "retries", terms: ["retry"] },
        { id: "lonely", terms: [] },
      ],
      exemplars: [
        {
          level: "strong",
          answer: "Use exponential backoff with jitter and an idempotency key, then retry the call.",
          scores: { retries: 4 },
        },
        { level: "strong", answer: "Exponential backoff, capped, plus jitter so clients spread out.", scores: { retries: 4 } },
        { level: "weak", answer: "Just call it again in a loop until it works.", scores: { retries: 0 } },
      ],
    });
    const terms = result.criteria[0]!.terms.map((t) => t.term);
    expect(terms.slice(0, 2)).toEqual(["exponential backoff", "jitter"]);
    expect(terms).not.toContain("retry");
    expect(terms.some((t) => /call|again|loop/.test(t))).toBe(false);
    expect(result.criteria[1]).toMatchObject({ criterionId: "lonely", terms: expect.any(Array) });
  });
  it("says what it needs when the exemplars cannot be contrasted", () => {
    const r = suggestEvidenceTerms({ criteria: [{ id: "c", terms: [] }], exemplars: [{ level: "strong", answer: "x y z", scores: {} }] });
    expect(r.criteria[0]).toMatchObject({ terms: [], note: expect.stringContaining("weak") });
  });
});
