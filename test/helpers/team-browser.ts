import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Pack } from "../../server/scenarios/index.js";
import { launchChromium } from "./browser.js";
import { buildClientForTest } from "./client-build.js";
import { miniPack } from "./packs.js";
import { startTestServer, type TestServer } from "./server.js";

/** What a team e2e test needs: the server with the built client, a team "Acme" with its owner token, and Chromium. */
export type TeamBrowserSetup = { server: TestServer; browser: Browser; token: string; close(): Promise<void> };

/**
 * Start the whole app with the production client build, create team "Acme" and launch
 * Chromium. Started with only the mini fixture pack by default: the built-in packs may
 * be mid-edit and invalid.
 */
async function startTeamBrowser(options: { packs?: Pack[] } = {}): Promise<TeamBrowserSetup> {
  const clientDist = await buildClientForTest();
  const server = await startTestServer({ packs: options.packs ?? [miniPack()], clientDist });
  const { token } = await server.app.teams.create("Acme");
  const browser = await launchChromium();
  return {
    server,
    browser,
    token,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * For a describe block: start the team setup before its tests (handing it to `take`,
 * which keeps what the tests read) and close it after them.
 */
export function useTeamBrowser(take: (setup: TeamBrowserSetup) => void, options: { packs?: Pack[] } = {}): void {
  let setup: TeamBrowserSetup | undefined;
  beforeAll(async () => {
    setup = await startTeamBrowser(options);
    take(setup);
  }, 180_000);
  afterAll(async () => {
    await setup?.close();
  });
}

/** Open /team and sign in with the token; resolves once the team's workspace shows. */
export async function signInToTeam(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/team`);
  await page.getByTestId("team-token-input").fill(token);
  await page.getByTestId("team-token-submit").click();
  await page.getByTestId("team-name").waitFor();
}

/** Replace the whole YAML in the pack editor (CodeMirror); insertText is one input event, not a keystroke per character. */
export async function setPackYaml(page: Page, text: string): Promise<void> {
  await page.getByTestId("pack-editor").locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}
