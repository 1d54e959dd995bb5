import { describe, expect, it } from "vitest";
import { useAppBrowser } from "../helpers/app-browser.js";
import { browserAvailable } from "../helpers/browser.js";
import { miniPack } from "../helpers/packs.js";
import { savedDraft } from "../helpers/room-page.js";

/** Typing the autosave has not sent yet (it waits ~0.8 s) must survive ending and reloading. */
describe.runIf(browserAvailable())("a candidate's last keystrokes", () => {
  const app = useAppBrowser({ packs: [miniPack()], sandbox: null });

  async function startStory() {
    const { page } = await app.openPage();
    for (const round of ["design", "code"]) await page.getByTestId(`round-${round}`).uncheck();
    await page.getByTestId("start-button").click();
    await page.getByTestId("answer-text").waitFor();
    return page;
  }

  it("are graded when the candidate ends the interview right after typing", async () => {
    const page = await startStory();
    page.on("dialog", (d) => void d.accept());
    const story =
      "The situation: we were launching a summariser under time pressure and it failed; the result was a rollback within the hour.";
    await page.getByTestId("answer-text").fill(story);
    await page.getByTestId("end-session").click(); // well inside the autosave delay
    await page.waitForURL(/\/report\//);
    await expect.poll(() => page.getByTestId("report-question").first().textContent()).toContain("rollback within the hour");
  }, 60_000);

  it("are kept when the page is reloaded right after typing", async () => {
    const page = await startStory();
    await page.getByTestId("answer-text").fill("First part, autosaved.");
    await expect.poll(() => page.getByTestId("draft-status").textContent(), { timeout: 10_000 }).toMatch(/saved/i);
    await page.getByTestId("answer-text").fill("First part, autosaved. Then more, typed just before the reload.");
    await page.reload();
    await expect
      .poll(async () => (await savedDraft(page, app.server.url))?.text, { timeout: 10_000 })
      .toBe("First part, autosaved. Then more, typed just before the reload.");
    await expect.poll(() => page.getByTestId("answer-text").inputValue()).toContain("typed just before the reload");
  }, 60_000);
});
