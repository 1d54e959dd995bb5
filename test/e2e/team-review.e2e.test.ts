import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousA11yViolationsLightAndDark } from "../helpers/axe.js";
import { browserAvailable, pageErrors } from "../helpers/browser.js";
import { GRADING_STEP_MS, PACK_CHECK_MS } from "../helpers/step-bounds.js";
import { walkWithTab } from "../helpers/keyboard-walk.js";
import type { TestServer } from "../helpers/server.js";
import { signInToTeam, useTeamBrowser } from "../helpers/team-browser.js";

const PASTED =
  `The context: we were shipping a search feature and a bad index took it down. I decided to roll back, then I wrote a canary check. The outcome: failed searches went from 300 a day to 5. `.repeat(
    12,
  );

/** Answer the open question, then skip any follow-up, until the report opens (what follows a submit: GRADING_STEP_MS). */
async function finishInterview(page: Page, answer: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId("answer-text").waitFor({ timeout: 15_000 });
  await answer(page);
  await page.getByTestId("submit-answer").click();
  for (let i = 0; i < 6; i++) {
    // Either the report opens, or a follow-up's empty answer box appears.
    const next = await page.waitForFunction(
      () => {
        if (location.pathname.startsWith("/report/")) return "report";
        const box = document.querySelector<HTMLTextAreaElement>('[data-testid="answer-text"]');
        return box && !box.readOnly && box.value === "" ? "answer" : null;
      },
      undefined,
      { timeout: GRADING_STEP_MS, polling: 100 },
    );
    if ((await next.jsonValue()) === "report") return;
    await page.getByTestId("answer-text").fill("skip");
    await page.getByTestId("submit-answer").click();
  }
  await page.waitForURL(/\/report\//, { timeout: GRADING_STEP_MS });
}

describe.runIf(browserAvailable())("a hiring team reviews invited candidates in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  useTeamBrowser((setup) => ({ server, browser, token } = setup));

  /** No serious axe-core violation in light or dark mode, and Tab reaches every control of the view. */
  const checkAccessible = async (page: Page, view: string) => {
    expect(await seriousA11yViolationsLightAndDark(page), view).toEqual([]);
    expect((await walkWithTab(page)).unreached, `${view}: controls Tab never reaches`).toEqual([]);
  };

  it("writes a pack in the form view, invites two candidates, reviews, overrides, compares and exports", async () => {
    const team = await (await browser.newContext({ acceptDownloads: true })).newPage();
    const errors = pageErrors(team);
    await signInToTeam(team, server.url, token);
    await team.getByTestId("new-pack").click();

    // The form view: pack details, the question, a criterion's terms from the suggestions, an exemplar's score.
    await team.getByTestId("view-form").click();
    // A hiring pack keeps its model answers out of reports unless the author turns them on.
    expect(await team.getByTestId("form-pack-show-exemplars").isChecked()).toBe(false);
    await team.getByTestId("form-pack-id").fill("support");
    await team.getByTestId("form-pack-title").fill("Support engineer");
    await team.getByTestId("form-q-title").fill("An outage you handled");
    await team.getByTestId("form-q-prompt").fill("Tell me about an outage you handled. What did you do, and what changed?");
    await team.getByTestId("suggest-terms").click();
    await team.getByTestId("term-chip").first().waitFor();
    const chip = (await team.getByTestId("term-chip").first().textContent())!.replace("+ ", "");
    await team.getByTestId("term-chip").first().click();
    await expect.poll(() => team.getByTestId("form-c-concepts").first().inputValue()).toContain(chip);
    await checkAccessible(team, "pack editor, form view");
    await team.getByTestId("view-yaml").click();
    await expect.poll(() => team.getByTestId("pack-editor").locator(".cm-content").textContent()).toContain("title: An outage you handled");
    await expect.poll(() => team.getByTestId("validation-status").textContent(), { timeout: PACK_CHECK_MS }).toContain("Valid");
    await team.getByTestId("publish-button").click();
    await expect.poll(() => team.getByTestId("publish-status").textContent()).toContain("Published acme/support v1");
    await team.getByTestId("published-links").waitFor();
    const published = await (
      await fetch(`${server.url}/api/teams/acme/packs/support`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    expect(published.source).toContain(chip);
    expect(published.pack.questions[0].title).toBe("An outage you handled");

    // Two invites from the editor's "Invite a candidate".
    await team.getByTestId("invite-from-editor").click();
    const links: string[] = [];
    for (const [label, email] of [
      ["Ada", "ada@example.com"],
      ["Bob", ""],
    ] as const) {
      await team.getByTestId("invite-label").fill(label);
      await team.getByTestId("invite-email").fill(email);
      await team.getByTestId("invite-create").click();
      await expect.poll(() => team.getByTestId("invite-link").count()).toBe(links.length + 1);
      links.push((await team.getByTestId("invite-link").first().textContent())!);
    }
    expect(links[0]).not.toBe(links[1]);
    await checkAccessible(team, "invites");

    // Ada pastes a large answer; Bob types a short one.
    const sit = async (link: string, answer: (page: Page) => Promise<void>) => {
      const page = await (await browser.newContext()).newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(link);
      await expect.poll(() => page.getByTestId("recorded").textContent()).toContain("paste");
      await checkAccessible(page, "the candidate's invite page");
      // Agree and start from the keyboard.
      await page.getByTestId("invite-agree").focus();
      await page.keyboard.press("Space");
      expect(await page.getByTestId("invite-agree").isChecked()).toBe(true);
      await page.getByTestId("invite-start").focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/interview\//);
      await page.getByTestId("signals-recording").waitFor();
      await finishInterview(page, answer);
      await expect
        .poll(() => page.getByTestId("candidate-signals").textContent(), { timeout: 10_000 })
        .toContain("Recorded for the hiring team");
      return page;
    };
    const ada = await sit(links[0]!, async (page) => {
      const box = page.getByTestId("answer-text");
      await box.click();
      await box.evaluate((el, text) => {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }, PASTED);
      await box.fill(PASTED);
    });
    expect(await ada.getByTestId("candidate-signals").textContent()).toContain(`largest ${PASTED.length}`);
    await sit(links[1]!, async (page) => {
      await page.getByTestId("answer-text").click();
      await page.keyboard.type("Things break sometimes and we fixed it.", { delay: 5 });
    });

    // The team sees both sessions with their signals.
    await team.getByTestId("tab-sessions").click();
    await expect
      .poll(() => team.getByTestId("session-candidate").allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(["Ada", "Bob"]));
    const adaRow = team.getByTestId("session-row").filter({ hasText: "Ada" });
    await expect.poll(() => adaRow.getByTestId("session-signals").textContent()).toContain(`1 paste (largest ${PASTED.length} chars)`);
    const bobRow = team.getByTestId("session-row").filter({ hasText: "Bob" });
    expect(await bobRow.getByTestId("session-signals").textContent()).not.toContain("paste");
    await checkAccessible(team, "sessions dashboard");

    // Override one of Bob's scores with a note, all from the keyboard; the audit shows who, before and after.
    await bobRow.getByTestId("open-session").focus();
    await team.keyboard.press("Enter");
    await team.getByTestId("session-view").waitFor();
    await checkAccessible(team, "session view");
    const row = team.getByTestId("criterion-row").first();
    const before = Number((await row.getByTestId("criterion-score").textContent())!.match(/^(\d)/)![1]);
    const after = before === 4 ? 3 : before + 1;
    await row.getByTestId("override-open").focus();
    await team.keyboard.press("Enter");
    await row.getByTestId("override-score").focus();
    await team.keyboard.press(after > before ? "ArrowDown" : "ArrowUp");
    await expect.poll(() => row.getByTestId("override-score").inputValue()).toBe(String(after));
    await team.keyboard.press("Tab");
    await team.keyboard.type("Gave the result in the debrief call.");
    expect(await row.getByTestId("override-note").inputValue()).toBe("Gave the result in the debrief call.");
    await checkAccessible(team, "session view, override form open");
    await row.getByTestId("override-save").focus();
    await team.keyboard.press("Enter");
    await expect
      .poll(() => team.getByTestId("audit-row").allTextContents())
      .toEqual([expect.stringMatching(new RegExp(`owner.*${before} → ${after}.*Gave the result in the debrief call\\.`))]);
    expect(await row.getByTestId("criterion-score").textContent()).toContain(`${before} → ${after}`);

    // Compare the two, criterion by criterion: checkboxes with Space, the button with Enter.
    await team.getByTestId("back-to-sessions").click();
    for (const label of ["Ada", "Bob"]) {
      const box = team.getByTestId("session-row").filter({ hasText: label }).getByTestId("session-select");
      await box.focus();
      await team.keyboard.press("Space");
      expect(await box.isChecked()).toBe(true);
    }
    await team.getByTestId("compare-button").focus();
    await team.keyboard.press("Enter");
    await expect.poll(() => team.getByTestId("compare-candidate").allTextContents()).toEqual(expect.arrayContaining(["Ada", "Bob"]));
    expect(await team.getByTestId("compare-row").count()).toBeGreaterThan(0);
    expect(await team.getByTestId("compare-table").textContent()).toContain(" *");
    await checkAccessible(team, "compare");

    // Download the CSV.
    await team.getByTestId("back-from-compare").click();
    const [download] = await Promise.all([team.waitForEvent("download"), team.getByTestId("csv-button").click()]);
    expect(download.suggestedFilename()).toBe("acme-sessions.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(",Ada,"))).toContain("ada@example.com");
    expect(lines.find((l) => l.includes(",Bob,"))).toMatch(/,1$/);
    expect(errors).toEqual([]);
  }, 240_000);

  it("shows the token's role and hides what it cannot do (after the first test: a pack and two sessions exist)", async () => {
    const page = await (await browser.newContext()).newPage();
    const errors = pageErrors(page);
    const viewer = (await server.app.teams.createToken("acme", "Vic", "viewer")).token;
    await signInToTeam(page, server.url, viewer);
    expect(await page.getByTestId("team-role").textContent()).toBe("viewer");
    expect(await page.getByTestId("tab-tokens").count()).toBe(0);
    // Packs: read, never written.
    expect(await page.getByTestId("new-pack").count()).toBe(0);
    await page.getByTestId("open-pack-support").click();
    await page.getByTestId("read-only").waitFor();
    expect(await page.getByTestId("publish-button").count()).toBe(0);
    expect(await page.getByTestId("publish-role-note").textContent()).toContain("needs the owner or editor role");
    await checkAccessible(page, "read-only pack view");
    // Read only means no field takes input: the YAML ignores keystrokes, the form's fields are disabled, and
    // moving between questions still works.
    const yaml = page.getByTestId("pack-editor").locator(".cm-content");
    await yaml.waitFor();
    await yaml.click();
    await page.keyboard.type("typed by a viewer");
    // (CodeMirror renders only the lines in view, so the text is searched, not compared whole.)
    expect(await yaml.textContent()).not.toContain("typed by a viewer");
    await page.getByTestId("view-form").click();
    expect(await page.getByTestId("form-pack-title").isDisabled()).toBe(true);
    expect(await page.getByTestId("form-question-fields").locator("input, textarea, button").first().isDisabled()).toBe(true);
    expect(await page.getByTestId("form-add-question").count()).toBe(0);
    expect(await page.getByTestId("form-question-select").isEnabled()).toBe(true);
    // Invites: listed, none created; sessions: read, no CSV, no override.
    await page.getByTestId("tab-invites").click();
    await page.getByTestId("invite-role-note").waitFor();
    expect(await page.getByTestId("invite-create").count()).toBe(0);
    await page.getByTestId("tab-sessions").click();
    await page.getByTestId("session-row").first().waitFor();
    expect(await page.getByTestId("csv-button").count()).toBe(0);
    await page.getByTestId("open-session").first().click();
    await page.getByTestId("session-view").waitFor();
    expect(await page.getByTestId("criterion-row").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("override-open").count()).toBe(0);
    // The audit names the role that overrode in the first test.
    await page.getByTestId("back-to-sessions").click();
    await page.getByTestId("session-row").filter({ hasText: "Bob" }).getByTestId("open-session").click();
    await expect.poll(() => page.getByTestId("audit-row").first().textContent()).toContain("first token (owner)");

    // A reviewer gets the override form and the CSV, still no "New pack" and no tokens.
    const reviewer = (await server.app.teams.createToken("acme", "Rev", "reviewer")).token;
    await page.getByTestId("sign-out").click();
    await signInToTeam(page, server.url, reviewer);
    expect(await page.getByTestId("team-role").textContent()).toBe("reviewer");
    expect(await page.getByTestId("new-pack").count()).toBe(0);
    expect(await page.getByTestId("tab-tokens").count()).toBe(0);
    await page.getByTestId("tab-sessions").click();
    await page.getByTestId("csv-button").waitFor();
    await page.getByTestId("open-session").first().click();
    await page.getByTestId("override-open").first().waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
