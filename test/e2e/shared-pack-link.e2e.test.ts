import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useAppBrowser } from "../helpers/app-browser.js";
import { browserAvailable } from "../helpers/browser.js";
import { miniPack, uploadTeamPack } from "../helpers/packs.js";

const TINY = readFileSync(new URL("../fixtures/upload/tiny.yaml", import.meta.url), "utf8");

describe.runIf(browserAvailable())("a team shares an unlisted pack by link", () => {
  let token: string;
  const app = useAppBrowser({
    packs: [miniPack()],
    sandbox: null,
    seed: async (server) => {
      token = (await server.app.teams.create("Acme")).token;
      const secret = TINY.replace("id: tiny", "id: secret").replace("title: Tiny pack", "title: Secret pack");
      expect((await uploadTeamPack(server, token, TINY, "unlisted")).status).toBe(201);
      expect((await uploadTeamPack(server, token, secret, "private")).status).toBe(201);
    },
  });

  it("is not listed in the lobby, but /?pack=<key> offers it selected and starts it", async () => {
    const { page } = await app.openPage();
    await page.getByTestId("pack-select").waitFor();
    const listed = await page
      .getByTestId("pack-select")
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(listed).toEqual(["mini"]);
    // The built-in pack is the site's own: no team notice.
    expect(await page.getByTestId("pack-team-notice").count()).toBe(0);

    await page.goto(`${app.server.url}/?pack=acme/tiny`);
    await expect.poll(() => page.getByTestId("pack-select").inputValue()).toBe("acme/tiny");
    // A team's pack never passes for the site's own: it names the team and what the team will see.
    expect(await page.getByTestId("pack-select").locator("option:checked").textContent()).toBe("Tiny pack (by Acme)");
    const notice = await page.getByTestId("pack-team-notice").textContent();
    expect(notice).toContain("written by the team Acme");
    expect(notice).toContain("your answers, code and test results");
    await page.getByTestId("start-button").click();
    await page.waitForURL(/\/interview\//);
    await expect.poll(() => page.getByTestId("question-title").textContent()).toBe("A failure you owned");

    await page.goto(`${app.server.url}/?pack=acme/missing`);
    await expect.poll(() => page.getByTestId("error").textContent()).toContain('"acme/missing" was not found');
  }, 60_000);

  it("lets the team sit its own private pack from the editor, in practice mode", async () => {
    const { page } = await app.openPage();
    await page.evaluate((t) => localStorage.setItem("mi.teamToken", t), token);
    await page.goto(`${app.server.url}/team`);
    await page.getByTestId("pack-row").filter({ hasText: "Secret pack" }).getByRole("button", { name: "Open" }).click();
    await page.getByTestId("try-pack").click();
    await page.waitForURL(/\/interview\//);
    await expect.poll(() => page.getByTestId("question-title").textContent()).toBe("A failure you owned");
    await expect.poll(() => page.getByTestId("countdown").textContent()).toBe("untimed");
  }, 60_000);
});
