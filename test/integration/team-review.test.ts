import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";
import { sitInvite, teamApi } from "../helpers/team-session.js";
import type { Router } from "express";
import { teamSubRouters } from "../../server/http/team-api.js";
import { teamPacksRouter } from "../../server/http/team-packs.js";

/** "METHOD /path" for every route a router declares (one level: the team routers do not nest). */
const routesOf = (router: Router, prefix: string) =>
  (router.stack as { route?: { path: string; methods: Record<string, boolean> } }[])
    .filter((l) => l.route)
    .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${prefix}${l.route!.path === "/" ? "" : l.route!.path}`));

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
const STRONG =
  "The context: we were shipping a search feature and a bad index took it down for an hour. I decided to roll back, then I wrote a canary check. The outcome: failed searches went from 300 a day to 5.";

let server: TestServer;
const clock = { offset: 0 };
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()], now: () => Date.now() + clock.offset });
  acme = (await server.app.teams.create("Acme")).token;
  globex = (await server.app.teams.create("Globex")).token;
  for (const token of [acme, globex]) {
    const team = token === acme ? "acme" : "globex";
    expect(
      (await fetch(`${server.url}/api/teams/${team}/packs`, { method: "POST", body: TINY, headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(201);
  }
});
afterAll(() => server.close());

const api = (path: string, token: string | null, init?: Parameters<typeof teamApi>[3]) => teamApi(server, path, token, init);

describe("team review API", () => {
  let first: Awaited<ReturnType<typeof sitInvite>>;
  let second: Awaited<ReturnType<typeof sitInvite>>;

  it("invites: the candidate sees what the team will see (never the email); an invite is sat once", async () => {
    const created = await (
      await api("/api/teams/acme/invites", acme, {
        method: "POST",
        json: { packId: "tiny", candidateLabel: "Dana", candidateEmail: "dana@example.com", mode: "practice", level: "junior" },
      })
    ).json();
    const view = await (await api(`/api/invites/${created.token}`, null)).json();
    expect(view).toMatchObject({
      teamName: "Acme",
      packTitle: "Tiny pack",
      candidateLabel: "Dana",
      mode: "practice",
      level: "junior",
      status: "open",
      rounds: [{ id: "behavioural" }],
    });
    expect(view.recorded.join(" ")).toMatch(/paste/);
    expect(view.teamSees.join(" ")).toMatch(/integrity signals/);
    expect(JSON.stringify(view)).not.toContain("dana@example.com");
    expect((await api(`/api/invites/${created.token}/start`, null, { method: "POST" })).status).toBe(201);
    const again = await api(`/api/invites/${created.token}/start`, null, { method: "POST" });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("INVITE_USED");
    expect((await api("/api/invites/inv_not-a-real-token-at-all", null)).status).toBe(404);
    // Bad bodies name the field; another team's pack does not exist; a round the pack lacks is refused.
    const bad = await api("/api/teams/acme/invites", acme, {
      method: "POST",
      json: { packId: "tiny", candidateLabel: "", candidateEmail: "nope" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/candidateLabel.*candidateEmail|candidateEmail.*candidateLabel/);
    expect((await api("/api/teams/acme/invites", acme, { method: "POST", json: { packId: "nope", candidateLabel: "X" } })).status).toBe(
      404,
    );
    const rounds = await api("/api/teams/acme/invites", acme, {
      method: "POST",
      json: { packId: "tiny", candidateLabel: "X", rounds: ["coding"] },
    });
    expect(rounds.status).toBe(400);
    expect((await rounds.json()).error.message).toContain('no round "coding"');
  });

  it("records disclosed integrity signals for invited sessions, bounded and validated", async () => {
    first = await sitInvite(server, acme, "Ada", STRONG, {
      events: [
        { kind: "paste", questionId: "failure-story", chars: 1800 },
        { kind: "away", ms: 42_000 },
        { kind: "burst", chars: 120, ms: 4000 },
      ],
    });
    second = await sitInvite(server, acme, "Bob", "Things break sometimes, it happens to everyone.");
    const mine = await (
      await api(`/api/sessions/${first.sessionId}/signals`, null, { headers: { "x-resume-token": first.resumeToken } })
    ).json();
    expect(mine).toMatchObject({
      recording: true,
      summary: { pastes: 1, largestPaste: 1800, awayCount: 1, awayMs: 42_000, bursts: 1, fastestCharsPerSecond: 30 },
    });
    expect(
      (await api(`/api/sessions/${first.sessionId}/signals`, null, { headers: { "x-resume-token": second.resumeToken } })).status,
    ).toBe(403);
    const oversize = await api(`/api/sessions/${second.sessionId}/signals`, null, {
      method: "POST",
      json: { events: Array.from({ length: 101 }, () => ({ kind: "away", ms: 5 })) },
      headers: { "x-resume-token": second.resumeToken },
    });
    expect(oversize.status).toBe(400);
    expect((await oversize.json()).error.message).toContain("at most 100");
    const wrong = await api(`/api/sessions/${second.sessionId}/signals`, null, {
      method: "POST",
      json: { events: [{ kind: "webcam" }] },
      headers: { "x-resume-token": second.resumeToken },
    });
    expect(wrong.status).toBe(400);
    // A question is named by its id, never by free text the team's page would show.
    const markup = await api(`/api/sessions/${second.sessionId}/signals`, null, {
      method: "POST",
      json: { events: [{ kind: "paste", questionId: "<script>alert(1)</script>", chars: 10 }] },
      headers: { "x-resume-token": second.resumeToken },
    });
    expect(markup.status).toBe(400);
    expect((await markup.json()).error.message).toContain("questionId must be a question's id");
    const elsewhere = await api(`/api/sessions/${second.sessionId}/signals`, null, {
      method: "POST",
      json: { events: [{ kind: "paste", questionId: "llm-retry-backoff", chars: 10 }] },
      headers: { "x-resume-token": second.resumeToken },
    });
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).error.message).toBe('questionId "llm-retry-backoff" is not a question of this session');
    // Just after the end, queued signals still arrive; later ones do not (the clock is the app's, moved on).
    const late = await api(`/api/sessions/${second.sessionId}/signals`, null, {
      method: "POST",
      json: { events: [{ kind: "away", ms: 5000 }] },
      headers: { "x-resume-token": second.resumeToken },
    });
    expect(late.status).toBe(201);
    clock.offset += 121_000;
    const over = await api(`/api/sessions/${second.sessionId}/signals`, null, {
      method: "POST",
      json: { events: [{ kind: "away", ms: 5 }] },
      headers: { "x-resume-token": second.resumeToken },
    });
    clock.offset -= 121_000;
    expect((await over.json()).error.code).toBe("SESSION_OVER");
    // A session not started from an invite is not recorded.
    const c = await connectClient(server.url);
    const plain = await c.request("session:start", { packId: "mini" });
    const refused = await api(`/api/sessions/${plain.sessionId}/signals`, null, {
      method: "POST",
      json: { events: [{ kind: "away", ms: 5 }] },
      headers: { "x-resume-token": plain.resumeToken },
    });
    expect(refused.status).toBe(409);
    c.close();
  });

  it("lists the team's sessions with scores, rounds, time and signals; filters and sorts", async () => {
    const list = await (await api("/api/teams/acme/sessions?status=complete&sort=score&order=desc", acme)).json();
    const labels = list.sessions.map((s: { candidateLabel: string }) => s.candidateLabel);
    expect(labels).toEqual(["Ada", "Bob"]);
    const ada = list.sessions[0];
    expect(ada).toMatchObject({
      source: "invite",
      candidateEmail: "ada@example.com",
      packKey: "acme/tiny",
      status: "complete",
      signals: { pastes: 1, pastedChars: 1800 },
      overrides: 0,
    });
    expect(ada.score).toBeGreaterThan(list.sessions[1].score);
    expect(ada.rounds).toEqual([{ roundId: "behavioural", title: "Behavioural", score: ada.score }]);
    expect(
      (await (await api("/api/teams/acme/sessions?q=bo", acme)).json()).sessions.map((s: { candidateLabel: string }) => s.candidateLabel),
    ).toEqual(["Bob"]);
    expect(
      (await (await api("/api/teams/acme/sessions?sort=pastes&order=asc&status=complete", acme)).json()).sessions[0].candidateLabel,
    ).not.toBe("Ada");
    const badSort = await api("/api/teams/acme/sessions?sort=magic", acme);
    expect(badSort.status).toBe(400);
    expect((await badSort.json()).error.message).toContain("sort");
    // Globex sees none of Acme's sessions.
    expect((await (await api("/api/teams/globex/sessions", globex)).json()).sessions).toEqual([]);
  });

  it("shows one session in full and records every override with who, when, before and after", async () => {
    const detail = await (await api(`/api/teams/acme/sessions/${second.sessionId}`, acme)).json();
    const criterion = detail.report.rounds[0].questions[0].criteria[0];
    expect(detail.report.rounds[0].questions[0].turns[0].answer.text).toContain("Things break");
    expect(criterion.criterionId).toBe("star");
    const noNote = await api(`/api/teams/acme/sessions/${second.sessionId}/overrides`, acme, {
      method: "POST",
      json: { questionId: "failure-story", criterionId: "star", score: 3 },
    });
    expect(noNote.status).toBe(400);
    expect((await noNote.json()).error.message).toContain("note");
    // A criterion the question does not have is named with the ones it has.
    const noSuchCriterion = await api(`/api/teams/acme/sessions/${second.sessionId}/overrides`, acme, {
      method: "POST",
      json: { questionId: "failure-story", criterionId: "tests-passed", score: 3, note: "The tests would have passed." },
    });
    expect(noSuchCriterion.status).toBe(404);
    expect((await noSuchCriterion.json()).error.message).toMatch(/has no criterion "tests-passed"; its criteria: "star"/);
    const reviewer = (
      await (await api("/api/teams/acme/tokens", acme, { method: "POST", json: { label: "Rita R", role: "reviewer" } })).json()
    ).token;
    const changed = await api(`/api/teams/acme/sessions/${second.sessionId}/overrides`, reviewer, {
      method: "POST",
      json: { questionId: "failure-story", criterionId: "star", score: 3, note: "Spoke to the result in the follow-up call." },
    });
    expect(changed.status).toBe(201);
    const after = await changed.json();
    expect(after.overrides["failure-story/star"]).toMatchObject({ score: 3, original: criterion.score, by: "Rita R" });
    expect(after.audit).toEqual([
      expect.objectContaining({
        before: criterion.score,
        after: 3,
        original: criterion.score,
        by: "Rita R",
        note: "Spoke to the result in the follow-up call.",
      }),
    ]);
    expect(after.session.score).toBeGreaterThan(after.session.gradedScore);
    expect(after.session.gradedScore).toBe(detail.report.overall);
    // A second change records the first override as its "before".
    const back = await (
      await api(`/api/teams/acme/sessions/${second.sessionId}/overrides`, acme, {
        method: "POST",
        json: { questionId: "failure-story", criterionId: "star", score: 2, note: "Second look." },
      })
    ).json();
    expect(back.audit.map((a: { before: number; after: number; by: string }) => [a.before, a.after, a.by])).toEqual([
      [criterion.score, 3, "Rita R"],
      [3, 2, "first token"],
    ]);
    const same = await api(`/api/teams/acme/sessions/${second.sessionId}/overrides`, acme, {
      method: "POST",
      json: { questionId: "failure-story", criterionId: "star", score: 2, note: "again" },
    });
    expect(same.status).toBe(409);
    const unknown = await api(`/api/teams/acme/sessions/${second.sessionId}/overrides`, acme, {
      method: "POST",
      json: { questionId: "failure-story", criterionId: "nope", score: 2, note: "why not" },
    });
    expect(unknown.status).toBe(404);
  });

  it("compares 2-5 sessions on the same pack criterion by criterion", async () => {
    const cmp = await (await api(`/api/teams/acme/compare?sessions=${first.sessionId},${second.sessionId}`, acme)).json();
    expect(cmp.packKey).toBe("acme/tiny");
    expect(cmp.sessions.map((s: { candidateLabel: string }) => s.candidateLabel)).toEqual(["Ada", "Bob"]);
    expect(cmp.criteria).toEqual([
      expect.objectContaining({
        questionId: "failure-story",
        criterionId: "star",
        scores: [expect.any(Number), 2],
        overridden: [false, true],
      }),
    ]);
    expect((await api(`/api/teams/acme/compare?sessions=${first.sessionId}`, acme)).status).toBe(400);
    expect((await api(`/api/teams/acme/compare?sessions=${first.sessionId},${first.sessionId}`, acme)).status).toBe(400);
    const c = await connectClient(server.url);
    const other = await c.request("session:start", { packId: "mini" });
    c.close();
    expect((await api(`/api/teams/acme/compare?sessions=${first.sessionId},${other.sessionId}`, acme)).status).toBe(404);
  });

  it("exports the sessions as CSV with escaping and no formula injection", async () => {
    const hostile = await sitInvite(server, acme, '=HYPERLINK("http://x","y"), "quoted"', "skip");
    const res = await api("/api/teams/acme/sessions.csv?status=complete&sort=candidate&order=asc", acme);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toContain("session_id,candidate,email");
    expect(lines).toHaveLength(4);
    const row = lines.find((l) => l.startsWith(hostile.sessionId))!;
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y""), ""quoted"""`);
    expect(lines.find((l) => l.startsWith(first.sessionId))).toContain(",Ada,ada@example.com,");
  });
});

describe("every team route refuses missing, revoked and other teams' tokens", () => {
  const sid = randomUUID();
  const routes: [string, string, unknown?][] = [
    ["GET", "/api/teams/acme/tokens"],
    ["POST", "/api/teams/acme/tokens", { label: "x" }],
    ["POST", "/api/teams/acme/tokens/tok_x/rotate"],
    ["POST", "/api/teams/acme/tokens/current/rotate"],
    ["DELETE", "/api/teams/acme/tokens/tok_x"],
    ["GET", "/api/teams/acme/invites"],
    ["POST", "/api/teams/acme/invites", { packId: "tiny", candidateLabel: "x" }],
    ["DELETE", "/api/teams/acme/invites/inv_x"],
    ["GET", "/api/teams/acme/sessions"],
    ["GET", "/api/teams/acme/sessions.csv"],
    ["GET", `/api/teams/acme/sessions/${sid}`],
    ["POST", `/api/teams/acme/sessions/${sid}/overrides`, { questionId: "q", criterionId: "c", score: 1, note: "note" }],
    ["POST", `/api/teams/acme/sessions/${sid}/regrade`],
    ["GET", `/api/teams/acme/compare?sessions=${sid},${randomUUID()}`],
    ["GET", "/api/teams/acme/authoring/capabilities"],
    ["POST", "/api/teams/acme/authoring/suggest-terms", { criteria: [{ id: "a" }], exemplars: [] }],
    ["POST", "/api/teams/acme/authoring/draft-question", { role: "x".repeat(30), kind: "behavioural", level: "mid" }],
    ["GET", "/api/teams/acme/packs"],
    ["POST", "/api/teams/acme/packs/validate", "id: x"],
    ["GET", "/api/teams/acme/packs/tiny"],
    ["POST", "/api/teams/acme/packs", "id: x"],
    ["PUT", "/api/teams/acme/packs/tiny", "id: x"],
  ];
  let revoked: string;
  beforeAll(async () => {
    const issued = await (await api("/api/teams/acme/tokens", acme, { method: "POST", json: { label: "leaver", role: "owner" } })).json();
    revoked = issued.token;
    expect((await api(`/api/teams/acme/tokens/${issued.info.id}`, acme, { method: "DELETE" })).status).toBe(200);
  });

  it("the list below walks every route the team API and the pack router declare", () => {
    const declared = [
      ...teamSubRouters(server.app.teamDesk).flatMap(([prefix, router]) => routesOf(router, prefix)),
      ...routesOf(teamPacksRouter({ teams: server.app.teams, library: server.app.packs }), "").filter((r) => r !== "GET /me"),
    ];
    const walked = routes.map(([method, path]) => `${method} ${path.replace(/\?.*$/, "")}`);
    for (const route of declared) {
      const pattern = new RegExp(
        `^${route.replace(/:team/, "acme").replace(/:\w+/g, "[^/]+").replace(/\./g, "\\.")}$`.replace(" ", " /api/teams"),
      );
      expect(
        walked.some((w) => pattern.test(w)),
        `${route} is not walked`,
      ).toBe(true);
    }
  });

  it.each(routes)("%s %s", async (method, path, body) => {
    const send = (token: string | null) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          "content-type": typeof body === "string" ? "application/yaml" : "application/json",
        },
        ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
      });
    const none = await send(null);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe("UNAUTHORIZED");
    const gone = await send(revoked);
    expect(gone.status).toBe(401);
    expect((await gone.json()).error.message).toContain("revoked");
    const other = await send(globex);
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe("NOT_FOUND");
  });
});

describe("named tokens", () => {
  it("lists, issues, rotates and revokes, with last-used times; labels are unique among live tokens", async () => {
    const initial = await (await api("/api/teams/globex/tokens", globex)).json();
    expect(initial).toEqual([
      expect.objectContaining({ label: "first token", current: true, revokedAt: null, lastUsedAt: expect.any(Number) }),
    ]);
    const sam = await (await api("/api/teams/globex/tokens", globex, { method: "POST", json: { label: "Sam", role: "owner" } })).json();
    expect(sam.info).toMatchObject({ label: "Sam", role: "owner", lastUsedAt: null, current: false });
    expect((await api("/api/teams/globex/tokens", globex, { method: "POST", json: { label: "Sam", role: "viewer" } })).status).toBe(409);
    expect((await api("/api/teams/globex/tokens", globex, { method: "POST", json: { label: " ", role: "viewer" } })).status).toBe(400);
    // A label that reads like another one (a zero-width space, a bidi override, a NUL) is refused, naming the character.
    for (const [label, code] of <[string, string][]>[
      ["Sam\u200b", "U+200B"],
      ["\u202eSam", "U+202E"],
      ["Sam\u0000", "U+0000"],
      ["Sam\u3164", "U+3164"],
      ["Sam\ufe0f", "U+FE0F"],
      ["Sam\ud800", "U+D800"],
    ]) {
      const hidden = await api("/api/teams/globex/tokens", globex, { method: "POST", json: { label, role: "viewer" } });
      expect(hidden.status).toBe(400);
      expect((await hidden.json()).error).toMatchObject({ code: "BAD_PAYLOAD", message: expect.stringContaining(code) });
    }
    // Full-width letters fold to the label they imitate (NFKC), which is taken.
    expect((await api("/api/teams/globex/tokens", globex, { method: "POST", json: { label: "Ｓａｍ", role: "viewer" } })).status).toBe(409);
    expect((await api("/api/teams/globex/sessions", sam.token)).status).toBe(200);
    const rotated = await (await api(`/api/teams/globex/tokens/${sam.info.id}/rotate`, globex, { method: "POST" })).json();
    expect(rotated.info).toMatchObject({ label: "Sam", revokedAt: null });
    expect((await api("/api/teams/globex/sessions", sam.token)).status).toBe(401);
    expect((await api("/api/teams/globex/sessions", rotated.token)).status).toBe(200);
    const list = await (await api("/api/teams/globex/tokens", rotated.token)).json();
    expect(list.find((t: { id: string }) => t.id === sam.info.id)).toMatchObject({
      revokedAt: expect.any(Number),
      lastUsedAt: expect.any(Number),
    });
    expect(list.find((t: { id: string }) => t.id === rotated.info.id)).toMatchObject({ current: true });
    // Another team's token id is not found; the last live token cannot be revoked.
    expect((await api(`/api/teams/acme/tokens/${rotated.info.id}`, acme, { method: "DELETE" })).status).toBe(404);
    expect((await api(`/api/teams/globex/tokens/${rotated.info.id}`, globex, { method: "DELETE" })).status).toBe(200);
    const ownerId = list.find((t: { label: string }) => t.label === "first token").id;
    const last = await api(`/api/teams/globex/tokens/${ownerId}`, globex, { method: "DELETE" });
    expect(last.status).toBe(409);
    expect((await last.json()).error.message).toContain("last live owner token");
  });
});
