import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { launchChromium } from "./browser.js";
import { buildClientForTest } from "./client-build.js";
import { BUILTIN_PACKS_DIR } from "./packs.js";
import { startTestServer, type TestServer } from "./server.js";

/** What a candidate's e2e test needs: the server on the built-in packs with the built client, Chromium, and the ai-engineer pack. */
export type RoomBrowserSetup = { server: TestServer; browser: Browser; pack: Pack };

/**
 * For a describe block: start the app on the built-in packs and Chromium before its
 * tests (handing them to `take`, which keeps what the tests read) and close both after.
 */
export function useRoomBrowser(take: (setup: RoomBrowserSetup) => void): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const clientDist = await buildClientForTest();
    const packs = loadPacksFromDir(BUILTIN_PACKS_DIR);
    server = await startTestServer({ packs, clientDist });
    browser = await launchChromium();
    take({ server, browser, pack: packs.find((p) => p.id === "ai-engineer")! });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
