import { readFileSync } from "node:fs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";
import { sitInvite } from "../helpers/team-session.js";
import { storeAsBeforeTheRule } from "../helpers/needs-fix-pack.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
type LogLine = { level: number; msg: string; pack?: string; version?: number };

// A team pack published before the `criterion-needs-model` rule (session 17) was stored as it was: its criterion graded
// only by fix-works would score 0 on every answer offline, silently. The server now reads such a stored version as
// needing a fix: no new interview on it, the team's list says why, and the sessions already taken stay reviewable.
describe("a team pack stored before a rule it breaks", () => {
  let server: TestServer;
  let token: string;
  const logged: LogLine[] = [];
  let taken: { sessionId: string; resumeToken: string };
  let unusedInvite: string;

  const api = (path: string, init: { method?: string; body?: string; type?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body ? { "content-type": init.type ?? "application/json" } : {}),
        ...init.headers,
      },
      ...(init.body ? { body: init.body } : {}),
    });
  const invite = (label: string) =>
    api("/api/teams/acme/invites", { method: "POST", body: JSON.stringify({ packId: "tiny", candidateLabel: label }) });

  beforeAll(async () => {
    // Published while the pack was valid; one candidate sat it, another invite is still unused.
    const before = await startTestServer({ packs: [miniPack()], sandbox: null });
    server = before;
    token = (await before.app.teams.create("Acme")).token;
    expect((await api("/api/teams/acme/packs?visibility=public", { method: "POST", body: TINY, type: "application/yaml" })).status).toBe(
      201,
    );
    const sat = await sitInvite(
      before,
      token,
      "Ada",
      "The situation: we were shipping a search index. I rolled back; the result: errors went from 9% to 0.",
    );
    taken = { sessionId: sat.sessionId, resumeToken: sat.resumeToken };
    unusedInvite = ((await (await invite("Grace")).json()) as { token: string }).token;
    await storeAsBeforeTheRule(before, "acme/tiny");
    await before.close();
    // The server restarted on that store (a new version of the server, with the rule).
    const logger = pino({ level: "warn" }, { write: (line: string) => void logged.push(JSON.parse(line) as LogLine) });
    server = await startTestServer({ packs: [miniPack()], sandbox: null, databaseFile: before.databaseFile, logger });
  });
  afterAll(() => server.close());

  it("is listed to its team as needing a fix, naming the rule and where; the server log says so once", async () => {
    const list = (await (await api("/api/teams/acme/packs")).json()) as {
      key: string;
      needsFix: { code: string; path: string; message: string }[];
    }[];
    const tiny = list.find((p) => p.key === "acme/tiny")!;
    expect(tiny.needsFix).toEqual([
      expect.objectContaining({
        code: "criterion-needs-model",
        path: "questions[0].rubric[0].evidence.checks",
        message: expect.stringContaining('criterion "star"'),
      }),
    ]);
    await api("/api/teams/acme/packs");
    const warnings = logged.filter((l) => l.pack === "acme/tiny");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, version: 1 });
  });

  it("starts no new interview on it (invite, new invite, team token) and is not offered in the lobby", async () => {
    const started = await fetch(`${server.url}/api/invites/${unusedInvite}/start`, { method: "POST" });
    expect(started.status).toBe(409);
    expect((await started.json()).error.code).toBe("PACK_NEEDS_FIX");
    const created = await invite("Linus");
    expect(created.status).toBe(409);
    expect((await created.json()).error.code).toBe("PACK_NEEDS_FIX");
    const client = await connectClient(server.url);
    const byToken = await client.send("session:start", { packId: "acme/tiny", teamToken: token });
    client.close();
    expect(byToken).toMatchObject({
      ok: false,
      error: { code: "PACK_NEEDS_FIX", message: expect.stringContaining("criterion-needs-model") },
    });
    const lobby = (await (await fetch(`${server.url}/api/packs`)).json()) as { id: string }[];
    expect(lobby.map((p) => p.id)).not.toContain("acme/tiny");
  });

  it("is described by GET /api/packs/:key as needing a fix, naming the rule but not the rubric", async () => {
    const res = await fetch(`${server.url}/api/packs/acme/tiny`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).needsFix).toEqual({
      codes: ["criterion-needs-model"],
      reason: expect.stringContaining("no interview starts on it until the team that wrote it publishes a fixed version"),
    });
    // Where the problem is (the criterion's id, its rubric path) is the team's to see, not a candidate's.
    expect(text).not.toMatch(/\bstar\b/);
    expect(text).not.toContain("rubric");
    expect((await (await fetch(`${server.url}/api/packs/mini`)).json()).needsFix).toBeNull();
  });

  it("keeps the session already taken on it reviewable by the team and readable by its candidate", async () => {
    const review = await api(`/api/teams/acme/sessions/${taken.sessionId}`);
    expect(review.status).toBe(200);
    const report = await fetch(`${server.url}/api/sessions/${taken.sessionId}/report`, {
      headers: { "x-resume-token": taken.resumeToken },
    });
    expect(report.status).toBe(200);
  });

  it("is offered again once a fixed version is published: the unused invite then starts", async () => {
    const fixed = await api("/api/teams/acme/packs/tiny", { method: "PUT", body: TINY, type: "application/yaml" });
    expect(fixed.status).toBe(201);
    expect(await fixed.json()).toMatchObject({ version: 2, needsFix: [] });
    expect((await (await fetch(`${server.url}/api/packs/acme/tiny`)).json()).needsFix).toBeNull();
    const started = await fetch(`${server.url}/api/invites/${unusedInvite}/start`, { method: "POST" });
    expect(started.status).toBe(201);
    const lobby = (await (await fetch(`${server.url}/api/packs`)).json()) as { id: string }[];
    expect(lobby.map((p) => p.id)).toContain("acme/tiny");
  });
});
