import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { seriousA11yViolationsLightAndDark } from "../helpers/axe.js";
import { browserAvailable, pageErrors } from "../helpers/browser.js";
import { walkWithTab } from "../helpers/keyboard-walk.js";
import { PACK_CHECK_MS } from "../helpers/step-bounds.js";
import type { TestServer } from "../helpers/server.js";
import { setPackYaml as setEditorText, useTeamBrowser } from "../helpers/team-browser.js";

const TINY = readFileSync(fileURLToPath(new URL("../fixtures/upload/tiny.yaml", import.meta.url)), "utf8");
const OLD_TITLE = "A failure you owned";
const NEW_TITLE = "A launch that went wrong";

type PackDetail = { version: number; source: string; versions: { version: number }[]; pack: { questions: { title: string }[] } };

describe.runIf(browserAvailable())("writing and publishing a team pack in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  useTeamBrowser((setup) => ({ server, browser, token } = setup));

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status, `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  };

  it("signs in, validates live, previews without secrets, publishes v1 and v2, and lists the pack in the lobby", async () => {
    const page = await (await browser.newContext()).newPage();
    const errors = pageErrors(page);
    await page.goto(server.url);
    await page.getByRole("link", { name: "Teams" }).click();
    await page.waitForURL(/\/team$/);

    // A wrong token is refused and not kept.
    await page.getByTestId("team-token-input").fill("mit_not-a-real-token");
    await page.getByTestId("team-token-submit").click();
    await expect.poll(() => page.getByTestId("error").textContent()).toMatch(/not accepted/i);
    expect(await page.evaluate(() => localStorage.getItem("mi.teamToken"))).toBeNull();

    await page.getByTestId("team-token-input").fill(token);
    await page.getByTestId("team-token-submit").click();
    await expect.poll(() => page.getByTestId("team-name").textContent()).toBe("Acme");
    await page.getByTestId("no-packs").waitFor();
    expect(await seriousA11yViolationsLightAndDark(page), "pack list").toEqual([]);

    // New pack: the starter template is valid as it stands.
    await page.getByTestId("new-pack").click();
    await expect.poll(() => page.getByTestId("validation-status").textContent(), { timeout: PACK_CHECK_MS }).toContain("Valid");
    expect(await page.getByTestId("visibility-select").inputValue()).toBe("private");
    expect(await seriousA11yViolationsLightAndDark(page), "pack editor, YAML view").toEqual([]);
    // Every control of the editor is reachable with Tab (Escape, then Tab, leaves the YAML editor).
    expect((await walkWithTab(page)).unreached, "pack editor controls Tab never reaches").toEqual([]);

    // The upload fixture: valid, previewed as a candidate sees it, no rubric or exemplars.
    await setEditorText(page, TINY);
    await expect.poll(() => page.getByTestId("validation-status").textContent(), { timeout: PACK_CHECK_MS }).toContain("Valid");
    await expect.poll(() => page.getByTestId("preview-question").textContent()).toContain(OLD_TITLE);
    const preview = (await page.getByTestId("preview-question").textContent()) ?? "";
    expect(preview).toContain("failed in front of users");
    expect(preview).toContain("junior");
    for (const secret of ["went from 40", "Story structure", "All four parts", "i rolled back", "What was the measurable result"]) {
      expect(preview).not.toContain(secret);
    }
    expect(await page.getByTestId("preview-select").locator("option").count()).toBe(1);

    await page.getByTestId("visibility-select").selectOption("public");
    await page.getByTestId("publish-button").click();
    await expect.poll(() => page.getByTestId("publish-status").textContent()).toContain("Published acme/tiny v1");
    await expect.poll(() => page.getByTestId("version-item").allTextContents()).toEqual([expect.stringMatching(/^v1/)]);

    // Break it: the problem is listed with its path, the status counts it, publishing is off.
    const broken = TINY.replace("weight: 1", "weight: -1");
    expect(broken).not.toBe(TINY);
    await setEditorText(page, broken);
    await expect
      .poll(() => page.getByTestId("validation-issue").allTextContents(), { timeout: PACK_CHECK_MS })
      .toContainEqual(expect.stringMatching(/^\d+:\d+ questions\[0\]\.rubric\[0\]\.weight: /));
    expect(await page.getByTestId("validation-status").textContent()).toMatch(/^1 problem/);
    expect(await page.getByTestId("publish-button").isDisabled()).toBe(true);
    expect(await seriousA11yViolationsLightAndDark(page), "pack editor with a problem").toEqual([]);

    // Choosing the issue (from the keyboard: focus it, Enter) puts the cursor on its line (the weight line of the rubric).
    await page.getByTestId("validation-issue").first().getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("pack-editor").locator(".cm-activeLine").textContent()).toContain("weight: -1");

    // Fix it and retitle the question: version 2, visibility kept.
    await setEditorText(page, TINY.replace(`title: ${OLD_TITLE}`, `title: ${NEW_TITLE}`));
    await expect.poll(() => page.getByTestId("validation-status").textContent(), { timeout: PACK_CHECK_MS }).toContain("Valid");
    await expect.poll(() => page.getByTestId("preview-question").textContent()).toContain(NEW_TITLE);
    expect(await page.getByTestId("visibility-select").inputValue()).toBe("public");
    await page.getByTestId("publish-button").click();
    await expect.poll(() => page.getByTestId("publish-status").textContent()).toContain("Published acme/tiny v2");
    await expect
      .poll(() => page.getByTestId("version-list").getByTestId("version-item").allTextContents())
      .toEqual([expect.stringMatching(/^v2/), expect.stringMatching(/^v1/)]);

    // Opening v1 loads its text into the editor as a starting point.
    await page.getByTestId("version-item").filter({ hasText: /^v1/ }).click();
    await expect.poll(() => page.getByTestId("pack-editor").locator(".cm-content").textContent()).toContain(`title: ${OLD_TITLE}`);
    await expect.poll(() => page.getByTestId("preview-question").textContent(), { timeout: PACK_CHECK_MS }).toContain(OLD_TITLE);

    // The list shows the pack at its latest version.
    await page.getByTestId("back-to-packs").click();
    await expect
      .poll(() => page.getByTestId("pack-row").allTextContents())
      .toEqual([expect.stringMatching(/Tiny pack.*acme\/tiny.*v2.*public/)]);

    // The HTTP API agrees: both versions kept as sent, and the lobby lists the pack.
    const latest = await api<PackDetail>("/api/teams/acme/packs/tiny");
    expect(latest.version).toBe(2);
    expect(latest.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(latest.pack.questions[0]?.title).toBe(NEW_TITLE);
    expect(latest.source).toContain(`title: ${NEW_TITLE}`);
    const first = await api<PackDetail>("/api/teams/acme/packs/tiny?version=1");
    expect(first.pack.questions[0]?.title).toBe(OLD_TITLE);
    expect(first.source).toBe(TINY);
    const lobby = await api<{ id: string; version: number }[]>("/api/packs");
    expect(lobby.map((p) => p.id)).toContain("acme/tiny");
    expect(lobby.find((p) => p.id === "acme/tiny")?.version).toBe(2);

    // The lobby page offers it to candidates.
    await page.getByRole("link", { name: "Mock Interview" }).click();
    await page.getByTestId("pack-select").selectOption("acme/tiny");
    expect(await page.getByTestId("pack-select").inputValue()).toBe("acme/tiny");
    await page.getByTestId("round-behavioural").waitFor();
    expect(await page.getByTestId("level-select").inputValue()).toBe("junior");

    // Signing out forgets the token.
    await page.goto(`${server.url}/team`);
    await page.getByTestId("sign-out").click();
    await page.getByTestId("team-token-input").waitFor();
    expect(await page.evaluate(() => localStorage.getItem("mi.teamToken"))).toBeNull();
    expect(errors).toEqual([]);
  }, 120_000);
});
