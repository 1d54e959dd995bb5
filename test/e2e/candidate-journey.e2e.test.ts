import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousA11yViolations, seriousA11yViolationsLightAndDark } from "../helpers/axe.js";
import { useAppBrowser } from "../helpers/app-browser.js";
import { browserAvailable, pageErrors } from "../helpers/browser.js";
import { GRADING_STEP_MS } from "../helpers/step-bounds.js";
import { walkWithTab } from "../helpers/keyboard-walk.js";
import { miniPack } from "../helpers/packs.js";
import { startFromLobby } from "../helpers/room-page.js";

const GOOD =
  "I would chunk each article by heading, embed the chunks into a vector index and retrieve the top five. " +
  "Before rollout I would run an eval on a golden set and compare recall and faithfulness with the current retriever.";

/**
 * Answer whatever is asked with `text` until the report opens (practice feedback is continued past). What follows a
 * submit waits for grading work (GRADING_STEP_MS).
 */
async function answerUntilReport(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 8 && !page.url().includes("/report/"); i++) {
    const next = await Promise.race([
      page.waitForURL(/\/report\//, { timeout: GRADING_STEP_MS }).then(() => "report" as const),
      page
        .getByTestId("feedback-continue")
        .waitFor({ timeout: GRADING_STEP_MS })
        .then(() => "feedback" as const),
      page
        .locator('article.question[aria-busy="false"]')
        .waitFor({ timeout: GRADING_STEP_MS })
        .then(() => "question" as const),
    ]);
    if (next === "report") break;
    if (next === "feedback") {
      await page.getByTestId("feedback-continue").click();
      continue;
    }
    await page.getByTestId("answer-text").fill(text);
    await page.getByTestId("submit-answer").click();
    await page
      .getByTestId("answer-text")
      .waitFor({ state: "detached", timeout: GRADING_STEP_MS })
      .catch(() => undefined);
  }
  await page.waitForURL(/\/report\//);
  await page.getByTestId("report-overall").waitFor();
}

describe.runIf(browserAvailable())("a candidate's history, progress, report exports and share link in Chromium", () => {
  // The pack shows its strong exemplars after a session (report.showExemplars), as the built-in practice pack does.
  const pack = { ...miniPack(), report: { ...miniPack().report, showExemplars: true } };
  const strongExemplar = pack.questions.find((q) => q.id === "rag-basics")!.exemplars.find((e) => e.level === "strong")!.answer;
  const app = useAppBrowser({ packs: [pack], sandbox: null });

  it("sits two sessions, sees both in history, follows progress into practise next, exports, prints and shares read-only", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(app.server.url);
    await page.getByTestId("start-button").waitFor();
    expect(await seriousA11yViolationsLightAndDark(page), "lobby").toEqual([]);
    expect((await walkWithTab(page)).unreached, "lobby controls Tab never reaches").toEqual([]);

    // Session 1, timed: a non-answer gets an interviewer's reply, and the follow-up keeps the original question in view.
    await startFromLobby(page, { pack, level: "mid", rounds: ["design"], mode: "timed" });
    await page.locator('article.question[aria-busy="false"]').waitFor();
    expect(await page.getByTestId("question-position").textContent()).toBe("Question 1 of 2");
    // The room uses the screen: the answer box is far wider than the old 960 px column allowed.
    expect((await page.getByTestId("answer-text").boundingBox())!.width).toBeGreaterThan(600);
    expect(await seriousA11yViolationsLightAndDark(page), "room").toEqual([]);
    expect((await walkWithTab(page)).unreached, "room controls Tab never reaches").toEqual([]);
    await page.getByTestId("answer-text").fill("asdf qwerty");
    await page.getByTestId("submit-answer").click();
    await page.locator('[data-testid="question-kind"][data-kind="follow-up"]').waitFor();
    await page.locator('article.question[aria-busy="false"]').waitFor();
    expect(await page.getByTestId("question-text").textContent()).toMatch(
      /^That doesn't answer the question\. Do you want to try again, or skip it\?/,
    );
    expect(await page.getByTestId("question-position").textContent()).toBe("Follow-up on question 1 of 2");
    const earlier = page.getByTestId("earlier-turns");
    expect(await earlier.textContent()).toContain("Design a retrieval-augmented support bot");
    expect(await earlier.textContent()).toContain("asdf qwerty");
    // The divider resizes the split from the keyboard too.
    const divider = page.getByTestId("split-divider");
    const before = Number(await divider.getAttribute("aria-valuenow"));
    await divider.focus();
    await page.keyboard.press("ArrowRight");
    expect(Number(await divider.getAttribute("aria-valuenow"))).toBeGreaterThan(before);
    await answerUntilReport(page, GOOD);
    const firstReportUrl = page.url();

    // The report: summary first, readable Markdown answers, no jargon; clean at 390 px.
    await page.getByTestId("report-summary").waitFor();
    expect(await page.getByTestId("round-bars").textContent()).toContain("Design");
    expect(await page.getByTestId("strongest").isVisible()).toBe(true);
    expect(await page.getByTestId("weakest").isVisible()).toBe(true);
    const reportText = (await page.locator(".report").textContent()) ?? "";
    expect(reportText).not.toMatch(/Grader coverage|\bmain\b/);
    expect(await seriousA11yViolations(page), "report").toEqual([]);
    expect((await walkWithTab(page)).unreached, "report controls Tab never reaches").toEqual([]);
    // After the session, and only now: the pack's strong answer beside the candidate's own (opened from the keyboard).
    const ragQuestion = page.getByTestId("report-question").filter({ hasText: "Design a RAG bot" });
    await ragQuestion.locator("summary").first().focus();
    await page.keyboard.press("Enter");
    await ragQuestion.getByTestId("exemplar").waitFor();
    expect(await ragQuestion.getByTestId("exemplar").textContent()).toContain(strongExemplar);
    expect((await walkWithTab(page)).unreached, "an opened question's controls Tab never reaches").toEqual([]);
    expect(await seriousA11yViolationsLightAndDark(page), "report with a question open").toEqual([]);

    // Markdown and JSON downloads.
    const [md] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-markdown").click()]);
    const markdown = readFileSync((await md.path())!, "utf8");
    expect(md.suggestedFilename()).toMatch(/^mini-report-\d{4}-\d\d-\d\d\.md$/);
    expect(markdown).toMatch(/^# Mini test pack: interview report/);
    expect(markdown).toContain("asdf qwerty");
    expect(markdown).toContain(`**A strong answer, for comparison:**\n\n${strongExemplar}`);
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
    const exported = JSON.parse(readFileSync((await json.path())!, "utf8"));
    expect(exported.sessionId).toBe(firstReportUrl.split("/").pop());
    expect(exported.rounds[0].questions.length).toBe(2);

    // Print to PDF with the print stylesheet: the toolbar is gone, the content is there.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("download-markdown").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);

    // A share link with its own token opens read-only in a fresh context (no resume token there).
    await page.getByTestId("create-share").click();
    const link = await page.getByTestId("share-link").inputValue();
    expect(link).toMatch(/\/shared\/shr_/);
    const resumeToken = await page.evaluate((id) => localStorage.getItem(`mi.session.${id}`), firstReportUrl.split("/").pop()!);
    expect(link).not.toContain(JSON.parse(resumeToken!).resumeToken);
    const stranger = await app.browser.newContext();
    const shared = await stranger.newPage();
    await shared.goto(link);
    await shared.getByTestId("report-overall").waitFor();
    expect(await shared.getByTestId("shared-notice").isVisible()).toBe(true);
    expect(await shared.getByTestId("create-share").count()).toBe(0);
    expect(await shared.getByTestId("revoke-share").count()).toBe(0);
    expect(await shared.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("mi.session.")))).toEqual([]);
    expect(await seriousA11yViolations(shared), "shared report").toEqual([]);
    expect(await shared.getByTestId("exemplar").count()).toBe(1);

    // Session 2, practice: feedback belongs to the question it grades, with an honest colour at 0.
    await page.goto(app.server.url);
    await startFromLobby(page, { pack, level: "mid", rounds: ["story"], mode: "practice" });
    await page.locator('article.question[aria-busy="false"]').waitFor();
    await page.getByTestId("answer-text").fill("skip");
    await page.getByTestId("submit-answer").click();
    await page.getByTestId("feedback").waitFor();
    expect(await page.getByTestId("feedback").getAttribute("data-band")).toBe("weak");
    expect(await page.getByTestId("feedback").textContent()).toContain("Feedback on “A failure you owned”");
    await page.getByTestId("feedback-continue").click();
    await page.waitForURL(/\/report\//);
    await page.getByTestId("report-overall").waitFor();

    // The lobby lists both sessions, newest first.
    await page.goto(app.server.url);
    await expect.poll(() => page.getByTestId("history-item").count()).toBe(2);
    expect(await page.getByTestId("history-score").allTextContents()).toEqual(["0/100", expect.stringMatching(/^\d+\/100$/)]);
    expect(await seriousA11yViolations(page), "lobby with history").toEqual([]);

    // The history file moves the sessions to another browser.
    const [historyDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-history").click()]);
    const otherBrowser = await app.browser.newContext();
    const other = await otherBrowser.newPage();
    await other.goto(app.server.url);
    await other.getByTestId("history").waitFor();
    await other.getByTestId("import-history").setInputFiles((await historyDownload.path())!);
    await expect.poll(() => other.getByTestId("history-item").count()).toBe(2);

    // Progress: charts, then one click into a practice session aimed at the weakest criteria.
    await page.getByTestId("progress-link").click();
    // One point per round kind so far: each line shows as its dots.
    await page.getByTestId("score-chart").locator("svg .recharts-line-dots circle").first().waitFor();
    expect(await page.getByTestId("score-chart").locator("svg .recharts-line").count()).toBe(2);
    await page.getByTestId("weakest-chart").locator("svg .recharts-bar-rectangle").first().waitFor();
    expect(await page.getByTestId("weak-criterion").count()).toBeGreaterThan(0);
    expect(await seriousA11yViolationsLightAndDark(page), "progress").toEqual([]);
    expect((await walkWithTab(page)).unreached, "progress controls Tab never reaches").toEqual([]);
    await page.getByTestId("practise-next").click();
    await page.waitForURL(/\/interview\//);
    await page.locator('article.question[aria-busy="false"]').waitFor();
    const practised = (await page.getByTestId("question-title").textContent())!.trim();
    expect(pack.questions.map((q) => q.title)).toContain(practised);

    // Revoking the share link closes it for the stranger.
    await page.goto(firstReportUrl);
    await page.getByTestId("revoke-share").click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Revoked 1 share link/);
    await shared.reload();
    await shared.getByTestId("error").waitFor();
    expect(await shared.getByTestId("error").textContent()).toMatch(/revoked/);

    // Dark mode (prefers-color-scheme) keeps every text readable.
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(18, 22, 29)");
    expect(await seriousA11yViolations(page), "report, dark").toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });

    // At 390 px nothing is wider than the screen: no clipped tables.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("report-summary").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await Promise.all([stranger.close(), otherBrowser.close(), context.close()]);
    expect(errors).toEqual([]);
  }, 480_000);
});
