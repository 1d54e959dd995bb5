import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { connectClient } from "./socket-client.js";
import type { TestServer } from "./server.js";

/** A JSON request to the test server, with a team token (or none). */
export const teamApi = (
  server: TestServer,
  path: string,
  token: string | null,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
) =>
  fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.json !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.headers ?? {}),
    },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });

/** Invite a candidate to team acme's pack "tiny", start from the link, answer, and wait for the report. */
export async function sitInvite(server: TestServer, token: string, label: string, answer: string, signals?: unknown) {
  const api = (path: string, t: string | null, init?: Parameters<typeof teamApi>[3]) => teamApi(server, path, t, init);
  const created = await (
    await api("/api/teams/acme/invites", token, {
      method: "POST",
      json: { packId: "tiny", candidateLabel: label, candidateEmail: `${label.toLowerCase().replace(/[^a-z]/g, "")}@example.com` },
    })
  ).json();
  expect(created).toMatchObject({ candidateLabel: label, status: "open", path: `/invite/${created.token}` });
  const start = await api(`/api/invites/${created.token}/start`, null, { method: "POST" });
  expect(start.status).toBe(201);
  const { sessionId, resumeToken } = await start.json();
  const c = await connectClient(server.url);
  await c.request("session:resume", { sessionId, resumeToken, lastSeq: 0 });
  await c.waitFor("question:end");
  if (signals) {
    const res = await api(`/api/sessions/${sessionId}/signals`, null, {
      method: "POST",
      json: signals,
      headers: { "x-resume-token": resumeToken },
    });
    expect(res.status).toBe(201);
  }
  let seq = c.lastSeq();
  await c.request("answer:submit", { sessionId, questionId: "failure-story", submissionId: randomUUID(), text: answer });
  // A weak answer may get a follow-up first: skip it.
  for (;;) {
    const next = await Promise.race([
      c.waitFor("session:complete"),
      c.waitFor("question:start", (p) => p.kind === "follow-up", { afterSeq: seq }),
    ]);
    if (next.name === "session:complete") break;
    seq = next.payload.seq;
    await c.request("answer:submit", { sessionId, questionId: next.payload.questionId, submissionId: randomUUID(), text: "skip" });
  }
  c.close();
  return { invite: created, sessionId, resumeToken };
}
