import type { Browser, Page } from "playwright-core";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import { useAppBrowser } from "./app-browser.js";
import { BUILTIN_PACKS_DIR } from "./packs.js";
import type { TestServer } from "./server.js";

/** What a candidate's e2e test reads once its describe block has started: the server, Chromium and the ai-engineer pack. */
export type RoomBrowser = {
  server: TestServer;
  browser: Browser;
  pack: Pack;
  /** A new page on the lobby, and the uncaught errors it collects. */
  openLobby(): Promise<{ page: Page; errors: string[] }>;
};

/**
 * For a describe block: the app on the built-in packs (with the app's own sandbox) and Chromium
 * (useAppBrowser). The fields are set once beforeAll has run (read them inside tests, not at collection time).
 */
export function useRoomBrowser(): RoomBrowser {
  let packs: Pack[] = [];
  const app = useAppBrowser({ packs: () => (packs = loadPacksFromDir(BUILTIN_PACKS_DIR)) });
  return {
    get server() {
      return app.server;
    },
    get browser() {
      return app.browser;
    },
    get pack() {
      return packs.find((p) => p.id === "ai-engineer")!;
    },
    openLobby: () => app.openPage(),
  };
}
