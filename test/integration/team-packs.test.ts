import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAM_SEES_WITHOUT_INVITE } from "../../server/contracts/index.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

let server: TestServer;
let acme: string;
let globex: string;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()] });
  acme = (await server.app.teams.create("Acme")).token;
  globex = (await server.app.teams.create("Globex")).token;
});
afterAll(() => server.close());

const api = (path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });

/** The coding pack whose test code is check()-style (every test expects true): verification warns about it. */
function checkStylePack(): string {
  return readFileSync(new URL("../fixtures/upload/coding-wrong-reference.yaml", import.meta.url), "utf8")
    .replace("abs(a) + abs(b)", "a + b")
    .replace("expected: 3, visible: true", "expected: true, visible: true")
    .replace("expected: -3 }", "expected: true }")
    .replace(
      "      referenceSolution:",
      [
        "      testCode:",
        '        python: "def run_case(a, b):\\n    assert add(a, b) == a + b\\n    return True\\n"',
        "        typescript: \"function runCase(a: number, b: number) { if (add(a, b) !== a + b) throw new Error('wrong'); return true; }\\n\"",
        "      referenceSolution:",
      ].join("\n"),
    );
}

describe("team pack authoring API", () => {
  it("needs a valid token, and hides other teams", async () => {
    expect((await api("/api/teams/acme/packs", null)).status).toBe(401);
    const bad = await api("/api/teams/acme/packs", "mit_nope");
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.message).toContain("not valid");
    const other = await api("/api/teams/acme/packs", globex);
    expect(other.status).toBe(404);
    expect(await (await api("/api/teams/me", acme)).json()).toEqual({ id: "acme", name: "Acme", label: "first token", role: "owner" });
    expect((await api("/api/teams/me", null)).status).toBe(401);
  });

  it("rejects an invalid upload with every problem located, and stores nothing", async () => {
    const broken = TINY.replace("weight: 1", "weight: -1").replace("level: junior", "level: principal");
    const res = await api("/api/teams/acme/packs", acme, { method: "POST", body: broken, headers: { "content-type": "application/yaml" } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "PACK_INVALID", message: "the pack has 2 problems" });
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: "upload",
          path: "questions[0].rubric[0].weight",
          line: 17,
          message: expect.stringContaining(">0"),
        }),
        expect.objectContaining({ path: "questions[0].level", line: 10 }),
      ]),
    );
    expect(await (await api("/api/teams/acme/packs", acme)).json()).toEqual([]);
    const empty = await api("/api/teams/acme/packs", acme, { method: "POST", body: "  " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("empty");
  });

  it("publishes immutable versions; private packs stay out of the lobby; sessions keep their version", async () => {
    const v1 = await api("/api/teams/acme/packs", acme, { method: "POST", body: TINY, headers: { "content-type": "text/yaml" } });
    expect(v1.status).toBe(201);
    expect(await v1.json()).toMatchObject({ key: "acme/tiny", version: 1, visibility: "private", questions: 1 });
    expect((await (await fetch(`${server.url}/api/packs`)).json()).map((p: { id: string }) => p.id)).toEqual(["mini"]);
    const c = await connectClient(server.url);
    expect(await c.send("session:start", { packId: "acme/tiny" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // The owning team may sit its own private pack to try it; another team's token does not help.
    expect(await c.send("session:start", { packId: "acme/tiny", teamToken: acme })).toMatchObject({
      ok: true,
      data: { plan: { rounds: [{ roundId: "behavioural" }] } },
    });
    expect(await c.send("session:start", { packId: "acme/tiny", teamToken: globex })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await c.send("session:start", { packId: "acme/tiny", teamToken: "mit_not-a-real-token" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    // v2 as JSON through PUT, made public: now in the lobby and startable.
    const asJson = JSON.stringify({ ...(await (await api("/api/teams/acme/packs/tiny", acme)).json()).pack, version: 99 });
    const v2 = await api("/api/teams/acme/packs/tiny?visibility=public", acme, {
      method: "PUT",
      body: asJson,
      headers: { "content-type": "application/json" },
    });
    expect(await v2.json()).toMatchObject({ key: "acme/tiny", version: 2, visibility: "public" });
    const lobby = await (await fetch(`${server.url}/api/packs`)).json();
    expect(lobby.find((p: { id: string }) => p.id === "acme/tiny")).toMatchObject({
      version: 2,
      title: "Tiny pack",
      team: { teamId: "acme", teamName: "Acme", teamSees: [...TEAM_SEES_WITHOUT_INVITE] },
    });
    // Integrity signals are recorded for invited candidates only: the lobby promises none.
    expect(lobby.find((p: { id: string }) => p.id === "acme/tiny").team.teamSees.join(" ")).not.toMatch(/integrity signals/);
    // The built-in pack is nobody's team's: a lobby tells the two apart.
    expect(lobby.find((p: { id: string }) => p.id === "mini")).toMatchObject({ team: null });
    expect((await (await fetch(`${server.url}/api/packs/acme/tiny`)).json()).team).toMatchObject({ teamName: "Acme" });
    const start = await c.request("session:start", { packId: "acme/tiny" });
    await c.waitFor("question:end");

    // v3 renames the question; the running session still sees v2.
    const v3 = await api("/api/teams/acme/packs/tiny", acme, {
      method: "PUT",
      body: TINY.replace("title: A failure you owned", "title: A failure, renamed"),
    });
    expect(await v3.json()).toMatchObject({ version: 3, visibility: "public" });
    const { snapshot } = await c.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken });
    expect(snapshot).toMatchObject({ packId: "acme/tiny", packVersion: 2, question: { title: "A failure you owned" } });
    await c.request("answer:submit", { sessionId: start.sessionId, questionId: "failure-story", submissionId: randomUUID(), text: "skip" });
    await c.waitFor("session:complete");
    expect(await server.app.service.report(start.sessionId, start.resumeToken)).toMatchObject({ packId: "acme/tiny", packVersion: 2 });
    c.close();

    const detail = await (await api("/api/teams/acme/packs/tiny?version=1", acme)).json();
    expect(detail).toMatchObject({ version: 1, source: TINY });
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    expect((await api("/api/teams/acme/packs/tiny?version=7", acme)).status).toBe(404);
  });

  it("keeps each team to its own packs", async () => {
    expect((await api("/api/teams/globex/packs/tiny", globex)).status).toBe(404);
    expect((await api("/api/teams/acme/packs/tiny", globex)).status).toBe(404);
    const own = await api("/api/teams/globex/packs", globex, { method: "POST", body: TINY });
    expect(await own.json()).toMatchObject({ key: "globex/tiny", version: 1 });
    expect((await (await api("/api/teams/globex/packs", globex)).json()).map((p: { key: string }) => p.key)).toEqual(["globex/tiny"]);
    const mismatch = await api("/api/teams/globex/packs/other", globex, { method: "PUT", body: TINY });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).error.message).toContain('"other"');
  });

  it("runs uploaded reference solutions in the sandbox and refuses a pack whose solution fails its tests", async () => {
    const wrong = readFileSync(new URL("../fixtures/upload/coding-wrong-reference.yaml", import.meta.url), "utf8");
    const res = await api("/api/teams/acme/packs", acme, { method: "POST", body: wrong });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0]).toMatchObject({ path: "questions[0].coding.referenceSolution.python", line: 30, column: 17 });
    expect(body.issues[0].message).toContain('the python reference solution fails 1 of its 2 tests: "negative"');
    const fixed = await api("/api/teams/acme/packs", acme, { method: "POST", body: wrong.replace("abs(a) + abs(b)", "a + b") });
    expect(await fixed.json()).toMatchObject({ key: "acme/sums", version: 1, warnings: [] });
  });

  it("warns on validate and on upload, as the CLI does, when check()-style test code decides the verdict", async () => {
    const checkStyle = checkStylePack().replace("id: sums", "id: sums-check");
    const checked = await (await api("/api/teams/acme/packs/validate", acme, { method: "POST", body: checkStyle })).json();
    expect(checked).toMatchObject({ valid: true, warnings: [expect.stringContaining("every test expects true")] });
    const stored = await api("/api/teams/acme/packs", acme, { method: "POST", body: checkStyle });
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({
      key: "acme/sums-check",
      warnings: [expect.stringContaining("candidate code can fake it")],
    });
  });

  it("answers validate with the same fields whether the pack is valid or not, and keeps the warnings of an invalid one", async () => {
    const validate = async (body: string) => (await api("/api/teams/acme/packs/validate", acme, { method: "POST", body })).json();
    const ok = await validate(TINY);
    const unparsable = await validate("id: x\n");
    // Verification warns about check()-style test code; a bidi control in the title makes the same pack invalid.
    const checkStyle = checkStylePack();
    const warnedValid = await validate(checkStyle);
    expect(warnedValid).toMatchObject({ valid: true, warnings: [expect.stringContaining("every test expects true")] });
    const warnedInvalid = await validate(checkStyle.replace(/^title: (.*)$/m, "title: $1 \u202e"));
    for (const body of [ok, unparsable, warnedValid, warnedInvalid]) {
      expect(Object.keys(body).sort()).toEqual(["issues", "pack", "preview", "valid", "warnings"]);
    }
    expect(unparsable).toMatchObject({ valid: false, warnings: [], pack: null, preview: [] });
    expect(warnedInvalid).toMatchObject({
      valid: false,
      issues: [expect.objectContaining({ path: "title", code: "hidden-character" })],
      warnings: warnedValid.warnings,
      pack: null,
      preview: [],
    });
  });

  it("validates drafts for the editor and previews questions without secrets", async () => {
    const ok = await (await api("/api/teams/acme/packs/validate", acme, { method: "POST", body: TINY })).json();
    expect(ok).toMatchObject({ valid: true, issues: [], preview: [{ id: "failure-story", title: "A failure you owned" }] });
    const json = JSON.stringify(ok.preview);
    for (const secret of ["evidence", "exemplars", "rubric", "probes", "went from 40"]) expect(json).not.toContain(secret);
    const bad = await (await api("/api/teams/acme/packs/validate", acme, { method: "POST", body: "id: x\n" })).json();
    expect(bad.valid).toBe(false);
    expect(bad.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["title", "rounds", "questions"]));
    // A schema error and a cross-check problem in one question come back together, each with its code.
    const both = TINY.replace("level: junior", "level: principal").replace(
      '- { label: result, terms: [result, outcome, reduced, "went from"] }',
      '- { label: result, terms: [result, outcome, reduced, "went from"] }\n          enough: 4',
    );
    const twice = await (await api("/api/teams/acme/packs/validate", acme, { method: "POST", body: both })).json();
    expect(twice.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ["questions[0].level", "schema"],
      ["questions[0].rubric[0].evidence.enough", "enough-too-large"],
    ]);
  });

  it("two authors publishing on one version: the second is PACK_VERSION_STALE, not a silent replacement (session 18 red-team F3)", async () => {
    const text = (title: string) => TINY.replace(/^id: .*$/m, "id: shared-edit").replace(/^title: .*$/m, `title: ${title}`);
    const put = (body: string, query: string) =>
      api(`/api/teams/globex/packs/shared-edit${query}`, globex, { method: "PUT", body, headers: { "content-type": "text/yaml" } });
    // A new pack on base 0; then base 0 again (someone else's "new pack" with the same id) is refused.
    const created = await api("/api/teams/globex/packs?baseVersion=0", globex, { method: "POST", body: text("First") });
    expect(created.status).toBe(201);
    const taken = await api("/api/teams/globex/packs?baseVersion=0", globex, { method: "POST", body: text("Other first") });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error).toMatchObject({ code: "PACK_VERSION_STALE", message: expect.stringContaining("already exists") });
    // A and B both opened version 1. A publishes first; B's publish on version 1 is refused and stores nothing.
    expect((await put(text("A's edit"), "?baseVersion=1")).status).toBe(201);
    const stale = await put(text("B's edit"), "?baseVersion=1");
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "PACK_VERSION_STALE", message: expect.stringContaining("at version 2 now") });
    const latest = await (await api("/api/teams/globex/packs/shared-edit", globex)).json();
    expect(latest).toMatchObject({ version: 2, title: "A's edit" });
    // On the latest version it goes through; without baseVersion (older clients, scripts) it is stored as before.
    expect((await put(text("B's edit, merged"), "?baseVersion=2")).status).toBe(201);
    expect((await put(text("script"), "")).status).toBe(201);
    // Two publishes on one base at the same moment: exactly one is stored.
    const race = await Promise.all([put(text("race one"), "?baseVersion=4"), put(text("race two"), "?baseVersion=4")]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await api("/api/teams/globex/packs/shared-edit?baseVersion=x", globex, { method: "PUT", body: text("x") })).status).toBe(400);
  });
});
