import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useAppBrowser } from "../helpers/app-browser.js";
import { browserAvailable } from "../helpers/browser.js";
import { storeAsBeforeTheRule } from "../helpers/needs-fix-pack.js";
import { miniPack, uploadTeamPack } from "../helpers/packs.js";
import { signInToTeam } from "../helpers/team-browser.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

// A pack stored before a rule it breaks (criterion-needs-model): the candidate following its link is told it cannot
// start before choosing rounds, and its team sees what to fix when it opens the pack in the editor.
describe.runIf(browserAvailable())("a shared pack that needs a fix, in Chromium", () => {
  let token: string;
  const app = useAppBrowser({
    packs: [miniPack()],
    sandbox: null,
    seed: async (before) => {
      token = (await before.app.teams.create("Acme")).token;
      expect((await uploadTeamPack(before, token, TINY, "unlisted")).status).toBe(201);
      await storeAsBeforeTheRule(before, "acme/tiny");
    },
    restartAfterSeed: true,
  });

  it("the lobby says the linked pack cannot start and why, and offers no start", async () => {
    const { page, errors } = await app.openPage("/?pack=acme/tiny");
    await expect.poll(() => page.getByTestId("pack-select").inputValue()).toBe("acme/tiny");
    const notice = (await page.getByTestId("pack-needs-fix").textContent()) ?? "";
    expect(notice).toContain("cannot be started now");
    expect(notice).toContain("criterion-needs-model");
    expect(await page.getByTestId("start-button").isDisabled()).toBe(true);
    // Another pack starts as before.
    await page.getByTestId("pack-select").selectOption("mini");
    expect(await page.getByTestId("pack-needs-fix").count()).toBe(0);
    expect(await page.getByTestId("start-button").isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("the team's editor shows what to fix when the pack is opened", async () => {
    const page = await app.browser.newPage();
    await signInToTeam(page, app.server.url, token);
    await page.getByTestId("open-pack-tiny").click();
    const notice = page.getByTestId("editor-needs-fix");
    await notice.waitFor();
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("needs a fix");
    expect(text).toContain("questions[0].rubric[0].evidence.checks");
    expect(text).toContain('criterion "star"');
    await page.close();
  }, 60_000);
});
