import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Draft } from "../../server/contracts/index.js";
import type { Language, Pack, Question } from "../../server/scenarios/index.js";
import { GRADING_STEP_MS } from "./step-bounds.js";
import { connectClient } from "./socket-client.js";

/** Page helpers shared by the interview-room end-to-end tests. */

/** In the lobby: choose the pack, level, exactly `rounds` of the pack's rounds and the mode, start, and wait for the room. */
export async function startFromLobby(
  page: Page,
  choice: { pack: Pack; level: string; rounds: string[]; mode: "timed" | "practice" },
): Promise<void> {
  await page.getByTestId("pack-select").selectOption(choice.pack.id);
  await page.getByTestId("level-select").selectOption(choice.level);
  for (const round of choice.pack.rounds) {
    const box = page.getByTestId(`round-${round.id}`);
    if (choice.rounds.includes(round.id)) await box.check();
    else await box.uncheck();
  }
  await page.getByTestId("mode-select").selectOption(choice.mode);
  await page.getByTestId("start-button").click();
  await page.waitForURL(/\/interview\//);
}

/** The question on screen, looked up in the pack by the title the room shows (titles are unique in the pack). */
export async function shownQuestion(page: Page, pack: Pack): Promise<Question> {
  await expect.poll(() => page.getByTestId("question-title").textContent()).toBeTruthy();
  const title = (await page.getByTestId("question-title").textContent())!.trim();
  const question = pack.questions.find((q) => q.title === title);
  if (!question) throw new Error(`no question titled "${title}" in pack ${pack.id}`);
  return question;
}

/** The draft the server holds for the open question, read over a second connection with the page's resume token. */
export async function savedDraft(page: Page, serverUrl: string): Promise<Draft | null> {
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  const stored = await page.evaluate((key) => localStorage.getItem(key), `mi.session.${sessionId}`);
  const { resumeToken } = JSON.parse(stored!) as { resumeToken: string };
  const c = await connectClient(serverUrl);
  try {
    const { snapshot } = await c.request("session:resume", { sessionId, resumeToken });
    return snapshot.draft as Draft | null;
  } finally {
    c.close();
  }
}

/**
 * Replace the editor's content with `code`, exactly. insertText is one input
 * event (no per-key auto-indent or bracket closing); the autosaved draft proves
 * the editor holds the code byte for byte, which the DOM cannot (CodeMirror
 * renders only the lines near the viewport).
 */
export async function setCode(page: Page, serverUrl: string, code: string, language: Language): Promise<void> {
  await page.getByTestId("code-editor").locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await expect
    .poll(
      async () => {
        const draft = await savedDraft(page, serverUrl);
        return draft && { code: draft.code, language: draft.language };
      },
      { timeout: 10_000 },
    )
    .toEqual({ code, language });
}

/** Click "Run tests" and wait for its results. */
export async function runTests(page: Page): Promise<void> {
  const button = page.getByTestId("run-tests");
  await button.click();
  // Disabled and relabelled while the run is in flight, back once its results are in.
  await expect.poll(() => button.textContent(), { timeout: 30_000 }).toBe("Run tests");
  await expect.poll(() => page.getByTestId("test-results").getAttribute("data-stale")).toBe("false");
}

/**
 * After a submit: resolves "report" when the report opens, "follow-up" when a follow-up
 * question shows. Either waits for grading work, on a fresh server its start-up too (GRADING_STEP_MS).
 */
export function reportOrFollowUp(page: Page): Promise<"report" | "follow-up"> {
  return Promise.race([
    page.waitForURL(/\/report\//, { timeout: GRADING_STEP_MS }).then(() => "report" as const),
    page
      .getByTestId("question-kind")
      .filter({ hasText: "follow-up" })
      .waitFor({ timeout: GRADING_STEP_MS })
      .then(() => "follow-up" as const),
  ]);
}
