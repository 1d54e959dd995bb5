import { describe, expect, it } from "vitest";
import { browserAvailable } from "../helpers/browser.js";
import { useRoomBrowser } from "../helpers/room-browser.js";
import { reportOrFollowUp, runTests, setCode, shownQuestion, startFromLobby } from "../helpers/room-page.js";
import { connectClient } from "../helpers/socket-client.js";

const EXPLANATION =
  "Jitter spreads the retries of many clients over time, so they do not all hit the API again at the same moment; " +
  "I kept the code as it is because every visible and hidden case is handled, and I would add tests for the edge cases.";

describe.runIf(browserAvailable())("the coding round in Chromium", () => {
  const room = useRoomBrowser();

  it("runs the visible tests on wrong and right code in Python and TypeScript, submits, and reports hidden tests as pass/fail only", async () => {
    const { page, errors } = await room.openLobby();

    await startFromLobby(page, { pack: room.pack, level: "senior", rounds: ["coding"], mode: "timed" });
    await expect.poll(() => page.getByTestId("round-title").textContent()).toContain("Coding");

    const question = await shownQuestion(page, room.pack);
    const coding = question.coding!;
    expect(coding).toBeDefined();
    const visible = coding.tests.filter((t) => t.visible);
    const hidden = coding.tests.filter((t) => !t.visible);
    expect(visible.length).toBeGreaterThan(0);

    // The visible tests are shown with the question, the hidden ones are not.
    await page.getByTestId("visible-tests").waitFor();
    expect(await page.getByTestId("visible-test").count()).toBe(visible.length);
    const shownTests = (await page.getByTestId("visible-tests").textContent())!;
    for (const t of visible) expect(shownTests).toContain(t.name);
    for (const t of hidden) expect(shownTests).not.toContain(t.name);
    await page.getByTestId("code-editor").locator(".cm-content").waitFor();

    // (a) Wrong code: every visible test fails, and says so.
    const entry = coding.entrypoint.python!;
    await setCode(page, room.server.url, `def ${entry}(*args, **kwargs):\n    return "definitely not the answer"\n`, "python");
    await runTests(page);
    await expect.poll(() => page.getByTestId("test-summary").textContent()).toBe(`0 of ${visible.length} visible tests passed`);
    expect(await page.getByTestId("test-result").count()).toBe(visible.length);
    expect(await page.locator('[data-testid="test-result"][data-passed="false"]').count()).toBe(visible.length);
    expect(await page.getByTestId("test-result").first().textContent()).toContain(visible[0]!.name);

    // A run refused by the server (another connection of this session is running code) shows in the error banner.
    const sessionId = new URL(page.url()).pathname.split("/").pop()!;
    const { resumeToken } = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `mi.session.${sessionId}`))!) as {
      resumeToken: string;
    };
    const other = await connectClient(room.server.url);
    await other.request("session:resume", { sessionId, resumeToken });
    // The other run sleeps until the sandbox's wall budget stops it (a few seconds; a sleeping program waits for no core,
    // so the load does not stretch it): it outlasts the click below however slowly a loaded machine gets to it.
    const slowRun = other.send("code:run", {
      sessionId,
      questionId: question.id,
      code: "import time\ntime.sleep(600)\n",
      language: "python",
    });
    // Click once the server runs that code, a condition: a 300 ms pause and a 1.5 s sleep raced the click under load.
    await expect.poll(() => room.server.app.sandbox?.queueStats().python?.busy).toBe(1);
    await page.getByTestId("run-tests").click();
    await expect.poll(() => page.getByTestId("error").textContent()).toMatch(/already in progress/);
    expect((await slowRun).ok).toBe(true);
    other.close();
    // The earlier results are still there.
    expect(await page.getByTestId("test-summary").textContent()).toBe(`0 of ${visible.length} visible tests passed`);

    // (b) The Python reference solution passes them all; the old results go stale on the edit.
    await setCode(page, room.server.url, coding.referenceSolution.python!, "python");
    expect(await page.getByTestId("test-results").getAttribute("data-stale")).toBe("true");
    await page.getByTestId("test-stale").waitFor();
    await runTests(page);
    await expect
      .poll(() => page.getByTestId("test-summary").textContent())
      .toBe(`${visible.length} of ${visible.length} visible tests passed`);
    expect(await page.locator('[data-testid="test-result"][data-passed="true"]').count()).toBe(visible.length);
    // A good run clears the refused run's message.
    expect(await page.getByTestId("error").count()).toBe(0);

    // (c) Switch to TypeScript and run its reference solution.
    await page.getByTestId("language-select").selectOption("typescript");
    await expect.poll(() => page.getByTestId("test-results").getAttribute("data-stale")).toBe("true");
    await setCode(page, room.server.url, coding.referenceSolution.typescript!, "typescript");
    await runTests(page);
    await expect
      .poll(() => page.getByTestId("test-summary").textContent())
      .toBe(`${visible.length} of ${visible.length} visible tests passed`);
    expect(await page.locator('[data-testid="test-result"][data-passed="true"]').count()).toBe(visible.length);
    expect(await page.getByTestId("test-results").textContent()).toContain("typescript");
    expect(await page.getByTestId("error").count()).toBe(0);

    // (d) Submit; a follow-up shows the submitted code and a box for the explanation.
    await page.getByTestId("submit-answer").click();
    let followUps = 0;
    for (let i = 0; i < 4 && !page.url().includes("/report/"); i++) {
      if ((await reportOrFollowUp(page)) === "report") break;
      await page.getByTestId("answer-text").waitFor();
      expect(await page.getByTestId("language-select").inputValue()).toBe("typescript");
      const firstLine = coding.referenceSolution
        .typescript!.split("\n")
        .find((l) => l.trim() !== "")!
        .trim();
      await expect.poll(() => page.getByTestId("code-editor").locator(".cm-content").textContent()).toContain(firstLine);
      // The test results belonged to the main question.
      expect(await page.getByTestId("test-results").count()).toBe(0);
      await page.getByTestId("answer-text").fill(EXPLANATION);
      await page.getByTestId("submit-answer").click();
      followUps++;
    }
    await page.waitForURL(/\/report\//);

    // Report: all tests passed, hidden ones by name and result only.
    const tests = page.getByTestId("report-tests");
    await tests.waitFor();
    const total = coding.tests.length;
    await expect
      .poll(() => page.getByTestId("report-tests-summary").textContent())
      .toBe(`Passed ${total} of ${total} (hidden: ${hidden.length} of ${hidden.length}) in typescript`);
    expect(await page.locator('[data-testid="report-test"][data-passed="true"]').count()).toBe(visible.length);
    expect(await page.getByTestId("report-hidden-test").count()).toBe(hidden.length);
    expect(await page.locator('[data-testid="report-hidden-test"][data-passed="true"]').count()).toBe(hidden.length);
    const hiddenTexts = await page.getByTestId("report-hidden-test").allTextContents();
    hiddenTexts.forEach((text, i) => expect(text.trim()).toBe(`pass ${hidden[i]!.name}`));
    const reportText = (await tests.textContent())!;
    for (const t of hidden) {
      for (const shown of [JSON.stringify(t.args), ...t.args.map((a) => JSON.stringify(a))]) {
        if (shown.length >= 12) expect(reportText).not.toContain(shown);
      }
    }
    const criteria = await page.getByTestId("criterion-row").allTextContents();
    expect(criteria.some((c) => c.startsWith("Passes the tests"))).toBe(true);
    // A follow-up's explanation is in the transcript.
    if (followUps > 0) expect(await page.getByTestId("report-question").textContent()).toContain(EXPLANATION);
    expect(errors).toEqual([]);
  }, 180_000);
});
