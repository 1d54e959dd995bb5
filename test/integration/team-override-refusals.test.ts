import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PACKS_DIR, miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";
import { teamApi } from "../helpers/team-session.js";

/**
 * Overrides a reviewer must not be able to make: a tests score for a coding question whose tests never ran (asked,
 * never answered with code), and any score of a question the interview never reached.
 */
let server: TestServer;
let owner: string;
let sessionId: string;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()] });
  owner = (await server.app.teams.create("Acme")).token;
  // The mini pack as the team's own (stored in-process: no reference solution needs to run for this).
  await server.app.packs.publish("acme", readFileSync(`${FIXTURE_PACKS_DIR}/mini/pack.yaml`, "utf8"));
  const c = await connectClient(server.url);
  // Coding first, then the story round: ending at once leaves "retry" asked and unanswered, "failure-story" never asked.
  const started = await c.request("session:start", { packId: "acme/mini", rounds: ["code", "story"], teamToken: owner });
  sessionId = started.sessionId;
  await c.waitFor("question:end");
  await c.request("session:end", { sessionId });
  await c.waitFor("session:complete");
  c.close();
});
afterAll(() => server?.close());

const override = (questionId: string, criterionId: string) =>
  teamApi(server, `/api/teams/acme/sessions/${sessionId}/overrides`, owner, {
    method: "POST",
    json: { questionId, criterionId, score: 4, note: "The reviewer's own reading." },
  });

describe("score overrides the session gives no ground for", () => {
  it("refuses tests-passed on a coding question that was asked but never answered: its tests never ran", async () => {
    const detail = await (await teamApi(server, `/api/teams/acme/sessions/${sessionId}`, owner)).json();
    const retry = detail.report.rounds[0].questions[0];
    expect(retry).toMatchObject({ questionId: "retry", asked: true, answered: false });
    expect(retry.tests).toBeUndefined();
    const refused = await override("retry", "tests-passed");
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe("TESTS_NOT_RUN");
    expect(error.message).toMatch(/never answered with code, so its tests never ran/);
    expect(error.message).toContain('"backoff"');
    // Its rubric criteria can still be overridden (a reviewer may have heard the answer in a call).
    expect((await override("retry", "backoff")).status).toBe(201);
  });

  it("says a question was never asked, instead of listing its (empty) criteria", async () => {
    const refused = await override("failure-story", "star");
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe("QUESTION_NOT_ASKED");
    expect(error.message).toMatch(/"failure-story" was never asked in this session/);
    expect(error.message).not.toMatch(/its criteria/);
  });
});
