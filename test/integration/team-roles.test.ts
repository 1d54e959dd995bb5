import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes, type TokenRole } from "../../server/contracts/index.js";
import { TeamError } from "../../server/teams/index.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { sitInvite, teamApi } from "../helpers/team-session.js";

/**
 * Team token roles with the real app: each route class, each role, allowed and refused. The matrix below is the
 * specification written by hand (docs/protocol.md "Team roles"); the route table must agree with it, and the
 * server must answer by it.
 */
const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
const ROLES: TokenRole[] = ["owner", "editor", "reviewer", "viewer"];
/** Labels name people: a label holding a role word is refused (LABEL_ROLE_WORD). */
const PERSON: Record<TokenRole, string> = { owner: "Olga One", editor: "Eddie One", reviewer: "Ruth One", viewer: "Vera One" };
const ALL = ROLES;
const AUTHORS: TokenRole[] = ["owner", "editor"];
const REVIEWERS: TokenRole[] = ["owner", "reviewer"];
const OWNERS: TokenRole[] = ["owner"];

const MATRIX: Record<string, TokenRole[]> = {
  teamMe: ALL,
  teamPacks: ALL,
  teamPack: ALL,
  validatePack: AUTHORS,
  publishPack: AUTHORS,
  publishPackVersion: AUTHORS,
  authoringCapabilities: ALL,
  suggestTerms: AUTHORS,
  draftQuestion: AUTHORS,
  invites: ALL,
  createInvite: AUTHORS,
  revokeInvite: AUTHORS,
  teamSessions: ALL,
  teamSession: ALL,
  compare: ALL,
  teamSessionsCsv: REVIEWERS,
  overrideScore: REVIEWERS,
  teamRegrade: REVIEWERS,
  tokens: OWNERS,
  createToken: OWNERS,
  rotateOwnToken: ALL,
  rotateToken: OWNERS,
  revokeToken: OWNERS,
};

let server: TestServer;
const token: Record<TokenRole, string> = { owner: "", editor: "", reviewer: "", viewer: "" };
const spare: Record<string, string> = {};
const openInvite: Record<string, string> = {};
let sessions: string[] = [];
let criterion: { questionId: string; criterionId: string; score: number };
const api = (path: string, t: string | null, init?: Parameters<typeof teamApi>[3]) => teamApi(server, path, t, init);

beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()] });
  token.owner = (await server.app.teams.create("Acme")).token;
  const published = await fetch(`${server.url}/api/teams/acme/packs`, {
    method: "POST",
    body: TINY,
    headers: { authorization: `Bearer ${token.owner}` },
  });
  expect(published.status).toBe(201);
  for (const role of ["editor", "reviewer", "viewer"] as const) {
    const issued = await api("/api/teams/acme/tokens", token.owner, { method: "POST", json: { label: PERSON[role], role } });
    expect(issued.status).toBe(201);
    token[role] = (await issued.json()).token;
  }
  // Targets the owner's token rotates and revokes; invites each author withdraws.
  for (const label of ["to rotate", "to revoke"]) spare[label] = (await server.app.teams.createToken("acme", label, "viewer")).row.id;
  const strong =
    "The context: we were shipping a search feature and a bad index took it down for an hour. I decided to roll back, then I wrote a canary check. The outcome: failed searches went from 300 a day to 5.";
  sessions = [
    (await sitInvite(server, token.owner, "Ada", strong)).sessionId,
    (await sitInvite(server, token.editor, "Bob", strong)).sessionId,
  ];
  for (const role of AUTHORS) {
    const created = await api("/api/teams/acme/invites", token.owner, {
      method: "POST",
      json: { packId: "tiny", candidateLabel: `to withdraw by ${role}` },
    });
    openInvite[role] = (await created.json()).id;
  }
  const detail = await (await api(`/api/teams/acme/sessions/${sessions[0]}`, token.owner)).json();
  const q = detail.report.rounds[0].questions[0];
  criterion = { questionId: q.questionId, criterionId: q.criteria[0].criterionId, score: q.criteria[0].score };
});
afterAll(() => server.close());

/** One request per route and role; an allowed one is a valid request, so it answers with its success status. */
function requestFor(name: string, role: TokenRole): { method: string; path: string; json?: unknown; text?: string; ok: number } {
  const at = "/api/teams/acme";
  switch (name) {
    case "teamMe":
      return { method: "GET", path: "/api/teams/me", ok: 200 };
    case "teamPacks":
      return { method: "GET", path: `${at}/packs`, ok: 200 };
    case "teamPack":
      return { method: "GET", path: `${at}/packs/tiny`, ok: 200 };
    case "validatePack":
      return { method: "POST", path: `${at}/packs/validate`, text: TINY, ok: 200 };
    case "publishPack":
      return { method: "POST", path: `${at}/packs`, text: TINY.replace("id: tiny", `id: tiny-${role}`), ok: 201 };
    case "publishPackVersion":
      return { method: "PUT", path: `${at}/packs/tiny`, text: TINY.replace("Tiny pack", `Tiny pack by ${role}`), ok: 201 };
    case "authoringCapabilities":
      return { method: "GET", path: `${at}/authoring/capabilities`, ok: 200 };
    case "suggestTerms":
      return { method: "POST", path: `${at}/authoring/suggest-terms`, json: { criteria: [{ id: "a" }], exemplars: [] }, ok: 200 };
    case "draftQuestion":
      // No model on this server: an allowed role gets past the role check to MODEL_NOT_CONFIGURED.
      return {
        method: "POST",
        path: `${at}/authoring/draft-question`,
        json: { role: "x".repeat(30), kind: "behavioural", level: "mid" },
        ok: 503,
      };
    case "invites":
      return { method: "GET", path: `${at}/invites`, ok: 200 };
    case "createInvite":
      return { method: "POST", path: `${at}/invites`, json: { packId: "tiny", candidateLabel: `Cand ${role}` }, ok: 201 };
    case "revokeInvite":
      return { method: "DELETE", path: `${at}/invites/${openInvite[role] ?? "inv_none"}`, ok: 200 };
    case "teamSessions":
      return { method: "GET", path: `${at}/sessions`, ok: 200 };
    case "teamSession":
      return { method: "GET", path: `${at}/sessions/${sessions[0]}`, ok: 200 };
    case "compare":
      return { method: "GET", path: `${at}/compare?sessions=${sessions.join(",")}`, ok: 200 };
    case "teamSessionsCsv":
      return { method: "GET", path: `${at}/sessions.csv`, ok: 200 };
    case "overrideScore": {
      // Each allowed role moves the score to a value it does not hold yet.
      const score = (criterion.score + (role === "owner" ? 1 : 2)) % 5;
      const json = { questionId: criterion.questionId, criterionId: criterion.criterionId, score, note: `by ${role}` };
      return { method: "POST", path: `${at}/sessions/${sessions[1]}/overrides`, json, ok: 201 };
    }
    case "teamRegrade":
      // A finished session with nothing left ungraded: the regrade changes nothing and says so.
      return { method: "POST", path: `${at}/sessions/${sessions[0]}/regrade`, ok: 200 };
    case "tokens":
      return { method: "GET", path: `${at}/tokens`, ok: 200 };
    case "createToken":
      return { method: "POST", path: `${at}/tokens`, json: { label: `made by ${PERSON[role]}`, role: "viewer" }, ok: 201 };
    case "rotateOwnToken":
      return { method: "POST", path: `${at}/tokens/current/rotate`, ok: 201 };
    case "rotateToken":
      return { method: "POST", path: `${at}/tokens/${spare["to rotate"]}/rotate`, ok: 201 };
    case "revokeToken":
      return { method: "DELETE", path: `${at}/tokens/${spare["to revoke"]}`, ok: 200 };
  }
  throw new Error(`no request for ${name}`);
}

describe("team token roles", () => {
  it("the route table gives every team route the roles of the written matrix", () => {
    const table = Object.entries(routes)
      .filter(([, r]) => r.auth === "teamToken")
      .map(([name, r]) => [name, [...(r as { roles?: readonly TokenRole[] }).roles!]]);
    expect(Object.fromEntries(table)).toEqual(MATRIX);
  });

  // Refused roles first, so a refused request can never have used up what the allowed one needs.
  const cells = Object.entries(MATRIX).flatMap(([name, allowed]) =>
    [...ROLES]
      .sort((a, b) => Number(allowed.includes(a)) - Number(allowed.includes(b)))
      .map((role) => [name, role, allowed.includes(role)] as const),
  );
  it.each(cells)("%s as %s (allowed: %s)", async (name, role, allowed) => {
    const r = requestFor(name, role);
    const res = await fetch(`${server.url}${r.path}`, {
      method: r.method,
      headers: {
        authorization: `Bearer ${token[role]}`,
        ...(r.json !== undefined
          ? { "content-type": "application/json" }
          : r.text !== undefined
            ? { "content-type": "application/yaml" }
            : {}),
      },
      ...(r.json !== undefined ? { body: JSON.stringify(r.json) } : r.text !== undefined ? { body: r.text } : {}),
    });
    const body = res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text();
    if (allowed) {
      expect(res.status, JSON.stringify(body)).toBe(r.ok);
      // A token that rotated itself goes on with its new secret (the old one stopped working).
      if (name === "rotateOwnToken") token[role] = body.token;
    } else {
      expect(res.status).toBe(403);
      expect(body.error.code).toBe("FORBIDDEN_ROLE");
      // The message names the role needed and the role the token has.
      expect(body.error.message).toContain(`needs the ${MATRIX[name]!.length === 1 ? "owner" : MATRIX[name]!.join(" or ")} role`);
      expect(body.error.message).toContain(`is ${role === "editor" ? "an" : "a"} ${role}`);
    }
  });

  it("a refused role is answered before its body is read (a reviewer's 3 MB upload is 403, not 413)", async () => {
    const huge = `id: x\n# ${"x".repeat(3_000_000)}`;
    const res = await fetch(`${server.url}/api/teams/acme/packs`, {
      method: "POST",
      body: huge,
      headers: { authorization: `Bearer ${token.reviewer}`, "content-type": "application/yaml" },
    });
    expect(res.status).toBe(403);
    const owner = await fetch(`${server.url}/api/teams/acme/packs`, {
      method: "POST",
      body: huge,
      headers: { authorization: `Bearer ${token.owner}`, "content-type": "application/yaml" },
    });
    expect(owner.status).toBe(413);
  });

  it("GET /api/teams/me says the token's label and role (the client hides what the role cannot do)", async () => {
    expect(await (await api("/api/teams/me", token.reviewer)).json()).toEqual({
      id: "acme",
      name: "Acme",
      label: PERSON.reviewer,
      role: "reviewer",
    });
  });

  it("the audit trail records the label and role of the token that overrode", async () => {
    const detail = await (await api(`/api/teams/acme/sessions/${sessions[1]}`, token.viewer)).json();
    expect(detail.audit.map((a: { by: string; role: string; note: string }) => [a.by, a.role, a.note])).toEqual([
      ["first token", "owner", "by owner"],
      [PERSON.reviewer, "reviewer", "by reviewer"],
    ]);
  });

  it("a token cannot grant a role above its own; a grant it may make goes through", async () => {
    let grants = 0;
    const grant = (role: TokenRole, granter: TokenRole) =>
      server.app.teams.createToken("acme", `grant number ${++grants}`, role, {
        tokenId: "tok_granter",
        label: "granter",
        role: granter,
      });
    await expect(grant("owner", "editor")).rejects.toMatchObject({
      code: "FORBIDDEN_ROLE",
      message: expect.stringContaining("cannot grant the owner role"),
    });
    await expect(grant("reviewer", "editor")).rejects.toBeInstanceOf(TeamError);
    await expect(grant("editor", "reviewer")).rejects.toBeInstanceOf(TeamError);
    await expect(grant("editor", "viewer")).rejects.toBeInstanceOf(TeamError);
    expect((await grant("viewer", "editor")).row.role).toBe("viewer");
    expect((await grant("reviewer", "owner")).row.role).toBe("reviewer");
  });

  it("any token rotates its own secret; only an owner rotates another's, and the audit trail says who rotated whose", async () => {
    const team = await server.app.teams.create("Hooli");
    const owner = team.token;
    const mint = async (label: string, role: TokenRole) =>
      (await api("/api/teams/hooli/tokens", owner, { method: "POST", json: { label, role } })).json();
    const reviewer = await mint("Rita", "reviewer");
    const viewer = await mint("Vic", "viewer");

    // A reviewer rotates its own leaked token: the old secret stops, the new one works, its role and label stay.
    const own = await api("/api/teams/hooli/tokens/current/rotate", reviewer.token, { method: "POST" });
    expect(own.status).toBe(201);
    const rotated = await own.json();
    expect(rotated.info).toMatchObject({ label: "Rita", role: "reviewer", current: true, revokedAt: null });
    expect(rotated.info.audit).toEqual([
      {
        action: "issued",
        at: expect.any(Number),
        by: { tokenId: reviewer.info.id, label: "Rita", role: "reviewer" },
        replacedBy: null,
        replaces: reviewer.info.id,
      },
    ]);
    expect((await api("/api/teams/me", reviewer.token)).status).toBe(401);
    expect((await (await api("/api/teams/me", rotated.token)).json()).label).toBe("Rita");

    // Not someone else's: a reviewer naming the viewer's token is refused, and the viewer's token still works.
    const other = await api(`/api/teams/hooli/tokens/${viewer.info.id}/rotate`, rotated.token, { method: "POST" });
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe("FORBIDDEN_ROLE");
    expect((await api("/api/teams/me", viewer.token)).status).toBe(200);

    // The owner rotates the viewer's token; the trail records who rotated whose, linking old and new.
    const byOwner = await (await api(`/api/teams/hooli/tokens/${viewer.info.id}/rotate`, owner, { method: "POST" })).json();
    const list: { id: string; label: string; audit: { action: string; by: { label: string; role: string } | null }[] }[] = await (
      await api("/api/teams/hooli/tokens", owner)
    ).json();
    const trail = (id: string) => list.find((t) => t.id === id)!.audit;
    const ownerId = list.find((t) => t.label === "first token")!.id;
    expect(trail(viewer.info.id)).toEqual([
      expect.objectContaining({ action: "issued", by: { tokenId: ownerId, label: "first token", role: "owner" } }),
      expect.objectContaining({
        action: "rotated",
        by: { tokenId: ownerId, label: "first token", role: "owner" },
        replacedBy: byOwner.info.id,
      }),
    ]);
    expect(trail(byOwner.info.id)).toEqual([
      expect.objectContaining({
        action: "issued",
        by: { tokenId: ownerId, label: "first token", role: "owner" },
        replaces: viewer.info.id,
      }),
    ]);
    // Rita's old token: rotated by Rita herself. The bootstrap token: issued at the CLI (no token).
    expect(trail(reviewer.info.id).at(-1)).toMatchObject({ action: "rotated", by: { label: "Rita" }, replacedBy: rotated.info.id });
    expect(trail(ownerId)).toEqual([expect.objectContaining({ action: "issued", by: null })]);

    // Revoking is recorded too; a revoked token cannot be rotated.
    await api(`/api/teams/hooli/tokens/${rotated.info.id}`, owner, { method: "DELETE" });
    const after: typeof list = await (await api("/api/teams/hooli/tokens", owner)).json();
    expect(after.find((t) => t.id === rotated.info.id)!.audit.at(-1)).toMatchObject({ action: "revoked", by: { label: "first token" } });
    const again = await api(`/api/teams/hooli/tokens/${rotated.info.id}/rotate`, owner, { method: "POST" });
    expect((await again.json()).error.code).toBe("TOKEN_REVOKED");
  });

  it("two rotations of one token at once: one wins, the other is TOKEN_REVOKED, and one successor exists", async () => {
    const team = await server.app.teams.create("Pied Piper");
    const target = (await server.app.teams.createToken("pied-piper", "Gil", "viewer")).row;
    const results = await Promise.allSettled([
      server.app.teams.rotateToken("pied-piper", target.id),
      server.app.teams.rotateToken("pied-piper", target.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "TOKEN_REVOKED" } });
    const live = (await server.app.teams.tokens("pied-piper")).filter((t) => t.label === "Gil" && t.revoked_at === null);
    expect(live).toHaveLength(1);
    expect(team.team.id).toBe("pied-piper");
  });

  it("revoking a token its holder has rotated stops the successor, whether the rotation came first or at the same moment", async () => {
    await server.app.teams.create("Hooli Two");
    const auth = async (secret: string) => (await server.app.teams.authenticate(secret)) !== undefined;
    // Rotated first: the owner still knows the old id; revoking it stops the new secret, and says which token it was.
    const alice = (await server.app.teams.createToken("hooli-two", "Alice", "reviewer")).row;
    const rotated = await server.app.teams.rotateToken("hooli-two", alice.id, { tokenId: alice.id, label: "Alice", role: "reviewer" });
    expect(await auth(rotated.token)).toBe(true);
    const revoked = await server.app.teams.revokeToken("hooli-two", alice.id);
    expect(revoked).toMatchObject({ id: rotated.row.id, label: "Alice" });
    expect(await auth(rotated.token)).toBe(false);
    // Nothing live is left under that id: the same revoke again says so.
    await expect(server.app.teams.revokeToken("hooli-two", alice.id)).rejects.toMatchObject({ code: "TOKEN_REVOKED" });
    // At the same moment: whichever commits first, no secret of Bob's is live afterwards.
    const bob = (await server.app.teams.createToken("hooli-two", "Bob", "viewer")).row;
    const [rotation, revoke] = await Promise.allSettled([
      server.app.teams.rotateToken("hooli-two", bob.id, { tokenId: bob.id, label: "Bob", role: "viewer" }),
      server.app.teams.revokeToken("hooli-two", bob.id),
    ]);
    expect(revoke.status).toBe("fulfilled");
    if (rotation.status === "fulfilled") expect(await auth(rotation.value.token)).toBe(false);
    expect((await server.app.teams.tokens("hooli-two")).filter((t) => t.label === "Bob" && t.revoked_at === null)).toEqual([]);
  });

  it("only the last live owner token is kept: owners revoke other owners, never the last; others cannot revoke owners", async () => {
    const team = await server.app.teams.create("Initech");
    const owners = async () => (await server.app.teams.tokens("initech")).filter((t) => t.role === "owner" && t.revoked_at === null);
    const [first] = await owners();
    const second = await (
      await api("/api/teams/initech/tokens", team.token, { method: "POST", json: { label: "Olga Two", role: "owner" } })
    ).json();
    const reviewer = await (
      await api("/api/teams/initech/tokens", team.token, { method: "POST", json: { label: "rev", role: "reviewer" } })
    ).json();
    // A reviewer cannot revoke an owner (or anyone).
    const refused = await api(`/api/teams/initech/tokens/${first!.id}`, reviewer.token, { method: "DELETE" });
    expect((await refused.json()).error.code).toBe("FORBIDDEN_ROLE");
    // The second owner revokes the first; it is then the last owner, kept although a reviewer token is live.
    expect((await api(`/api/teams/initech/tokens/${first!.id}`, second.token, { method: "DELETE" })).status).toBe(200);
    const last = await api(`/api/teams/initech/tokens/${second.info.id}`, second.token, { method: "DELETE" });
    expect(last.status).toBe(409);
    expect((await last.json()).error).toMatchObject({ code: "LAST_TOKEN", message: expect.stringContaining("last live owner token") });
    // The reviewer's token is not an owner: revoking it is fine.
    expect((await api(`/api/teams/initech/tokens/${reviewer.info.id}`, second.token, { method: "DELETE" })).status).toBe(200);
    expect((await owners()).map((t) => t.label)).toEqual(["Olga Two"]);
  });

  it("two owners revoking each other at the same moment leave one owner (check and revoke are one transaction)", async () => {
    const team = await server.app.teams.create("Globex");
    const [first] = (await server.app.teams.tokens("globex")).filter((t) => t.role === "owner");
    const second = await (
      await api("/api/teams/globex/tokens", team.token, { method: "POST", json: { label: "Olga Two", role: "owner" } })
    ).json();
    const results = await Promise.all([
      api(`/api/teams/globex/tokens/${second.info.id}`, team.token, { method: "DELETE" }),
      api(`/api/teams/globex/tokens/${first!.id}`, second.token, { method: "DELETE" }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // One goes through; the other finds its caller revoked (401) or its target the last owner (409).
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const live = (await server.app.teams.tokens("globex")).filter((t) => t.role === "owner" && t.revoked_at === null);
    expect(live).toHaveLength(1);
  });
});

describe("look-alike labels", () => {
  const createToken = (label: string) => api("/api/teams/acme/tokens", token.owner, { method: "POST", json: { label, role: "viewer" } });

  it("refuses a label that mixes Latin with Cyrillic or Greek in one word, naming the code point", async () => {
    for (const [label, code] of [
      ["r\u0435v1", "U+0435"],
      ["\u0410lice", "U+0410"],
      ["r\u03BFot", "U+03BF"],
    ]) {
      const res = await createToken(label!);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "BAD_PAYLOAD", message: expect.stringContaining(code!) });
    }
    // Team names and candidate labels too.
    await expect(server.app.teams.create("\u0410cme Labs")).rejects.toMatchObject({
      code: "BAD_PAYLOAD",
      message: expect.stringContaining("U+0410"),
    });
    const candidate = await api("/api/teams/acme/invites", token.owner, {
      method: "POST",
      json: { packId: "tiny", candidateLabel: "Iv\u0430n" },
    });
    expect((await candidate.json()).error.message).toContain("U+0430");
  });

  it("keeps whole-Cyrillic and whole-Greek words (real names), and Latin next to Cyrillic in separate words", async () => {
    for (const label of ["Пётр Иванов", "Αλέξανδρος", "Ivan Петров", "Zoë O'Brien"])
      expect((await createToken(label)).status, label).toBe(201);
  });

  it("refuses a token label confusable with a live one, naming both; a revoked one frees its look-alikes", async () => {
    expect((await createToken("Pope")).status).toBe(201);
    const cyrillic = await createToken("\u0420\u043E\u0440\u0435");
    expect(cyrillic.status).toBe(409);
    expect((await cyrillic.json()).error).toMatchObject({ code: "LABEL_CONFUSABLE", message: expect.stringContaining('"Pope"') });
    expect((await createToken("rev1")).status).toBe(201);
    const ell = await createToken("revl");
    expect((await ell.json()).error.code).toBe("LABEL_CONFUSABLE");
    // Different enough: no clash.
    expect((await createToken("rev2")).status).toBe(201);
    const rev1 = (await server.app.teams.tokens("acme")).find((t) => t.label === "rev1" && t.revoked_at === null)!;
    await server.app.teams.revokeToken("acme", rev1.id);
    expect((await createToken("revl")).status).toBe(201);
  });

  it("refuses a candidate label confusable with an earlier invite's; the same label again is the same person", async () => {
    const invite = (candidateLabel: string) =>
      api("/api/teams/acme/invites", token.editor, { method: "POST", json: { packId: "tiny", candidateLabel } });
    expect((await invite("Ivan Smith")).status).toBe(201);
    expect((await invite("Ivan Smith")).status).toBe(201);
    const ell = await invite("lvan Smith");
    expect(ell.status).toBe(409);
    expect((await ell.json()).error).toMatchObject({ code: "LABEL_CONFUSABLE", message: expect.stringContaining('"Ivan Smith"') });
    // A combining mark with no letter before it is refused by name; one riding on a letter does not make another person.
    expect((await invite("Alice Smith")).status).toBe(201);
    const leading = await invite("\u0301Alice Smith");
    expect(leading.status).toBe(400);
    expect((await leading.json()).error).toMatchObject({ code: "BAD_PAYLOAD", message: expect.stringMatching(/combining mark.*U\+0301/) });
    for (const marked of ["Ali\u0307ce Smith", "Alice\u0332 Smith", "\u00C1lice Smith"]) {
      const res = await invite(marked);
      expect(res.status, JSON.stringify(marked)).toBe(409);
      expect((await res.json()).error).toMatchObject({ code: "LABEL_CONFUSABLE", message: expect.stringContaining('"Alice Smith"') });
    }
    expect((await createToken("\u0301owner")).status).toBe(400);
  });

  it("labels differing only in spaces read the same: LABEL_TAKEN for tokens, one person for invites", async () => {
    expect((await createToken("Sam Lee")).status).toBe(201);
    for (const spaced of ["Sam  Lee", "Sam   Lee", "Sam\u00A0Lee", "Sam\u2009\u3000Lee"]) {
      const res = await createToken(spaced);
      expect(res.status, JSON.stringify(spaced)).toBe(409);
      expect((await res.json()).error.code).toBe("LABEL_TAKEN");
    }
    const invite = (candidateLabel: string) =>
      api("/api/teams/acme/invites", token.editor, { method: "POST", json: { packId: "tiny", candidateLabel } });
    const same = await invite("Ivan  Smith");
    expect(same.status).toBe(201);
    expect((await same.json()).candidateLabel).toBe("Ivan Smith");
    expect((await invite("lvan   Smith")).status).toBe(409);
  });

  it("refuses a label holding a role word (any case, look-alikes folded) with 400 LABEL_ROLE_WORD naming it (finding F8)", async () => {
    for (const [label, word] of [
      ["Dana (owner)", "owner"],
      ["Admin Dana", "Admin"],
      ["reviewer: Bob", "reviewer"],
      ["0WNER Dana", "0WNER"],
    ]) {
      const res = await createToken(label!);
      expect(res.status, label).toBe(400);
      expect((await res.json()).error, label).toMatchObject({ code: "LABEL_ROLE_WORD", message: expect.stringContaining(`"${word}"`) });
    }
    expect((await createToken("Sysadmin Dana")).status).toBe(201);
  });

  it("refuses look-alike letters of every script in a word, and phonetic small capitals; whole words of one script pass", async () => {
    expect((await createToken("towner x")).status).toBe(201);
    for (const [label, code] of [
      ["t\u0585wner x", "U+0585"],
      ["t\u2C9Fwner x", "U+2C9F"],
      ["t\u13BEwner x", "U+13BE"],
      ["town\u1D07r x", "U+1D07"],
    ]) {
      const res = await createToken(label!);
      expect(res.status, label).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "BAD_PAYLOAD", message: expect.stringContaining(code!) });
    }
    for (const label of ["\u0540\u0561\u0575\u0561\u057D\u057F\u0561\u0576", "\u6771\u4EAC\u30BF\u30EF\u30FC", "\u5C71\u7530 Taro"])
      expect((await createToken(label)).status, label).toBe(201);
    // A whole-Armenian look-alike of a live label.
    expect((await createToken("go")).status).toBe(201);
    expect((await (await createToken("\u0581\u0585")).json()).error.code).toBe("LABEL_CONFUSABLE");
  });

  it("an override note and a pack title may not hold bidi controls (named by code point); honest text passes", async () => {
    const override = (note: string) =>
      api(`/api/teams/acme/sessions/${sessions[0]}/overrides`, token.reviewer, {
        method: "POST",
        json: { questionId: criterion.questionId, criterionId: criterion.criterionId, score: (criterion.score + 3) % 5, note },
      });
    const evil = await override("\u202Eevil\u202C note");
    expect(evil.status).toBe(400);
    expect((await evil.json()).error).toMatchObject({ code: "BAD_PAYLOAD", message: expect.stringContaining("U+202E") });
    expect((await override("fair call\nsee line 2")).status).toBe(201);
    const title = await fetch(`${server.url}/api/teams/acme/packs`, {
      method: "POST",
      body: TINY.replace("id: tiny", "id: tiny-bidi").replace("Tiny pack", "Tiny \u202Ekcap"),
      headers: { authorization: `Bearer ${token.owner}` },
    });
    expect(title.status).toBe(400);
    const refused = await title.json();
    expect(refused.error.code).toBe("PACK_INVALID");
    expect(refused.issues[0]).toMatchObject({ path: "title", code: "hidden-character", message: expect.stringContaining("U+202E") });
  });
});
