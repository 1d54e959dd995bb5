import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { launchChromium, pageErrors } from "./browser.js";
import { buildClientForTest } from "./client-build.js";
import { BUILTIN_PACKS_DIR } from "./packs.js";
import { startTestServer, type TestServer } from "./server.js";

/** What a candidate's e2e test reads once its describe block has started: the server, Chromium and the ai-engineer pack. */
export type RoomBrowser = {
  server: TestServer;
  browser: Browser;
  pack: Pack;
  /** A new page on the lobby, and the uncaught errors it collects. */
  openLobby(): Promise<{ page: Page; errors: string[] }>;
};

/**
 * For a describe block: the app on the built-in packs with the built client, and
 * Chromium, started before its tests and closed after them. The fields are set
 * once beforeAll has run (read them inside tests, not at collection time).
 */
export function useRoomBrowser(): RoomBrowser {
  const room = {
    async openLobby() {
      const page = await room.browser.newPage();
      const errors = pageErrors(page);
      await page.goto(room.server.url);
      return { page, errors };
    },
  } as RoomBrowser;
  beforeAll(async () => {
    const clientDist = await buildClientForTest();
    const packs = loadPacksFromDir(BUILTIN_PACKS_DIR);
    room.server = await startTestServer({ packs, clientDist });
    room.browser = await launchChromium();
    room.pack = packs.find((p) => p.id === "ai-engineer")!;
  }, 180_000);
  afterAll(async () => {
    await room.browser?.close();
    await room.server?.close();
  });
  return room;
}
