import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchChromium } from "../helpers/browser.js";
import { buildClientForTest } from "../helpers/client-build.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

describe.runIf(browserAvailable())("a team shares an unlisted pack by link", () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ packs: [miniPack()], clientDist: await buildClientForTest(), sandbox: null });
    token = (await server.app.teams.create("Acme")).token;
    const upload = (body: string, visibility: string) =>
      fetch(`${server.url}/api/teams/acme/packs?visibility=${visibility}`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await upload(TINY, "unlisted")).status).toBe(201);
    expect((await upload(TINY.replace("id: tiny", "id: secret").replace("title: Tiny pack", "title: Secret pack"), "private")).status).toBe(
      201,
    );
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is not listed in the lobby, but /?pack=<key> offers it selected and starts it", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId("pack-select").waitFor();
    const listed = await page
      .getByTestId("pack-select")
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(listed).toEqual(["mini"]);
    // The built-in pack is the site's own: no team notice.
    expect(await page.getByTestId("pack-team-notice").count()).toBe(0);

    await page.goto(`${server.url}/?pack=acme/tiny`);
    await expect.poll(() => page.getByTestId("pack-select").inputValue()).toBe("acme/tiny");
    // A team's pack never passes for the site's own: it names the team and what the team will see.
    expect(await page.getByTestId("pack-select").locator("option:checked").textContent()).toBe("Tiny pack (by Acme)");
    const notice = await page.getByTestId("pack-team-notice").textContent();
    expect(notice).toContain("written by the team Acme");
    expect(notice).toContain("your answers, code and test results");
    await page.getByTestId("start-button").click();
    await page.waitForURL(/\/interview\//);
    await expect.poll(() => page.getByTestId("question-title").textContent()).toBe("A failure you owned");

    await page.goto(`${server.url}/?pack=acme/missing`);
    await expect.poll(() => page.getByTestId("error").textContent()).toContain('"acme/missing" was not found');
  }, 60_000);

  it("lets the team sit its own private pack from the editor, in practice mode", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.evaluate((t) => localStorage.setItem("mi.teamToken", t), token);
    await page.goto(`${server.url}/team`);
    await page.getByTestId("pack-row").filter({ hasText: "Secret pack" }).getByRole("button", { name: "Open" }).click();
    await page.getByTestId("try-pack").click();
    await page.waitForURL(/\/interview\//);
    await expect.poll(() => page.getByTestId("question-title").textContent()).toBe("A failure you owned");
    await expect.poll(() => page.getByTestId("countdown").textContent()).toBe("untimed");
  }, 60_000);
});
