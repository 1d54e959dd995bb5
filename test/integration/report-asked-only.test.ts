import { afterEach, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

let server: TestServer;
afterEach(() => server?.close());

describe("a report shows only what was asked", () => {
  it("a session ended at once reveals no prompt or hint of a question it never reached", async () => {
    server = await startTestServer({ packs: [miniPack()] });
    const pack = miniPack();
    const c = await connectClient(server.url);
    const start = await c.request("session:start", { packId: "mini", rounds: ["story", "design"] });
    await c.waitFor("question:end");
    expect(await c.request("session:end", { sessionId: start.sessionId })).toEqual({ ended: true });
    await c.waitFor("session:complete");
    const res = await fetch(`${server.url}/api/sessions/${start.sessionId}/report`, { headers: { "X-Resume-Token": start.resumeToken } });
    const text = await res.text();
    const report = JSON.parse(text);
    const unasked = report.rounds[1].questions[0];
    expect(unasked).toMatchObject({ questionId: "rag-basics", asked: false, answered: false, score: 0, turns: [] });
    const rag = pack.questions.find((q) => q.id === "rag-basics")!;
    expect(text).not.toContain(rag.prompt);
    for (const criterion of rag.rubric) if (criterion.strongAnswerAdds) expect(text).not.toContain(criterion.strongAnswerAdds);
    // Nor its title or its rubric's: only the id, which the start's plan already gave, and its zero.
    expect(text).not.toContain(rag.title);
    for (const criterion of rag.rubric) expect(text).not.toContain(criterion.title);
    expect(unasked.criteria).toEqual([]);
    // The question that was asked keeps its prompt.
    expect(report.rounds[0].questions[0]).toMatchObject({ asked: true, turns: [{ turnId: "failure-story" }] });
    c.close();
  });
});
