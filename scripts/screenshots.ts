// Regenerates the README screenshots from a running server (use a fresh DATA_DIR: the
// progress page shows this browser's sessions):
//   DATA_DIR=$(mktemp -d) npm start   (in another shell)   then   npx tsx scripts/screenshots.ts [url]
// Writes docs/img/<page>.png (1280 px wide) and docs/img/<page>-390.png (a phone).
import type { Page } from "playwright-core";
import { loadPacksFromDir } from "../server/scenarios/index.js";
import { launchChromium } from "../test/helpers/browser.js";

const url = process.argv[2] ?? "http://127.0.0.1:3000";
const out = (name: string) => `docs/img/${name}.png`;
const written: string[] = [];

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
const page = await context.newPage();
page.on("dialog", (d) => void d.accept());

/** The page at desktop width, then the same page at 390 px. */
async function shoot(name: string, target: Page = page): Promise<void> {
  await target.setViewportSize({ width: 1280, height: 820 });
  await target.waitForTimeout(300);
  await target.screenshot({ path: out(name) });
  await target.setViewportSize({ width: 390, height: 844 });
  await target.waitForTimeout(300);
  await target.screenshot({ path: out(`${name}-390`) });
  await target.setViewportSize({ width: 1280, height: 820 });
  written.push(name, `${name}-390`);
}

const only = async (rounds: string[], mode: "timed" | "practice") => {
  await page.goto(url);
  await page.getByTestId("start-button").waitFor();
  for (const round of ["coding", "system-design", "prompt-debugging", "behavioural"]) {
    const box = page.getByTestId(`round-${round}`);
    if (rounds.includes(round)) await box.check();
    else await box.uncheck();
  }
  await page.getByTestId("mode-select").selectOption(mode);
  await page.getByTestId("start-button").click();
  await page.waitForURL(/\/interview\//);
};

// A first session (behavioural, timed), so the history and progress have something to show.
await only(["behavioural"], "timed");
await page
  .getByTestId("answer-text")
  .fill(
    "Situation: our LLM support bot invented a refund policy in front of a customer during the beta; I owned the prompt and the endpoint. " +
      "Action: I turned the feature flag off within an hour, reproduced the failure from the logs, added a retrieval step with citations and a regression eval set, and told the affected customers. " +
      "Result: invented policies went from 4% to 0.3% of answers on a 300-question eval set over two weeks. Reflection: I now ship behind a flag with an eval gate.",
  );
await page.getByTestId("submit-answer").click();
// At most one follow-up on this question: answer it once, then the report opens.
const followUp = await Promise.race([
  page.waitForURL(/\/report\//, { timeout: 20_000 }).then(() => false),
  page
    .locator('[data-testid="question-kind"][data-kind="follow-up"]')
    .waitFor({ timeout: 20_000 })
    .then(() => true),
]);
if (followUp) {
  await page.waitForFunction(() => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="answer-text"]');
    return box !== null && !box.readOnly && box.value === "";
  });
  await page.getByTestId("answer-text").fill("The result: complaints dropped by half in a month, measured on the weekly support report.");
  await page.getByTestId("submit-answer").click();
  await page.waitForURL(/\/report\//, { timeout: 30_000 });
}
await page.getByTestId("report-overall").waitFor();

// The room: a coding question with its own reference solution typed in and a real, passing run.
await only(["coding"], "timed");
await page.getByTestId("code-editor").locator(".cm-content").waitFor();
const title = (await page.getByTestId("question-title").textContent())!.trim();
const question = loadPacksFromDir("scenarios")
  .flatMap((p) => p.questions)
  .find((q) => q.title === title)!;
await page.getByTestId("code-editor").locator(".cm-content").click();
await page.keyboard.press("Control+A");
await page.keyboard.press("Delete");
await page.keyboard.insertText(question.coding!.referenceSolution.python!);
await page.keyboard.press("Control+Home");
await page.getByTestId("draft-status").filter({ hasText: /saved/i }).waitFor();
await page.getByTestId("run-tests").click();
await page.getByTestId("test-results").waitFor();
await page.screenshot({ path: out("interview-room") });
await shoot("room");

await page.getByTestId("end-session").click();
await page.waitForURL(/\/report\//);
await page.getByTestId("report-summary").waitFor();
await page.screenshot({ path: out("report") });
await shoot("report-summary");

await page.goto(url);
await page.getByTestId("history-item").first().waitFor();
await shoot("lobby");
await page.screenshot({ path: out("lobby") });

await page.goto(`${url}/progress`);
await page.getByTestId("score-chart").locator("svg").first().waitFor();
await shoot("progress");

await browser.close();
console.log(`wrote ${written.map((n) => `docs/img/${n}.png`).join(", ")} (and interview-room.png, report.png)`);
