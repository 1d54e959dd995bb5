// Regenerates the README screenshots from a running server:
//   npm start   (in another shell)   then   npx tsx scripts/screenshots.ts [url]
import { loadPacksFromDir } from "../server/scenarios/index.js";
import { launchChromium } from "../test/helpers/browser.js";

const url = process.argv[2] ?? "http://127.0.0.1:3000";
const out = (name: string) => `docs/img/${name}.png`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
await page.goto(url);
await page.getByTestId("start-button").waitFor();
await page.screenshot({ path: out("lobby") });

for (const round of ["system-design", "prompt-debugging", "behavioural"]) await page.getByTestId(`round-${round}`).uncheck();
await page.getByTestId("start-button").click();
await page.getByTestId("code-editor").locator(".cm-content").waitFor();
// Type the shown question's own reference solution, so the picture shows a real, passing run.
const title = (await page.getByTestId("question-title").textContent())!.trim();
const question = loadPacksFromDir("scenarios").flatMap((p) => p.questions).find((q) => q.title === title)!;
await page.getByTestId("code-editor").locator(".cm-content").click();
await page.keyboard.press("Control+A");
await page.keyboard.press("Delete");
await page.keyboard.insertText(question.coding!.referenceSolution.python!);
await page.keyboard.press("Control+Home");
await page.getByTestId("draft-status").filter({ hasText: /saved/i }).waitFor();
await page.getByTestId("run-tests").click();
await page.getByTestId("test-results").waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: out("interview-room") });

page.on("dialog", (d) => void d.accept());
await page.getByTestId("end-session").click();
await page.waitForURL(/\/report\//);
await page.getByTestId("report-overall").waitFor();
await page.screenshot({ path: out("report"), fullPage: false });
await browser.close();
console.log("wrote docs/img/lobby.png, interview-room.png, report.png");
