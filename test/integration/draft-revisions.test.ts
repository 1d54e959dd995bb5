import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { connectClient, type TestClient } from "../helpers/socket-client.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()] });
});
afterAll(() => server.close());

/** One session open in two tabs: two real socket.io connections, each resumed with the session's token. */
async function twoTabs(): Promise<{ sessionId: string; questionId: string; a: TestClient; b: TestClient; resumeToken: string }> {
  const a = await connectClient(server.url);
  const start = await a.request("session:start", { packId: "mini", rounds: ["design"] });
  const asked = await a.waitFor("question:end");
  const b = await connectClient(server.url);
  await b.request("session:resume", { sessionId: start.sessionId, resumeToken: start.resumeToken });
  return { sessionId: start.sessionId, questionId: asked.payload.questionId as string, a, b, resumeToken: start.resumeToken };
}

describe("draft revisions: two tabs on one session (finding F6)", () => {
  it("refuses the stale tab's save with DRAFT_STALE and the newer draft, keeps what was saved, and saves on the newer revision", async () => {
    const { sessionId, questionId, a, b, resumeToken } = await twoTabs();
    const draft = (client: TestClient, text: string, baseRevision?: number) =>
      client.send("answer:draft", { sessionId, questionId, text, ...(baseRevision === undefined ? {} : { baseRevision }) });

    // Both tabs opened with no draft (revision 0). Tab A saves first.
    const first = await draft(a, "tab A: chunk the articles", 0);
    expect(first).toMatchObject({ ok: true, data: { revision: 1, savedAt: expect.any(Number) } });
    // Tab B still types on revision 0: refused, naming the newer draft; nothing of A's is lost.
    const stale = await draft(b, "tab B: embeddings", 0);
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: "DRAFT_STALE",
        draft: { questionId, text: "tab A: chunk the articles", revision: 1, savedAt: first.ok && first.data.savedAt },
      },
    });
    // A keeps saving on its own revisions; B's refused text never landed.
    expect(await draft(a, "tab A: chunk the articles, then embed", 1)).toMatchObject({ ok: true, data: { revision: 2 } });
    const reader = await connectClient(server.url);
    const { snapshot } = await reader.request("session:resume", { sessionId, resumeToken });
    expect(snapshot.draft).toMatchObject({ text: "tab A: chunk the articles, then embed", revision: 2 });
    // B chooses to keep its text: it saves on the revision it was shown, deliberately replacing A's.
    expect(await draft(b, "tab B: embeddings", 1)).toMatchObject({ ok: false, error: { code: "DRAFT_STALE", draft: { revision: 2 } } });
    expect(await draft(b, "tab B: embeddings", 2)).toMatchObject({ ok: true, data: { revision: 3 } });
    // Now A is the stale one.
    expect(await draft(a, "tab A again", 2)).toMatchObject({
      ok: false,
      error: { code: "DRAFT_STALE", draft: { text: "tab B: embeddings" } },
    });
    // A client from before revisions (no baseRevision) still saves, as the next revision.
    expect(await draft(reader, "no revision named")).toMatchObject({ ok: true, data: { revision: 4 } });
    for (const c of [a, b, reader]) c.close();
  });

  it("two saves on the same revision at the same moment: exactly one lands, the other is DRAFT_STALE", async () => {
    const { sessionId, questionId, a, b } = await twoTabs();
    const [x, y] = await Promise.all([
      a.send("answer:draft", { sessionId, questionId, text: "from A", baseRevision: 0 }),
      b.send("answer:draft", { sessionId, questionId, text: "from B", baseRevision: 0 }),
    ]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    const loser = x.ok ? y : x;
    const winner = x.ok ? "from A" : "from B";
    expect(loser).toMatchObject({ ok: false, error: { code: "DRAFT_STALE", draft: { text: winner, revision: 1 } } });
    a.close();
    b.close();
  });

  it("a stale tab's submit is refused with DRAFT_STALE and the newer draft; nothing is recorded, and it submits once on the newer revision", async () => {
    const { sessionId, questionId, a, b, resumeToken } = await twoTabs();
    // Both tabs opened on revision 0; A saves, so B shows an older text than the one stored.
    expect(await a.send("answer:draft", { sessionId, questionId, text: "tab A: rerank then cite", baseRevision: 0 })).toMatchObject({
      ok: true,
      data: { revision: 1 },
    });
    const submit = (client: TestClient, submissionId: string, text: string, baseRevision?: number) =>
      client.send("answer:submit", { sessionId, questionId, submissionId, text, ...(baseRevision === undefined ? {} : { baseRevision }) });
    const stale = await submit(b, "submit-b-1", "tab B: just embeddings", 0);
    expect(stale).toMatchObject({
      ok: false,
      error: { code: "DRAFT_STALE", draft: { questionId, text: "tab A: rerank then cite", revision: 1 } },
    });
    // Nothing was handed in: the question is still open, A's draft is kept, and the refused submissionId is still unused.
    const reader = await connectClient(server.url);
    const { snapshot } = await reader.request("session:resume", { sessionId, resumeToken });
    expect(snapshot.question?.questionId).toBe(questionId);
    expect(snapshot.draft).toMatchObject({ text: "tab A: rerank then cite", revision: 1 });
    // B keeps its text: saves it on the revision it was shown, then submits on its own save's revision.
    expect(await b.send("answer:draft", { sessionId, questionId, text: "tab B: just embeddings", baseRevision: 1 })).toMatchObject({
      ok: true,
      data: { revision: 2 },
    });
    expect(await submit(b, "submit-b-1", "tab B: just embeddings", 2)).toMatchObject({
      ok: true,
      data: { accepted: true, duplicate: false },
    });
    for (const c of [a, b, reader]) c.close();
  });

  it("a tab ending the interview on an older draft than the stored one is refused with DRAFT_STALE; ending on the stored one grades it", async () => {
    const { sessionId, questionId, a, b } = await twoTabs();
    await a.request("answer:draft", { sessionId, questionId, text: "tab A: what ending should grade", baseRevision: 0 });
    const refused = await b.send("session:end", { sessionId, shown: { questionId, baseRevision: 0 } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "DRAFT_STALE", draft: { text: "tab A: what ending should grade", revision: 1 } },
    });
    const ended = await b.send("session:end", { sessionId, shown: { questionId, baseRevision: 1 } });
    expect(ended).toMatchObject({ ok: true, data: { ended: true } });
    a.close();
    b.close();
  });

  it("a baseRevision that is not a revision count is a BAD_PAYLOAD", async () => {
    const { sessionId, questionId, a, b } = await twoTabs();
    const bad = await a.send("answer:draft", { sessionId, questionId, text: "x", baseRevision: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_PAYLOAD", message: expect.stringContaining("baseRevision") } });
    // A revision ahead of the stored one is refused too, and not blamed on another tab (session 18 red-team F8).
    expect(await a.send("answer:draft", { sessionId, questionId, text: "first", baseRevision: 0 })).toMatchObject({ ok: true });
    const ahead = await a.send("answer:draft", { sessionId, questionId, text: "x", baseRevision: 99 });
    expect(ahead).toMatchObject({ ok: false, error: { code: "DRAFT_STALE", draft: { revision: 1 } } });
    expect(!ahead.ok && ahead.error.message).toMatch(/^this text names revision 99, but the stored draft is at revision 1/);
    a.close();
    b.close();
  });

  it("a stale tab's submit does not throw away the newer draft another tab saved (session 18 red-team F2)", async () => {
    const { sessionId, questionId, a, b, resumeToken } = await twoTabs();
    const submit = (client: TestClient, text: string, submissionId: string, baseRevision?: number) =>
      client.send("answer:submit", { sessionId, questionId, submissionId, text, ...(baseRevision === undefined ? {} : { baseRevision }) });
    // B typed first and saved; then A, having loaded B's draft, wrote a longer answer on top of it.
    expect(await b.send("answer:draft", { sessionId, questionId, text: "short first draft", baseRevision: 0 })).toMatchObject({ ok: true });
    const longer = "short first draft, then a careful answer: chunk, embed, rerank, evaluate on a golden set";
    expect(await a.send("answer:draft", { sessionId, questionId, text: longer, baseRevision: 1 })).toMatchObject({
      ok: true,
      data: { revision: 2 },
    });
    // B, never typed in since, submits what it still shows: refused with the newer draft; nothing was recorded.
    expect(await submit(b, "short first draft", "stale-tab-submit-1", 1)).toMatchObject({
      ok: false,
      error: { code: "DRAFT_STALE", message: expect.stringContaining("nothing was handed in"), draft: { text: longer, revision: 2 } },
    });
    const reader = await connectClient(server.url);
    const { snapshot } = await reader.request("session:resume", { sessionId, resumeToken });
    expect(snapshot.question?.questionId).toBe(questionId);
    expect(snapshot.draft).toMatchObject({ text: longer, revision: 2 });
    // The same text as the newer draft is no loss, whatever revision it names; so is submitting on the newer revision.
    expect(await submit(b, longer, "stale-tab-submit-2", 1)).toMatchObject({ ok: true, data: { accepted: true, duplicate: false } });
    for (const c of [a, b, reader]) c.close();
  });

  it("a submit on the stored revision, or without one (older clients), is taken as it is", async () => {
    const { sessionId, questionId, a, b } = await twoTabs();
    expect(await a.send("answer:draft", { sessionId, questionId, text: "draft", baseRevision: 0 })).toMatchObject({ ok: true });
    expect(await b.send("answer:draft", { sessionId, questionId, text: "newer draft", baseRevision: 1 })).toMatchObject({ ok: true });
    expect(await a.send("answer:submit", { sessionId, questionId, submissionId: "old-client-submit", text: "what A shows" })).toMatchObject(
      {
        ok: true,
      },
    );
    a.close();
    b.close();
  });
});
