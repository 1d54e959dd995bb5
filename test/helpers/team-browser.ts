import { beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Pack } from "../../server/scenarios/index.js";
import { useAppBrowser } from "./app-browser.js";
import { miniPack } from "./packs.js";
import type { TestServer } from "./server.js";

/** What a team e2e test needs: the server with the built client, a team "Acme" with its owner token, and Chromium. */
export type TeamBrowserSetup = { server: TestServer; browser: Browser; token: string };

/**
 * For a describe block: the whole app and Chromium (useAppBrowser) with team "Acme" created, handed to `take`
 * (which keeps what the tests read) before the tests. Started with only the mini fixture pack by default: the
 * built-in packs may be mid-edit and invalid.
 */
export function useTeamBrowser(take: (setup: TeamBrowserSetup) => void, options: { packs?: Pack[] } = {}): void {
  let token = "";
  const app = useAppBrowser({
    packs: options.packs ?? [miniPack()],
    seed: async (server) => {
      token = (await server.app.teams.create("Acme")).token;
    },
  });
  // After useAppBrowser's beforeAll: vitest runs a block's beforeAll hooks in the order they were added.
  beforeAll(() => take({ server: app.server, browser: app.browser, token }));
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
