import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchChromium } from "../helpers/browser.js";
import { buildClientForTest } from "../helpers/client-build.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { GRADING_STEP_MS } from "../helpers/step-bounds.js";

/** A long answer that sets the scene and never says how it ended: the mini pack's story question follows it up. */
const LONG_STORY = [
  "The situation: we were a team of three building an internal search tool for the support staff, and I owned the ranking.",
  "We were under pressure to ship before the holiday peak, so I skipped the load test and the review of the ranking rules.",
  "On the first Monday the tool showed the wrong help articles for almost every billing question in front of the whole team.",
  "I rolled the ranking back to the old rules within the hour and wrote to the support leads to explain what had gone wrong.",
  "Then I sat with two agents for an afternoon and went through the queries they had typed, one by one, to see the pattern.",
  "The billing articles had been tagged with an old product name, so my ranking rules never matched the words agents used.",
].join("\n\n");

/** The follow-up appears where the candidate is looking: at 1280x900 it is in the viewport without scrolling. */
describe.runIf(browserAvailable())("a follow-up question", { timeout: GRADING_STEP_MS + 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ packs: [miniPack()], clientDist: await buildClientForTest(), sandbox: null });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is in view at 1280x900 as soon as it is asked, below the earlier turns it follows", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    for (const round of ["design", "code"]) await page.getByTestId(`round-${round}`).uncheck();
    await page.getByTestId("start-button").click();
    await page.getByTestId("answer-text").fill(LONG_STORY);
    await page.getByTestId("submit-answer").click();
    const followUp = page.locator('[data-testid="question-kind"][data-kind="follow-up"]');
    await followUp.waitFor({ timeout: GRADING_STEP_MS });
    const text = page.getByTestId("question-text");
    await expect.poll(() => text.textContent()).not.toBe("");
    await page.locator('article.question[aria-busy="false"]').waitFor();
    // The earlier turns (the main question and this long answer) sit above it in the question panel.
    await expect.poll(() => page.getByText("wrong help articles for almost every billing question").count()).toBeGreaterThan(0);
    const inView = () =>
      text.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight && box.bottom > 0;
      });
    await expect.poll(inView).toBe(true);
    expect(await followUp.evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);
  });
});
