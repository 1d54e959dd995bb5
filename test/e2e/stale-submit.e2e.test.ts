import { describe, expect, it } from "vitest";
import { useAppBrowser } from "../helpers/app-browser.js";
import { browserAvailable, pageErrors } from "../helpers/browser.js";
import { miniPack } from "../helpers/packs.js";
import { savedDraft } from "../helpers/room-page.js";

// Session 18 red-team F2, in the browser: the candidate has the interview open in two tabs, goes on writing in one,
// then submits from the other, which still shows the older text. Nothing is handed in; the older tab says why and
// offers the choice (load the newer text, or keep its own).
describe.runIf(browserAvailable())("a submit from a tab showing an older draft", () => {
  const app = useAppBrowser({ packs: [miniPack()], sandbox: null });

  it("is refused with the stale-draft notice and the choice, and nothing is handed in", async () => {
    // One browser profile, two tabs: they share the session's resume token (localStorage).
    const context = await app.browser.newContext();
    const newer = await context.newPage();
    const errors = pageErrors(newer);
    await newer.goto(app.server.url);
    for (const round of ["design", "code"]) await newer.getByTestId(`round-${round}`).uncheck();
    await newer.getByTestId("start-button").click();
    await newer.getByTestId("answer-text").waitFor();
    const title = await newer.getByTestId("question-title").textContent();

    const first = "Short first draft: the situation was a failed launch.";
    await newer.getByTestId("answer-text").fill(first);
    await expect.poll(async () => (await savedDraft(newer, app.server.url))?.text, { timeout: 15_000 }).toBe(first);

    // The second tab opens the room on that saved draft.
    const older = await context.newPage();
    await older.goto(newer.url());
    await expect.poll(() => older.getByTestId("answer-text").inputValue(), { timeout: 15_000 }).toBe(first);

    // The first tab goes on writing; its longer text is saved as the next revision.
    const longer = `${first} The task: get the summariser back within a day. The action: I rolled back and added an eval gate. The result: errors went from 9% to 0.`;
    await newer.getByTestId("answer-text").fill(longer);
    await expect.poll(async () => (await savedDraft(newer, app.server.url))?.text, { timeout: 15_000 }).toBe(longer);

    // The older tab, untouched since, submits what it shows.
    await older.getByTestId("submit-answer").click();
    const notice = older.getByTestId("stale-draft");
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain("saved from another tab or window");
    expect(await older.getByTestId("load-newer-draft").isVisible()).toBe(true);
    expect(await older.getByTestId("keep-my-draft").isVisible()).toBe(true);
    await expect.poll(() => older.getByTestId("error").textContent()).toContain("Your answer was not submitted");
    // Its text stays in its box, unsaved; the question is still open with the newer tab's draft.
    expect(await older.getByTestId("answer-text").inputValue()).toBe(first);
    expect(await older.getByTestId("question-title").textContent()).toBe(title);
    expect(await savedDraft(newer, app.server.url)).toMatchObject({ text: longer, revision: 2 });

    // Taking the newer text puts it in the box; the notice goes.
    await older.getByTestId("load-newer-draft").click();
    await expect.poll(() => older.getByTestId("answer-text").inputValue()).toBe(longer);
    expect(await older.getByTestId("stale-draft").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
