import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchChromium, pageErrors } from "../helpers/browser.js";
import { buildClientForTest } from "../helpers/client-build.js";
import { storeAsBeforeTheRule } from "../helpers/needs-fix-pack.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { signInToTeam } from "../helpers/team-browser.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

// A pack stored before a rule it breaks (criterion-needs-model): the candidate following its link is told it cannot
// start before choosing rounds, and its team sees what to fix when it opens the pack in the editor.
describe.runIf(browserAvailable())("a shared pack that needs a fix, in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    const clientDist = await buildClientForTest();
    const before = await startTestServer({ packs: [miniPack()], clientDist, sandbox: null });
    token = (await before.app.teams.create("Acme")).token;
    const upload = await fetch(`${before.url}/api/teams/acme/packs?visibility=unlisted`, {
      method: "POST",
      body: TINY,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(upload.status).toBe(201);
    await storeAsBeforeTheRule(before, "acme/tiny");
    await before.close();
    server = await startTestServer({ packs: [miniPack()], clientDist, sandbox: null, databaseFile: before.databaseFile });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the lobby says the linked pack cannot start and why, and offers no start", async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await page.goto(`${server.url}/?pack=acme/tiny`);
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
    const page = await browser.newPage();
    await signInToTeam(page, server.url, token);
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
