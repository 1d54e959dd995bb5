import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { routes, type RouteDef, type RouteName } from "../../server/contracts/index.js";
import { ApiError, callRoute, type CallInput, type CallOutput } from "../../client/src/call-route.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");
const STORY = "The situation: we were shipping a summariser under time pressure. The result was that we reduced bad summaries by 60%.";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()], rateLimits: null });
});
afterAll(() => server.close());

/** Every response checked against its route's schema, as the client's own helper receives it. */
const checked = new Set<RouteName>();
async function call<N extends RouteName>(name: N, input: CallInput<(typeof routes)[N]>): Promise<CallOutput<(typeof routes)[N]>> {
  const route: RouteDef = routes[name];
  const out = await callRoute(routes[name], input, { origin: server.url });
  const body = route.responseType === "csv" ? await (out as Blob).text() : out;
  const parsed = (route.response as z.ZodType).safeParse(body);
  expect(parsed.success, `${name}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
  checked.add(name);
  return out;
}

describe("the server answers every route as its contract says (through the client's helper)", () => {
  it("a candidate's routes: health, packs, report, share links, history", async () => {
    await call("health", {});
    await call("openApi", {});
    expect((await call("listPacks", {})).map((p) => p.id)).toContain("mini");
    await call("getPack", { params: { key: "mini" } });
    const c = await connectClient(server.url);
    const { sessionId, resumeToken } = await c.request("session:start", { packId: "mini", rounds: ["story"], mode: "practice" });
    await c.waitFor("question:end");
    await c.request("answer:submit", { sessionId, questionId: "failure-story", submissionId: "sub-contract-1", text: STORY });
    await c.request("session:end", { sessionId }).catch(() => undefined);
    await c.waitFor("session:complete", () => true, { timeoutMs: 20_000 });
    c.close();
    const report = await call("report", { params: { sessionId }, resumeToken });
    expect(report.sessionId).toBe(sessionId);
    // Nothing was left ungraded: nothing to do (regrade.test.ts has a question the grader gave up on).
    expect(await call("regrade", { params: { sessionId }, resumeToken })).toMatchObject({ regraded: [], notGraded: [] });
    const share = await call("createShare", { params: { sessionId }, resumeToken });
    await call("sharedReport", { params: { token: share.token } });
    await call("revokeShares", { params: { sessionId }, resumeToken });
    await call("history", { body: { sessions: [{ sessionId, resumeToken }] } });
    const criterion = report.rounds[0]!.questions[0]!.criteria[0]!;
    await call("practice", { body: { criteria: [{ kind: "behavioural", criterionId: criterion.criterionId }] } });
    // A refusal comes back as the contract's code, for the client to switch on.
    const refused = await callRoute(routes.report, { params: { sessionId }, resumeToken: "x".repeat(20) }, { origin: server.url }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: "FORBIDDEN", status: 403 });
  });

  it("a team's routes: packs, tokens, invites, signals, dashboard, CSV, authoring help", async () => {
    const { token: teamToken } = await server.app.teams.create("Contract Co");
    const team = (await call("teamMe", { teamToken })).id;
    const at = { teamToken, params: { team } };
    expect((await call("validatePack", { ...at, body: TINY })).valid).toBe(true);
    await call("publishPack", { ...at, query: { visibility: "private" }, body: TINY });
    await call("publishPackVersion", {
      teamToken,
      params: { team, packId: "tiny" },
      query: {},
      body: TINY.replace("Tiny pack", "Tiny pack v2"),
    });
    await call("teamPacks", at);
    expect((await call("teamPack", { teamToken, params: { team, packId: "tiny" }, query: { version: 1 } })).version).toBe(1);
    const issued = await call("createToken", { ...at, body: { label: "Rita", role: "reviewer" } });
    await call("tokens", at);
    const self = await call("rotateOwnToken", { teamToken: issued.token, params: { team } });
    expect(self.info.current).toBe(true);
    const rotated = await call("rotateToken", { teamToken, params: { team, tokenId: self.info.id } });
    await call("revokeToken", { teamToken, params: { team, tokenId: rotated.info.id } });
    const invite = await call("createInvite", { ...at, body: { packId: "tiny", candidateLabel: "Ada", mode: "practice" } });
    const spare = await call("createInvite", { ...at, body: { packId: "tiny", candidateLabel: "Bo" } });
    await call("invites", at);
    await call("revokeInvite", { teamToken, params: { team, inviteId: spare.id } });
    await call("describeInvite", { params: { token: invite.token } });
    const started = await call("startInvite", { params: { token: invite.token } });
    const proof = { params: { sessionId: started.sessionId }, resumeToken: started.resumeToken };
    await call("recordSignals", { ...proof, body: { events: [{ kind: "paste", chars: 120 }] } });
    expect((await call("sessionSignals", proof)).summary.pastes).toBe(1);
    await call("teamSessions", { ...at, query: { sort: "started" } });
    await call("teamSessionsCsv", { ...at, query: {} });
    await call("teamSession", { teamToken, params: { team, sessionId: started.sessionId } });
    await call("authoringCapabilities", at);
    await call("suggestTerms", {
      ...at,
      body: { criteria: [{ id: "star" }], exemplars: [{ level: "strong", answer: STORY, scores: { star: 4 } }] },
    });
  });

  it("covered most of the table (the rest need a model or finished team sessions: team-review.test.ts, regrade.test.ts)", () => {
    const rest = (Object.keys(routes) as RouteName[]).filter((n) => !checked.has(n));
    expect(rest.sort()).toEqual(["compare", "draftQuestion", "overrideScore", "teamRegrade"]);
  });
});
