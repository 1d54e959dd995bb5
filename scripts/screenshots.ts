// Regenerates the README screenshots from a running server:
//   npm start   (in another shell)   then   npx tsx scripts/screenshots.ts [url]
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
await page.getByTestId("code-editor").locator(".cm-content").click();
await page.keyboard.press("Control+End");
await page.keyboard.insertText("\n    for attempt in range(max_attempts):\n        resp = send()\n        if resp.status in RETRYABLE:\n            sleep(min(max_delay, base_delay * 2 ** attempt) * rand())");
await page.keyboard.press("Home");
await page.getByTestId("draft-status").filter({ hasText: /saved/i }).waitFor();
await page.screenshot({ path: out("interview-room") });

page.on("dialog", (d) => void d.accept());
await page.getByTestId("end-session").click();
await page.waitForURL(/\/report\//);
await page.getByTestId("report-overall").waitFor();
await page.screenshot({ path: out("report"), fullPage: false });
await browser.close();
console.log("wrote docs/img/lobby.png, interview-room.png, report.png");
