import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../server/contracts/index.js";
import type { Pack, Question } from "../../server/scenarios/index.js";
import { fakeModelConfig, startFakeOpenAI, type ChatRequest } from "../helpers/fake-openai.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

/**
 * `report.missingPoints: hide` over the real wire: every path that hands a candidate their
 * grading (the report route, a share link, practice feedback over socket.io, every other
 * event of the session) leaves out the key points the answer missed and any hint, level
 * description, judge's reason or exemplar; the team's review still reads it all.
 */

/** Marked text in every hidden field: finding one on a candidate's path means it travelled. */
const MISSING = ["dense passage vectors", "faithfulness metrics suite"];
const HIDDEN_TEXT = {
  description: "Zanzibar description",
  anchor: "Quokka level",
  hint: "Ocelot hint",
  exemplar: "Narwhal exemplar: chunk, embed, evaluate on a golden set.",
  judge: "Jackalope: the answer misses dense passage vectors",
};
const MARKERS = [...MISSING, ...Object.values(HIDDEN_TEXT), "embedding"];

/** The mini pack cut to its RAG question, every hidden field marked, with the report settings given. */
function markedPack(id: string, missingPoints: "show" | "hide" | undefined): Pack {
  const mini = miniPack();
  const rag = mini.questions.find((q) => q.id === "rag-basics")!;
  const anchors = (n: string) => ({ "0": `${n} 0`, "1": `${n} 1`, "2": `${n} 2`, "3": `${n} 3`, "4": `${n} 4` });
  const question: Question = {
    ...rag,
    rubric: rag.rubric.map((c) => ({
      ...c,
      description: `${HIDDEN_TEXT.description} of ${c.id}`,
      anchors: anchors(HIDDEN_TEXT.anchor),
      strongAnswerAdds: `${HIDDEN_TEXT.hint} for ${c.id}`,
      probes: [c.id === "retrieval" ? "How would you prepare the articles for search?" : "How would you know it works before rollout?"],
      evidence: {
        ...c.evidence,
        concepts:
          c.id === "retrieval"
            ? [
                { label: "chunking", terms: ["chunk"] },
                { label: MISSING[0]!, terms: ["embedding", "vector"] },
              ]
            : [
                { label: "eval set", terms: ["eval", "golden set", "test set"] },
                { label: MISSING[1]!, terms: ["precision", "recall", "faithfulness"] },
              ],
      },
    })),
    exemplars: [{ level: "strong", answer: HIDDEN_TEXT.exemplar, scores: { retrieval: 4, evaluation: 4 } }],
  };
  return {
    ...mini,
    id,
    rounds: [{ ...mini.rounds.find((r) => r.id === "design")!, questions: ["rag-basics"], pick: 1 }],
    questions: [question],
    // The exemplar setting is on: hiding the missing points hides the exemplar too.
    report: missingPoints ? { showExemplars: true, missingPoints } : { showExemplars: true, missingPoints: "show" },
  };
}

/** Chunking and an eval set stated; the other key point of each criterion missing. */
const PARTIAL =
  "Chunk each article by its headings and answer from the top five passages. Before rollout I would build a golden set of real support questions.";

const judgeReply = (req: ChatRequest) =>
  req.stream
    ? { stream: ["Tell ", "me ", "more ", "about ", "that."] }
    : {
        content: JSON.stringify({
          criteria: [
            { criterionId: "retrieval", score: 2, rationale: HIDDEN_TEXT.judge, quote: "" },
            { criterionId: "evaluation", score: 2, rationale: `${HIDDEN_TEXT.judge} and a faithfulness metrics suite`, quote: "" },
          ],
        }),
      };

let server: TestServer;
let closeFake: () => Promise<void>;
let acme: string;
let c: TestClient;
beforeAll(async () => {
  const fake = await startFakeOpenAI(judgeReply);
  closeFake = fake.close;
  server = await startTestServer({
    packs: [markedPack("keeps-key", "hide"), markedPack("names-key", "show")],
    sandbox: null,
    model: fakeModelConfig(fake.baseURL, { prices: {} }),
  });
  acme = (await server.app.teams.create("Acme")).token;
  c = await connectClient(server.url);
});
afterAll(async () => {
  c.close();
  await server.close();
  await closeFake();
});

const team = (path: string, init: { method?: string; body?: string; json?: unknown } = {}) =>
  fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${acme}`, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
  });

type Sat = { sessionId: string; resumeToken: string };

/** Answer the main question with PARTIAL and "skip" any follow-up, until the session completes. */
async function sit(start: Sat): Promise<Sat> {
  let afterSeq = 0;
  for (;;) {
    const next = await Promise.race([
      c.waitFor("question:end", (p) => p.sessionId === start.sessionId, { afterSeq }),
      c.waitFor("session:complete", (p) => p.sessionId === start.sessionId, { afterSeq }),
    ]);
    if (next.name === "session:complete") return start;
    afterSeq = next.payload.seq;
    const questionId = next.payload.questionId as string;
    const text = questionId.includes("~") ? "skip" : PARTIAL;
    await c.request("answer:submit", { sessionId: start.sessionId, questionId, submissionId: randomUUID(), text });
  }
}

async function sitBuiltin(packId: string): Promise<Sat> {
  const start = await c.request("session:start", { packId, mode: "practice" });
  return sit({ sessionId: start.sessionId, resumeToken: start.resumeToken });
}

/** Invite a candidate to a team pack in practice mode and sit it from the link. */
async function sitInvite(packId: string): Promise<Sat> {
  const res = await team("/api/teams/acme/invites", { method: "POST", json: { packId, candidateLabel: "Candidate", mode: "practice" } });
  expect(res.status).toBe(201);
  const invite = (await res.json()) as { token: string };
  const started = await fetch(`${server.url}/api/invites/${invite.token}/start`, { method: "POST" });
  expect(started.status).toBe(201);
  const s = (await started.json()) as Sat;
  await c.request("session:resume", { sessionId: s.sessionId, resumeToken: s.resumeToken, lastSeq: 0 });
  return sit(s);
}

const candidateReport = (s: Sat) =>
  fetch(`${server.url}/api/sessions/${s.sessionId}/report`, { headers: { "X-Resume-Token": s.resumeToken } });

async function sharedReport(s: Sat): Promise<Response> {
  const res = await fetch(`${server.url}/api/sessions/${s.sessionId}/share`, {
    method: "POST",
    headers: { "X-Resume-Token": s.resumeToken },
  });
  expect(res.status).toBe(201);
  return fetch(`${server.url}/api/shared/${((await res.json()) as { token: string }).token}`);
}

function expectNoMarker(label: string, text: string): void {
  for (const marker of MARKERS) expect(text.toLowerCase().includes(marker.toLowerCase()), `${label} carries "${marker}"`).toBe(false);
}

const criteriaOf = (report: Report) => report.rounds.flatMap((r) => r.questions).flatMap((q) => q.criteria);

describe("report.missingPoints: hide, on every path to the candidate", () => {
  let hidden: Sat;
  let shown: Sat;
  beforeAll(async () => {
    hidden = await sitBuiltin("keeps-key");
    shown = await sitBuiltin("names-key");
  });

  it("the report route and a share link name only the key points stated; scores stand", async () => {
    const res = await candidateReport(hidden);
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoMarker("report", text);
    const report = JSON.parse(text) as Report;
    expect(report.missingPoints).toBe("hide");
    const question = report.rounds[0]!.questions[0]!;
    expect(question.exemplar).toBeUndefined();
    const byId = Object.fromEntries(question.criteria.map((x) => [x.criterionId, x]));
    expect(byId.retrieval!.feedback).toMatch(/^Key points your answer stated: chunking\. Level \d of 4\.$/);
    expect(byId.evaluation!.feedback).toMatch(/^Key points your answer stated: eval set\. Level \d of 4\.$/);
    // The candidate's own quotes, the scores and the judge's score stay; its reason and the hint go.
    expect(byId.retrieval!.evidence.map((e) => e.note)).toEqual(["chunking"]);
    expect(question.criteria.every((x) => x.judgeScore !== undefined && x.judgeRationale === undefined && !x.strongAnswerAdds)).toBe(true);
    const named = (await (await candidateReport(shown)).json()) as Report;
    expect(criteriaOf(report).map((x) => x.score)).toEqual(criteriaOf(named).map((x) => x.score));
    expect(report.overall).toBe(named.overall);

    const shared = await sharedReport(hidden);
    expect(shared.status).toBe(200);
    expect(await shared.text()).toBe(text);
  });

  it("practice feedback over socket.io, and every other event and snapshot of the session, carry none of it", async () => {
    const events = c.received.filter((e) => e.payload.sessionId === hidden.sessionId);
    const feedback = events.find((e) => e.name === "feedback")!;
    expect(feedback).toBeDefined();
    // The weakest criterion (equal scores: the heavier one), by its public title only.
    expect(feedback.payload.tip).toBe("Next time, say more about evaluation plan.");
    expect((feedback.payload.criteria as { feedback: string }[]).map((x) => x.feedback)).toEqual([
      expect.stringMatching(/^Key points your answer stated: chunking\./),
      expect.stringMatching(/^Key points your answer stated: eval set\./),
    ]);
    for (const e of events) expectNoMarker(e.name, JSON.stringify(e.payload));
    const { snapshot } = await c.request("session:resume", { sessionId: hidden.sessionId, resumeToken: hidden.resumeToken });
    expectNoMarker("snapshot", JSON.stringify(snapshot));
  });

  it("with show (the default), the same answers are told what they missed: the markers are real", async () => {
    const text = await (await candidateReport(shown)).text();
    const report = JSON.parse(text) as Report;
    expect(report.missingPoints).toBeUndefined();
    expect(text).toContain(`Not shown: ${MISSING[0]}.`);
    for (const marker of [HIDDEN_TEXT.anchor, HIDDEN_TEXT.hint, HIDDEN_TEXT.exemplar, HIDDEN_TEXT.judge]) expect(text).toContain(marker);
    const feedback = c.received.find((e) => e.name === "feedback" && e.payload.sessionId === shown.sessionId)!;
    expect(JSON.stringify(feedback.payload)).toContain(`Not shown: ${MISSING[0]}.`);
    expect(feedback.payload.tip).toContain(HIDDEN_TEXT.hint);
  });
});

describe("a team pack that hides missing points", () => {
  it("hides them from its invited candidate while the team's review reads the whole report", async () => {
    const upload = await team("/api/teams/acme/packs", { method: "POST", body: JSON.stringify(markedPack("secret", "hide")) });
    expect(upload.status).toBe(201);
    const s = await sitInvite("secret");
    const mine = await (await candidateReport(s)).text();
    expectNoMarker("invited candidate's report", mine);
    const review = await team(`/api/teams/acme/sessions/${s.sessionId}`);
    expect(review.status).toBe(200);
    const full = (await review.json()) as { report: Report };
    const text = JSON.stringify(full.report);
    expect(full.report.missingPoints).toBeUndefined();
    expect(text).toContain(`Not shown: ${MISSING[0]}.`);
    for (const marker of [HIDDEN_TEXT.anchor, HIDDEN_TEXT.hint, HIDDEN_TEXT.judge]) expect(text).toContain(marker);
    expect(criteriaOf(full.report).map((x) => x.score)).toEqual(criteriaOf(JSON.parse(mine) as Report).map((x) => x.score));
  });

  it("turned on in a later version, it closes the reports already written, share links included", async () => {
    expect((await team("/api/teams/acme/packs", { method: "POST", body: JSON.stringify(markedPack("flip", "show")) })).status).toBe(201);
    const s = await sitInvite("flip");
    expect(await (await candidateReport(s)).text()).toContain(`Not shown: ${MISSING[0]}.`);
    const v2 = await team("/api/teams/acme/packs/flip", { method: "PUT", body: JSON.stringify(markedPack("flip", "hide")) });
    expect(v2.status).toBe(201);
    expectNoMarker("report after v2", await (await candidateReport(s)).text());
    expectNoMarker("share link after v2", await (await sharedReport(s)).text());
  });
});
