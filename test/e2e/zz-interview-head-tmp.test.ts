import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { browserAvailable, launchChromium } from "../helpers/browser.js";
import { buildClientForTest } from "../helpers/client-build.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const STORY =
  "In plain words: the assistant can state wrong facts confidently, which we call hallucination. " +
  "I would show the stakeholder three real examples, propose human review for refund answers and citations to sources, " +
  "and ask them to decide between a limited pilot and waiting a month for an evaluation of the error rate.";
const CODE = [
  "import random, time",
  "def call_with_retry(send, max_attempts=5, base_delay=0.5, max_delay=8.0, sleep=time.sleep, rand=random.random):",
  "    for attempt in range(max_attempts):",
  "        resp = send()",
  "        if resp.status in (429, 500, 502, 503):",
  "            delay = min(max_delay, base_delay * 2 ** attempt) * rand()",
  "            sleep(delay)",
  "            continue",
  "        return resp",
  "    raise RuntimeError('gave up')",
].join("\n");

describe.runIf(browserAvailable())("sitting an interview in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    const clientDist = await buildClientForTest();
    server = await startTestServer({ packs: loadPacksFromDir("/tmp/head-scn/scenarios"), clientDist });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("picks rounds, streams questions, keeps draft and time across a reload, submits, and opens the report", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);

    // Lobby: two rounds, timed.
    await page.getByTestId("pack-select").selectOption("ai-engineer");
    await page.getByTestId("level-select").selectOption("mid");
    for (const round of ["coding", "system-design", "prompt-debugging", "behavioural"]) {
      const box = page.getByTestId(`round-${round}`);
      if (["system-design", "prompt-debugging"].includes(round)) await box.uncheck();
      else await box.check();
    }
    await page.getByTestId("mode-select").selectOption("timed");
    await page.getByTestId("start-button").click();
    await page.waitForURL(/\/interview\//);

    // Round 1: coding, in the code editor.
    await expect.poll(() => page.getByTestId("round-title").textContent()).toContain("Coding");
    await expect.poll(() => page.getByTestId("question-text").textContent()).toMatch(/Retry-After/);
    await expect.poll(() => page.getByTestId("countdown").textContent()).toMatch(/^2[45]:\d\d$/);
    const editor = page.getByTestId("code-editor").locator(".cm-content");
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(CODE);
    await expect.poll(() => page.getByTestId("draft-status").textContent(), { timeout: 10_000 }).toMatch(/saved/i);

    // Reload mid-question: same question, draft kept, clock still running down.
    const before = await page.getByTestId("countdown").textContent();
    await page.reload();
    await expect.poll(() => page.getByTestId("question-title").textContent()).toMatch(/backoff/i);
    await expect.poll(() => page.getByTestId("code-editor").locator(".cm-content").textContent()).toContain("2 ** attempt");
    const after = await page.getByTestId("countdown").textContent();
    expect(after! <= before!).toBe(true);

    await page.getByTestId("submit-answer").click();
    // A follow-up may come; answer it in the same editor, then move to round 2.
    for (let i = 0; i < 3; i++) {
      await page.getByTestId("question-kind").filter({ hasText: /follow-up|main/ }).waitFor();
      const round = await page.getByTestId("round-title").textContent();
      if (!round?.includes("Coding")) break;
      if ((await page.getByTestId("question-kind").textContent())?.includes("follow-up")) {
        await page.getByTestId("code-editor").locator(".cm-content").click();
        await page.keyboard.press("Control+End");
        await page.keyboard.insertText("\n# Non-retryable: 400 and 401 fail fast; honour Retry-After when present.");
        await page.getByTestId("submit-answer").click();
      }
      await page.waitForTimeout(200);
    }

    // Round 2: behavioural, in the text box.
    await expect.poll(() => page.getByTestId("round-title").textContent(), { timeout: 10_000 }).toContain("Behavioural");
    await page.getByTestId("answer-text").fill(STORY);
    await page.getByTestId("submit-answer").click();
    // Answer any follow-up briefly until the report opens.
    for (let i = 0; i < 3 && !page.url().includes("/report/"); i++) {
      const done = await Promise.race([
        page.waitForURL(/\/report\//, { timeout: 10_000 }).then(() => true),
        page.getByTestId("question-kind").filter({ hasText: "follow-up" }).waitFor({ timeout: 10_000 }).then(() => false),
      ]);
      if (done) break;
      await page.getByTestId("answer-text").fill("We would track the error rate weekly on a labelled eval set and report it to the stakeholder as a result metric.");
      await page.getByTestId("submit-answer").click();
    }
    await page.waitForURL(/\/report\//);

    // Report: each question, the answer, a score per criterion.
    await page.getByTestId("report-overall").waitFor();
    expect(Number(await page.getByTestId("report-overall").textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId("report-question").count()).toBe(2);
    expect(await page.getByTestId("criterion-row").count()).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.getByTestId("report-question").first().textContent()).toContain("2 ** attempt");
    const scores = await page.getByTestId("criterion-score").allTextContents();
    expect(scores.every((s) => /^[0-4]\/4/.test(s.trim()))).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);
});
