import { randomUUID } from "node:crypto";
import type { Report, SessionStartResult } from "../contracts/index.js";
import { sessionPack, type Language, type Level, type Pack } from "../scenarios/index.js";
import { connectSelftestClient } from "./client.js";
import type { Persona } from "./personas.js";

export type Sitting = {
  persona: Persona["id"];
  level: Level;
  sessionId: string;
  overall: number;
  /** Score per main question id, 0-100. */
  questions: Record<string, number>;
  turns: number;
  flags: number;
};

/** Turns one session may take before it counts as a loop (a stall that still makes "progress"). */
const MAX_TURNS = 200;

/**
 * Sit one whole session over the socket protocol as `persona`: start, answer
 * every question (and follow-up) as it arrives, wait for completion, then read
 * the report over HTTP as the candidate would.
 */
export async function sitSession(input: {
  url: string;
  pack: Pack;
  packKey: string;
  level: Level;
  persona: Persona;
  runnable: Language[];
  stallMs: number;
}): Promise<Sitting> {
  const { url, pack, persona, stallMs } = input;
  const client = await connectSelftestClient(url, stallMs);
  try {
    const start = await client.request<SessionStartResult>("session:start", { packId: input.packKey, level: input.level, mode: "timed" });
    const drawn = sessionPack(pack, start.sessionId);
    const turnInfo = new Map<string, { baseQuestionId: string; kind: "main" | "follow-up"; languages: Language[] }>();
    let turns = 0;
    for (;;) {
      const event = await client.next();
      if (event.name === "question:start") {
        const p = event.payload as unknown as {
          questionId: string;
          baseQuestionId: string;
          kind: "main" | "follow-up";
          languages?: Language[];
        };
        turnInfo.set(p.questionId, { baseQuestionId: p.baseQuestionId, kind: p.kind, languages: p.languages ?? [] });
        continue;
      }
      if (event.name === "session:complete") break;
      if (event.name !== "question:end") continue;
      if (++turns > MAX_TURNS) throw new Error(`more than ${MAX_TURNS} turns: the session does not end`);
      const questionId = String(event.payload.questionId);
      const info = turnInfo.get(questionId);
      const question = info && drawn.questions.find((q) => q.id === info.baseQuestionId);
      if (!info || !question) throw new Error(`question:end for "${questionId}" without a question:start naming a pack question`);
      const language = info.languages.find((l) => input.runnable.includes(l)) ?? info.languages[0] ?? null;
      const answer = persona.answer({ question, kind: info.kind, language });
      await client.request("answer:submit", { sessionId: start.sessionId, questionId, submissionId: randomUUID(), ...answer });
    }
    const res = await fetch(`${url}/api/sessions/${start.sessionId}/report`, { headers: { "X-Resume-Token": start.resumeToken } });
    if (!res.ok) throw new Error(`report: HTTP ${res.status}`);
    const report = (await res.json()) as Report;
    const questions = Object.fromEntries(report.rounds.flatMap((r) => r.questions.map((q) => [q.questionId, q.score] as const)));
    const flags = report.rounds.flatMap((r) => r.questions).reduce((n, q) => n + (q.flags?.length ?? 0), 0);
    return { persona: persona.id, level: input.level, sessionId: start.sessionId, overall: report.overall, questions, turns, flags };
  } finally {
    client.close();
  }
}
