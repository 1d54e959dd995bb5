import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPacksFromDir, sessionPack, variantValues, type Pack } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient } from "../helpers/socket-client.js";

// One coding round holding a question whose cutoff is drawn per session and whose hidden test is a secret variable.
let server: TestServer;
let pack: Pack;
beforeAll(async () => {
  const [builtin] = loadPacksFromDir(BUILTIN_PACKS_DIR);
  pack = {
    ...builtin!,
    id: "variants-only",
    rounds: [{ id: "coding", kind: "coding", title: "Coding", minutes: 30, pick: 1, questions: ["retrieval-metrics"] }],
    questions: builtin!.questions.filter((q) => q.id === "retrieval-metrics"),
  };
  server = await startTestServer({ packs: [pack] });
});
afterAll(() => server.close());

describe("a question with variables, sat over the socket protocol", () => {
  it("shows this session's values, grades against this session's hidden tests, reports the shown values and never sends the secret ones", async () => {
    const c = await connectClient(server.url);
    try {
      const start = await c.request("session:start", { packId: "variants-only", level: "junior", mode: "timed" });
      const drawn = sessionPack(pack, start.sessionId).questions[0]!;
      const values = variantValues(drawn)! as { cutoff: { k: number }; hidden: { results: string[]; k: number } };
      const asked = await c.waitFor("question:start", (p) => p.baseQuestionId === "retrieval-metrics");
      const main = await c.waitFor("question:end");
      const text = main.payload.text as string;
      expect(text).toContain(`cuts off at k = ${values.cutoff.k}.`);
      expect(text).not.toContain("{{");
      const visible = asked.payload.visibleTests as { name: string; args: unknown[] }[];
      expect(visible[0]!.name).toBe(`the worked example at the nightly cutoff k=${values.cutoff.k}`);
      expect(visible[0]!.args[2]).toBe(values.cutoff.k);

      const language = server.app.sandbox!.capabilities.python.available ? "python" : "typescript";
      await c.request("answer:submit", {
        sessionId: start.sessionId,
        questionId: "retrieval-metrics",
        submissionId: randomUUID(),
        code: drawn.coding!.referenceSolution[language],
        language,
      });
      // A follow-up may come; skipping it ends the session.
      let afterSeq = main.payload.seq;
      for (let i = 0; i < 5; i++) {
        const next = await Promise.race([c.waitFor("question:end", () => true, { afterSeq }), c.waitFor("session:complete")]);
        if (next.name === "session:complete") break;
        afterSeq = next.payload.seq;
        await c.request("answer:submit", {
          sessionId: start.sessionId,
          questionId: next.payload.questionId,
          submissionId: randomUUID(),
          text: "skip",
        });
      }
      await c.waitFor("session:complete");
      const report = await (
        await fetch(`${server.url}/api/sessions/${start.sessionId}/report`, { headers: { "X-Resume-Token": start.resumeToken } })
      ).json();
      const question = report.rounds[0].questions[0];
      // Hidden tests ran on this session's hidden values: the reference solution passes them all.
      expect(question.tests.passed).toBe(question.tests.total);
      expect(question.tests.hiddenTotal).toBeGreaterThan(0);
      expect(question.variables).toEqual({ cutoff: values.cutoff });

      // The secret variable's drawn values reach no event and no report.
      const wire = JSON.stringify([c.received, report]);
      expect(wire).not.toContain(JSON.stringify(values.hidden.results));
      expect(wire).not.toContain('"hidden"');
    } finally {
      c.close();
    }
  }, 120_000);
});
