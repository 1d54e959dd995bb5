import { describe, expect, it } from "vitest";
import { browserAvailable } from "../helpers/browser.js";
import { GRADING_STEP_MS, withGradingStep } from "../helpers/step-bounds.js";
import { useRoomBrowser } from "../helpers/room-browser.js";
import { reportOrFollowUp, runTests, savedDraft, shownQuestion, startFromLobby } from "../helpers/room-page.js";

const STORY =
  "In plain words: the assistant can state wrong facts confidently, which we call hallucination. " +
  "I would show the stakeholder three real examples, propose human review for refund answers and citations to sources, " +
  "and ask them to decide between a limited pilot and waiting a month for an evaluation of the error rate.";
const EXPLANATION =
  "I chose this approach because it keeps the function pure and easy to test; the trade-off is a little more code. " +
  "In production I would add logging, a timeout per call and metrics, and test the edge cases with small fixtures.";

// The test's timeout: the journey's own steps, plus the first follow-up decision on a fresh server.
describe.runIf(browserAvailable())("sitting an interview in Chromium", { timeout: withGradingStep(120_000) }, () => {
  const room = useRoomBrowser();

  it("picks rounds, streams questions, keeps draft and time across a reload, submits, and opens the report", async () => {
    const { page, errors } = await room.openLobby();

    // Lobby: two rounds, timed.
    await startFromLobby(page, { pack: room.pack, level: "mid", rounds: ["coding", "behavioural"], mode: "timed" });

    // Round 1: coding, in the code editor. Which question comes depends on the pack: look it up by its title.
    await expect.poll(() => page.getByTestId("round-title").textContent()).toContain("Coding");
    const question = await shownQuestion(page, room.pack);
    const coding = question.coding!;
    expect(coding, `"${question.title}" is a coding question`).toBeDefined();
    const code = coding.referenceSolution.python!;
    const visibleCount = coding.tests.filter((t) => t.visible).length;
    await page.locator('article.question[aria-busy="false"]').waitFor();
    await page.getByTestId("visible-tests").waitFor();
    await expect.poll(() => page.getByTestId("countdown").textContent()).toMatch(/^2[45]:\d\d$/);
    const editor = page.getByTestId("code-editor").locator(".cm-content");
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // One input event: no per-keystroke auto-indent or bracket closing.
    await page.keyboard.insertText(code);
    await expect.poll(() => page.getByTestId("draft-status").textContent(), { timeout: 10_000 }).toMatch(/saved/i);
    // The autosaved draft is exactly the code typed (the DOM shows only the lines near the viewport).
    await expect.poll(async () => (await savedDraft(page, room.server.url))?.code, { timeout: 10_000 }).toBe(code);

    // Reload mid-question: same question, draft kept, clock still running down.
    const before = await page.getByTestId("countdown").textContent();
    await page.reload();
    await expect.poll(() => page.getByTestId("question-title").textContent()).toBe(question.title);
    await expect.poll(() => page.getByTestId("draft-status").textContent()).toMatch(/saved/i);
    const after = await page.getByTestId("countdown").textContent();
    expect(after! <= before!).toBe(true);
    // The restored editor holds the reference solution: its visible tests all pass.
    await runTests(page);
    await expect.poll(() => page.getByTestId("test-summary").textContent()).toBe(`${visibleCount} of ${visibleCount} visible tests passed`);

    // A follow-up may come; it shows the submitted code and a box for the explanation. Then round 2. Each submit is
    // followed by waiting for the next turn to be shown (a follow-up or round 2's question), however long the
    // follow-up decision takes: it runs in the grading thread, which on this fresh server first loads the grader and
    // builds the pack's index (GRADING_STEP_MS says how long that is under load).
    const shownId = () => page.locator("article.question").getAttribute("data-question-id");
    for (let i = 0; i < 3; i++) {
      const submitted = await shownId();
      await page.getByTestId("submit-answer").click();
      await expect.poll(shownId, { timeout: GRADING_STEP_MS }).not.toBe(submitted);
      const round = await page.getByTestId("round-title").textContent();
      if (!round?.includes("Coding")) break;
      expect(await page.getByTestId("question-kind").getAttribute("data-kind")).toBe("follow-up");
      await page.getByTestId("code-editor").waitFor();
      await page.getByTestId("answer-text").fill(EXPLANATION);
    }

    // Round 2: behavioural, in the text box.
    await expect.poll(() => page.getByTestId("round-title").textContent(), { timeout: 10_000 }).toContain("Behavioural");
    await page.getByTestId("answer-text").fill(STORY);
    await page.getByTestId("submit-answer").click();
    // Answer any follow-up briefly until the report opens.
    for (let i = 0; i < 3 && !page.url().includes("/report/"); i++) {
      if ((await reportOrFollowUp(page)) === "report") break;
      await page
        .getByTestId("answer-text")
        .fill("We would track the error rate weekly on a labelled eval set and report it to the stakeholder as a result metric.");
      await page.getByTestId("submit-answer").click();
    }
    await page.waitForURL(/\/report\//);

    // Report: each question, the answer, a score per criterion.
    await page.getByTestId("report-overall").waitFor();
    expect(Number(await page.getByTestId("report-overall").textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId("report-question").count()).toBe(2);
    expect(await page.getByTestId("criterion-row").count()).toBeGreaterThanOrEqual(6);
    // The coding answer is the reference solution, and it passed every test, hidden ones included.
    const longestLine = code
      .split("\n")
      .reduce((a, b) => (b.trim().length > a.trim().length ? b : a))
      .trim();
    await expect.poll(() => page.getByTestId("report-question").first().textContent()).toContain(longestLine);
    const total = coding.tests.length;
    const hidden = total - visibleCount;
    await expect
      .poll(() => page.getByTestId("report-question").first().getByTestId("report-tests-summary").textContent())
      .toBe(`Passed ${total} of ${total} (hidden: ${hidden} of ${hidden}) in python`);
    expect(await page.getByTestId("report-tests").count()).toBe(1);
    const scores = await page.getByTestId("criterion-score").allTextContents();
    expect(scores.every((s) => /^[0-4]\/4/.test(s.trim()))).toBe(true);
    expect(errors).toEqual([]);
  });
});
